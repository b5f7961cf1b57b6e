package socketlab.ui.timeline;

import java.util.Arrays;

/**
 * Where each byte of one direction's stream stands on its row: byte {@code b} begins at {@link #x(long)}.
 * Linear — every byte as wide as every other — except that runs of header bytes longer than {@link #KEPT}
 * may be squeezed to {@code KEPT} bytes' width each: a scale break, which the lanes mark. With the JSON
 * header framing, two messages of 11 and 4 bytes stand beside 266 bytes of header; at true scale they are
 * 8 % of the row, squeezed they are most of it.
 *
 * <pre>
 *   true scale  |▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓hello world▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓haha|
 *   squeezed    |▓▓//▓hello world▓▓//▓haha|         a header run [from, to): KEPT bytes wide
 *
 *   shown(b) = b − (bytes taken out of the runs before b)          b outside every run
 *            = shown(from) + (b − from) × KEPT / (to − from)       b inside run [from, to)
 *   x(b)     = origin + shown(b) × pixelsPerByte
 * </pre>
 *
 * Every lane of a row's direction — the sender's, the wire's, the receiver's — uses the one axis, so a
 * byte stands at one x in all of them, squeezed or not.
 */
final class ByteAxis {
    /** How many bytes' width a squeezed header run keeps: a 4-byte length prefix is never squeezed. */
    static final int KEPT = 4;

    /** The squeezed runs, ascending and apart: [from[i], to[i]). */
    private final long[] from;
    private final long[] to;
    /** Bytes' width taken out of the runs up to and including run i. */
    private final double[] removed;
    private final long total;
    private double origin;
    private double ppb = 1;

    private ByteAxis(long total, long[] from, long[] to) {
        this.total = total;
        this.from = from;
        this.to = to;
        this.removed = new double[from.length];
        double r = 0;
        for (int i = 0; i < from.length; i++) {
            r += (to[i] - from[i]) - KEPT;
            removed[i] = r;
        }
    }

    /** Every byte at true scale. */
    static ByteAxis linear(long total) {
        return new ByteAxis(total, new long[0], new long[0]);
    }

    /**
     * The runs {@code [from[i], to[i])} (ascending, apart, inside the stream) that are longer than {@link #KEPT}
     * squeezed; shorter ones, and any part past {@code total}, stay at true scale.
     */
    static ByteAxis squeezing(long total, long[] from, long[] to, int n) {
        long[] f = new long[n];
        long[] t = new long[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long end = Math.min(to[i], total);
            if (end - from[i] > KEPT && (kept == 0 || from[i] >= t[kept - 1])) {
                f[kept] = from[i];
                t[kept] = end;
                kept++;
            }
        }
        return new ByteAxis(total, Arrays.copyOf(f, kept), Arrays.copyOf(t, kept));
    }

    /** Places the axis: byte 0 at {@code origin}, one unsqueezed byte {@code pixelsPerByte} wide. */
    ByteAxis place(double origin, double pixelsPerByte) {
        this.origin = origin;
        this.ppb = pixelsPerByte;
        return this;
    }

    /** The stream's width in bytes as drawn: its length less what the squeezed runs give up. */
    double shownLength() {
        return total - (removed.length == 0 ? 0 : removed[removed.length - 1]);
    }

    /** Pixels of one byte outside the squeezed runs. */
    double pixelsPerByte() {
        return ppb;
    }

    /** Where byte {@code b} begins. */
    double x(long b) {
        return origin + shown(b) * ppb;
    }

    /** The byte at {@code x}, fractional: {@code floor} of it is the byte under x, {@code ceil} the first one wholly right of it. */
    double byteAt(double x) {
        double d = (x - origin) / ppb;
        int i = lastRunShownBefore(d);
        if (i < 0) {
            return d;
        }
        double runStart = from[i] - before(i);
        if (d < runStart + KEPT) {
            return from[i] + (d - runStart) * (to[i] - from[i]) / KEPT;
        }
        return d + removed[i];
    }

    /** How many runs are squeezed. */
    int runs() {
        return from.length;
    }

    long runFrom(int i) {
        return from[i];
    }

    long runTo(int i) {
        return to[i];
    }

    /** The first run that ends after byte {@code b} (runs() when none does). */
    int firstRunEndingAfter(long b) {
        return Sorted.firstAbove(to, b);
    }

    private double shown(long b) {
        int i = firstRunEndingAfter(b); // runs before i end at or before b
        if (i < to.length && from[i] < b) { // inside run i
            return from[i] - before(i) + (double) (b - from[i]) * KEPT / (to[i] - from[i]);
        }
        return b - before(i);
    }

    private double before(int i) {
        return i == 0 ? 0 : removed[i - 1];
    }

    /** The last run whose shown start is at or before {@code d} (-1 when none). */
    private int lastRunShownBefore(double d) {
        int lo = 0;
        int hi = from.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (from[mid] - before(mid) <= d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
