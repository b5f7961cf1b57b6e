package socketlab.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import socketlab.scenario.Scenario;
import socketlab.text.I18n;
import socketlab.ui.controls.ChoiceButton;
import socketlab.ui.controls.Controls;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.panes.ByteInspector;
import socketlab.ui.panes.ClientPane;
import socketlab.ui.panes.LessonPane;
import socketlab.ui.panes.ProgramConsole;
import socketlab.ui.panes.ReplayBar;
import socketlab.ui.panes.ServerPane;
import socketlab.ui.panes.StatusBar;
import socketlab.ui.style.Css;
import socketlab.ui.timeline.TimelineView;

/** The window's content: scenario bar, client and server side by side, timeline and inspector below. */
final class LabView extends BorderPane {
    static final double BASE_FONT = 15;
    static final double PROJECTOR_FONT = 24;

    final TimelineView timeline = new TimelineView();
    final ByteInspector inspector = new ByteInspector();
    /** The File menu: files opened and saved, the PNG export, the scenario and program dialogs. */
    final FileMenu fileMenu;
    /** Projector mode: large type, high contrast, full screen, only the knobs a scenario needs. */
    final javafx.beans.property.BooleanProperty projector = new javafx.beans.property.SimpleBooleanProperty(false);
    /** Whether the client and server panes are in view (F8); hidden, the timeline takes the whole window. */
    final javafx.beans.property.BooleanProperty panesShown = new javafx.beans.property.SimpleBooleanProperty(true);
    /** Below this height (px), projector mode starts with the panes hidden. */
    static final double SHORT_SCREEN = 900;
    /** Below this height (px), a comparison run makes the panes this share of the window, for both its rows. */
    static final double COMPARISON_ROOM = 1000;
    static final double COMPARISON_PANES = 0.3;
    /** Ctrl +/−: a factor on every font size, on top of the mode's base size. */
    final javafx.beans.property.DoubleProperty fontZoom = new javafx.beans.property.SimpleDoubleProperty(1);

    private void zoomFonts(double factor) {
        fontZoom.set(Math.max(0.6, Math.min(3, fontZoom.get() * factor)));
    }

    private void applyFonts() {
        double base = (projector.get() ? PROJECTOR_FONT : BASE_FONT) * fontZoom.get();
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", base));
        timeline.setStyle(String.format(java.util.Locale.ROOT, "-sl-font-size: %.1fpx;", base * 0.92));
    }

    /** Projector theme on or off, full screen with it, the advanced knobs hidden. */
    private void applyMode(javafx.scene.Scene scene) {
        String url = Css.stylesheet(Css.PROJECTOR_THEME);
        scene.getStylesheets().remove(url);
        if (projector.get()) {
            scene.getStylesheets().add(url);
        }
        for (javafx.scene.Node n : lookupAll("." + Css.ADVANCED)) {
            n.setVisible(!projector.get());
            n.setManaged(!projector.get());
        }
        applyFonts();
        if (scene.getWindow() instanceof javafx.stage.Stage stage && stage.isShowing()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(projector.get());
        }
    }

    /** F1 or ?: every key the lab answers to. */
    void showShortcuts() {
        KeySheet.show(getScene(), getStyle());
    }

