package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.ProgramLine;
import socketlab.trace.Side;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * A traced program's console, on its row's time axis: each line it printed or read with input() while the
 * connection was open, at the moment its newline was written (or the line was typed) — the client program's
 * in the upper half, the server program's in the lower — so "received: b'hello worldhaha'" stands just right
 * of the recv() that glued it. A tick marks the moment; the words run right until the next line's tick, and
 * lines printed together (an answer, then the next prompt) stand one after the other, each whole up to about
 * thirty characters; a line's words are cut with "…" where the room ends. Typed lines are bold, standard
 * error's in the error colour. Words are drawn over the ticks, edged in the lane's colour: a line printed while
 * the words before it still run shows its tick passing behind them, never struck through them. Lines printed
 * within a pixel share one tick; once the words have no room left in view, the lines after are ticks
 * alone, one per pixel (a program printing in a loop). A click on a line shows it whole in the inspector;
 * the selected line's tick is drawn over everything.
 *
 * <pre>
 *  console  |connected        |received: b'hello worldhaha'                |bye
 *           |listening…  |got b'hello worldhaha'
 * </pre>
 *
 * Shown only in rows whose programs printed while the connection was open.
 */
final class OutputLaneRenderer implements LaneRenderer {
    /** The most room a line's words take past the next line's tick, in type sizes (about 30 characters). */
    static final double MAX_ROOM_FS = 16;

    /** The calls tell the lesson; where a comparison's rows need the room, this lane gives it up. */
    @Override
    public boolean optional() {
        return true;
    }

