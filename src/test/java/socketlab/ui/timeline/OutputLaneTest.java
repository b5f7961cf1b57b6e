package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.TraceIndex;

/**
 * A traced program's console on its row: the lines it printed or read while the connection was open, read back
 * from a saved trace (as "open" reads it), drawn where a click or ← → finds each one.
 */
@ExtendWith(ApplicationExtension.class)
class OutputLaneTest {
    /** The chapter-7 pair: a line before the client connected, three while it was open, one after it closed. */
    private static final String PAIR = """
            {"op":"call","side":"client","conn":5,"t_ns":50,"program":"client.py","pid":41,"call":"stdout","detail":"connecting"}
            {"op":"connect","side":"client","conn":5,"t_ns":1000000,"program":"client.py","pid":41,"local_port":50000,"remote_port":9000}
            {"op":"accept","side":"server","conn":6,"t_ns":1100000,"program":"server.py","pid":40,"local_port":9000,"remote_port":50000}
            {"op":"call","side":"client","conn":5,"t_ns":2000000,"program":"client.py","pid":41,"call":"input","detail":">> hello"}
            {"op":"send","side":"client","conn":5,"t_ns":2100000,"program":"client.py","pid":41,"bytes":5,"offset":0,"dur_ns":1000,"hex":"68656c6c6f"}
            {"op":"recv","side":"server","conn":6,"t_ns":2200000,"program":"server.py","pid":40,"bytes":5,"offset":0,"requested":1024,"dur_ns":1000,"hex":"68656c6c6f"}
            {"op":"call","side":"server","conn":6,"t_ns":2300000,"program":"server.py","pid":40,"call":"stdout","detail":"got b'hello'"}
            {"op":"call","side":"server","conn":6,"t_ns":2300010,"program":"server.py","pid":40,"call":"stderr","detail":"printed 10 ns later: the same pixel"}
            {"op":"close","side":"client","conn":5,"t_ns":3000000,"program":"client.py","pid":41}
            {"op":"call","side":"client","conn":5,"t_ns":3100000,"program":"client.py","pid":41,"call":"stdout","detail":"bye"}
            """;

    @Start
    void start(Stage stage) {
        // the toolkit is up; each test draws a timeline of its own
    }

    private static TraceIndex index(String trace) throws Exception {
        return SavedTrace.index(trace);
    }

    @Test
    void aRowWhoseProgramsPrintedWhileItWasOpenHasAConsoleLaneOfThoseLinesOnly() throws Exception {
        TraceIndex idx = index(PAIR);
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        assertEquals(1, rows.size());
        assertEquals(1, new OutputLaneRenderer().lanes(rows.get(0)));
        assertEquals(1, idx.conn(5).outputs.size(), "the client's row: \">> hello\" — not \"connecting\" before connect(), nor \"bye\" after close()");
        assertEquals(">> hello", idx.log().get(idx.conn(5).outputs.get(0)).text());
        assertEquals(2, idx.conn(6).outputs.size(), "the server's two lines, stdout and stderr");
    }

    @Test
    void theLabsOwnRowHasNoConsoleLane() throws Exception {
        TraceIndex idx = index("""
                {"op":"connect","side":"client","conn":1,"t_ns":100,"local_port":50000,"remote_port":9000}
                {"op":"accept","side":"server","conn":2,"t_ns":200,"local_port":9000,"remote_port":50000}
                """);
        assertEquals(0, new OutputLaneRenderer().lanes(ConnectionRow.of(idx).get(0)));
    }

