package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** A row's idle stretches — no call under way for over a second — and the time axis that draws each as a short break. */
class TimeGapsTest {
    private static final long MS = 1_000_000L;

    /** connect at 0–1 ms, the presenter talks 4 s, send at 4001–4002 ms, talks 2 s, recv at 6002–6003 ms. */
    private static TimeGaps stepped() {
        return TimeGaps.of(new long[] {1 * MS, 4002 * MS, 6003 * MS}, new long[] {MS, MS, MS}, 3);
    }

    @Test
    void pausesBetweenCallsLongerThanASecondAreGaps() {
        TimeGaps g = stepped();
        assertEquals(2, g.count());
        assertEquals(1 * MS, g.from(0), "from the end of the call before");
        assertEquals(4001 * MS, g.to(0), "to the start of the call after");
        assertEquals(6000 * MS, g.removedBefore(2), "both pauses' time taken out");
    }

    @Test
    void aCallThatBlockedThroughThePauseLeavesNoGap() {
        // a recv() that waited 5 s for its data measured that time itself: it is not idle
        TimeGaps g = TimeGaps.of(new long[] {1 * MS, 5002 * MS, 5003 * MS}, new long[] {MS, 5001 * MS, MS}, 3);
        assertEquals(0, g.count());
    }

    @Test
    void pausesUnderASecondStayAtTheirLength() {
        TimeGaps g = TimeGaps.of(new long[] {1 * MS, 900 * MS, 1800 * MS}, new long[] {MS, MS, MS}, 3);
        assertEquals(0, g.count(), "the sleep fix's pauses are what the row shows");
    }

    @Test
    void eachGapIsDrawnAsWideAsEveryOtherWhateverItsLength() {
        Axis at = new Axis(100, 0, 0.01 / MS * 1000, 100, 1000, 6003 * MS, stepped(), 40); // 10 px per ms
        assertEquals(110, at.x(1 * MS), 1e-9, "the connect's end: 1 ms in");
        assertEquals(150, at.x(4001 * MS), 1e-9, "the send's start: one break (40 px) after it, the 4 s gone");
        assertEquals(160, at.x(4002 * MS), 1e-9);
        assertEquals(200, at.x(6002 * MS), 1e-9, "the recv's start: after the second break");
        assertEquals(130, at.x(2001 * MS), 1e-9, "inside a break, time runs across its width");
    }

    @Property
    void timesStandInOrderAndAreFoundAgainAtTheirPlace(@ForAll @LongRange(min = 0, max = 6_003_000_000L) long t) {
        Axis at = new Axis(-30, 0, 0.01 / MS * 1000, 100, 1000, 6003 * MS, stepped(), 40);
        assertTrue(at.x(t + MS) > at.x(t), "later is further right");
        double x = at.x(t);
        assertTrue(Math.abs(at.x(at.tAt(x)) - x) < 0.02, "tAt is x's inverse, to a pixel's fraction: " + t);
    }
}
