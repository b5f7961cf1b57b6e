package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlab.exec.TaskRunner;
import socketlab.text.I18n;
import socketlab.trace.ConnectionRow;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;
import socketlab.ui.timeline.TimelineSkin;

/**
 * "Run broken vs fixed" on a teacher's laptop (1280×800) and a school projector (1024×768): both rows
 * of the comparison are on screen together — the timeline draws them whole, without scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonInViewTest {
    private LabViewModel vm;
    private AnimationTimer pulse;

    @AfterEach
    void close() throws Exception {
        socketlab.net.KernelReader.enable(false);
        if (pulse != null) {
            pulse.stop();
        }
        if (vm != null) {
            vm.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void onATeachersLaptopBothRowsOfTheComparisonAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1280, 800, false);
    }

    @Test
    void onASchoolProjectorBothRowsOfTheComparisonAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1024, 768, false);
    }

    @Test
    void inProjectorTypeOnAFullHdScreenBothRowsAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1920, 1080, true);
    }

    @Test
    void inProjectorTypeOnATeachersLaptopBothRowsAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1280, 800, true);
    }

    @Test
    void inProjectorTypeOnASchoolProjectorBothRowsAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1024, 768, true);
    }

    @Test
    void theSummaryLineHasItsRoomBeforeItSpeaksSoThePanesDoNotMoveUnderThePointer(FxRobot robot) throws Exception {
        LabView view = show(1920, 1080);
        double before = WaitForAsyncUtils.asyncFx(() -> clientPaneY(view)).get();
        WaitForAsyncUtils.asyncFx(() -> vm.runs().runScenario()).get();
        LabWindowTest.waitUntil("the run said what it measured", () -> !vm.runs().scenarioRunningProperty().get()
                && !vm.scenarioStatusProperty().get().isEmpty());
        double after = WaitForAsyncUtils.asyncFx(() -> clientPaneY(view)).get();
        assertEquals(before, after, 0.5, "the client pane stays where it was when the summary appears");
    }

    @Test
    void inProjectorModeOnASchoolProjectorTheReplayBarKeepsItsSliderAndEveryButtonWhole(FxRobot robot) throws Exception {
        LabView view = show(1024, 768);
        LabWindowTest.projectorOn(view, 1024, 768);
        double[] got = WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            javafx.scene.Node bar = view.lookup("#replay-live").getParent();
            javafx.scene.Node live = view.lookup("#replay-live");
            javafx.scene.Node slider = view.lookup("#replay-slider");
            javafx.geometry.Bounds b = bar.localToScene(bar.getLayoutBounds());
            javafx.geometry.Bounds l = live.localToScene(live.getLayoutBounds());
            return new double[] {b.getMaxX(), l.getMaxX(), slider.getLayoutBounds().getWidth(), l.getWidth(), live.prefWidth(-1)};
        }).get();
        assertTrue(got[1] <= got[0] + 0.5, "the Live button inside the bar: " + got[1] + " > " + got[0]);
        assertTrue(got[2] >= socketlab.ui.panes.ReplayBar.SLIDER_MIN - 0.5, "the slider keeps its width: " + got[2]);
        assertTrue(got[3] >= got[4] - 0.5, "the Live button whole: " + got[3] + " of " + got[4]);
    }

    @Test
    void onASchoolProjectorAProgramsConsoleShowsOneLineSoTheTimelineKeepsItsRoom(FxRobot robot) throws Exception {
        socketlab.probe.Python3.assumeInstalled();
        java.nio.file.Path script = java.nio.file.Files.createTempFile("socketlab-console", ".py");
        java.nio.file.Files.writeString(script, "for i in range(6):\n    print('line', i)\n");
        try {
            LabView view = show(1024, 768);
            double before = WaitForAsyncUtils.asyncFx(() -> timelineHeight(view)).get();
            WaitForAsyncUtils.asyncFx(() -> vm.programs().run(
                    java.util.List.of(java.util.List.of(script.toString())), socketlab.codec.Framing.NONE, "python3")).get();
            LabWindowTest.waitUntil("the program printed", () -> vm.programs().consoleProperty().get().contains("line 5"));
            LabWindowTest.waitUntil("the program ended", () -> !vm.programs().runningProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            double[] got = WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.control.TextArea out = (javafx.scene.control.TextArea) view.lookup("#program-output");
                return new double[] {timelineHeight(view), out.getPrefRowCount(), view.lookup("#program-console").isVisible() ? 1 : 0,
                        out.getScrollTop()};
            }).get();
            assertTrue(got[3] > 0, "scrolled to the newest line, not left at the first");
            assertEquals(1, got[2], "the console is in view");
            assertEquals(socketlab.ui.panes.ProgramConsole.SHORT_ROWS, got[1], 0, "one line of output on a 768-high window");
            assertTrue(got[0] >= before - 64, "the console takes one line (under 64 px; three lines took 92) of the timeline's " + before + ": " + got[0]);
        } finally {
            java.nio.file.Files.deleteIfExists(script);
        }
    }

    @Test
    void inProjectorTypeOnAFullHdScreenThePanesFadeOutAtTheirFoldUntilScrolledToTheEnd(FxRobot robot) throws Exception {
        LabView view = show(1920, 1080);
        LabWindowTest.projectorOn(view, 1920, 1080);
        Object[] got = WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            javafx.scene.control.ScrollPane panes = (javafx.scene.control.ScrollPane) view.lookup("#panes-scroll");
            javafx.scene.Node fold = view.lookup("." + Css.PANES_FOLD);
            boolean before = fold.isVisible();
            String why = panes.getContent().getLayoutBounds().getHeight() + " in " + panes.getViewportBounds().getHeight();
            panes.setVvalue(panes.getVmax());
            return new Object[] {before, fold.isVisible(), why};
        }).get();
        assertTrue((Boolean) got[0], "the panes go on below the fold, and fade there: " + got[2]);
        assertFalse((Boolean) got[1], "scrolled to their end, nothing is below: no fade");
    }

    private static double timelineHeight(LabView view) {
        view.applyCss();
        view.layout();
        return view.lookup("#timeline").getLayoutBounds().getHeight();
    }

    private static double clientPaneY(LabView view) {
        view.applyCss();
        view.layout();
        javafx.scene.Node pane = view.lookup("." + Css.CLIENT);
        return pane.localToScene(pane.getBoundsInLocal()).getMinY();
    }

    /**
     * In wire mode a row has a lane more (the segments between the two ends' calls). A comparison recorded by
     * {@code socketlab run sticky --wire} and {@code run sticky --framing header --wire}, opened at 1024×768 and
     * 1280×800 in projector type: both rows in view.
     */
    @Test
    void inWireModeInProjectorTypeOnASchoolProjectorBothRowsAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1024, 768, true, this::openWireComparison);
        assertTrue(vm.shownIndex().segmentCount() > 0, "the rows have their wire lanes");
    }

    @Test
    void inWireModeInProjectorTypeOnATeachersLaptopBothRowsAreInViewTogether(FxRobot robot) throws Exception {
        bothRowsInView(robot, 1280, 800, true, this::openWireComparison);
        assertTrue(vm.shownIndex().segmentCount() > 0, "the rows have their wire lanes");
    }

    private void openWireComparison() {
        try {
            vm.files().openTrace(java.nio.file.Path.of(getClass().getResource("/traces/wire-comparison.jsonl").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void bothRowsInView(FxRobot robot, double w, double h, boolean projector) throws Exception {
        bothRowsInView(robot, w, h, projector, () -> vm.runs().runComparison());
    }

    private void bothRowsInView(FxRobot robot, double w, double h, boolean projector, Runnable start) throws Exception {
        LabView[] view = {show(w, h)};
        if (projector) {
            LabWindowTest.projectorOn(view[0], w, h);
        }
        WaitForAsyncUtils.asyncFx(start).get();
        LabWindowTest.waitUntil("both runs are done and drawn", () -> !vm.runs().scenarioRunningProperty().get()
                && ConnectionRow.of(vm.shownIndex()).size() == 2);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // a layout pass after the last events
        WaitForAsyncUtils.waitForFxEvents();
        double[] fit = WaitForAsyncUtils.asyncFx(() -> {
            TimelineSkin skin = (TimelineSkin) view[0].timeline.getSkin();
            javafx.geometry.Bounds b = view[0].timeline.localToScene(view[0].timeline.getLayoutBounds());
            return new double[] {skin.contentHeight(), view[0].timeline.getHeight(), b.getMaxY(), view[0].getScene().getHeight()};
        }).get();
        assertEquals(2, ConnectionRow.of(vm.shownIndex()).size());
        assertEquals(h, fit[3], 0.5, "the window is the screen's size");
        assertTrue(fit[2] <= fit[3] + 0.5, "the timeline ends inside the window: " + fit[2] + " of " + fit[3] + " px");
        assertTrue(fit[0] <= fit[1] + 0.5, "both rows and the legend (" + fit[0] + " px) fit the timeline (" + fit[1]
                + " px) at " + w + "x" + h + (projector ? " in projector type" : ""));
    }

    private LabView show(double w, double h) throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        LabView[] view = new LabView[1];
        socketlab.net.KernelReader.enable(true); // as the window does: the lab's own calls carry the kernel's state
        WaitForAsyncUtils.asyncFx(() -> {
            vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
            Stage stage = new Stage();
            view[0] = LabWindowTest.window(stage, vm, w, h);
            pulse = LabWindowTest.pulse(vm);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }
}
