package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.Side;
import socketlab.trace.Tcp;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The kernel between the calls, on the row's time axis: after each send() and recv() whose socket's
 * TCP state was read ({@code tcp}, TCP_INFO), what the kernel held for it, as a bar of bytes in the
 * colours of the messages they belong to — above the line, a sender's bytes not yet acknowledged, the
 * part not yet even sent drawn hatched ("send() returned, the bytes have not left"); below the line, a
 * receiver's queue: when its recv() began (FIONREAD: what waited, glued or not, before the call took it)
 * and after it returned (what is left for the next call). One height scale per row, said at the right.
 * Shown only in rows where the kernel was read and held something.
 *
 * <pre>
 *  kernel   ▆▆ ░▆                ▆▆▆▆                 ≤ 15 B
 *           ─────────────────────────────────────────
 *                    ▂  (rcv queue after recv)
 * </pre>
 */
final class KernelLaneRenderer implements LaneRenderer {

    /** The calls and the wire tell the story; where a comparison's rows need the room, this lane gives it up. */
    @Override
    public boolean optional() {
        return true;
    }

    @Override
    public int lanes(ConnectionRow row) {
        int reads = 0;
        long most = 0;
        for (Conn c : row.ends()) {
            reads += c.kernelReads;
            most = Math.max(most, c.kernelMost);
        }
        return reads > 0 && most > 0 ? 1 : 0; // an empty lane says nothing a row has room for
    }

    @Override
    public void draw(Painter p, TraceIndex idx, ConnectionRow r, double x, double lx, double y, double lw) {
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double h = p.m.laneH();
        p.laneLabel(I18n.tr("timeline.lane.kernel"), x, y);
        g.setFill(p.ink(TimelineView.Ink.LANE));
        g.fillRect(lx, y, lw, h);
        Axis at = Axis.of(p, r, log, lx, lw);
        double mid = y + h * 0.62; // more room above: the send buffer is the usual story
        long most = 1;
        for (Conn c : r.ends()) {
            most = Math.max(most, c.kernelMost);
        }
        g.save();
        g.beginPath();
        g.rect(at.left(), y, at.right() - at.left(), h);
        g.clip();
        g.setStroke(p.ink(TimelineView.Ink.MUTED));
        g.setLineWidth(1);
        g.strokeLine(at.left(), mid, at.right(), mid);
        for (Conn c : r.ends()) {
            Conn peer = c == r.client() ? r.server() : r.client();
            drawSends(p, idx, c, peer, at, mid, (mid - y - 2) / most);
            drawQueues(p, idx, c, at, mid, (y + h - mid - 2) / most);
        }
        g.restore();
        g.setFont(p.fonts.normal(p.fs() * 0.7));
        g.setFill(p.ink(TimelineView.Ink.MUTED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(I18n.tr("timeline.kernelScale", most), at.right() + 6, y + h / 2, p.fs() * 4.8);
    }

    /** After each send of {@code c}: its unacknowledged bytes, the not-yet-sent part hatched, in their messages' colours. */
    private static void drawSends(Painter p, TraceIndex idx, Conn c, Conn receiver, Axis at, double mid,
                                  double pxPerByte) {
        TraceLog log = idx.log();
        IntList spans = receiver != null ? idx.spans(receiver) : c.messages;
        double last = -1e9;
        for (int j = idx.firstAtOrAfter(c.sends, 0, at.firstNs()); j < c.sends.size(); j++) {
            int ev = c.sends.get(j);
            Tcp t = log.tcp(ev);
            double x = at.x(log.tNs(ev));
            if (x > at.right() + 4) {
                break;
            }
            if (t == null || x - last < 3) {
                continue; // not read, or in the pixels of the one before
            }
            last = x;
            long end = log.offset(ev) + log.bytes(ev);
            long held = t.unacked() + t.notsent();
            bar(p, idx, spans, end - held, end, x, mid, -pxPerByte, c.side);
            if (t.notsent() > 0) { // still in the socket: hatched over the top part
                double top = mid - held * pxPerByte;
                double notSent = t.notsent() * pxPerByte;
                p.g.setStroke(Color.rgb(255, 255, 255, 0.8));
                p.g.setLineWidth(1);
                for (double hy = top; hy < top + notSent; hy += 3) {
                    p.g.strokeLine(x - 3, hy + 3, x + 3, hy);
                }
            }
            p.hits.add(x - 4, mid - Math.max(4, held * pxPerByte), x + 4, mid, ev);
        }
    }

    /** Around each recv of {@code c} whose kernel was read: the receive queue when it began and after it, below the line. */
    private static void drawQueues(Painter p, TraceIndex idx, Conn c, Axis at, double mid, double pxPerByte) {
        TraceLog log = idx.log();
        IntList spans = idx.spans(c);
        double last = -1e9;
        for (int j = idx.firstAtOrAfter(c.recvs, 0, at.firstNs()); j < c.recvs.size(); j++) {
            int ev = c.recvs.get(j);
            Tcp t = log.tcp(ev);
            double x = at.x(log.tNs(ev));
            if (x > at.right() + 4) {
                break;
            }
            if (t == null || x - last < 3) {
                continue;
            }
            last = x;
            int before = log.available(ev);
            if (before > 0) { // what waited when the call began: the bytes it then took, and any it left
                double xb = Math.min(x - 7, at.x(log.tNs(ev) - log.durNs(ev)));
                bar(p, idx, spans, log.offset(ev), log.offset(ev) + before, xb, mid, pxPerByte, c.side);
                p.hits.add(xb - 4, mid, xb + 4, mid + before * pxPerByte, ev);
            }
            if (t.rcvQueue() > 0) { // what is left for the next call
                long from = log.offset(ev) + log.bytes(ev);
                bar(p, idx, spans, from, from + t.rcvQueue(), x, mid, pxPerByte, c.side);
                p.hits.add(x - 4, mid, x + 4, mid + t.rcvQueue() * pxPerByte, ev);
            }
        }
    }

    /**
     * A 6 px wide bar at {@code x} from the line: the stream bytes {@code [from, to)}, each message's part in its
     * colour ({@code pxPerByte} negative: upwards); bytes no span of the lab's covers in the end's own ink.
     */
    private static void bar(Painter p, TraceIndex idx, IntList spans, long from, long to, double x, double mid, double pxPerByte,
                            Side side) {
        GraphicsContext g = p.g;
        g.setFill(p.ink(side == Side.CLIENT ? TimelineView.Ink.SEND : TimelineView.Ink.RECV));
        fill(g, x, mid, (to - from) * pxPerByte);
        for (int k = idx.firstSpanEndingAfter(spans, Math.max(0, from)); k < spans.size() && idx.spanStart(spans.get(k)) < to; k++) {
            int sev = spans.get(k);
            long s0 = Math.max(from, idx.spanStart(sev));
            long s1 = Math.min(to, idx.spanStart(sev) + idx.spanLength(sev));
            g.setFill(p.messageColor(k));
            fill(g, x, mid + (s0 - from) * pxPerByte, (s1 - s0) * pxPerByte);
        }
    }

    private static void fill(GraphicsContext g, double x, double y0, double dy) {
        g.fillRect(x - 3, Math.min(y0, y0 + dy), 6, Math.max(1, Math.abs(dy)));
    }
}
