package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Which part of the rows a timeline too short for them shows: the newest row, from its title down where it is
 * taller than the view (a traced pair's six lanes in a laptop's window), and wherever the user scrolled to after that.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineFollowTest {
    /** The lab's own row (conn 1 ↔ 2), then a traced pair's (conn 5 ↔ 6) with its console: byte, time and console lanes. */
    private static final String TWO_ROWS = """
            {"op":"connect","side":"client","conn":1,"t_ns":100000,"local_port":40000,"remote_port":8080}
            {"op":"accept","side":"server","conn":2,"t_ns":110000,"local_port":8080,"remote_port":40000}
            {"op":"send","side":"client","conn":1,"t_ns":200000,"bytes":2,"offset":0,"dur_ns":1000,"hex":"6869"}
            {"op":"recv","side":"server","conn":2,"t_ns":300000,"bytes":2,"offset":0,"requested":1024,"dur_ns":1000,"hex":"6869"}
            {"op":"connect","side":"client","conn":5,"t_ns":1000000,"program":"client.py","pid":41,"local_port":50000,"remote_port":9000}
            {"op":"accept","side":"server","conn":6,"t_ns":1100000,"program":"server.py","pid":40,"local_port":9000,"remote_port":50000}
            {"op":"call","side":"client","conn":5,"t_ns":2000000,"program":"client.py","pid":41,"call":"input","detail":">> hello"}
            {"op":"send","side":"client","conn":5,"t_ns":2100000,"program":"client.py","pid":41,"bytes":5,"offset":0,"dur_ns":1000,"hex":"68656c6c6f"}
            {"op":"recv","side":"server","conn":6,"t_ns":2200000,"program":"server.py","pid":40,"bytes":5,"offset":0,"requested":1024,"dur_ns":1000,"hex":"68656c6c6f"}
            {"op":"send","side":"server","conn":6,"t_ns":2300000,"program":"server.py","pid":40,"bytes":5,"offset":0,"dur_ns":1000,"hex":"48454c4c4f"}
            {"op":"recv","side":"client","conn":5,"t_ns":2400000,"program":"client.py","pid":41,"bytes":5,"offset":0,"requested":1024,"dur_ns":1000,"hex":"48454c4c4f"}
            {"op":"call","side":"client","conn":5,"t_ns":2500000,"program":"client.py","pid":41,"call":"stdout","detail":"HELLO"}
            {"op":"close","side":"client","conn":5,"t_ns":3000000,"program":"client.py","pid":41}
            {"op":"close","side":"server","conn":6,"t_ns":3100000,"program":"server.py","pid":40}
            """;

    @Start
    void start(Stage stage) {
        // the toolkit is up; each test lays out a timeline of its own
    }

    private static TraceIndex index(String trace) throws Exception {
        return SavedTrace.index(trace);
    }

    /** A timeline of {@code idx}, 1600 wide and {@code h} high, laid out (and so drawn) as the window does it. */
    private static TimelineView laidOut(TraceIndex idx, double h) {
        return SavedTrace.laidOut(idx, 1600, h);
    }

    /** The first send of connection {@code conn}: the mark in its row's top lane, under the row's title. */
    private static int firstSend(TraceIndex idx, int conn) {
        TraceLog log = idx.log();
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == socketlab.trace.Op.SEND && log.conn(i) == conn) {
                return i;
            }
        }
        throw new AssertionError("no send on " + conn);
    }

    /**
     * Whether the last frame drew {@code event}'s topmost mark (a send's bytes in its row's top lane; its tick in
     * the time lane is lower) inside the view, not above or below it, scrolled away.
     */
    private static boolean inView(TimelineView view, int event) {
        return ((TimelineSkin) view.getSkin()).drawnAt(event).stream()
                .min(java.util.Comparator.comparingDouble(HitMap.Hit::y0))
                .filter(h -> h.y0() >= 0 && h.y1() <= view.getHeight()).isPresent();
    }

    /** Whether each row's top lane (by a connection of it) is in view in a timeline {@code h} high of the two rows. */
    private static boolean[] topLanesInView(double h, int... conns) throws Exception {
        TraceIndex idx = index(TWO_ROWS);
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = laidOut(idx, h);
            boolean[] shown = new boolean[conns.length];
            for (int i = 0; i < conns.length; i++) {
                shown[i] = inView(view, firstSend(idx, conns[i]));
            }
            return shown;
        }).get();
    }

    @Test
    void aNewestRowTallerThanTheViewIsShownFromItsTitleDown() throws Exception {
        boolean[] shown = topLanesInView(200, 5, 1);
        assertTrue(shown[0], "the traced pair's top lane, under its title, is in view");
        assertTrue(!shown[1], "the lab's row above it is scrolled past");
    }

    @Test
    void whereTheUserScrolledStaysAfterTheNextFrame() throws Exception {
        TraceIndex idx = index(TWO_ROWS);
        double[] values = WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = laidOut(idx, 200);
            ScrollBar bar = (ScrollBar) view.lookup(".scroll-bar");
            double followed = bar.getValue();
            bar.setValue(bar.getMax()); // the user scrolls down to the console
            view.selectedEventProperty().set(2); // a click elsewhere: a new frame
            view.layout();
            return new double[] {followed, bar.getValue(), bar.getMax()};
        }).get();
        assertTrue(values[0] < values[2], "it followed the newest row's top, not the bottom");
        assertEquals(values[2], values[1], "the user's scroll stands after the next frame");
    }

    @Test
    void rowsThatFitAreAllInView() throws Exception {
        boolean[] shown = topLanesInView(900, 1, 5);
        assertTrue(shown[0] && shown[1], "both rows' top lanes");
    }
}
