package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
import socketlab.ui.model.LabViewModel;

/** The step banner, the sentence a class reads before each call, is never cut: it wraps where one line is too narrow. */
@ExtendWith(ApplicationExtension.class)
class StepBannerTest {
    private LabViewModel vm;
    private LabView view;
    private AnimationTimer pulse;

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
        view = LabWindowTest.window(stage, vm, 1600, 1000);
        pulse = LabWindowTest.pulse(vm);
    }

    @AfterEach
    void close() throws Exception {
        pulse.stop();
        vm.shutdown();
        FxToolkit.cleanupStages(); // the stage was made 1024×768 in projector mode: no other test inherits it
    }

    @Test
    void theStepBannerIsShownWholeInProjectorTypeAt1024By768(FxRobot robot) throws Exception {
        robot.push(KeyCode.F6);
        LabWindowTest.projectorOn(view, 1024, 768);
        Label banner = robot.lookup("#step-next-call").queryAs(Label.class);
        String said = banner.getText();
        assertTrue(said.length() > 40, "a sentence long enough to need the room: " + said);
        Text shown = (Text) banner.lookup(".text");
        assertEquals(said, shown.getText(), "no ellipsis");
        assertTrue(banner.localToScene(banner.getBoundsInLocal()).getMaxX() <= 1024, "inside the screen");
        assertTrue(shown.getBoundsInLocal().getHeight() > 1.5 * shown.getFont().getSize(), "it took a second line");
    }
}
