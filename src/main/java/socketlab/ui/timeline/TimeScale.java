package socketlab.ui.timeline;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceLog;

/**
 * One time scale for every row (the longest fills the width, so a slower run is visibly longer), with each row's
 * idle stretches ({@link TimeGaps}) drawn as breaks {@link #GAP_FS} type sizes wide. Made with the rows, once for
 * each state of the trace; a frame asks it for the pixels per ns that let every row fit its width.
 */
final class TimeScale {
    /** A break's width on the time axis, in type sizes (at zoom 1; it zooms with the rest). */
    static final double GAP_FS = 5;
    /**
     * A row with breaks counts as at least this long: in step mode nearly all of a row is the presenter's pauses,
     * and what is left — microseconds of calls — would otherwise be stretched over the whole width, a 0.1 ms
     * send() drawn as if it had blocked for seconds. The calls stand a break apart instead.
     */
    static final long MIN_SHOWN_NS = 50_000_000L;
    /** More rows than this: no row's gaps are worked out (every change of the trace would walk all their calls). */
    static final int MAX_ROWS = 200;

    private final Map<ConnectionRow, TimeGaps> gaps = new IdentityHashMap<>();
    private final long[] shownNs;
    private final int[] breaks;
    /** The earliest time, from its row's start, at which any row breaks (Long.MAX_VALUE: none does). */
    private final long firstBreakNs;

    TimeScale(List<ConnectionRow> rows, TraceLog log) {
        shownNs = new long[rows.size()];
        breaks = new int[rows.size()];
        boolean find = rows.size() <= MAX_ROWS;
        long first = Long.MAX_VALUE;
        for (int i = 0; i < rows.size(); i++) {
            ConnectionRow r = rows.get(i);
            TimeGaps g = find ? TimeGaps.of(r, log) : TimeGaps.NONE;
            gaps.put(r, g);
            long start = r.startNs(log);
            long shown = Math.max(1, r.endNs(log) - start - g.removedBefore(g.count()));
            shownNs[i] = g.count() > 0 ? Math.max(MIN_SHOWN_NS, shown) : shown;
            breaks[i] = g.count();
            if (g.count() > 0) {
                first = Math.min(first, g.from(0) - start);
            }
        }
        firstBreakNs = first;
    }

    TimeGaps gaps(ConnectionRow r) {
        TimeGaps g = gaps.get(r);
        return g == null ? TimeGaps.NONE : g;
    }

    /**
     * Pixels per ns at zoom 1 that fit every row in {@code width} px, each break {@code gapPx} wide: the
     * smallest over the rows of (width − its breaks) / its time less its gaps.
     */
    double pxPerNs(double width, double gapPx) {
        double s = Double.MAX_VALUE;
        for (int i = 0; i < shownNs.length; i++) {
            s = Math.min(s, Math.max(width * 0.25, width - breaks[i] * gapPx) / shownNs[i]);
        }
        return s == Double.MAX_VALUE ? width : s;
    }

    /** The earliest time from a row's start at which a row breaks (Long.MAX_VALUE when none does): the ruler's ticks end there. */
    long firstBreakNs() {
        return firstBreakNs;
    }
}
