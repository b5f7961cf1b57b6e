package socketlab.ui.panes;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import socketlab.text.I18n;
import socketlab.ui.controls.Controls;
import socketlab.ui.model.ClientViewModel;
import socketlab.ui.model.MessageRow;
import socketlab.ui.style.Css;

/** What the client sends and how; the server's replies. */
public final class ClientPane extends VBox {
    @SuppressWarnings("unchecked")
    private final ObjectProperty<Integer>[] keep = new ObjectProperty[2];

    public ClientPane(ClientViewModel vm) {
        getStyleClass().addAll(Css.PANE, Css.CLIENT);
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label(I18n.tr("client.title"));
        title.getStyleClass().add(Css.PANE_TITLE);

        TextField port = new TextField();
        port.setId("client-port");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.portProperty());
        port.disableProperty().bind(vm.connectedProperty());
        Button connect = new Button();
        connect.setId("client-connect");
        connect.textProperty().bind(Bindings.when(vm.connectedProperty()).then(I18n.tr("client.disconnect"))
                .otherwise(I18n.tr("client.connect")));
        connect.disableProperty().bind(vm.busyProperty());
        connect.setOnAction(e -> vm.toggleConnection());
        Label portLabel = new Label(I18n.tr("client.port"));
        portLabel.setLabelFor(port);
        HBox top = new HBox(8, portLabel, port, connect);
        top.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.getStyleClass().add(Css.STATUS);
        status.textProperty().bind(vm.statusProperty());
        Label error = Controls.error(vm.errorProperty());
        error.setId("client-error");

        Label msgLabel = Controls.wrapped(new Label(I18n.tr("client.messages")));
        msgLabel.setMinWidth(0);
        TextArea messages = new TextArea();
        messages.setId("client-messages");
        messages.setPrefRowCount(2);
        messages.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        messages.textProperty().bindBidirectional(vm.messagesTextProperty());
        msgLabel.setLabelFor(messages);
        Button p1 = new Button(I18n.tr("client.preset1"));
        p1.setOnAction(e -> vm.messagesTextProperty().set(ClientViewModel.PRESET_TUTORIAL_1));
        Button p2 = new Button(I18n.tr("client.preset2"));
        p2.setOnAction(e -> vm.messagesTextProperty().set(ClientViewModel.PRESET_TUTORIAL_2));
        Button p3 = new Button(I18n.tr("client.preset3"));
        p3.setOnAction(e -> vm.messagesTextProperty().set(ClientViewModel.PRESET_CHINESE));
        HBox presets = new HBox(6, new Label(I18n.tr("client.presets")), p1, p2, p3);
        presets.setAlignment(Pos.CENTER_LEFT);

        GridPane knobs = new GridPane();
        knobs.setHgap(8);
        knobs.setVgap(6);
        var framing = Controls.framing(vm.framingProperty());
        framing.setId("client-framing");
        Controls.cell(knobs, 0, 0, I18n.tr("client.framing"), framing);
        var gap = Controls.spinner(0, 60_000, 50, vm.gapMsProperty(), keep, 1);
        gap.setId("client-gap");
        Controls.cell(knobs, 2, 0, I18n.tr("client.gap"), gap);
        CheckBox gen = Controls.wrapped(new CheckBox(I18n.tr("client.generated")));
        gen.selectedProperty().bindBidirectional(vm.addGeneratedProperty());
        var genSize = Controls.spinner(1, 16 * 1024 * 1024, 1024, vm.generatedSizeProperty(), keep, 0);
        genSize.disableProperty().bind(gen.selectedProperty().not());
        knobs.add(gen, 0, 1);
        knobs.add(genSize, 1, 1);
        CheckBox nodelay = new CheckBox(I18n.tr("client.nodelay"));
        nodelay.setId("client-nodelay");
        nodelay.setMnemonicParsing(false); // the name of the option, underscore and all
        nodelay.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // and never cut
        nodelay.selectedProperty().bindBidirectional(vm.noDelayProperty());
        knobs.add(nodelay, 2, 1, 2, 1);
        Button sendFile = new Button(I18n.tr("client.sendFile"));
        sendFile.setId("client-send-file");
        sendFile.disableProperty().bind(vm.busyProperty());
        sendFile.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(I18n.tr("client.sendFile.title"));
            java.io.File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.sendFile(f.toPath());
            }
        });
        sendFile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a button's words whole: "Send a fil…" said nothing
        CheckBox alter = Controls.wrapped(new CheckBox(I18n.tr("client.alterFile")));
        alter.setId("client-alter-file");
        Controls.tip(alter, I18n.tr("client.alterFile.tooltip"));
        alter.selectedProperty().bindBidirectional(vm.alterFileProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {gen, genSize, nodelay, sendFile, alter}) {
            n.getStyleClass().add(Css.ADVANCED);
        }
        Controls.growColumns(knobs);

        Button send = new Button(I18n.tr("client.send"));
        send.setId("client-send");
        send.getStyleClass().add(Css.PRIMARY);
        send.setMaxWidth(Double.MAX_VALUE);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // its key whole: the class is told to press it
        send.disableProperty().bind(vm.busyProperty());
        send.setOnAction(e -> vm.send());
        HBox.setHgrow(send, Priority.ALWAYS);
        HBox sendRow = new HBox(8, send, sendFile, alter); // one row: the pane keeps its height, the replies stay in view
        sendRow.setAlignment(Pos.CENTER_LEFT);

        Label repliesLabel = Controls.wrapped(new Label());
        repliesLabel.textProperty().bind(Controls.listTitle("client.replies", vm.earlierProperty()));
        ListView<MessageRow> replies = Controls.messageList(vm.replies());
        replies.setId("client-replies");
        replies.setPrefHeight(90);
        replies.setMinHeight(72); // at least two replies readable; the pane scrolls before this list vanishes
        VBox.setVgrow(replies, Priority.ALWAYS);
        getChildren().addAll(title, top, status, error, msgLabel, presets, messages, knobs, sendRow, repliesLabel, replies);
    }
}
