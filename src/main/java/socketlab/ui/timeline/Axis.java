package socketlab.ui.timeline;

import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceLog;

/**
 * A row's time axis, the one its time lane and its kernel lane share: time {@code t0} (the row's start)
 * sits at {@code lx}, {@code scale} px per ns, one scale for every row ({@link TimeScale}: the longest row
 * fills the width, so a slower run is visibly longer), zoomed and panned as the view is; only
 * {@code left}..{@code right} is in view (the right end keeps room for the row's duration). The row's idle
 * stretches ({@link TimeGaps}) are drawn {@code gapPx} wide each, whatever their length:
 *
 * <pre>
 *   x(t) = lx + (t − t0 − idle ns before t) × scale + (breaks before t) × gapPx      t outside every gap
 *   x(t) = x(gap's start) + (t − gap's start) / gap's length × gapPx                 t inside a gap
 * </pre>
 */
record Axis(double lx, long t0, double scale, double left, double right, double spanNs, TimeGaps gaps, double gapPx) {

    static Axis of(Painter p, ConnectionRow r, TraceLog log, double lx, double lw) {
        long t0 = r.startNs(log);
        double span = Math.max(1, r.endNs(log) - t0);
        double right = lx + lw - p.fs() * 5;
        double gap = p.fs() * TimeScale.GAP_FS;
        double scale = p.time.pxPerNs(right - lx, gap) * p.zoom;
        double shifted = lx - p.pan * Math.max(0, (right - lx) * (p.zoom - 1));
        return new Axis(shifted, t0, scale, lx, right, span, p.time.gaps(r), gap * p.zoom);
    }

    double x(long tNs) {
        int i = gaps.firstEndingAfter(tNs); // the gaps before i ended at or before t
        if (i < gaps.count() && gaps.from(i) < tNs) {
            return gapX(i) + (double) (tNs - gaps.from(i)) / (gaps.to(i) - gaps.from(i)) * gapPx;
        }
        return lx + (tNs - t0 - gaps.removedBefore(i)) * scale + i * gapPx;
    }

    /** Where gap {@code i} begins. */
    double gapX(int i) {
        return lx + (gaps.from(i) - t0 - gaps.removedBefore(i)) * scale + i * gapPx;
    }

    /** The time at {@code x} (the inverse of {@link #x}). */
    long tAt(double x) {
        int lo = 0;
        int hi = gaps.count();
        while (lo < hi) { // the first gap that begins right of x
            int mid = (lo + hi) >>> 1;
            if (gapX(mid) <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo - 1;
        if (i < 0) {
            return t0 + (long) Math.floor((x - lx) / scale);
        }
        double gx = gapX(i);
        if (x < gx + gapPx) {
            return gaps.from(i) + (long) ((x - gx) / gapPx * (gaps.to(i) - gaps.from(i)));
        }
        return gaps.to(i) + (long) Math.floor((x - gx - gapPx) / scale);
    }

    /** The first time in view (a little before it, for marks that straddle the edge). */
    long firstNs() {
        return tAt(left - 4);
    }
}
