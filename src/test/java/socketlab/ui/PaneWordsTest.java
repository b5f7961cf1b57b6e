package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.exec.TaskRunner;
import socketlab.text.I18n;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;

/**
 * The client and server panes on a teacher's laptop (1280×800) and a school projector (1024×768), and in
 * projector type on a full-HD screen, in English and Chinese: no knob's words are cut short ("Add a g...")
 * and the panes fit the window's width (no sideways scrolling that hides the server's right half).
 */
@ExtendWith(ApplicationExtension.class)
class PaneWordsTest {
    private LabViewModel vm;

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            vm.shutdown();
        }
        I18n.setLocale(Locale.ENGLISH);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest(name = "{0}x{1} {2} projector {3}")
    @CsvSource({"1280, 800, en, false", "1024, 768, en, false", "1280, 800, zh, false", "1024, 768, zh, false",
            "1920, 1080, en, true", "1920, 1080, zh, true"})
    void everyKnobOfThePanesIsNamedInFullAndThePanesFitTheWidth(double w, double h, String lang, boolean projector) throws Exception {
        I18n.setLocale(Locale.forLanguageTag(lang));
        LabView[] view = new LabView[1];
        WaitForAsyncUtils.asyncFx(() -> {
            vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
            view[0] = LabWindowTest.window(new Stage(), vm, w, h);
        }).get();
        if (projector) {
            LabWindowTest.projectorOn(view[0], w, h);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            for (String pane : new String[] {"." + Css.CLIENT, "." + Css.SERVER}) {
                for (Node n : descendants(view[0].lookup(pane))) {
                    if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                        for (Node t : l.getChildrenUnmodifiable()) {
                            if (t instanceof Text shown && !shown.getText().equals(l.getText()) && shown.getText().endsWith(l.getEllipsisString())) {
                                out.add(l.getText() + " → " + shown.getText());
                            }
                        }
                    }
                }
            }
            return out;
        }).get();
        assertEquals(List.of(), cut, "words cut at " + w + "x" + h + " in " + lang + (projector ? ", projector type" : ""));
        double[] widths = WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane scroll = (ScrollPane) view[0].lookup("#panes-scroll");
            return new double[] {scroll.getContent().getLayoutBounds().getWidth(), scroll.getViewportBounds().getWidth()};
        }).get();
        assertTrue(widths[0] <= widths[1] + 0.5, "the panes fit the width: " + widths[0] + " px of " + widths[1]);
    }

    /** Every node under {@code root}, controls' skins included (a lookup takes one selector, not a list). */
    private static List<Node> descendants(Node root) {
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
