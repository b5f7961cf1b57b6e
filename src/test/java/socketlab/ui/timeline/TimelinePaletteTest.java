package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.ui.style.Css;

/** One palette: every colour is defined once, in the theme, and the timeline wears exactly those. */
@ExtendWith(ApplicationExtension.class)
class TimelinePaletteTest {

    @Start
    void start(Stage stage) {
        // the toolkit is up
    }

    /** The theme's value of the looked-up colour {@code -lab-<name>}. */
    private static Color themeColour(String name) throws IOException {
        Matcher m = Pattern.compile("-lab-" + Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6});")
                .matcher(Files.readString(Path.of("assets/theme.css")));
        if (!m.find()) {
            throw new AssertionError("theme.css defines no -lab-" + name);
        }
        return Color.web(m.group(1));
    }

    @Test
    void theTimelineWearsTheThemesColoursAndNoneOfItsOwn() throws Exception {
        Color[] got = WaitForAsyncUtils.asyncFx(() -> {
            TimelineView themed = new TimelineView();
            new Scene(new Group(themed)).getStylesheets().add(Css.stylesheet(Css.THEME));
            themed.applyCss();
            TimelineView bare = new TimelineView();
            new Scene(new Group(bare));
            // JavaFX logs each look-up it cannot resolve (nine lines): that is what this half asserts, not noise to print
            java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
            java.util.logging.Level was = css.getLevel();
            css.setLevel(java.util.logging.Level.OFF);
            try {
                bare.applyCss();
            } finally {
                css.setLevel(was);
            }
            return new Color[] {themed.messageColor(0), themed.messageColor(7), (Color) themed.ink(TimelineView.Ink.GLUED),
                (Color) themed.ink(TimelineView.Ink.BACKGROUND), bare.messageColor(0)};
        }).get();
        assertEquals(themeColour("msg-0"), got[0]);
        assertEquals(themeColour("msg-7"), got[1]);
        assertEquals(themeColour("glued"), got[2]);
        assertEquals(themeColour("surface"), got[3], "the timeline's background is the theme's surface");
        assertEquals(TimelineView.Ink.UNSET, got[4], "without the theme the timeline has no colours of its own to fall back on");
    }

    @Test
    void noColourIsWrittenOutsideTheThemes() throws IOException {
        Pattern hex = Pattern.compile("#[0-9a-fA-F]{6}\\b|Color\\.web\\(");
        List<String> found = new ArrayList<>();
        for (String root : new String[] {"src/main/java", "src/main/resources"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".css")).toList()) {
                    Matcher m = hex.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "colours belong in assets/theme.css (or projector.css)");
    }
}
