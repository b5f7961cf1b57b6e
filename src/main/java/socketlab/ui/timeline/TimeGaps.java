package socketlab.ui.timeline;

import java.util.Arrays;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.TraceLog;

/**
 * The idle stretches of one row: times longer than {@link #IDLE_NS} when neither end of the connection was in
 * a call (a presenter talking in step mode, a class discussing before the next send). The time axis draws each
 * as a short marked break instead of at its length, so the calls either side stay in view and the axis does not
 * measure the pauses.
 *
 * <pre>
 *   calls    [connect]    [send]                                            [recv]  [close]
 *   time     |--------|---|----|======== idle 4.2 s (no call under way) ===|------|-------|
 *   drawn    |--------|---|----|//|------|-------|          the gap: a break {@link TimeScale#GAP_FS} type sizes wide
 * </pre>
 *
 * A call's own duration (a recv() blocked for data) is never a gap: it is time the call measured.
 */
final class TimeGaps {
    /** A stretch with no call under way longer than this is drawn as a break (as replay plays one longer than it). */
    static final long IDLE_NS = 1_000_000_000L;
    /** Rows with more calls than this keep real time throughout: their gaps are worked out at every change of the trace. */
    static final int MAX_EVENTS = 20_000;
    static final TimeGaps NONE = new TimeGaps(new long[0], new long[0]);

    private final long[] from;
    private final long[] to;
    /** ns taken out by the gaps before gap i, and by all: {@code removed[i]} for i in 0..count. */
    private final long[] removed;

    private TimeGaps(long[] from, long[] to) {
        this.from = from;
        this.to = to;
        this.removed = new long[from.length + 1];
        for (int i = 0; i < from.length; i++) {
            removed[i + 1] = removed[i] + (to[i] - from[i]);
        }
    }

    /**
     * The gaps of the calls given as their end times {@code t} and durations {@code dur}, {@code n} of them, any order.
     * With the starts and the ends each sorted, no call is under way between the (k+1)-th end and the (k+2)-th start
     * when that start comes later: k+1 calls have begun and k+1 have ended.
     */
    static TimeGaps of(long[] t, long[] dur, int n) {
        long[] starts = new long[n];
        long[] ends = Arrays.copyOf(t, n);
        for (int i = 0; i < n; i++) {
            starts[i] = t[i] - Math.max(0, dur[i]);
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        long[] f = new long[n];
        long[] e = new long[n];
        int k = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (starts[i + 1] - ends[i] > IDLE_NS) {
                f[k] = ends[i];
                e[k] = starts[i + 1];
                k++;
            }
        }
        return k == 0 ? NONE : new TimeGaps(Arrays.copyOf(f, k), Arrays.copyOf(e, k));
    }

    /** The gaps of {@code row}: between its calls, from both ends (NONE for a row of more than {@link #MAX_EVENTS}). */
    static TimeGaps of(ConnectionRow row, TraceLog log) {
        int n = 0;
        for (Conn c : row.ends()) {
            n += 3 + c.sends.size() + c.recvs.size() + c.errors.size() + c.sendtos.size() + c.recvfroms.size() + c.outputs.size();
        }
        if (n > MAX_EVENTS) {
            return NONE;
        }
        long[] t = new long[n];
        long[] dur = new long[n];
        int k = 0;
        for (Conn c : row.ends()) {
            for (int ev : new int[] {c.openEvent, c.eofEvent, c.closeEvent}) {
                if (ev >= 0) {
                    t[k] = log.tNs(ev);
                    dur[k++] = log.durNs(ev);
                }
            }
            for (IntList l : new IntList[] {c.sends, c.recvs, c.errors, c.sendtos, c.recvfroms, c.outputs}) {
                for (int j = 0; j < l.size(); j++) {
                    t[k] = log.tNs(l.get(j));
                    dur[k++] = log.durNs(l.get(j));
                }
            }
        }
        return of(t, dur, k);
    }

    int count() {
        return from.length;
    }

    long from(int i) {
        return from[i];
    }

    long to(int i) {
        return to[i];
    }

    /** ns the gaps before gap {@code i} take out (i = count(): all of them). */
    long removedBefore(int i) {
        return removed[i];
    }

    /** The first gap that ends after {@code t} (count() when none does). */
    int firstEndingAfter(long t) {
        return Sorted.firstAbove(to, t);
    }
}