    @Override
    public int lanes(ConnectionRow row) {
        for (Conn c : row.ends()) {
            if (!c.outputs.isEmpty()) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    public void draw(Painter p, TraceIndex idx, ConnectionRow r, double x, double lx, double y, double lw) {
        GraphicsContext g = p.g;
        double h = p.m.laneH();
        p.laneLabel(I18n.tr("timeline.lane.output"), x, y);
        g.setFill(p.ink(TimelineView.Ink.LANE));
        g.fillRect(lx, y, lw, h);
        Axis at = Axis.of(p, r, idx.log(), lx, lw);
        g.save();
        g.beginPath();
        g.rect(lx, y, lw, h);
        g.clip();
        for (Conn c : r.ends()) {
            boolean top = c.side == Side.CLIENT;
            drawLines(p, idx, c, at, top ? y : y + h / 2, h / 2, lx + lw);
        }
        g.restore();
    }

    /** One end's lines in a band {@code bh} high at {@code by}, up to {@code end}. */
    private static void drawLines(Painter p, TraceIndex idx, Conn c, Axis at, double by, double bh, double end) {
        TraceLog log = idx.log();
        IntList lines = c.outputs;
        GraphicsContext g = p.g;
        Paint side = p.ink(c.side == Side.CLIENT ? TimelineView.Ink.SEND : TimelineView.Ink.RECV);
        double fs = Math.max(6, Math.min(p.fs() * 0.75, bh * 0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int j = idx.firstAtOrAfter(lines, 0, at.firstNs());
        if (j > 0) {
            j--; // the line begun left of the view runs into it
        }
        double free = Double.NEGATIVE_INFINITY; // where the last line's words ended: the next one's begin after them
        double lastTick = Double.NEGATIVE_INFINITY;
        java.util.List<Words> words = new java.util.ArrayList<>(); // drawn after every tick, so no tick strikes them
        double selectedTx = Double.NaN;
        while (j < lines.size()) {
            int ev = lines.get(j);
            double tx = at.x(log.tNs(ev));
            if (tx > at.right() + 4) {
                break;
            }
            if (ev == p.selected) {
                selectedTx = tx;
            } else if (tx - lastTick >= 1) { // lines printed within a pixel share one tick
                g.setStroke(side);
                g.setLineWidth(2);
                g.strokeLine(tx, by + 2, tx, by + bh - 2);
                lastTick = tx;
            }
            // the words from the tick, or after the last line's while those still stand there (lines printed
            // together: an answer and the next prompt, two prints in a row)
            double from = Math.max(tx + 4, free + p.fs() * 0.6);
            if (from > end - p.fs()) { // no room left for words in view: the rest are ticks, one per pixel
                p.hits.add(tx - 3, by, tx + 3, by + bh, ev);
                j = idx.firstAtOrAfter(lines, j + 1, at.tAt(tx + 1));
                continue;
            }
            int next = j + 1;
            double nextTx = next < lines.size() ? at.x(log.tNs(lines.get(next))) : end;
            ProgramLine kind = ProgramLine.of(log.call(ev));
            Font font = kind == ProgramLine.INPUT ? p.fonts.bold(fs) : p.fonts.normal(fs);
            String text = log.get(ev).text();
            // to the next tick; a line printed just before the next (two prints in a row) keeps its words whole up
            // to a few dozen characters, and the next one's stand after them
            double full = text == null ? 0 : p.textWidth(text, font); // measured once: most lines are drawn whole
            double until = Math.min(end, Math.max(nextTx - 4, from + Math.min(full, p.fs() * MAX_ROOM_FS)));
            double room = until - from;
            boolean whole = text != null && !text.isEmpty() && room >= p.fs() && full <= room + FIT_SLACK;
            String shown = whole ? text : fit(p, text, font, room);
            double to = tx + 4;
            if (shown != null) {
                to = from + (whole ? full : p.textWidth(shown, font));
                words.add(new Words(shown, font, kind == ProgramLine.STDERR ? TimelineView.Ink.ERROR : TimelineView.Ink.TEXT, from, to));
                free = to;
                p.hits.add(from - 2, by, to, by + bh, ev); // its words, wherever they stand
            }
            p.hits.add(tx - 3, by, tx + 3, by + bh, ev);
            j = next;
        }
        double mid = by + bh / 2;
        g.setStroke(p.ink(TimelineView.Ink.LANE));
        g.setLineWidth(3);
        g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND); // no miter spikes at a letter's corners (restored by draw())
        for (Words w : words) {
            g.setFont(w.font());
            g.strokeText(w.text(), w.from(), mid); // the edge that keeps a tick behind from touching the letters
            g.setFill(p.ink(w.ink()));
            g.fillText(w.text(), w.from(), mid);
        }
        if (!Double.isNaN(selectedTx)) {
            g.setStroke(side);
            g.setLineWidth(4);
            g.strokeLine(selectedTx, by + 2, selectedTx, by + bh - 2);
        }
    }

    /** A line's words, where they stand: drawn once every tick of the band is. */
    private record Words(String text, Font font, TimelineView.Ink ink, double from, double to) {
    }

    /**
     * What a width may exceed its room by and still fit: a room made as {@code (from + width) - from} comes out a
     * hair under {@code width} for some {@code from}, and "HELLO" was drawn as "HEL…" in the room made for it.
     */
    private static final double FIT_SLACK = 0.01;

    /** {@code text} as much as fits in {@code room} px, cut with "…"; null when not even a word's start does. */
    static String fit(Painter p, String text, Font font, double room) {
        return fit(text, room, p.fs(), s -> p.textWidth(s, font));
    }

    /** As {@link #fit(Painter, String, Font, double)}, measured by {@code width}; null below {@code least} px of room. */
    static String fit(String text, double room, double least, java.util.function.ToDoubleFunction<String> width) {
        if (text == null || text.isEmpty() || room < least) {
            return null;
        }
        if (width.applyAsDouble(text) <= room + FIT_SLACK) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) { // the longest start that fits with its "…"
            int mid = (lo + hi + 1) >>> 1;
            if (width.applyAsDouble(text.substring(0, mid) + "…") <= room + FIT_SLACK) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo == 0 ? null : text.substring(0, lo) + "…";
    }
}
