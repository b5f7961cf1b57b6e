package socketlab.ui.timeline;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * A row's header line: which connection (its number, both ports, the engine's note such as the
 * framing) on the left, what happened (glued, split, ✓, ✗, how long) on the right. When the row is
 * too narrow for both, the title gives way — first the ports, then the duration, then the framing —
 * and what stays is in full-size type, never squeezed or overprinted.
 *
 * <pre>
 *  #2  client :50312 → server :8080   framing header:le          glued 1 · split 0 · ✓ 2 · ✗ 0 · 101.9 ms
 * </pre>
 */
final class RowHeaderRenderer {

    /**
     * The phrases of the engine's connection notes (English in the trace file, which is for
     * scripts too) and the keys of their words in the learner's language; longest first.
     */
    private static final String[][] NOTE_WORDS = {
        {"one request, then its answer", "note.requestAnswer"}, {"not reading until the client's first send() returns", "note.notReading"},
        {"write-write-read", "note.writeWriteRead"}, {"length, ack, data", "note.lengthAck"}, {"udp connected", "note.udpConnected"},
        {"SO_REUSEADDR off", "note.reuseOff"}, {"non-blocking", "note.nonBlocking"}, {"Nagle on", "note.nagleOn"},
        {"framing ", "note.framing"}, {"· echo", "note.echo"}, {"· iterative", "note.iterative"}, {"· selector", "note.selector"},
        {"· commands", "note.commands"}, {"udp", "note.udp"},
    };

    void draw(Painter p, TraceIndex idx, ConnectionRow r, int number, double x, double y, double w) {
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double fs = p.fs();
        TraceIndex.Conn any = r.any();
        String note = any.openEvent >= 0 ? log.get(any.openEvent).text() : null;
        if (note != null) { // the engine's note, e.g. "framing header:le · echo", in the learner's language
            for (String[] phrase : NOTE_WORDS) {
                note = note.replace(phrase[0], I18n.tr(phrase[1]));
            }
        }
        boolean unix = any.unixPath != null; // AF_UNIX: no ports to name, the note names the path
        String title = I18n.tr("timeline.row", number,
                r.client() == null ? I18n.tr("timeline.outside") : unix ? "" : ":" + r.client().localPort,
                r.server() != null ? unix ? "" : ":" + r.server().localPort : ":" + any.remotePort,
                note == null ? "" : note);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Font titleFont = p.fonts.bold(fs * 1.05);
        g.setFont(titleFont);
        g.setFill(p.ink(TimelineView.Ink.TEXT));

        ConnectionRow.Counts n = r.counts(idx);
        String ms = String.format(Locale.ROOT, "%.1f", (r.endNs(log) - r.startNs(log)) / 1e6);
        String stats = I18n.tr("timeline.stats", n.glued(), n.split(), n.ok(), n.bad(), ms);
        String statsShort = I18n.tr("timeline.statsShort", n.glued(), n.split(), n.ok(), n.bad());
        Font statsFont = p.fonts.bold(fs);
        String shortTitle = I18n.tr("timeline.rowShort", number, note == null ? "" : note);
        String[][] layouts = {{title, stats}, {shortTitle, stats}, {shortTitle, statsShort}, {"#" + number, statsShort}};
        String[] chosen = layouts[layouts.length - 1];
        for (String[] l : layouts) {
            if (p.textWidth(l[0], titleFont) + p.textWidth(l[1], statsFont) + fs * 1.5 <= w) {
                chosen = l;
                break;
            }
        }
        stats = chosen[1];
        double room = w - p.textWidth(stats, statsFont) - fs * 1.5;
        double cy = y + p.m.headerH() / 2;
        g.fillText(chosen[0], x, cy, Math.max(fs * 2, room));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(statsFont);
        g.setFill(n.bad() > 0 ? p.ink(TimelineView.Ink.GLUED) : n.ok() > 0 ? p.ink(TimelineView.Ink.OK) : p.ink(TimelineView.Ink.MUTED));
        g.fillText(stats, x + w, cy);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
