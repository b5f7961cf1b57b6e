package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;
import socketlab.ui.style.Css;

/** What the timeline draws of a run's bytes, on real runs: each character only where its cell can be read. */
@ExtendWith(ApplicationExtension.class)
class TimelineDrawTest {

    @Start
    void start(Stage stage) {
        // the toolkit is up; each test draws a timeline of its own
    }

    /** A real run of {@code s} on loopback, indexed. */
    static TraceIndex run(Scenario s) throws Exception {
        TraceLog log = new TraceLog();
        new ScenarioRunner(log, TaskRunner.threads()).run(s);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return idx;
    }

    /** A 1600 x 900 timeline of {@code idx} at {@code zoom}, panned to the middle, drawn (on the FX thread). */
    private static TimelineView drawn(TraceIndex idx, double zoom) {
        return drawn(idx, zoom, true);
    }

    /** As {@link #drawn(TraceIndex, double)}, long headers squeezed or at true scale. */
    private static TimelineView drawn(TraceIndex idx, double zoom, boolean squeeze) {
        TimelineView view = new TimelineView();
        view.setSqueezeHeaders(squeeze);
        view.indexProperty().set(idx);
        new Scene(new Group(view)).getStylesheets().add(Css.stylesheet(Css.THEME)); // the colours are the theme's
        view.applyCss();
        view.setZoom(zoom);
        view.setPan(0.5);
        view.resize(1600, 900);
        view.layout();
        ((TimelineSkin) view.getSkin()).drawNow();
        return view;
    }

