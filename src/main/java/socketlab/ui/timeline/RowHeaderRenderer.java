package socketlab.ui.timeline;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * A row's header line: which connection (its number, both ports, the engine's note such as the
 * framing, in the window's language at the time it is drawn) on the left, what happened (glued, split, ✓, ✗, how long) on the right. When the row is
 * too narrow for both, the title gives way — first the ports, then the duration, then the framing —
 * and what stays is in full-size type, never squeezed or overprinted.
 *
 * <pre>
 *  #2  client :50312 → server :8080   framing header:le          glued 1 · split 0 · ✓ 2 · ✗ 0 · 101.9 ms
 * </pre>
 */
final class RowHeaderRenderer {

    /**
     * The engine's note on the connection ("framing header:le · echo") in the window's language now;
     * a trace from before notes has only the text, which is shown as it is.
     */
    private static String noteWords(TraceEvent open) {
        return open.said() != null ? open.said().words() : open.text();
    }

    /**
     * What the row's title says of it: the engine's note on one end — or, where a traced program is
     * an end, both ends' notes, so the row says which programs talk ("client.py · pid 41 ↔ server.py · pid 40").
     */
    private static String note(TraceLog log, ConnectionRow r, Conn any) {
        TraceEvent client = r.client() != null && r.client().openEvent >= 0 ? log.get(r.client().openEvent) : null;
        TraceEvent server = r.server() != null && r.server().openEvent >= 0 ? log.get(r.server().openEvent) : null;
        if (client != null && server != null && (client.origin() != null || server.origin() != null)) {
            return noteWords(client) + "  ↔  " + noteWords(server);
        }
        return any.openEvent >= 0 ? noteWords(log.get(any.openEvent)) : null;
    }

    /**
     * Where a traced program is an end, the two ends by name alone ("ch3_unix_client.py ↔ ch3_unix_server.py", the
     * lab's own end by its side): what a narrow header keeps when the whole note does not fit. Null for the lab's own rows.
     */
    static String programs(TraceLog log, ConnectionRow r) {
        TraceEvent.Origin client = origin(log, r.client());
        TraceEvent.Origin server = origin(log, r.server());
        if (client == null && server == null) {
            return null;
        }
        return (client != null ? client.program() : I18n.tr("side.client")) + " ↔ "
                + (server != null ? server.program() : I18n.tr("side.server"));
    }

    private static TraceEvent.Origin origin(TraceLog log, Conn c) {
        return c != null && c.openEvent >= 0 ? log.get(c.openEvent).origin() : null;
    }

    /** The row's header; {@code prefix} ("▾ run 2 · ", or "") goes before its title in every layout. */
    void draw(Painter p, TraceIndex idx, ConnectionRow r, int number, String prefix, double x, double y, double w) {
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double fs = p.fs();
        Conn any = r.any();
        String note = note(log, r, any);
        boolean unix = any.unixPath != null; // AF_UNIX: no ports to name, the note names the path
        String title = r.noConnection() ? I18n.tr("timeline.rowNoConnection", number,
                I18n.tr(any.side == socketlab.trace.Side.CLIENT ? "side.client" : "side.server")) : I18n.tr("timeline.row", number,
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
        String shortTitle = r.noConnection() ? title : I18n.tr("timeline.rowShort", number, note == null ? "" : note);
        String programs = programs(log, r);
        String[][] layouts = {{prefix + title, stats}, {prefix + shortTitle, stats}, {prefix + shortTitle, statsShort},
            {prefix + "#" + number + (programs == null ? "" : "  " + programs), statsShort}, {prefix + "#" + number, statsShort}};
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