    /** The timeline of {@code idx}, 1600 × 900, drawn; {@code events}: whether each was drawn where a click finds it. */
    private static boolean[] drawn(TraceIndex idx, int... events) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineSkin skin = (TimelineSkin) SavedTrace.laidOut(idx, 1600, 900).getSkin();
            skin.drawNow();
            boolean[] drew = new boolean[events.length];
            for (int i = 0; i < events.length; i++) {
                drew[i] = skin.drew(events[i]);
            }
            return drew;
        }).get();
    }

    @Test
    void eachLineIsDrawnWhereAClickFindsItALinePrintedInTheSamePixelAsTheOneBeforeToo() throws Exception {
        TraceIndex idx = index(PAIR);
        boolean[] drew = drawn(idx, idx.conn(5).outputs.get(0), idx.conn(6).outputs.get(0), idx.conn(6).outputs.get(1));
        assertTrue(drew[0], "the client's typed line");
        assertTrue(drew[1], "the server's printed line");
        assertTrue(drew[2], "printed 10 ns later: its words stand after the line before's");
    }

    @Test
    void aProgramPrintingInALoopIsDrawnAsOneTickPerPixelOnceItsWordsHaveNoRoom() throws Exception {
        StringBuilder trace = new StringBuilder(PAIR);
        int flood = 20_000;
        for (int i = 0; i < flood; i++) { // 20,000 lines over one of the row's 3.1 ms
            trace.append("{\"op\":\"call\",\"side\":\"server\",\"conn\":6,\"t_ns\":").append(2_400_000 + i * 50)
                    .append(",\"program\":\"server.py\",\"pid\":40,\"call\":\"stdout\",\"detail\":\"line ").append(i).append("\"}\n");
        }
        TraceIndex idx = index(trace.toString());
        IntList lines = idx.conn(6).outputs;
        assertEquals(2 + flood, lines.size());
        int[] events = new int[lines.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = lines.get(i);
        }
        boolean[] drew = drawn(idx, events);
        int n = 0;
        for (boolean d : drew) {
            n += d ? 1 : 0;
        }
        assertTrue(drew[2], "the first line of the loop, with its words");
        assertTrue(n > 100 && n < 1_000, "a tick per pixel of the millisecond they took, not 20,000: " + n);
    }

    /**
     * Text-coloured pixels inside the words of the client's first line, ">> MMMM…", with a second line printed
     * {@code secondNs} after it (its tick within those words, or past them).
     */
    private static int[] wordPixels(long secondNs) throws Exception {
        String trace = """
                {"op":"connect","side":"client","conn":5,"t_ns":1000000,"program":"client.py","pid":41,"local_port":50000,"remote_port":9000}
                {"op":"accept","side":"server","conn":6,"t_ns":1000000,"program":"server.py","pid":40,"local_port":9000,"remote_port":50000}
                {"op":"call","side":"client","conn":5,"t_ns":2000000,"program":"client.py","pid":41,"call":"input","detail":">> MMMMMMMMMMMMMMMMMMMM"}
                {"op":"call","side":"client","conn":5,"t_ns":%d,"program":"client.py","pid":41,"call":"stdout","detail":"NEXT"}
                {"op":"close","side":"client","conn":5,"t_ns":3000000,"program":"client.py","pid":41}
                """.formatted(2_000_000 + secondNs);
        TraceIndex idx = index(trace);
        int first = idx.conn(5).outputs.get(0);
        int second = idx.conn(5).outputs.get(1);
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = SavedTrace.laidOut(idx, 1600, 900);
            TimelineSkin skin = (TimelineSkin) view.getSkin();
            skin.drawNow();
            HitMap.Hit words = skin.drawnAt(first).stream().filter(h -> h.x1() - h.x0() > 20).findFirst().orElseThrow();
            HitMap.Hit tick = skin.drawnAt(second).stream().filter(h -> h.x1() - h.x0() <= 6).findFirst().orElseThrow();
            javafx.scene.image.Image shot = view.snapshot(null, null);
            javafx.scene.image.PixelReader px = shot.getPixelReader();
            javafx.scene.paint.Color text = (javafx.scene.paint.Color) view.ink(TimelineView.Ink.TEXT);
            int n = 0;
            for (int y = (int) words.y0(); y < (int) words.y1(); y++) {
                for (int x = (int) words.x0(); x < (int) words.x1(); x++) {
                    javafx.scene.paint.Color c = px.getColor(x, y);
                    if (Math.abs(c.getRed() - text.getRed()) + Math.abs(c.getGreen() - text.getGreen())
                            + Math.abs(c.getBlue() - text.getBlue()) < 0.06) {
                        n++;
                    }
                }
            }
            double tickX = (tick.x0() + tick.x1()) / 2;
            return new int[] {n, tickX > words.x0() + 10 && tickX < words.x1() - 10 ? 1 : 0};
        }).get();
    }

    @Test
    void aLinePrintedWhileTheWordsBeforeItStillRunHasItsTickBehindThemNotThroughThem() throws Exception {
        int[] crossed = wordPixels(60_000); // 60 µs later: ~40 px right of the first tick, among its Ms
        int[] clear = wordPixels(900_000); // 0.9 ms later: far right of the words
        assertEquals(1, crossed[1], "the second line's tick stands inside the first line's words");
        assertEquals(0, clear[1], "and here it does not");
        assertTrue(clear[0] > 50, "the words are drawn: " + clear[0]);
        assertEquals(clear[0], crossed[0], "every pixel of the words is there with a tick behind them as without one");
    }

    @Test
    void aLineGivenTheRoomOfItsOwnWidthIsDrawnWholeWhereverItsWordsBegin() {
        // the room for a line's words is (from + width) - from: floating point makes it a hair short of the width
        // for some from, and "HELLO" came out "HEL…" in a 1280 × 800 window
        java.util.function.ToDoubleFunction<String> width = s -> s.length() * 6.510150146484375;
        double w = width.applyAsDouble("HELLO");
        int cut = 0;
        for (int k = 0; k < 10_000; k++) {
            double from = 100 + k * 0.0731;
            if (!"HELLO".equals(OutputLaneRenderer.fit("HELLO", (from + w) - from, 10, width))) {
                cut++;
            }
        }
        assertEquals(0, cut, "places where the words were cut");
        assertEquals("HE…", OutputLaneRenderer.fit("HELLO", w - 7, 10, width), "less room than the words: cut with …");
        assertEquals(null, OutputLaneRenderer.fit("HELLO", 9, 10, width), "less room than the least: nothing");
    }
}
