package socketlab.ui.timeline;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;

/**
 * The time lanes' scale, once, under the legend and always in view: every row's time lane shares one
 * scale (the longest row fills the width) and starts at its own row's beginning, so one ruler of ticks
 * in milliseconds from a row's start reads for all of them, zoomed and panned with them; each time lane
 * marks the same ticks on its line (the byte lanes between have their own axis, bytes). Ticks fall on
 * 1, 2 or 5 × 10ⁿ ns, no closer than a label's width. A row's idle stretches are drawn as breaks
 * ({@link TimeGaps}): the ticks end, marked, at the earliest break of any row, after which the rows' times part.
 *
 * <pre>
 *   ms from each row's start   0        50 ms        100 ms        150 ms        200 ms
 *                              |          |            |             |             |
 * </pre>
 */
final class RulerRenderer {

    void draw(Painter p, double w) {
        GraphicsContext g = p.g;
        double top = p.m.legendOnlyH();
        double h = p.m.legendH() - top;
        g.setFill(p.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, top, w, h);
        double lx = 8 + p.m.labelW();
        double lw = w - 16 - p.m.labelW();
        double right = lx + lw - p.fs() * 5;
        double scale = p.time.pxPerNs(right - lx, p.fs() * TimeScale.GAP_FS) * p.zoom; // as Axis.of: one scale for every row
        double shifted = lx - p.pan * Math.max(0, (right - lx) * (p.zoom - 1));
        g.setFont(p.fonts.normal(p.fs() * 0.72));
        g.setFill(p.ink(TimelineView.Ink.MUTED));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double cy = top + h * 0.45;
        g.fillText(I18n.tr("timeline.ruler"), 8, cy, p.m.labelW() - 4);
        long step = step(p, scale);
        long first = (long) Math.max(0, Math.ceil((lx - shifted) / scale / step)) * step;
        g.setStroke(p.ink(TimelineView.Ink.MUTED));
        g.setLineWidth(1);
        g.strokeLine(lx, top + h - 1, Math.max(lx, Math.min(right, shifted + Math.min(p.time.firstBreakNs(), Long.MAX_VALUE / 4) * scale)), top + h - 1);
        // up to the first idle stretch drawn as a break, every row's time reads the same here: after it the rows part
        long firstBreak = p.time.firstBreakNs();
        double end = firstBreak == Long.MAX_VALUE ? right : Math.min(right, shifted + firstBreak * scale);
        if (end < right) {
            g.strokeLine(end - 4, top + h - 1, end - 1, top + h - 9); // the break: the ticks end here
            g.strokeLine(end, top + h - 1, end + 3, top + h - 9);
        }
        for (long t = first; ; t += step) {
            double x = shifted + t * scale;
            if (x > end + 1) {
                break;
            }
            g.strokeLine(x, top + h - 5, x, top + h - 1);
            g.setTextAlign(t == 0 ? TextAlignment.LEFT : TextAlignment.CENTER);
            g.fillText(label(t, step), t == 0 ? x : x, cy);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The ticks' step at {@code scale} px per ns: a label's width and more apart (the time lanes tick at the same times). */
    static long step(Painter p, double scale) {
        return step(p.textWidth("000 ms", p.fonts.normal(p.fs() * 0.72)) * 1.8 / scale);
    }

    /** The smallest of 1, 2, 5 × 10ⁿ ns no smaller than {@code atLeastNs}. */
    static long step(double atLeastNs) {
        long s = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (s * m >= atLeastNs) {
                    return s * m;
                }
            }
            if (s > Long.MAX_VALUE / 100) {
                return s;
            }
            s *= 10;
        }
    }

    /** A tick's time in the unit its step reads best in: "0", "250 µs", "40 ms", "1.5 s". */
    static String label(long t, long step) {
        if (t == 0) {
            return "0";
        }
        if (step >= 1_000_000_000L || t >= 10_000_000_000L && step >= 100_000_000L) {
            return trim(String.format(Locale.ROOT, "%.1f", t / 1e9)) + " s";
        }
        if (step >= 1_000_000) {
            return (t / 1_000_000) + " ms";
        }
        if (step >= 1_000) {
            return step >= 100_000 ? trim(String.format(Locale.ROOT, "%.1f", t / 1e6)) + " ms" : (t / 1_000) + " µs";
        }
        return t + " ns";
    }

    private static String trim(String s) {
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