    LabView(LabViewModel vm, Runnable switchLanguage) {
        getStyleClass().add(Css.LAB);

        // --- scenario bar
        Label appTitle = new Label(I18n.tr("app.title"));
        appTitle.getStyleClass().add(Css.APP_TITLE);
        // a fixed, short list, built when it opens (see ChoiceButton)
        ChoiceButton<Scenario> scenario = new ChoiceButton<>(vm.runs().scenarios(), s -> s.title(I18n.locale().getLanguage()));
        scenario.setId("scenario");
        scenario.valueProperty().bindBidirectional(vm.runs().scenarioProperty());
        var fix = Controls.framing(vm.runs().fixFramingProperty());
        fix.setId("scenario-fix");

        Button compare = new Button(I18n.tr("scenario.compare"));
        compare.setId("scenario-compare");
        compare.getStyleClass().add(Css.PRIMARY);
        Controls.tip(compare, I18n.tr("scenario.compare.tip") + "  (Ctrl+R)");
        compare.disableProperty().bind(vm.runs().scenarioRunningProperty());
        compare.setOnAction(e -> vm.runs().runComparison());
        Button all = new Button(I18n.tr("scenario.all"));
        all.setId("scenario-all");
        Controls.tip(all, I18n.tr("scenario.all.tip"));
        all.disableProperty().bind(vm.runs().scenarioRunningProperty());
        all.setOnAction(e -> vm.runs().runAllFixes());
        Button runOnce = new Button(I18n.tr("scenario.run"));
        runOnce.setId("scenario-run");
        runOnce.disableProperty().bind(vm.runs().scenarioRunningProperty());
        runOnce.setOnAction(e -> vm.runs().runScenario());
        javafx.scene.control.ToggleButton stepMode = new javafx.scene.control.ToggleButton(I18n.tr("step.mode"));
        stepMode.setId("step-mode");
        Controls.tip(stepMode, I18n.tr("step.mode.tip"));
        stepMode.selectedProperty().bindBidirectional(vm.steps().stepModeProperty());
        Button next = new Button(I18n.tr("step.nextButton"));
        next.setId("step-next");
        next.getStyleClass().add(Css.PRIMARY);
        next.visibleProperty().bind(vm.steps().stepModeProperty());
        next.managedProperty().bind(next.visibleProperty());
        next.disableProperty().bind(vm.steps().waitingCallsProperty().isEqualTo(0));
        next.setOnAction(e -> vm.steps().step());
        FileMenu file = new FileMenu(vm, timeline);
        fileMenu = file;
        // drop a scenario (.json) or a saved trace (.jsonl) anywhere on the window
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            for (java.io.File f : e.getDragboard().getFiles()) {
                if (f.getName().endsWith(".jsonl")) {
                    vm.files().openTrace(f.toPath());
                    done = true;
                } else if (f.getName().endsWith(".json")) {
                    vm.runs().openScenario(f.toPath());
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
        Button clear = new Button(I18n.tr("toolbar.clear"));
        clear.setId("clear");
        Controls.tip(clear, "Ctrl+N");
        clear.setOnAction(e -> vm.clear());
        Button cancel = new Button(I18n.tr("scenario.cancel"));
        cancel.setId("cancel-run");
        Controls.tip(cancel, "Esc");
        cancel.setOnAction(e -> vm.runs().cancel());
        cancel.visibleProperty().bind(vm.runs().scenarioRunningProperty()); // its place is kept: nothing moves when it shows
        Button lang = new Button(I18n.isChinese() ? "English" : "中文");
        lang.setId("language");
        lang.setOnAction(e -> switchLanguage.run());
        Controls.tip(lang, "F7");
        scenario.getStyleClass().add(Css.SCENARIO_CHOICE);
        // a flow, so on a narrow screen the bar wraps onto a second line instead of cutting its buttons short
        javafx.scene.layout.FlowPane left = new javafx.scene.layout.FlowPane(10, 6, appTitle,
                new HBox(6, new Label(I18n.tr("scenario.label")), scenario), new HBox(6, new Label(I18n.tr("scenario.fix")), fix),
                compare, all, runOnce, stepMode, next, file, clear, lang, cancel);
        left.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : left.getChildren()) {
            if (n instanceof HBox box) {
                box.setAlignment(Pos.CENTER_LEFT);
            }
        }
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setMinWidth(0);
        left.setPrefWrapLength(800);
        HBox bar = new HBox(10, left);
        bar.getStyleClass().add(Css.TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {compare, all, runOnce, stepMode, next, file, clear, lang,
                cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // in front of a class the bar keeps what a lesson is driven with; the rest stays on its keys (F1 lists them)
        for (javafx.scene.Node n : new javafx.scene.Node[] {appTitle, all, runOnce, file, clear, lang}) {
            n.getStyleClass().add(Css.ADVANCED);
        }
        Label scenarioStatus = new Label();
        scenarioStatus.setId("scenario-status");
        scenarioStatus.getStyleClass().add(Css.STATUS);
        scenarioStatus.textProperty().bind(Bindings.createStringBinding( // a no-break space keeps the empty line's height
                () -> vm.scenarioStatusProperty().get().isEmpty() ? "\u00A0" : vm.scenarioStatusProperty().get(),
                vm.scenarioStatusProperty()));
        scenarioStatus.setPadding(new Insets(0, 12, 6, 12));
        scenarioStatus.setMinWidth(0);
        scenarioStatus.setMaxWidth(Double.MAX_VALUE);
        // one line, always there (empty until a run says something), so nothing below moves when it speaks;
        // a summary longer than the window ends in … and says all of it in its tooltip
        scenarioStatus.setWrapText(false);
        scenarioStatus.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        scenarioStatus.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.scenarioStatusProperty().addListener((o, was, now) -> Controls.tip(scenarioStatus, now.isEmpty() ? null : now));
        // in projector mode the rows of the timeline say the same: the line gives its room to them
        scenarioStatus.visibleProperty().bind(projector.not());
        scenarioStatus.managedProperty().bind(scenarioStatus.visibleProperty());
        Label nextCall = new Label();
        nextCall.setId("step-next-call");
        nextCall.getStyleClass().add(Css.STEP_BANNER);
        nextCall.setMaxWidth(Double.MAX_VALUE);
        // the sentence the class reads: whole, on a second line where one is too narrow (projector type at 1280 and
        // 1024 wide cut "recv(1024) — 11 bytes are waiting in its receive buffer" to "11 bytes ar...")
        nextCall.setWrapText(true);
        nextCall.setMinWidth(0);
        nextCall.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        nextCall.textProperty().bind(vm.steps().nextCallProperty());
        nextCall.visibleProperty().bind(vm.steps().stepModeProperty());
        nextCall.managedProperty().bind(nextCall.visibleProperty());
        Label notes = new Label();
        notes.setId("scenario-notes");
        notes.getStyleClass().add(Css.SCENARIO_NOTES);
        notes.setWrapText(true);
        notes.setMinWidth(0);
        notes.setMaxWidth(Double.MAX_VALUE);
        notes.textProperty().bind(Bindings.createStringBinding(() -> vm.runs().scenarioProperty().get() == null ? ""
                : vm.runs().scenarioProperty().get().notes(I18n.locale().getLanguage()), vm.runs().scenarioProperty()));
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(bar, nextCall, notes, scenarioStatus);
        setTop(top);

        // --- panes
        ClientPane client = new ClientPane(vm.client());
        ServerPane server = new ServerPane(vm.server());
        SplitPane panes = new SplitPane(client, server);
        // on a small screen the panes scroll, so the timeline keeps its share of the window
        javafx.scene.control.ScrollPane paneScroll = new javafx.scene.control.ScrollPane(panes);
        paneScroll.setId("panes-scroll");
        paneScroll.setFitToWidth(true);
        paneScroll.setFitToHeight(true);
        paneScroll.setMinHeight(120);
        // where the panes go on below their fold (projector type, a short screen), the fold fades out instead of cutting
        // a row of controls in half: more is there, and the scroll bar beside it reaches it
        javafx.scene.layout.Region fold = new javafx.scene.layout.Region();
        fold.getStyleClass().add(Css.PANES_FOLD);
        fold.setMouseTransparent(true);
        fold.setMaxHeight(Region.USE_PREF_SIZE);
        fold.setPrefHeight(48);
        javafx.scene.layout.StackPane.setAlignment(fold, javafx.geometry.Pos.BOTTOM_CENTER);
        javafx.scene.layout.StackPane.setMargin(fold, new javafx.geometry.Insets(0, 18, 1, 1)); // not over the scroll bar
        fold.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> panes.getLayoutBounds().getHeight() > paneScroll.getViewportBounds().getHeight() + 1
                        && paneScroll.getVvalue() < paneScroll.getVmax() - 1e-3,
                panes.layoutBoundsProperty(), paneScroll.viewportBoundsProperty(), paneScroll.vvalueProperty()));
        javafx.scene.layout.StackPane paneBox = new javafx.scene.layout.StackPane(paneScroll, fold);
        paneBox.setMinHeight(120);

        // --- timeline and inspector
        timeline.setId("timeline");
        timeline.indexProperty().bind(Bindings.createObjectBinding(vm::shownIndex, vm.versionProperty()));
        timeline.versionProperty().bind(vm.versionProperty());
        timeline.setOnSelect(vm::select);
        vm.selectedProperty().addListener((o, a, e) -> {
            inspector.show(e, vm.shownIndex());
            timeline.selectedEventProperty().set(e == null ? -1 : e.index());
        });
        inspector.show(vm.selectedProperty().get(), vm.shownIndex());
        inspector.setId("inspector");
        ReplayBar replayBar = new ReplayBar(vm);
        javafx.scene.layout.BorderPane timelineBox = new javafx.scene.layout.BorderPane(timeline);
        javafx.scene.layout.VBox underTimeline = new javafx.scene.layout.VBox(replayBar);
        timelineBox.setBottom(underTimeline);
        // the console is made when a program first runs: the window builds nothing it does not show
        javafx.beans.value.ChangeListener<Boolean> firstProgram = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    ProgramConsole console = new ProgramConsole(vm.programs());
                    // on a short window (1024×768) one line of output: three left the timeline about 60 px
                    Runnable rows = () -> console.setRows(getHeight() > 0 && getHeight() < SHORT_SCREEN
                            ? ProgramConsole.SHORT_ROWS : ProgramConsole.ROWS);
                    rows.run();
                    heightProperty().addListener((h, a, b) -> rows.run());
                    underTimeline.getChildren().add(0, console);
                    o.removeListener(this);
                }
            }
        };
        vm.programs().runningProperty().addListener(firstProgram);
        if (!vm.programs().consoleProperty().get().isEmpty()) { // built anew after F7: the console is there already
            firstProgram.changed(vm.programs().runningProperty(), false, true);
        }
        // the lesson is built when its tab is first shown: the window appears sooner, and nothing is lost
        javafx.scene.control.Tab lessonTab = new javafx.scene.control.Tab(I18n.tr("lesson.tab"));
        lessonTab.selectedProperty().addListener((o, was, now) -> {
            if (now && lessonTab.getContent() == null) {
                lessonTab.setContent(new LessonPane(vm));
            }
        });
        javafx.scene.control.TabPane side = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab(I18n.tr("inspector.title"), inspector), lessonTab);
        side.setId("side-tabs");
        side.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(0);
        SplitPane bottom = new SplitPane(timelineBox, side);
        bottom.setDividerPositions(0.7);
        // the timeline is what the room reads: in projector mode an empty inspector gives it its room, until a call is picked
        // a lesson is read beside its run: its tab takes two fifths of the width (at a third its code and chooser were cut)
        Runnable sideRoom = () -> bottom.setDividerPositions(side.getSelectionModel().getSelectedIndex() == 1 ? 0.6
                : !projector.get() ? 0.7 : vm.selectedProperty().get() == null ? 1.0 : 0.76);
        projector.addListener((o, was, on) -> sideRoom.run());
        vm.selectedProperty().addListener((o, was, now) -> sideRoom.run());
        side.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> sideRoom.run());
        SplitPane.setResizableWithParent(side, false);
        // picking a call in the timeline shows its bytes: a click brings the inspector forward even over the
        // lesson; the arrows keys leave the lesson in front, where the picked call's lines light up in its code
        vm.selectedProperty().addListener((o, a, e) -> {
            if (e != null && side.getSelectionModel().getSelectedIndex() != 1) {
                side.getSelectionModel().select(0);
            }
        });
        timeline.setOnPointerPick(e -> side.getSelectionModel().select(0));
        SplitPane main = new SplitPane(paneBox, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.56);
        // in projector mode the timeline gets the larger share: it is what the room looks at
        projector.addListener((o, was, on) -> main.setDividerPositions(on ? 0.3 : 0.56));
        // F8 hides the panes and gives the timeline all the room (what a 1024×768 projector needs); F8 again brings them back.
        // Projector mode on a short screen starts with them hidden: the scenario bar and step mode drive the run.
        panesShown.addListener((o, was, shown) -> {
            if (shown && !main.getItems().contains(paneBox)) {
                main.getItems().add(0, paneBox);
                main.setDividerPositions(projector.get() ? 0.3 : 0.56);
            } else if (!shown) {
                main.getItems().remove(paneBox);
            }
        });
        projector.addListener((o, was, on) -> panesShown.set(!on || getHeight() >= SHORT_SCREEN));
        // a comparison's rows belong in view together: on a short window the panes give the timeline the room
        vm.runs().scenarioRunningProperty().addListener((o, was, now) -> {
            if (now && vm.runs().batchProperty().get() >= 2 && getHeight() < COMPARISON_ROOM
                    && main.getDividers().size() > 0 && main.getDividerPositions()[0] > COMPARISON_PANES) {
                main.setDividerPositions(COMPARISON_PANES);
            }
        });
        timelineBox.setMinWidth(0);
        inspector.setMinWidth(0);
        setCenter(main);

        StatusBar statusBar = new StatusBar(vm, projector, Bindings.and(projector, Bindings.not(panesShown)));
        setBottom(statusBar);
        // nothing of it left to show (presenting, nothing unrecorded): no empty band's padding either
        statusBar.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> statusBar.getChildren().stream().anyMatch(javafx.scene.Node::isManaged), statusBar.getChildren().stream()
                        .map(javafx.scene.Node::managedProperty).toArray(javafx.beans.Observable[]::new)));
        statusBar.managedProperty().bind(statusBar.visibleProperty());

        projector.addListener((o, was, on) -> {
            if (getScene() != null) {
                applyMode(getScene());
            }
        });
        fontZoom.addListener((o, a, b) -> applyFonts());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> vm.server().toggle());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> vm.client().toggleConnection());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> vm.client().send());
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm.runs()::runComparison);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), vm::clear);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm.runs()::cancel);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), file::runProgram);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), timeline::requestFocus);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> projector.set(!projector.get()));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F2), () -> { // the lesson, by keyboard
                side.getSelectionModel().select(1);
                ((LessonPane) lessonTab.getContent()).focusPicker();
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoomFonts(1.15));
            // "Ctrl + +" on a US keyboard is Ctrl+Shift+=: the same key, taken too
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                    () -> zoomFonts(1.15));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoomFonts(1.15));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> zoomFonts(1.15));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoomFonts(1 / 1.15));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoomFonts(1 / 1.15));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> fontZoom.set(1));
            scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
                if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                    showShortcuts();
                }
            });
            applyMode(scene);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), switchLanguage);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F8), () -> panesShown.set(!panesShown.get()));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), () -> vm.steps().stepModeProperty().set(!vm.steps().stepModeProperty().get()));
            // replay: Home goes to the run's start (again: the run before), ← → step through the events, Space plays
            // and pauses (unless a text field or the timeline has the keys)
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.HOME && !e.isShortcutDown() && !e.isAltDown() && !timeline.isFocused()
                        && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) && vm.eventsProperty().get() > 0) {
                    replayBar.toStart();
                    e.consume();
                    return;
                }
                if (!vm.replay().isReplaying() || e.isShortcutDown() || e.isAltDown() || timeline.isFocused()
                        || scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl) {
                    return;
                }
                if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                    replayBar.step(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                    e.consume();
                } else if (e.getCode() == KeyCode.SPACE) {
                    replayBar.togglePlay();
                    e.consume();
                }
            });
            // what a presenter's clicker sends: Space, →, Page Down — one real socket call each. Page Down steps even
            // from a text field: a program's console line takes the focus when it starts, and a clicker sends no Tab
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (!vm.steps().stepModeProperty().get() || e.isShortcutDown() || e.isAltDown()) {
                    return;
                }
                if (vm.replay().isReplaying()) {
                    return;
                }
                boolean typing = scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl;
                boolean key = e.getCode() == KeyCode.PAGE_DOWN
                        || !typing && (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.RIGHT && !timeline.isFocused());
                if (key) {
                    vm.steps().step();
                    e.consume();
                }
            });
        });
    }
}