    @Test
    void theTimelineDrawsItsWordsInTheFamilyTheWindowsControlsUse() throws Exception {
        TraceIndex idx = run(Scenario.STICKY);
        String[] families = WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = new TimelineView();
            view.indexProperty().set(idx);
            Group window = new Group(view);
            window.setStyle("-fx-font-family: \"DejaVu Serif\";"); // as the theme sets it on the window's root
            new Scene(window).getStylesheets().add(Css.stylesheet(Css.THEME));
            view.applyCss();
            view.resize(1600, 900);
            view.layout();
            ((TimelineSkin) view.getSkin()).drawNow();
            Fonts f = ((TimelineSkin) view.getSkin()).fonts();
            return new String[] {f.normal(14).getFamily(), f.bold(14).getFamily()};
        }).get();
        assertEquals("DejaVu Serif", families[0], "not the toolkit's System font: a window in Chinese needs the theme's CJK family");
        assertEquals("DejaVu Serif", families[1]);
    }

    /** Characters the timeline drew: see {@link #drawn}. */
    private static int glyphsAt(TraceIndex idx, double zoom) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((TimelineSkin) drawn(idx, zoom).getSkin()).glyphsDrawn()).get();
    }

    /** Pixels of the first message's colour in a snapshot of the timeline: see {@link #drawn}. */
    private static int messagePixelsAt(TraceIndex idx, double zoom) throws Exception {
        return pixelsAt(idx, zoom, view -> view.messageColor(0));
    }

    /** Pixels of the glued chunks' outline colour in a snapshot of the timeline: see {@link #drawn}. */
    private static int gluedPixelsAt(TraceIndex idx, double zoom) throws Exception {
        return pixelsAt(idx, zoom, view -> (javafx.scene.paint.Color) view.ink(TimelineView.Ink.GLUED));
    }

    private static int pixelsAt(TraceIndex idx, double zoom,
                                java.util.function.Function<TimelineView, javafx.scene.paint.Color> colour) throws Exception {
        return pixelsAt(idx, zoom, true, colour);
    }

    private static int pixelsAt(TraceIndex idx, double zoom, boolean squeeze,
                                java.util.function.Function<TimelineView, javafx.scene.paint.Color> colour) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = drawn(idx, zoom, squeeze);
            javafx.scene.image.Image shot = view.snapshot(null, null);
            javafx.scene.paint.Color c = colour.apply(view);
            javafx.scene.image.PixelReader px = shot.getPixelReader();
            int n = 0;
            for (int y = 0; y < (int) shot.getHeight(); y++) {
                for (int x = 0; x < (int) shot.getWidth(); x++) {
                    javafx.scene.paint.Color p = px.getColor(x, y);
                    if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                            + Math.abs(p.getBlue() - c.getBlue()) < 0.06) {
                        n++;
                    }
                }
            }
            return n;
        }).get();
    }

    @Test
    void besideJsonHeadersTheMessagesTakeTheRowWhenTheHeadersAreSqueezed() throws Exception {
        // "hello world" + "haha" with a 4-byte length and a JSON header each: 258 header bytes beside 15 of
        // messages. At true scale the first message is 11/273 of the row; its headers squeezed, 11/23.
        TraceIndex json = run(Scenario.STICKY.withFraming(socketlab.codec.Framing.parse("header:le")));
        int trueScale = pixelsAt(json, 1, false, view -> view.messageColor(0));
        int squeezed = pixelsAt(json, 1, true, view -> view.messageColor(0));
        assertTrue(trueScale > 0, "the message is drawn at true scale too");
        assertTrue(squeezed > trueScale * 5, "squeezed headers give the message its room: " + squeezed + " vs " + trueScale);
        int[] words = WaitForAsyncUtils.asyncFx(() -> {
            TimelineSkin skin = (TimelineSkin) drawn(json, 1, true).getSkin();
            return new int[] {skin.bandWordsDrawn(), skin.bandWordsOverBytes()};
        }).get();
        assertTrue(words[0] > 0);
        assertEquals(0, words[1], "the scale break's words stand in the band, never over bytes");
    }

    @Test
    void zoomedFarIntoAMegabyteBothLanesKeepTheMessagesColour() throws Exception {
        // at 128x the one message spans over 200,000 px: handed to the canvas whole, it was not drawn,
        // and the send lane went grey; only its part in view is drawn now
        TraceIndex big = run(Scenario.BIG);
        int at32 = messagePixelsAt(big, 32);
        int at128 = messagePixelsAt(big, 128);
        assertTrue(at32 > 10_000, "both lanes coloured at 32x: " + at32);
        assertTrue(at128 > at32 * 0.8, "as much colour at 128x as at 32x: " + at128 + " vs " + at32);
    }

    @Test
    void aGluedChunkKeepsItsOutlineZoomedFarIn() throws Exception {
        // the glued recv() of "hello world" + "haha", zoomed until one byte is millions of pixels wide: its
        // red outline still runs along the lane (a fill that wide is not drawn at all; this stroke is)
        TraceIndex sticky = run(Scenario.STICKY);
        int whole = gluedPixelsAt(sticky, 1);
        int deep = gluedPixelsAt(sticky, 100_000);
        assertTrue(whole > 500, "outlined at 1x: " + whole);
        assertTrue(deep > 1_000, "outlined at 100,000x: " + deep + " (at 1x " + whole + ")");
    }

    @Test
    void theGluedCaseShowsItsLettersAtTheWholeRunsWidth() throws Exception {
        // "hello world" + "haha": 15 bytes across the lane, each cell wide enough to read, on both lanes
        assertTrue(glyphsAt(run(Scenario.STICKY), 1) >= 30, "the letters of both lanes");
    }

    /** {bandWordsDrawn, bandWordsOverBytes, glyphsDrawn} of {@code idx} drawn at {@code zoom}: see {@link #drawn}. */
    private static int[] bandWordsAt(TraceIndex idx, double zoom) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineSkin skin = (TimelineSkin) drawn(idx, zoom).getSkin();
            return new int[] {skin.bandWordsDrawn(), skin.bandWordsOverBytes(), skin.glyphsDrawn()};
        }).get();
    }

    @Test
    void theCallsNamesAndTheGluedAndSplitBadgesStandInTheirOwnBandNeverOverTheBytes() throws Exception {
        // recv(2) then recv(20): the call names once ran over the letters, and each other, squeezed to fit
        for (Scenario s : new Scenario[] {Scenario.STICKY, Scenario.PARTIAL}) {
            TraceIndex idx = run(s);
            for (double zoom : new double[] {1, 4}) {
                int[] words = bandWordsAt(idx, zoom);
                assertTrue(words[0] >= (zoom == 1 ? 4 : 1), s.id() + " at " + zoom + "x: the sends', the recvs' names, a badge: " + words[0]);
                assertTrue(words[2] > 0, "and the bytes' characters beside them");
                assertEquals(0, words[1], s.id() + " at " + zoom + "x: words over a byte's character");
            }
        }
    }

    @Test
    void aMegabyteZoomedEightTimesDrawsNoCharactersInCellsTooNarrowToRead() throws Exception {
        // 1 MiB in recv(1024) chunks: at 8x a chunk is wider than a letter but a byte is 0.01 px. Drawing
        // each byte anyway was a million text calls, 5.3 s per frame: the window froze at the third "+"
        TraceIndex big = run(Scenario.BIG);
        assertEquals(0, glyphsAt(big, 8), "no characters at 8x");
        int deep = glyphsAt(big, 100_000);
        assertTrue(deep > 0 && deep < 2_000, "at 100,000x the bytes in view, and only those: " + deep);
    }
}
