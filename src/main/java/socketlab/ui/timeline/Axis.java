package socketlab.ui.timeline;

import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceLog;

/**
 * A row's time axis, the one its time lane and its kernel lane share: time {@code t0} (the row's start)
 * sits at {@code lx}, {@code scale} px per ns, one scale for every row (the longest row fills the width,
 * so a slower run is visibly longer), zoomed and panned as the view is; only {@code left}..{@code right} is
 * in view (the right end keeps room for the row's duration).
 */
record Axis(double lx, long t0, double scale, double left, double right, double spanNs) {

    static Axis of(Painter p, ConnectionRow r, TraceLog log, double lx, double lw) {
        long t0 = r.startNs(log);
        double span = Math.max(1, r.endNs(log) - t0);
        double axis = Math.max(span, p.sharedSpanNs);
        double right = lx + lw - p.fs() * 5;
        double scale = (right - lx) / axis * p.zoom;
        double shifted = lx - p.pan * Math.max(0, (right - lx) * (p.zoom - 1));
        return new Axis(shifted, t0, scale, lx, right, span);
    }

    double x(long tNs) {
        return lx + (tNs - t0) * scale;
    }

    /** The first time in view (a little before it, for marks that straddle the edge). */
    long firstNs() {
        return t0 + (long) ((left - 4 - lx) / scale);
    }
}
