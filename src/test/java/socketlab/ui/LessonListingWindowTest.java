package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import socketlab.exec.TaskRunner;
import socketlab.text.I18n;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;
import socketlab.ui.model.LabViewModel;

/** A lesson's "Run the tutorial's programs": the tutorial's own Python for it, under the probe, into the window's timeline. */
@ExtendWith(ApplicationExtension.class)
class LessonListingWindowTest {
    private LabViewModel vm;
    private AnimationTimer pulse;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
        LabWindowTest.window(stage, vm, 1600, 1000);
        pulse = LabWindowTest.pulse(vm);
    }

    @AfterEach
    void close() throws Exception {
        pulse.stop();
        vm.shutdown();
        FxToolkit.cleanupStages();
    }

    @Test
    void aLessonRunsTheTutorialsOwnProgramsAndTheirCallsJoinTheTimeline(FxRobot robot) throws Exception {
        socketlab.probe.Python3.assumeInstalled();
        robot.push(KeyCode.F2);
        LabWindowTest.waitUntil("the lesson tab is built", () -> robot.lookup("#lesson-next").tryQuery().isPresent());
        socketlab.lesson.Lesson sticky = vm.lessons().lessons().stream().filter(l -> l.id().equals("ch8-two-sends-one-recv"))
                .findFirst().orElseThrow();
        robot.interact(() -> vm.lessons().lessonProperty().set(sticky));
        LabWindowTest.waitUntil("the lesson offers its listing", () -> robot.lookup("#lesson-listing").tryQuery().isPresent());
        javafx.scene.control.Button listing = robot.lookup("#lesson-listing").queryAs(javafx.scene.control.Button.class);
        robot.interact(listing::fire); // below the fold of the lesson's text: fired as a click on it would
        LabWindowTest.waitUntil("the tutorial's programs answered", () -> vm.scenarioStatusProperty().get().contains("hello worldhaha"));
        assertTrue(vm.scenarioStatusProperty().get().contains("ch8_sticky_server.py"), vm.scenarioStatusProperty().get());
        TraceLog log = vm.log();
        boolean glued = false;
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            glued |= e.op() == Op.RECV && e.origin() != null && e.origin().program().equals("ch8_sticky_server.py") && e.bytes() == 15;
        }
        assertTrue(glued, "the listing's server's recv(1024) took both sends, on the window's timeline");
        assertTrue(vm.programs().consoleProperty().get().contains("first recv: b'hello worldhaha'"), vm.programs().consoleProperty().get());
    }

}
