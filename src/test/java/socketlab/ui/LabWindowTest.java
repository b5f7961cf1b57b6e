package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.net.ServerSettings;
import socketlab.scenario.Scenario;
import socketlab.text.I18n;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;
import socketlab.ui.controls.ChoiceButton;
import socketlab.ui.controls.FramingField;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.model.MessageRow;
import socketlab.ui.style.Css;
import socketlab.ui.timeline.TimelineSkin;
import socketlab.ui.timeline.TimelineView;
import socketlab.trace.Conn;

/**
 * The window driven as a learner would, headless (Monocle), on real loopback sockets:
 * glue first, then the header framing makes two clean messages; a bad port is explained.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
    private LabViewModel vm;
    private LabView view;
    private AnimationTimer pulse;

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
        view = window(stage, vm, 1600, 1000);
        pulse = pulse(vm);
    }

    /** The window's view on {@code stage}, {@code w}×{@code h}, shown, in the lab's theme; F7 switches its language. */
    static LabView window(Stage stage, LabViewModel vm, double w, double h) {
        Scene scene = new Scene(new javafx.scene.layout.Pane(), w, h);
        LabView v = new LabView(vm, () -> LabApp.switchLanguage(scene, vm));
        scene.setRoot(v);
        scene.getStylesheets().add(Css.stylesheet(Css.THEME));
        stage.setScene(scene);
        // the one stage is shared by every test class: one that played a 1024×768 projector (projectorOn) left it that
        // size, and the next class's window came up under 900 px high with its panes folded away
        stage.setFullScreen(false);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        return v;
    }

    /**
     * Projector mode on a screen of {@code w}×{@code h}: the mode goes full screen, and Monocle's one screen is
     * 1920×1080 (pom.xml), so without this a "1024×768" projector test would lay the window out at full HD — where
     * a fit cannot fail. On a real 1024×768 projector full screen is 1024×768: the stage is put back to it.
     */
    static void projectorOn(LabView v, double w, double h) throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            v.projector.set(true);
            Stage stage = (Stage) v.getScene().getWindow();
            stage.setFullScreen(false);
            stage.setWidth(w);
            stage.setHeight(h);
        }).get();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window's pulse, as LabApp runs it: the view model reads what is new once a frame. */
    static AnimationTimer pulse(LabViewModel vm) {
        AnimationTimer t = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.refresh();
            }
        };
        t.start();
        return t;
    }

    @AfterEach
    void closeSockets() {
        pulse.stop();
        vm.shutdown();
        I18n.setLocale(Locale.ENGLISH);
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> condition.getAsBoolean());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeInto(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private void chooseFraming(FxRobot robot, String fieldId, String spec) {
        robot.clickOn(fieldId + " ." + FramingField.PICK);
        robot.clickOn(robot.lookup(".context-menu .menu-item")
                .match((javafx.scene.Node n) -> n.lookup(".label") instanceof Label l && l.getText().startsWith(spec + " "))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(spec, framingOf(robot, fieldId));
    }

    private String framingOf(FxRobot robot, String fieldId) {
        return robot.lookup(fieldId).queryAs(FramingField.class).getValue();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private List<MessageRow> serverMessages(FxRobot robot) {
        return robot.lookup("#server-messages").queryAs(ListView.class).getItems();
    }

    @Test
    void twoSendsGlueIntoOneWrongMessageThenHeaderFramingMakesTwoRightOnes(FxRobot robot) {
        typeInto(robot, "#server-port", "0");
        robot.clickOn("#server-start");
        waitUntil("the server listens", () -> text(robot, "#server-waiting") != null && vm.server().runningProperty().get());
        assertFalse(robot.lookup("#client-port").queryTextInputControl().getText().equals("0"),
                "the client was pointed at the port the system chose");

        robot.clickOn("#client-send");
        waitUntil("the server decoded something", () -> serverMessages(robot).size() >= 1);
        waitUntil("the glued chunk is counted", () -> vm.gluedProperty().get() >= 1);
        List<MessageRow> rows = serverMessages(robot);
        assertEquals(1, rows.size(), "one recv() held both sends: " + rows);
        assertEquals("hello worldhaha", rows.get(0).text());
        waitUntil("the message is shown as a row of the list (its full skin came with its first message)",
                () -> robot.lookup("#server-messages .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                        .anyMatch(c -> c.isVisible() && c.getText() != null && c.getText().contains("hello worldhaha")));
        assertEquals(Verdict.WRONG, rows.get(0).verdict(), "marked ✗: neither message the client meant");
        assertTrue(text(robot, "#counts").contains("Glued recv() chunks: 1"), text(robot, "#counts"));
        int glued = -1;
        for (int i = 0; i < vm.log().size(); i++) {
            if (vm.log().op(i) == socketlab.trace.Op.RECV && vm.log().bytes(i) == 15) {
                glued = i;
            }
        }
        int pick = glued;
        robot.interact(() -> vm.select(pick));
        String dump = robot.lookup("#inspector ." + Css.HEX).queryAs(javafx.scene.text.TextFlow.class).getChildren().stream()
                .map(n -> n instanceof javafx.scene.text.Text t ? t.getText() : "").reduce("", String::concat);
        assertTrue(dump.contains("68 65 6C 6C  6F") && dump.contains("rldhaha"), "the inspector shows the glued recv()'s bytes in hex: " + dump);
        assertEquals(15, vm.server().waitingProperty().get(), "both messages were waiting in the kernel buffer");

        chooseFraming(robot, "#server-framing", "header:le");
        chooseFraming(robot, "#client-framing", "header:le");
        robot.clickOn("#client-send");
        waitUntil("two more messages decoded", () -> serverMessages(robot).size() >= 3
                || !vm.client().errorProperty().get().isEmpty());
        assertEquals("", vm.client().errorProperty().get());
        rows = serverMessages(robot);
        assertEquals("hello world", rows.get(1).text());
        assertEquals("haha", rows.get(2).text());
        assertEquals(Verdict.OK, rows.get(1).verdict());
        assertEquals(Verdict.OK, rows.get(2).verdict());
        assertEquals("✓", rows.get(1).mark());
    }

    @Test
    void aPickedFileArrivesVerifiedAndOneAlteredAfterHashingIsCaught(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("notes-笔记.txt");
        java.nio.file.Files.writeString(file, "a file the learner picked\n".repeat(300)); // 7,800 bytes: several recv(1024)
        typeInto(robot, "#server-port", "0");
        chooseFraming(robot, "#server-framing", "header:le");
        chooseFraming(robot, "#client-framing", "header:le");
        robot.clickOn("#server-start");
        waitUntil("the server listens", () -> vm.server().runningProperty().get());
        robot.interact(() -> vm.client().sendFile(file)); // what "Send a file…" does with the chosen file
        waitUntil("the file arrived", () -> serverMessages(robot).size() >= 1);
        assertEquals(Verdict.OK, serverMessages(robot).get(0).verdict(), serverMessages(robot).toString());
        assertEquals(7800, serverMessages(robot).get(0).bytes());

        robot.clickOn("#client-alter-file");
        robot.interact(() -> vm.client().sendFile(file));
        waitUntil("the altered file arrived", () -> serverMessages(robot).size() >= 3);
        List<MessageRow> rows = serverMessages(robot);
        assertTrue(rows.stream().anyMatch(r -> r.verdict() == Verdict.WRONG), "the altered copy is marked ✗: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.error() && r.text().contains("sha256")), "and the hash mismatch is said: " + rows);
    }

    @Test
    void theServerModelReuseAddressAndCommandsChosenInThePaneAreWhatTheServerRuns(FxRobot robot) {
        typeInto(robot, "#server-port", "0");
        robot.clickOn("#server-model");
        robot.clickOn(robot.lookup(".context-menu .menu-item")
                .match((javafx.scene.Node n) -> n.lookup(".label") instanceof Label l && "iterative: one client at a time".equals(l.getText()))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        for (String option : new String[] {"#server-reuse", "#client-nodelay"}) { // as the socket API spells them
            String shown = robot.lookup(option + " .text").queryAs(javafx.scene.text.Text.class).getText();
            assertTrue(shown.startsWith("SO_REUSEADDR") || shown.startsWith("TCP_NODELAY"), "the option's name, underscore and all: " + shown);
        }
        robot.clickOn("#server-reuse");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#server-commands");
        assertEquals(ServerSettings.Model.ITERATIVE, vm.server().modelProperty().get());
        assertFalse(vm.server().reuseAddressProperty().get(), "SO_REUSEADDR switched off");
        assertTrue(vm.server().commandsProperty().get(), "answering commands switched on");
        robot.clickOn("#server-start");
        waitUntil("the server listens", () -> vm.server().runningProperty().get());
        assertTrue(robot.lookup("#server-model").query().isDisabled(), "the model applies at start: fixed while running");
        robot.interact(() -> vm.client().messagesTextProperty().set("pwd"));
        robot.clickOn("#client-send");
        waitUntil("the answer came back", () -> !vm.client().replies().isEmpty());
        assertEquals("/socketlab/lab⏎", vm.client().replies().get(0).text(), "the answer to pwd (its newline shown as ⏎)");
        socketlab.trace.TraceLog log = vm.log();
        String listen = null;
        String accept = null;
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == socketlab.trace.Op.LISTEN) {
                listen = log.get(i).text();
            } else if (log.op(i) == socketlab.trace.Op.ACCEPT) {
                accept = log.get(i).text();
            }
        }
        assertTrue(listen.contains("SO_REUSEADDR off"), listen);
        assertTrue(accept.contains("iterative") && accept.contains("commands"), accept);
    }

    @Test
    void runningALessonLoadsItsSettingsIntoThePanesToTryAgainByHand(FxRobot robot) {
        waitUntil("the lessons were read", () -> !vm.lessons().lessons().isEmpty());
        socketlab.lesson.Lesson commands = vm.lessons().lessons().stream().filter(l -> l.id().equals("ch9-remote-command-header"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            vm.lessons().lessonProperty().set(commands);
            vm.lessons().runLesson();
        });
        waitUntil("the lesson answered", () -> vm.lessons().lessonResultProperty().get().contains("/socketlab/lab"));
        assertEquals("header", framingOf(robot, "#server-framing"));
        assertEquals("header", framingOf(robot, "#client-framing"));
        assertTrue(vm.server().commandsProperty().get(), "the server pane answers commands, as in the lesson");
        assertEquals("ls\npwd", robot.lookup("#client-messages").queryTextInputControl().getText());
        socketlab.lesson.Lesson iterative = vm.lessons().lessons().stream().filter(l -> l.id().equals("ch10-iterative")).findFirst().orElseThrow();
        robot.interact(() -> {
            vm.lessons().lessonProperty().set(iterative);
            vm.lessons().runLesson();
        });
        waitUntil("the second lesson answered", () -> vm.lessons().lessonResultProperty().get().contains("accept()"));
        assertEquals(ServerSettings.Model.ITERATIVE, vm.server().modelProperty().get());
        assertFalse(vm.server().commandsProperty().get(), "what the last lesson set is reset");
    }

    @Test
    void f8HidesThePanesSoTheTimelineTakesTheWindowAndBringsThemBack(FxRobot robot) {
        double before = robot.lookup("#timeline").query().getBoundsInLocal().getHeight();
        robot.push(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#client-port").tryQuery().isEmpty(), "the panes are out of the window");
        double after = robot.lookup("#timeline").query().getBoundsInLocal().getHeight();
        assertTrue(after > before * 1.5, "the timeline grew from " + before + " to " + after);
        robot.push(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#client-port").tryQuery().isPresent(), "and back");
    }

    static int socketCalls(LabViewModel vm) {
        socketlab.trace.TraceIndex idx = vm.index();
        int n = 0;
        for (socketlab.trace.Conn c : idx.conns()) {
            n += c.sends.size() + c.recvs.size() + (c.openEvent >= 0 ? 1 : 0);
        }
        return n;
    }

    @Test
    void stepModeRunsExactlyOneRealSocketCallPerSpace(FxRobot robot) {
        robot.push(KeyCode.F6);
        assertTrue(vm.steps().stepModeProperty().get(), "F6 turns step mode on");
        typeInto(robot, "#server-port", "0");
        robot.clickOn("#server-start");
        waitUntil("accept() waits for its step", () -> vm.steps().waitingCallsProperty().get() == 1);
        assertTrue(text(robot, "#step-next-call").contains("accept()"), text(robot, "#step-next-call"));
        robot.clickOn("#client-send"); // connect, then two sends: each waits for its step
        waitUntil("connect() waits too", () -> vm.steps().waitingCallsProperty().get() == 2);

        assertEquals(0, socketCalls(vm));
        // accept() runs first and blocks in the kernel until the connect() that the next Space lets through
        robot.push(KeyCode.SPACE);
        waitUntil("accept() left the line", () -> vm.steps().waitingCallsProperty().get() == 1
                && vm.steps().nextCallProperty().get().contains("connect("));
        assertEquals(0, socketCalls(vm), "accept() is blocked, waiting for a client");
        // connect (and the accept it completes), send, send, recv: one call per press of Space
        for (int press = 2; press <= 5; press++) {
            int expected = press;
            if (press == 5) {
                waitUntil("the slow receiver's recv() joins the line", () -> vm.steps().nextCallProperty().get().contains("recv(1024)"));
            } else if (press > 1) {
                waitUntil("a call waits", () -> vm.steps().waitingCallsProperty().get() >= 1);
            }
            robot.push(KeyCode.SPACE);
            waitUntil("call " + expected + " ran", () -> socketCalls(vm) >= expected);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(expected, socketCalls(vm), "exactly one call per Space");
        }
        waitUntil("the glued message is decoded", () -> serverMessages(robot).size() == 1);
        assertEquals("hello worldhaha", serverMessages(robot).get(0).text());
        robot.push(KeyCode.F6); // stepping off mid-run
        assertFalse(vm.steps().stepModeProperty().get());
    }

    @Test
    void aClickersPageDownStepsEvenWhileATextFieldHasTheFocusAndSpaceThereIsTyped(FxRobot robot) {
        robot.push(KeyCode.F6);
        typeInto(robot, "#server-port", "0");
        robot.clickOn("#server-start");
        waitUntil("accept() waits for its step", () -> vm.steps().waitingCallsProperty().get() == 1);
        robot.clickOn("#client-port"); // a text field has the focus, as a program's console line has once it starts
        assertTrue(robot.lookup("#client-port").query().isFocused());
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.steps().waitingCallsProperty().get(), "Space in a text field is a space, not a step");
        robot.push(KeyCode.PAGE_DOWN);
        waitUntil("Page Down let accept() run", () -> vm.steps().waitingCallsProperty().get() == 0);
        robot.push(KeyCode.F6);
    }

    @Test
    void closingTheWindowClosesEverySocketAndFreesThePortWithinASecond(FxRobot robot) throws Exception {
        typeInto(robot, "#server-port", "0");
        robot.clickOn("#server-start");
        waitUntil("the server listens", () -> vm.server().runningProperty().get());
        int port = vm.server().boundPortProperty().get();
        robot.clickOn("#client-connect");
        waitUntil("the client is connected", () -> vm.client().connectedProperty().get());

        long t0 = System.nanoTime();
        vm.shutdown(); // what the window does (on a background thread) when it is closed
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "shutdown took " + ms + " ms");
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort(), "the port is free again");
        }
    }

    @Test
    void projectorModeMakesTheTypeLargerAndHidesAdvancedKnobs(FxRobot robot) {
        double before = robot.lookup("#server-start").queryButton().getFont().getSize();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        double after = robot.lookup("#server-start").queryButton().getFont().getSize();
        assertTrue(after >= before * 1.4, "font " + before + " -> " + after);
        assertFalse(robot.lookup("." + Css.ADVANCED).query().isVisible(), "advanced knobs hidden");
        javafx.scene.Node model = robot.lookup("#server-model").query();
        assertTrue(robot.lookup((Label l) -> l.getLabelFor() == model).tryQuery().map(l -> !l.isVisible()).orElse(false),
                "a hidden knob takes its label with it");
        robot.press(KeyCode.CONTROL).push(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#server-start").queryButton().getFont().getSize() > after, "Ctrl+= zooms the type");
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("." + Css.ADVANCED).query().isVisible());
    }

    @Test
    void theTimelineExportsAsAPngOfItsSize(FxRobot robot) throws Exception {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> vm.scenarioStatusProperty().get().contains("|"));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("socketlab-png");
        java.nio.file.Path visible = dir.resolve("visible.png");
        java.nio.file.Path whole = dir.resolve("whole.png");
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(2);
        robot.interact(() -> {
            view.fileMenu.exportPng(visible, false, written::countDown);
            view.fileMenu.exportPng(whole, true, written::countDown);
        });
        assertTrue(written.await(15, TimeUnit.SECONDS));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(visible.toFile());
        assertEquals((int) view.timeline.getWidth(), img.getWidth());
        int heading = img.getHeight() - (int) view.timeline.getHeight();
        assertTrue(heading > 20 && heading < 120, "the timeline as shown under a heading of " + heading + " px (scenario, counts, date)");
        java.awt.image.BufferedImage all = javax.imageio.ImageIO.read(whole.toFile());
        assertEquals((int) (2 * Math.max(800, view.timeline.getWidth())), all.getWidth(), "the whole run drawn at twice the width");
        assertTrue(all.getHeight() > 2 * 200, all.getWidth() + "x" + all.getHeight());
        assertTrue(vm.scenarioStatusProperty().get().contains("PNG"), vm.scenarioStatusProperty().get());
    }

    @Test
    void aScenarioFileIsOpenedAndABrokenOneNamesItsField(FxRobot robot) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("socketlab-scenario");
        java.nio.file.Path good = dir.resolve("mine.json");
        java.nio.file.Files.writeString(good, "{\"format\": \"socketlab-scenario/1\", \"id\": \"mine\", \"title\": \"My three\","
                + " \"notes\": \"Three sends, one recv.\", \"messages\": [\"a\", \"b\", \"c\"], \"recv_delay_ms\": 100}");
        robot.interact(() -> vm.runs().openScenario(good));
        waitUntil("the scenario is selected", () -> vm.runs().scenarioProperty().get().id().equals("mine"));
        assertEquals("Three sends, one recv.", text(robot, "#scenario-notes"));

        java.nio.file.Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\n \"format\": \"socketlab-scenario/1\",\n \"id\": \"x\",\n \"title\": \"t\",\n"
                + " \"messages\": [\"a\"],\n \"recv_buffer\": -5\n}");
        robot.interact(() -> vm.runs().openScenario(bad));
        waitUntil("the error is shown", () -> vm.scenarioStatusProperty().get().contains("recv_buffer"));
        String msg = vm.scenarioStatusProperty().get();
        assertTrue(msg.contains("bad.json line 6: \"recv_buffer\" must be a whole number 1–16777216, got -5"), msg);
        assertEquals("mine", vm.runs().scenarioProperty().get().id(), "the broken file changed nothing");
    }

    @Test
    void replayScrubbingShowsTheSameCountsAsTheLiveRun(FxRobot robot) {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> vm.scenarioStatusProperty().get().contains("|"));
        waitUntil("all events shown", () -> vm.shownIndex().log().size() == vm.replay().recorded() && vm.gluedProperty().get() == 2);
        int glued = vm.gluedProperty().get();
        int split = vm.splitProperty().get();
        int messages = serverMessages(robot).size();
        int waiting = vm.server().waitingProperty().get();

        robot.clickOn("#replay-first");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.replay().replayProperty().get(), "the start of the run is its first event, not the empty log");
        assertEquals(0, vm.gluedProperty().get(), "nothing has happened at the start");
        assertEquals(0, serverMessages(robot).size());

        int total = vm.replay().recorded();
        int maxGlued = 0;
        for (int k = 2; k <= total; k++) { // → through every event
            robot.clickOn("#replay-forward");
            maxGlued = Math.max(maxGlued, vm.gluedProperty().get());
            assertTrue(vm.gluedProperty().get() <= glued);
        }
        assertEquals(total, vm.replay().replayProperty().get());
        assertEquals(glued, vm.gluedProperty().get(), "at the end, the same counts as live");
        assertEquals(split, vm.splitProperty().get());
        assertEquals(messages, serverMessages(robot).size());
        assertEquals(waiting, vm.server().waitingProperty().get());

        robot.interact(() -> vm.replay().replayTo(total / 2)); // scrub to the middle, then back to live
        assertTrue(vm.gluedProperty().get() <= glued);
        robot.clickOn("#replay-live");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.replay().isReplaying());
        assertEquals(glued, vm.gluedProperty().get());
    }

    @Test
    void homeReplaysTheLastRunFromItsFirstEventAndTheSliderSpansThatRunOnly(FxRobot robot) {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> vm.scenarioStatusProperty().get().contains("|"));
        robot.push(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.replay().isReplaying(), "Home replays");
        int k = vm.replay().replayProperty().get();
        assertEquals(vm.replay().runFirst(vm.replay().runs() - 1), k, "from the last run's first event");
        assertTrue(k >= 1, "never position 0, which shows nothing");
        javafx.scene.control.Slider slider = robot.lookup("#replay-slider").queryAs(javafx.scene.control.Slider.class);
        assertEquals(k, slider.getMin(), 0.5, "the slider begins at the run's start");
        assertEquals(vm.replay().recorded(), slider.getMax(), 0.5, "and ends at its last event");
        robot.clickOn("#replay-live");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.replay().isReplaying());
    }

    @Test
    void aTraceOpenedFromAFileSaysSavedNotLiveAndPlayShowsADrawnPauseSignWhilePlaying(FxRobot robot) throws Exception {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> vm.scenarioStatusProperty().get().contains("|"));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("socketlab-replay", ".jsonl");
        try {
            robot.interact(() -> vm.files().saveTrace(file));
            waitUntil("saved", () -> vm.scenarioStatusProperty().get().contains(file.getFileName().toString()));
            javafx.scene.control.Button live = robot.lookup("#replay-live").queryButton();
            assertEquals(I18n.tr("replay.live"), live.getText(), "recorded here: live");
            int recorded = vm.log().size();
            robot.interact(() -> {
                vm.clear();
                vm.files().openTrace(file);
            });
            waitUntil("opened", () -> vm.log().size() == recorded);
            WaitForAsyncUtils.waitForFxEvents();
            Label where = robot.lookup("#replay-where").queryAs(Label.class);
            assertTrue(where.getText().startsWith("saved trace"), where.getText());
            assertEquals(I18n.tr("replay.end"), live.getText(), "nothing live to go back to: the end of the trace");

            javafx.scene.control.Button play = robot.lookup("#replay-play").queryButton();
            socketlab.ui.panes.ReplayBar bar = (socketlab.ui.panes.ReplayBar) play.getParent();
            assertTrue(play.getGraphic() instanceof javafx.scene.shape.Polygon, "▶, drawn");
            robot.interact(() -> ((ChoiceButton<Double>) robot.lookup("#replay-speed").query()).setValue(0.1)); // slow: seconds to look
            robot.clickOn("#replay-play");
            waitUntil("playing", bar::isPlaying);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(play.getGraphic() instanceof javafx.scene.Group, "❚❚ while playing, two drawn bars: " + play.getGraphic());
            robot.interact(bar::togglePlay);
            assertFalse(bar.isPlaying());
            assertTrue(play.getGraphic() instanceof javafx.scene.shape.Polygon, "▶ again once paused");
            assertTrue(vm.replay().replayProperty().get() >= 1, "playing began at the first event");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void nextAndPreviousWalkTheLessonsAndANewLessonIsReadFromItsTop(FxRobot robot) {
        robot.push(KeyCode.F2);
        waitUntil("the lesson tab is built", () -> robot.lookup("#lesson-next").tryQuery().isPresent());
        List<socketlab.lesson.Lesson> all = vm.lessons().lessons();
        assertSame(all.get(0), vm.lessons().lessonProperty().get());
        robot.clickOn("#lesson-previous");
        assertSame(all.get(0), vm.lessons().lessonProperty().get(), "nothing before the first");
        javafx.scene.control.ScrollPane words = robot.lookup("." + Css.LESSON_PANE + " .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> words.setVvalue(words.getVmax())); // read to the end
        robot.clickOn("#lesson-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(all.get(1), vm.lessons().lessonProperty().get());
        assertEquals(0, words.getVvalue(), 1e-9, "the next lesson from its top");
        assertTrue(robot.lookup("#lesson-next").query().isVisible(), "and the way on still in view: it does not scroll away");
        robot.clickOn("#lesson-previous");
        assertSame(all.get(0), vm.lessons().lessonProperty().get());
    }

    @Test
    void thePanesSavedAsAScenarioOpenAgainIntoThePanesWithTheirTitleAndNotesInBothLanguages(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        typeInto(robot, "#client-messages", "ping\npong");
        typeInto(robot, "#server-recv-delay .text-field", "250");
        robot.push(KeyCode.TAB); // left with Tab: the typed value is the value saved
        chooseFraming(robot, "#server-framing", "length:be");
        chooseFraming(robot, "#client-framing", "length:be");
        java.util.Map<String, String> titles = java.util.Map.of("en", "Ping and pong", "zh", "乒与乓");
        java.util.Map<String, String> notes = java.util.Map.of("en", "Two sends, one length each.", "zh", "两次发送，各带长度。");
        java.nio.file.Path file = dir.resolve("Ping pong.json");
        robot.interact(() -> vm.saveScenario(file, titles, notes));
        waitUntil("the scenario is saved and chosen", () -> "Ping-pong".equals(vm.runs().scenarioProperty().get().id()));
        socketlab.scenario.Scenario saved = socketlab.scenario.ScenarioFile.read(file);
        assertEquals(titles, saved.titles());
        assertEquals(notes, saved.notes());
        assertEquals(250, saved.recvDelayMs(), "the delay typed and left with Tab");
        assertEquals("length:be", saved.framing().spec());
        assertEquals(List.of("ping", "pong"), saved.messages().stream().map(m -> new String(m, java.nio.charset.StandardCharsets.UTF_8)).toList());
        waitUntil("the status line says where it went", () -> vm.scenarioStatusProperty().get().contains("Ping pong.json"));

        // other settings, then the file opened again: the panes hold what was saved
        robot.interact(() -> vm.runs().scenarioProperty().set(socketlab.scenario.Scenario.STICKY));
        assertEquals("hello world\nhaha", vm.client().messagesTextProperty().get(), "a scenario chosen is what the panes show");
        robot.interact(() -> vm.runs().openScenario(file));
        waitUntil("the saved scenario is chosen again", () -> "Ping-pong".equals(vm.runs().scenarioProperty().get().id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ping\npong", vm.client().messagesTextProperty().get());
        assertEquals(250, vm.server().recvDelayMsProperty().get());
        assertEquals("length:be", framingOf(robot, "#server-framing"));
        assertEquals("length:be", framingOf(robot, "#client-framing"));

        // two framings cannot be one scenario: said, in words, before any file is written
        chooseFraming(robot, "#client-framing", "none");
        socketlab.text.Phrase refused = vm.scenarioRefusal(titles);
        assertNotNull(refused);
        assertTrue(refused.words().contains("none") && refused.words().contains("length:be"), refused.words());
    }

    @Test
    void aClickOnACallBringsTheInspectorForwardOverTheLessonWhileArrowsKeepTheLesson(FxRobot robot) {
        robot.interact(() -> vm.runs().runComparison());
        waitUntil("both rows are in", () -> !vm.runs().scenarioRunningProperty().get() && vm.gluedProperty().get() >= 2);
        robot.push(KeyCode.F2);
        javafx.scene.control.TabPane side = robot.lookup("#side-tabs").queryAs(javafx.scene.control.TabPane.class);
        waitUntil("the lesson shows", () -> side.getSelectionModel().getSelectedIndex() == 1);
        javafx.scene.Node timeline = robot.lookup("#timeline").query();
        robot.interact(timeline::requestFocus);
        robot.push(KeyCode.RIGHT); // the next call, by key: the lesson stays, its code lights the call's lines
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.selectedProperty().get(), "the arrow picked a call");
        assertEquals(1, side.getSelectionModel().getSelectedIndex(), "an arrow key leaves the lesson in front");
        robot.interact(() -> vm.select(-1));
        // a click on a block: down the timeline's left part until one is hit
        javafx.geometry.Bounds b = timeline.localToScreen(timeline.getBoundsInLocal());
        for (double y = b.getMinY() + 20; y < b.getMaxY() - 20 && vm.selectedProperty().get() == null; y += 6) {
            robot.clickOn(b.getMinX() + b.getWidth() * 0.3, y);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNotNull(vm.selectedProperty().get(), "a click found a call");
        assertEquals(0, side.getSelectionModel().getSelectedIndex(), "the click brought the byte inspector forward");
    }

    @Test
    void aLessonIsPredictedAndRunByKeyboardOnly(FxRobot robot) {
        robot.push(KeyCode.F2); // the lesson tab (built on first use), focus on the lesson picker
        waitUntil("the lesson tab is built and shows the first lesson", () -> robot.lookup("#lesson-question").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lesson-pick", robot.targetWindow(view.getScene().getWindow()).lookup("#lesson-pick").query().getId());
        assertTrue(robot.lookup("#lesson-pick").query().isFocused(), "F2 puts the focus on the lesson");
        int sticky = vm.lessons().lessons().indexOf(vm.lessons().lessons().stream().filter(l -> l.id().equals("ch8-two-sends-one-recv")).findFirst().orElseThrow());
        for (int i = 0; i < sticky; i++) {
            robot.push(KeyCode.DOWN); // ↓ walks the lessons in the tutorial's order
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ch8-two-sends-one-recv", vm.lessons().lessonProperty().get().id());
        assertTrue(robot.lookup("#lesson-pick").query().isFocused(), "choosing a lesson keeps the focus on the picker");
        assertTrue(text(robot, "#lesson-question").contains("first recv() return"), text(robot, "#lesson-question"));
        // Tab to the choices: "hello world", "hello worldhaha", "haha" — predict the second
        robot.push(KeyCode.TAB);
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node focused = view.getScene().getFocusOwner();
        assertTrue(focused instanceof javafx.scene.control.ToggleButton t && t.getText().equals("hello worldhaha"),
                "focus on the second choice, was " + focused);
        robot.push(KeyCode.SPACE);
        assertEquals("hello worldhaha", vm.lessons().predictionProperty().get());
        for (int i = 0; i < 3 && !"lesson-run".equals(view.getScene().getFocusOwner().getId()); i++) {
            robot.push(KeyCode.TAB); // on past the other choices to the Run button
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("lesson-run", view.getScene().getFocusOwner().getId());
        robot.push(KeyCode.SPACE); // run it on real sockets
        waitUntil("the run answered", () -> vm.lessons().lessonResultProperty().get().contains("✓")
                || vm.lessons().lessonResultProperty().get().contains("✗"));
        assertTrue(vm.lessons().lessonResultProperty().get().contains("hello worldhaha"), vm.lessons().lessonResultProperty().get());
        assertTrue(vm.lessons().lessonResultProperty().get().contains("✓"), vm.lessons().lessonResultProperty().get());
        waitUntil("the run is in the timeline", () -> vm.gluedProperty().get() == 1);
    }

    @Test
    void f7SwitchesTheWholeWindowToChineseAndBack(FxRobot robot) {
        robot.push(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(I18n.isChinese());
        String han = ".*\\p{IsHan}.*";
        for (String id : List.of("#server-start", "#client-connect", "#clear")) {
            String t = ((javafx.scene.control.Labeled) robot.lookup(id).query()).getText();
            assertTrue(t.matches(han), id + " reads \"" + t + "\"");
        }
        robot.push(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the lesson tab is built and shown", () -> robot.lookup("#lesson-question").tryQuery().isPresent());
        assertEquals("English", ((javafx.scene.control.Labeled) robot.lookup("#language").query()).getText());
        robot.push(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(I18n.isChinese());
        assertFalse(((javafx.scene.control.Labeled) robot.lookup("#server-start").query()).getText().matches(han));
    }

    @Test
    void aBadPortShowsAClearMessageNotAnException(FxRobot robot) {
        typeInto(robot, "#server-port", "99999");
        robot.clickOn("#server-start");
        waitUntil("an error is shown", () -> robot.lookup("#server-error").queryAs(Label.class).isVisible());
        String msg = text(robot, "#server-error");
        assertTrue(msg.contains("Port 99999 is outside 0–65535"), msg);
        assertFalse(vm.server().runningProperty().get());

        typeInto(robot, "#server-port", "http");
        robot.clickOn("#server-start");
        waitUntil("the message changes", () -> text(robot, "#server-error").contains("not a port number"));
    }

    @Test
    void aNumberTypedIntoAKnobAndLeftWithTabOrAClickIsTheNumberUsed(FxRobot robot) {
        typeInto(robot, "#server-recv-delay .text-field", "200");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(200, vm.server().recvDelayMsProperty().get(), "left with Tab");
        typeInto(robot, "#client-gap .text-field", "35");
        robot.clickOn("#client-messages");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(35, vm.client().gapMsProperty().get(), "left with a click elsewhere");
        typeInto(robot, "#server-recv-buffer .text-field", "16");
        robot.clickOn("#server-start");
        waitUntil("the server listens", () -> vm.server().runningProperty().get());
        assertEquals(16, vm.server().recvBufferProperty().get(), "left by pressing Start: the server runs with it");
        robot.clickOn("#server-start");
        waitUntil("the server stopped", () -> !vm.server().runningProperty().get());
    }

    @Test
    void aPortInUseOffersAFreeOne(FxRobot robot) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            typeInto(robot, "#server-port", String.valueOf(taken.getLocalPort()));
            robot.clickOn("#server-start");
            waitUntil("the error is shown", () -> !text(robot, "#server-error").isEmpty());
            assertTrue(text(robot, "#server-error").contains("already in use"), text(robot, "#server-error"));
            String offer = robot.lookup("#server-use-free").queryButton().getText();
            assertTrue(offer.contains(String.valueOf(vm.server().suggestedPortProperty().get())),
                    "a port is a name, its digits never grouped: " + offer);
            robot.clickOn("#server-use-free");
            waitUntil("the server listens on the offered port", () -> vm.server().runningProperty().get());
        }
    }

    @Test
    void theComparisonRunsBrokenAndFixedSideBySide(FxRobot robot) {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> !vm.runs().scenarioRunningProperty().get()
                && vm.scenarioStatusProperty().get().contains("|"));
        String status = vm.scenarioStatusProperty().get();
        assertTrue(status.startsWith("none: glued 1, split 0, 0 of 2 messages arrived as sent"), status);
        assertTrue(status.contains("header:le: glued 1, split 0, 2 of 2 messages arrived as sent"), status);
    }

    @Test
    void aTypedFramingCountsOnlyOnceEnteredAndAPickedOneAtOnce(FxRobot robot) {
        String before = vm.client().framingProperty().get();
        robot.clickOn("#client-framing .text-field");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("fixed:1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.client().framingProperty().get(), "a half-typed spec never reaches the client");
        robot.write("6");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fixed:16", vm.client().framingProperty().get());
        robot.push(KeyCode.ALT, KeyCode.DOWN); // the list opens from the keyboard too
        String length = robot.lookup(".context-menu .menu-item .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("length:le ")).findFirst().orElseThrow();
        assertTrue(length.contains("4-byte length, little-endian") && length.contains("struct.pack('<i'"),
                "each framing in plain words and its Python: " + length);
        robot.clickOn(robot.lookup(".context-menu .menu-item")
                .match((javafx.scene.Node n) -> n.lookup(".label") instanceof Label l && l.getText().startsWith("line "))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("line", vm.client().framingProperty().get());
        assertEquals("line", robot.lookup("#client-framing .text-field").queryTextInputControl().getText());
    }

    @Test
    void theScenarioListOpensFromTheKeyboardWithTheCurrentOneMarkedAndPicksAnother(FxRobot robot) {
        waitUntil("the scenarios were read", () -> vm.runs().scenarios().size() >= 4);
        Scenario first = vm.runs().scenarioProperty().get();
        ChoiceButton<?> choice = robot.lookup("#scenario").queryAs(ChoiceButton.class);
        assertEquals(first.title("en"), choice.getText(), "the button says which scenario is chosen");
        robot.interact(choice::requestFocus);
        robot.push(KeyCode.F4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(choice.isShowingChoices(), "F4 opens the list");
        List<javafx.scene.control.RadioMenuItem> items = choice.choiceItems();
        assertEquals(vm.runs().scenarios().size(), items.size(), "one item per scenario");
        assertEquals(List.of(first.title("en")), items.stream().filter(javafx.scene.control.RadioMenuItem::isSelected)
                .map(javafx.scene.control.MenuItem::getText).toList(), "the current scenario, and only it, is marked");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        Scenario third = vm.runs().scenarios().get(2); // not the first item: the list must open on it, not on the top
        robot.interact(() -> vm.runs().scenarioProperty().set(third));
        robot.interact(choice::requestFocus);
        robot.push(KeyCode.F4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(third, vm.runs().scenarioProperty().get(), "the list opens on the current scenario: Enter keeps it");
        Scenario next = vm.runs().scenarios().get(3);
        robot.push(KeyCode.F4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.DOWN);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(next, vm.runs().scenarioProperty().get(), "one ↓ from the current scenario, then Enter, picks the next one");
        assertEquals(next.title("en"), choice.getText());
        assertFalse(choice.isShowingChoices(), "and the list closes");
    }

    @Test
    void aButtonsTooltipIsMadeWhenThePointerFirstComesOverItAndSaysItsShortcut(FxRobot robot) {
        javafx.scene.control.Button compare = robot.lookup("#scenario-compare").queryButton();
        assertEquals(null, compare.getTooltip(), "no popup made for it before it is needed");
        robot.moveTo(compare);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(compare.getTooltip() != null && compare.getTooltip().getText().contains("Ctrl+R"),
                "made when the pointer came over it, with its words: " + compare.getTooltip());
    }

    @Test
    void eachPlusKeyDoublesTheTimelinesZoomAndZeroResetsIt(FxRobot robot) {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> !vm.runs().scenarioRunningProperty().get()
                && vm.scenarioStatusProperty().get().contains("|"));
        TimelineView timeline = robot.lookup("." + Css.TIMELINE).queryAs(TimelineView.class);
        robot.press(KeyCode.SHORTCUT, KeyCode.T).release(KeyCode.T, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 1; i <= 5; i++) {
            robot.type(KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Math.pow(2, i), timeline.getZoom(), "zoom after " + i + " presses of =");
        }
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, timeline.getZoom(), "0 goes back to the whole run");
    }

    @Test
    void brokenAndFixedRowsTooTallForTheTimelineShrinkTogetherIntoView(FxRobot robot) throws Exception {
        robot.clickOn("#scenario-compare");
        waitUntil("both runs finished", () -> !vm.runs().scenarioRunningProperty().get()
                && vm.scenarioStatusProperty().get().contains("|"));
        double[] got = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            TimelineView copy = new TimelineView(); // the projector's type size, on a timeline of chosen heights
            copy.setManaged(false);
            copy.indexProperty().set(robot.lookup("." + Css.TIMELINE).queryAs(TimelineView.class).indexProperty().get());
            copy.setStyle("-sl-font-size: 22px;");
            new javafx.scene.Scene(new javafx.scene.Group(copy)).getStylesheets().add(Css.stylesheet(Css.THEME));
            copy.applyCss();
            TimelineSkin skin = (TimelineSkin) copy.getSkin();
            copy.resize(900, 5000);
            copy.layout();
            skin.drawNow();
            double full = skin.contentHeight();
            copy.resize(900, full * 0.85); // a 1024x768 projector: both rows, not quite
            copy.layout();
            skin.drawNow();
            double fitShort = skin.fit();
            double contentShort = skin.contentHeight();
            copy.resize(900, full * 0.4); // far too short: shrinking would not bring them into view
            copy.layout();
            skin.drawNow();
            return new double[] {full, fitShort, contentShort, skin.fit()};
        }).get();
        assertTrue(got[1] < 1, "shrunk: " + got[1]);
        assertTrue(got[2] <= got[0] * 0.85, "both rows in view: " + got[2] + " of " + got[0] * 0.85 + " px");
        assertEquals(1.0, got[3], "no shrinking that would not help; the timeline scrolls instead");
    }
}
