package socketlab.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import socketlab.scenario.Scenario;

/** The window's content: scenario bar, client and server side by side, timeline and inspector below. */
final class LabView extends BorderPane {
    final TimelineView timeline = new TimelineView();
    final ByteInspector inspector = new ByteInspector();

    LabView(LabViewModel vm, Runnable switchLanguage) {
        getStyleClass().add(Css.LAB);

        // --- scenario bar
        Label appTitle = new Label(I18n.tr("app.title"));
        appTitle.getStyleClass().add("app-title");
        ComboBox<Scenario> scenario = new ComboBox<>(FXCollections.observableArrayList(Scenario.builtIn()));
        scenario.setId("scenario");
        scenario.valueProperty().bindBidirectional(vm.scenarioProperty());
        scenario.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? "" : I18n.tr("scenario." + s.id());
            }

            @Override
            public Scenario fromString(String s) {
                return null;
            }
        });
        var fix = Controls.framing(vm.fixFramingProperty());
        fix.setId("scenario-fix");
        fix.setPrefWidth(150);
        Button compare = new Button(I18n.tr("scenario.compare"));
        compare.setId("scenario-compare");
        compare.getStyleClass().add(Css.PRIMARY);
        compare.setTooltip(new Tooltip(I18n.tr("scenario.compare.tip") + "  (Ctrl+R)"));
        compare.disableProperty().bind(vm.scenarioRunningProperty());
        compare.setOnAction(e -> vm.runComparison());
        Button all = new Button(I18n.tr("scenario.all"));
        all.setId("scenario-all");
        all.setTooltip(new Tooltip(I18n.tr("scenario.all.tip")));
        all.disableProperty().bind(vm.scenarioRunningProperty());
        all.setOnAction(e -> vm.runAllFixes());
        Button runOnce = new Button(I18n.tr("scenario.run"));
        runOnce.setId("scenario-run");
        runOnce.disableProperty().bind(vm.scenarioRunningProperty());
        runOnce.setOnAction(e -> vm.runScenario());
        javafx.scene.control.ToggleButton stepMode = new javafx.scene.control.ToggleButton(I18n.tr("step.mode"));
        stepMode.setId("step-mode");
        stepMode.setTooltip(new Tooltip(I18n.tr("step.mode.tip")));
        stepMode.selectedProperty().bindBidirectional(vm.stepModeProperty());
        Button next = new Button(I18n.tr("step.nextButton"));
        next.setId("step-next");
        next.getStyleClass().add(Css.PRIMARY);
        next.visibleProperty().bind(vm.stepModeProperty());
        next.managedProperty().bind(next.visibleProperty());
        next.disableProperty().bind(vm.waitingCallsProperty().isEqualTo(0));
        next.setOnAction(e -> vm.step());
        Button clear = new Button(I18n.tr("toolbar.clear"));
        clear.setId("clear");
        clear.setTooltip(new Tooltip("Ctrl+N"));
        clear.setOnAction(e -> vm.clear());
        Button lang = new Button(I18n.isChinese() ? "English" : "中文");
        lang.setId("language");
        lang.setOnAction(e -> switchLanguage.run());
        scenario.setPrefWidth(320);
        scenario.setMinWidth(180);
        // a flow, so on a narrow screen the bar wraps onto a second line instead of cutting its buttons short
        javafx.scene.layout.FlowPane left = new javafx.scene.layout.FlowPane(10, 6, appTitle,
                new HBox(6, new Label(I18n.tr("scenario.label")), scenario), new HBox(6, new Label(I18n.tr("scenario.fix")), fix),
                compare, all, runOnce);
        left.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : left.getChildren()) {
            if (n instanceof HBox box) {
                box.setAlignment(Pos.CENTER_LEFT);
            }
        }
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox right = new HBox(10, stepMode, next, clear, lang);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, left, right);
        bar.getStyleClass().add(Css.TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {compare, all, runOnce, stepMode, next, clear, lang}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label scenarioStatus = new Label();
        scenarioStatus.setId("scenario-status");
        scenarioStatus.getStyleClass().add(Css.STATUS);
        scenarioStatus.textProperty().bind(vm.scenarioStatusProperty());
        scenarioStatus.setPadding(new Insets(0, 12, 6, 12));
        scenarioStatus.setWrapText(true);
        scenarioStatus.setMinWidth(0);
        scenarioStatus.visibleProperty().bind(scenarioStatus.textProperty().isNotEmpty());
        scenarioStatus.managedProperty().bind(scenarioStatus.visibleProperty());
        Label nextCall = new Label();
        nextCall.setId("step-next-call");
        nextCall.getStyleClass().add("step-banner");
        nextCall.setMaxWidth(Double.MAX_VALUE);
        nextCall.textProperty().bind(vm.nextCallProperty());
        nextCall.visibleProperty().bind(vm.stepModeProperty());
        nextCall.managedProperty().bind(nextCall.visibleProperty());
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(bar, nextCall, scenarioStatus);
        setTop(top);

        // --- panes
        ClientPane client = new ClientPane(vm.client());
        ServerPane server = new ServerPane(vm.server());
        SplitPane panes = new SplitPane(client, server);
        // on a small screen the panes scroll, so the timeline keeps its share of the window
        javafx.scene.control.ScrollPane paneScroll = new javafx.scene.control.ScrollPane(panes);
        paneScroll.setFitToWidth(true);
        paneScroll.setFitToHeight(true);
        paneScroll.setMinHeight(160);

        // --- timeline and inspector
        timeline.setId("timeline");
        timeline.indexProperty().bind(Bindings.createObjectBinding(vm::index, vm.versionProperty()));
        timeline.versionProperty().bind(vm.versionProperty());
        timeline.setOnSelect(vm::select);
        vm.selectedProperty().addListener((o, a, e) -> {
            inspector.show(e, vm.index());
            timeline.selectedEventProperty().set(e == null ? -1 : e.index());
        });
        inspector.show(vm.selectedProperty().get(), vm.index());
        inspector.setId("inspector");
        SplitPane bottom = new SplitPane(timeline, inspector);
        bottom.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(inspector, false);
        SplitPane main = new SplitPane(paneScroll, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);
        setCenter(main);

        // --- status bar
        Label counts = new Label();
        counts.setId("counts");
        counts.getStyleClass().add(Css.COUNTER);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        counts.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("status.counts", vm.gluedProperty().get(), vm.splitProperty().get(), vm.eventsProperty().get()),
                vm.gluedProperty(), vm.splitProperty(), vm.eventsProperty()));
        Label keys = new Label(I18n.tr("status.keys"));
        keys.setMinWidth(0);
        keys.getStyleClass().add(Css.STATUS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(12, counts, gap, keys);
        status.getStyleClass().add("status-bar");
        status.setPadding(new Insets(4, 12, 4, 12));
        setBottom(status);

        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> vm.server().toggle());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> vm.client().toggleConnection());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> vm.client().send());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::runComparison);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), vm::clear);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), timeline::requestFocus);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), () -> vm.stepModeProperty().set(!vm.stepModeProperty().get()));
            // what a presenter's clicker sends: Space, →, Page Down — one real socket call each
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (!vm.stepModeProperty().get() || e.isShortcutDown() || e.isAltDown()) {
                    return;
                }
                boolean key = e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.PAGE_DOWN
                        || e.getCode() == KeyCode.RIGHT && !timeline.isFocused();
                if (key && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                    vm.step();
                    e.consume();
                }
            });
        });
    }
}
