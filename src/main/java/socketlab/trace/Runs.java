package socketlab.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runs of a trace: what one press of Run made (the broken row and the fixed one), told apart from the
 * next by the time between them. Rows that overlap in time, or follow one another within {@link #APART_NS},
 * are one run; a row that begins later than that after every row before it has ended begins the next. A trace
 * opened from a file is split the same way: it needs nothing the file does not hold.
 *
 * <pre>
 *   rows    #1 ├──────┤ #2 ├─────┤                    #3 ├───────┤ #4 ├──┤
 *   runs    run 1 (from event 0) ─────────┤ &gt; 1 s apart ├ run 2 (from the event after run 1's last) ──
 * </pre>
 *
 * A run begins at the event after the previous run's last one (so the listen() a scenario's server made before
 * its first connection is in that scenario's run); the first run at event 0.
 */
public final class Runs {
    /** Rows further apart than this are different runs: a second, as replay's idle skip and the time lane's breaks. */
    public static final long APART_NS = 1_000_000_000L;

    private Runs() {
    }

    /**
     * More connections than this and the trace is read as one run: a flood's rows are not sorted again at every
     * change of the trace (replay, the lists and the timeline ask at each pulse).
     */
    public static final int MAX_CONNS = 400;

    /** The event index each run begins at, ascending; {0} for a trace of one run, {} for an empty one. */
    public static int[] starts(TraceIndex idx) {
        TraceLog log = idx.log();
        if (log.size() == 0) {
            return new int[0];
        }
        if (idx.conns().size() > MAX_CONNS) {
            return new int[] {0};
        }
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        long[][] spans = new long[rows.size()][]; // {first event, last event, start ns, end ns}
        for (int i = 0; i < spans.length; i++) {
            ConnectionRow r = rows.get(i);
            spans[i] = new long[] {first(r), last(r), r.startNs(log), r.endNs(log)};
        }
        Arrays.sort(spans, (a, b) -> Long.compare(a[0], b[0]));
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        long lastEvent = -1;
        long endNs = Long.MIN_VALUE;
        for (long[] s : spans) {
            if (lastEvent >= 0 && s[2] - endNs > APART_NS && s[0] > lastEvent) {
                starts.add((int) lastEvent + 1);
            }
            lastEvent = Math.max(lastEvent, s[1]);
            endNs = Math.max(endNs, s[3]);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The run (from 0) each of {@code rows} belongs to, in their order: the run its first event falls in. */
    public static int[] ofRows(TraceIndex idx, List<ConnectionRow> rows) {
        int[] starts = starts(idx);
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            int found = Arrays.binarySearch(starts, (int) first(rows.get(i)));
            out[i] = starts.length == 0 ? 0 : found >= 0 ? found : Math.max(0, -found - 2);
        }
        return out;
    }

    private static long first(ConnectionRow r) {
        long first = Long.MAX_VALUE;
        for (Conn c : r.ends()) {
            if (c.openEvent >= 0) {
                first = Math.min(first, c.openEvent);
            }
            if (!c.errors.isEmpty()) {
                first = Math.min(first, c.errors.get(0));
            }
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }

    private static long last(ConnectionRow r) {
        long last = -1;
        for (Conn c : r.ends()) {
            last = Math.max(last, Math.max(c.openEvent, Math.max(c.closeEvent, c.eofEvent)));
            for (IntList l : new IntList[] {c.sends, c.recvs, c.frames, c.errors, c.datagrams}) {
                if (!l.isEmpty()) {
                    last = Math.max(last, l.last());
                }
            }
        }
        return last;
    }
}
