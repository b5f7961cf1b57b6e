package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * UDP, one direction: every datagram is a box of its own, side by side — no stream to glue them
 * into. Above, each sendto() of the sender; below, each recvfrom() of the receiver in the colour of
 * the datagram it returned, and where recvfrom(n) was smaller than the datagram, the part the
 * kernel threw away, hatched and counted ("lost 6 B"). An empty datagram is a thin box. Only the
 * datagrams in view are looked at.
 *
 * <pre>
 *  client sendto()    | sendto #1: 11 B | sendto #2: 4 B |
 *  on the wire        | datagram #1: 11 B | datagram #2: 4 B |        (when the wire was captured)
 *  server recvfrom()  | recvfrom(5) → 5 ░░lost 6 B | recvfrom(5) → 4 |
 * </pre>
 */
final class DatagramLaneRenderer extends DirectedLanes {
    private static final IntList NONE = new IntList();

    DatagramLaneRenderer(Direction dir) {
        super(dir, dir.sendtoKey, dir.recvfromKey, ConnectionRow::datagrams);
    }

    /** The wire lane between, when this direction's datagrams were captured: each one whole, as it crossed. */
    @Override
    int middleLanes(ConnectionRow row) {
        return onTheWire(dir.sender(row), dir.receiver(row)).isEmpty() ? 0 : 1;
    }

    @Override
    String middleKey() {
        return "timeline.lane.wire";
    }

    /** The datagrams captured from the sender's port (the sender's own end, or the port the receiver heard from). */
    private static IntList onTheWire(Conn sender, Conn receiver) {
        socketlab.trace.Wire w = sender != null && sender.wire != null ? sender.wire : receiver != null ? receiver.wire : null;
        if (w == null) {
            return NONE;
        }
        return w.datagrams(sender != null && sender.localPort != 0 ? sender.localPort : receiver.remotePort);
    }

    @Override
    void drawLanes(Painter p, TraceIndex idx, Conn sender, Conn receiver,
                   double lx, double y, double yRecv, double lw) {
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double lane = p.m.laneH();
        IntList sent = sender == null ? NONE : sender.sendtos; // the k-th datagram sent is the k-th received (loopback keeps order)
        IntList got = receiver == null ? NONE : receiver.recvfroms;
        IntList crossed = yRecv > y + p.m.laneStep() ? onTheWire(sender, receiver) : NONE;
        double yWire = y + p.m.laneStep();
        int n = Math.max(Math.max(sent.size(), got.size()), crossed.size());
        int shown = (int) Math.min(n, Math.max(1, Math.floor(lw / (p.fs() * 3))));
        double slot = lw / Math.max(shown, 3);
        long largest = 1; // of the datagrams in view only: the scale never costs a pass over all of them
        for (IntList l : new IntList[] {sent, got, crossed}) {
            for (int k = 0; k < Math.min(shown, l.size()); k++) {
                largest = Math.max(largest, Math.max(log.bytes(l.get(k)), log.requested(l.get(k))));
            }
        }
        double ppb = (slot - 8) / largest;
        labelFont(p);
        for (int k = 0; k < shown; k++) {
            double x0 = lx + k * slot + 4;
            Color c = p.messageColor(k);
            int sentBytes = -1;
            if (k < sent.size()) { // sendto: the datagram whole
                int ev = sent.get(k);
                sentBytes = log.bytes(ev);
                box(p, ev, c, x0, y, sentBytes * ppb, lane, I18n.tr("timeline.sendto", k + 1, sentBytes), slot);
            }
            if (k < crossed.size()) { // on the wire: the datagram whole — any cut is the receiver's
                int ev = crossed.get(k);
                box(p, ev, c, x0, yWire, log.bytes(ev) * ppb, lane, I18n.tr("timeline.datagramOnWire", k + 1, log.bytes(ev)), slot);
            }
            if (k < got.size()) { // recvfrom: what came out, and what did not
                int ev = got.get(k);
                int bytes = log.bytes(ev);
                double w = Math.max(3, bytes * ppb);
                g.setFill(c);
                g.fillRect(x0, yRecv, w, lane);
                p.hits.add(x0, yRecv, x0 + Math.max(w, 8), yRecv + lane, ev);
                String label = I18n.tr("timeline.recvfrom", log.requested(ev), bytes);
                if (sentBytes > bytes) {
                    drawLost(p, x0 + w, yRecv, Math.max(3, (sentBytes - bytes) * ppb), lane, sentBytes - bytes);
                }
                g.setFill(p.ink(TimelineView.Ink.TEXT));
                labelFont(p);
                g.fillText(label, x0 + 2, yRecv + lane - 1, slot - 10);
            }
        }
        if (shown < n) {
            g.setFill(p.ink(TimelineView.Ink.MUTED));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(I18n.tr("timeline.more", n - shown), lx + lw - 4, yRecv - 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** One datagram's box in its colour, {@code w} wide (at least 3 px), clickable, named inside. */
    private static void box(Painter p, int ev, Color c, double x0, double y, double w, double lane, String label, double slot) {
        GraphicsContext g = p.g;
        double bw = Math.max(3, w);
        g.setFill(c);
        g.fillRect(x0, y, bw, lane);
        p.hits.add(x0, y, x0 + Math.max(bw, 8), y + lane, ev);
        g.setFill(p.ink(TimelineView.Ink.TEXT));
        labelFont(p);
        g.fillText(label, x0 + 2, y + lane - 1, slot - 10);
    }

    private static void labelFont(Painter p) {
        p.g.setFont(p.fonts.bold(p.fs() * 0.7));
        p.g.setTextAlign(TextAlignment.LEFT);
        p.g.setTextBaseline(VPos.BOTTOM);
    }

    /** The bytes recvfrom(n) cut off: hatched, outlined and counted, right after what it returned. */
    private static void drawLost(Painter p, double x0, double y, double w, double lane, int lost) {
        GraphicsContext g = p.g;
        g.setStroke(p.ink(TimelineView.Ink.GLUED));
        g.setLineWidth(1.5);
        g.save();
        g.beginPath();
        g.rect(x0, y, w, lane);
        g.clip();
        for (double sx = x0 - lane; sx < x0 + w; sx += 6) {
            g.strokeLine(sx, y + lane, sx + lane, y);
        }
        g.restore();
        g.strokeRect(x0, y + 1, w, lane - 2);
        p.tag(I18n.tr("timeline.lost", lost), x0 + w, y + 2, p.ink(TimelineView.Ink.GLUED), true);
    }
}
