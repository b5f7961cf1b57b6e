package socketlab.ui.panes;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import socketlab.net.ServerSettings;
import socketlab.text.I18n;
import socketlab.ui.controls.ChoiceButton;
import socketlab.ui.controls.Controls;
import socketlab.ui.model.MessageRow;
import socketlab.ui.model.ServerViewModel;
import socketlab.ui.style.Css;

/** The server's knobs, its decoded messages marked ✓/✗, and the receive-buffer gauge. */
public final class ServerPane extends VBox {
    @SuppressWarnings("unchecked")
    private final ObjectProperty<Integer>[] keep = new ObjectProperty[2];

    public ServerPane(ServerViewModel vm) {
        getStyleClass().addAll(Css.PANE, Css.SERVER);
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label(I18n.tr("server.title"));
        title.getStyleClass().add(Css.PANE_TITLE);

        TextField port = new TextField();
        port.setId("server-port");
        port.textProperty().bindBidirectional(vm.portProperty());
        port.setPrefColumnCount(6);
        port.disableProperty().bind(vm.runningProperty());
        Button start = new Button();
        start.setId("server-start");
        start.getStyleClass().add(Css.PRIMARY);
        start.textProperty().bind(Bindings.when(vm.runningProperty()).then(I18n.tr("server.stop")).otherwise(I18n.tr("server.start")));
        start.disableProperty().bind(vm.busyProperty());
        start.setOnAction(e -> vm.toggle());
        port.setOnAction(e -> vm.toggle());
        Button useFree = new Button();
        useFree.setId("server-use-free");
        useFree.textProperty().bind(Bindings.createStringBinding(() -> I18n.tr("server.useFree", String.valueOf(vm.suggestedPortProperty().get())),
                vm.suggestedPortProperty()));
        useFree.visibleProperty().bind(vm.suggestedPortProperty().greaterThan(0));
        useFree.managedProperty().bind(useFree.visibleProperty());
        useFree.setOnAction(e -> vm.useSuggestedPort());
        Label portLabel = new Label(I18n.tr("server.port"));
        portLabel.setLabelFor(port);
        HBox top = new HBox(8, portLabel, port, start, useFree);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label status = new Label();
        status.getStyleClass().add(Css.STATUS);
        status.textProperty().bind(vm.statusProperty());
        Label error = Controls.error(vm.errorProperty());
        error.setId("server-error");

        GridPane knobs = new GridPane();
        knobs.setHgap(8);
        knobs.setVgap(6);
        var recvBuffer = Controls.spinner(1, 16 * 1024 * 1024, 1, vm.recvBufferProperty(), keep, 0);
        recvBuffer.setId("server-recv-buffer");
        Controls.cell(knobs, 0, 0, I18n.tr("server.recvBuffer"), recvBuffer);
        var recvDelay = Controls.spinner(0, 60_000, 50, vm.recvDelayMsProperty(), keep, 1);
        recvDelay.setId("server-recv-delay");
        Controls.cell(knobs, 2, 0, I18n.tr("server.recvDelay"), recvDelay);
        var framing = Controls.framing(vm.framingProperty());
        framing.setId("server-framing");
        Controls.cell(knobs, 0, 1, I18n.tr("server.framing"), framing);
        javafx.scene.control.CheckBox echo = Controls.wrapped(new javafx.scene.control.CheckBox(I18n.tr("server.echo")));
        echo.selectedProperty().bindBidirectional(vm.echoProperty());
        knobs.add(echo, 2, 1, 2, 1);
        ChoiceButton<ServerSettings.Model> model = new ChoiceButton<>(
                javafx.collections.FXCollections.observableArrayList(ServerSettings.Model.values()),
                m -> I18n.tr("server.model." + m.name().toLowerCase(java.util.Locale.ROOT)));
        model.setId("server-model");
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.disableProperty().bind(vm.runningProperty());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the model's name whole, not "a thread …"
        Controls.cell(knobs, 0, 2, I18n.tr("server.model"), model);
        javafx.scene.control.CheckBox reuse = new javafx.scene.control.CheckBox("SO_REUSEADDR");
        reuse.setId("server-reuse");
        reuse.setMnemonicParsing(false); // the name of the option, underscore and all
        reuse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // and never cut to "SO_REUSEAD…"
        reuse.selectedProperty().bindBidirectional(vm.reuseAddressProperty());
        reuse.disableProperty().bind(vm.runningProperty());
        Controls.tip(reuse, I18n.tr("server.reuse.tooltip"));
        javafx.scene.control.CheckBox commands = Controls.wrapped(new javafx.scene.control.CheckBox(I18n.tr("server.commands")));
        commands.setId("server-commands");
        commands.selectedProperty().bindBidirectional(vm.commandsProperty());
        commands.disableProperty().bind(vm.runningProperty());
        Controls.tip(commands, I18n.tr("server.commands.tooltip"));
        javafx.scene.layout.FlowPane switches = new javafx.scene.layout.FlowPane(16, 4, reuse, commands); // the second below the first when narrow
        switches.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        knobs.add(switches, 2, 2, 2, 1);
        for (javafx.scene.Node n : new javafx.scene.Node[] {model, switches}) {
            n.getStyleClass().add(Css.ADVANCED);
        }
        Controls.growColumns(knobs);

        ProgressBar gauge = new ProgressBar(0);
        gauge.getStyleClass().add(Css.GAUGE);
        gauge.setMaxWidth(Double.MAX_VALUE);
        gauge.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double max = Math.max(vm.recvBufferProperty().get(), vm.waitingMaxProperty().get());
            return max <= 0 ? 0 : vm.waitingProperty().get() / max;
        }, vm.waitingProperty(), vm.waitingMaxProperty(), vm.recvBufferProperty()));
        Label gaugeText = Controls.wrapped(new Label());
        gaugeText.setId("server-waiting");
        gaugeText.textProperty().bind(Bindings.createStringBinding(() -> I18n.tr("server.waiting", vm.waitingProperty().get()),
                vm.waitingProperty()));
        HBox.setHgrow(gauge, Priority.ALWAYS);
        HBox gaugeRow = new HBox(8, gauge, gaugeText);
        gaugeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label listTitle = Controls.wrapped(new Label());
        listTitle.textProperty().bind(Controls.listTitle("server.messages", vm.earlierProperty()));
        ListView<MessageRow> list = Controls.messageList(vm.messages());
        list.setId("server-messages");
        vm.messages().addListener((javafx.collections.ListChangeListener<MessageRow>) c -> list.scrollTo(list.getItems().size() - 1));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(96);
        getChildren().addAll(title, top, status, error, knobs, gaugeRow, listTitle, list);
    }
}
