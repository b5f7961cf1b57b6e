package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Every call of both ends on one time axis, shared by all rows: sends above the line, receives
 * below, a bar back to when a call that blocked began; errors as dots; the lifecycle (◆
 * connect/accept, ▮ EOF, ■ close), named; a client's wait in the listen backlog; the select() calls that
 * returned the connection ready; the wire's segments, when captured, as bars (data) and dots (the rest),
 * SYN/FIN/RST named. Calls closer than a pixel are drawn once; a word only where no other stands
 * ({@link LabelSlots}: the calls' first, then the lifecycle's, then the wire's).
 *
 * <pre>
 *  time  ◆connect SYN ▌send 11 ▌send 4             ■close   102 ms
 *  ──────◆─•──•──•────▌────────▌──────────────────▮─■──
 *         ◆accept SYN,ACK          ▌recv 15        ▮EOF
 * </pre>
 */
final class TimeLaneRenderer implements LaneRenderer {

    private enum Mark { OPEN, EOF, CLOSE }

    @Override
    public int lanes(ConnectionRow row) {
        return 1;
    }

    @Override
    public void draw(Painter p, TraceIndex idx, ConnectionRow r, double x, double lx, double y, double lw) {
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double h = p.m.laneH();
        p.laneLabel(I18n.tr("timeline.lane.time"), x, y);
        double mid = y + h / 2;
        Axis at = Axis.of(p, r, log, lx, lw);
        double left = at.left();
        double right = at.right();
        double span = at.spanNs();
        double end = Math.min(right, at.x(at.t0() + (long) span));
        g.setStroke(p.ink(TimelineView.Ink.MUTED));
        g.setLineWidth(1);
        g.strokeLine(left, mid, Math.max(left, end), mid);
        long step = RulerRenderer.step(p, at.scale()); // the ruler's ticks, on this lane's line
        TimeGaps gaps = at.gaps();
        for (long t = Math.max(0, (long) Math.ceil((at.tAt(left) - at.t0()) / (double) step)) * step; ; t += step) {
            int gi = gaps.firstEndingAfter(at.t0() + t);
            if (gi < gaps.count() && gaps.from(gi) < at.t0() + t) { // inside an idle stretch: on to the first tick after it
                t = (long) Math.ceil((gaps.to(gi) - at.t0()) / (double) step) * step - step;
                continue;
            }
            double tx = at.x(at.t0() + t);
            if (tx > Math.min(right, end) + 0.5) {
                break;
            }
            g.strokeLine(tx, mid - 3, tx, mid + 3);
        }
        g.save();
        g.beginPath();
        g.rect(left - 6, y, right - left + 12, h);
        g.clip();
        // the words above the line and below it, shared by both ends: the calls' first (the bytes are the lesson),
        // then the lifecycle's, then the wire's
        LabelSlots words = new LabelSlots(4, left, right);
        for (Conn c : new Conn[] {r.client(), r.server()}) {
            if (c != null) {
                drawCalls(p, log, idx, c, at, y, h, mid, words);
            }
        }
        for (Conn c : new Conn[] {r.client(), r.server()}) {
            if (c != null) {
                drawLife(p, log, c, at, y, h, words);
            }
        }
        drawSegments(p, idx, r, at, y, h, mid, words);
        drawBacklogWait(p, log, r, at, mid);
        drawSelects(p, idx, r, at, y, h);
        drawBreaks(p, at, y, h, mid, words);
        g.restore();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(p.fonts.bold(p.fs() * 0.8));
        g.setFill(p.ink(TimelineView.Ink.MUTED));
        g.fillText(Painter.formatMs(span), Math.max(left, Math.min(right, end)) + 6, mid);
    }

    /**
     * The wire's segments on the axis, when it was captured: a data segment as a short upright bar across
     * the line (so a send() and the segment that carried it stand side by side, and a Nagle-held one 40 ms
     * later), a segment without data (SYN, an ACK, FIN) as a dot. Those within a pixel of the last are drawn once.
     * SYN, SYN,ACK, FIN and RST (red) are named beside their dots, the client's above the line and the server's
     * below, where there is room: the handshake before connect() returns, the four-way close, a reset.
     */
    private static void drawSegments(Painter p, TraceIndex idx, ConnectionRow r, Axis at, double y, double h, double mid,
                                     LabelSlots words) {
        socketlab.trace.Wire w = r.any().wire;
        if (w == null || w.isEmpty()) {
            return;
        }
        TraceLog log = idx.log();
        GraphicsContext g = p.g;
        g.setFill(p.ink(TimelineView.Ink.WIRE));
        Conn end = r.any();
        for (int port : new int[] {end.localPort, end.remotePort}) {
            Conn sender = r.client() != null && r.client().localPort == port ? r.client()
                    : r.server() != null && r.server().localPort == port ? r.server() : null;
            Conn receiver = sender == null ? null : sender.peer();
            for (IntList list : new IntList[] {w.data(port), w.other(port)}) {
                boolean data = list == w.data(port);
                // only those in view (each list is in time order), one per pixel
                for (int j = idx.firstAtOrAfter(list, 0, at.firstNs()), next; j < list.size(); j = next) {
                    int ev = list.get(j);
                    double x = at.x(log.tNs(ev));
                    if (x > at.right() + 4) {
                        break;
                    }
                    next = idx.firstAtOrAfter(list, j + 1, at.tAt(x + 1));
                    if (data) {
                        links(p, idx, ev, sender, receiver, at, x, h, mid);
                        g.setFill(p.ink(TimelineView.Ink.WIRE));
                        g.fillRect(x - 1.5, mid - h * 0.22, 3, h * 0.44);
                        p.hits.add(x - 3, mid - h * 0.22, x + 3, mid + h * 0.22, ev);
                    } else {
                        int flags = log.a(ev);
                        boolean reset = (flags & socketlab.trace.Segments.RST) != 0;
                        g.setFill(p.ink(reset ? TimelineView.Ink.ERROR : TimelineView.Ink.WIRE));
                        g.fillOval(x - 2.5, mid - 2.5, 5, 5);
                        p.hits.add(x - 4, mid - 4, x + 4, mid + 4, ev);
                        String word = controlWord(flags);
                        if (word != null) {
                            word(p, word, x + 3, x - 3, y, h, log.side(ev) == Side.SERVER, g.getFill(), words);
                        }
                        g.setFill(p.ink(TimelineView.Ink.WIRE));
                    }
                }
            }
        }
    }

    /**
     * A data segment's journey: a thin line from the send() that wrote its first byte (above the line) to the
     * segment, and from the segment to the recv() that took its last byte (below), in that byte's message's
     * colour. Near upright when the kernel sent at once; a Nagle-held segment's line slants 40 ms to the right.
     * An end the lab did not record (a program outside it) has no calls to link to: that half is not drawn.
     *
     * <pre>
     *   ▌send 'a'  ▌send 'b'              Nagle on: 'b' leaves with the first ACK
     *    ╲          ╲____________________
     *     ▐ seg 1                        ▐ seg 2
     *      ╲                              ╲
     *       ▌recv 'a'                      ▌recv 'b'
     * </pre>
     */
    private static void links(Painter p, TraceIndex idx, int seg, Conn sender, Conn receiver, Axis at, double x, double h,
                              double mid) {
        if (sender == null) {
            return;
        }
        TraceLog log = idx.log();
        long first = log.offset(seg);
        long last = first + log.bytes(seg) - 1;
        TraceIndex.ByteOwner owner = idx.ownerSent(sender, first);
        GraphicsContext g = p.g;
        g.setStroke(owner.message() >= 0 ? p.messageColor(owner.message()) : p.ink(TimelineView.Ink.WIRE));
        g.setLineWidth(1.25);
        double top = mid - h * 0.5 + 2;
        double bottom = mid + h * 0.5 - 2;
        int send = idx.callHolding(sender.sends, first);
        if (send >= 0) {
            g.strokeLine(at.x(log.tNs(send)), top, x, mid - h * 0.22);
        }
        int recv = receiver == null ? -1 : idx.callHolding(receiver.recvs, last);
        if (recv >= 0) {
            g.strokeLine(x, mid + h * 0.22, at.x(log.tNs(recv)), bottom);
        }
    }

    /** TCP's name for a segment without data that opens or ends a connection ("SYN,ACK", "FIN", "RST"); null for a bare ACK. */
    static String controlWord(int flags) {
        if ((flags & socketlab.trace.Segments.RST) != 0) {
            return "RST";
        }
        if ((flags & socketlab.trace.Segments.SYN) != 0) {
            return (flags & socketlab.trace.Segments.ACK) != 0 ? "SYN,ACK" : "SYN";
        }
        return (flags & socketlab.trace.Segments.FIN) != 0 ? "FIN" : null;
    }

    /** A word in the band above the line (or below it) from {@code x}, where no other word stands. */
    private static void word(Painter p, String text, double x, double y, double h, boolean below, Paint color, LabelSlots words) {
        word(p, text, x, Double.NaN, y, h, below, color, words);
    }

    /**
     * A mark's name: on its right from {@code x}, or where a word stands there, on its left, ending at {@code leftEnd}
     * (NaN: the right only) — a close beside an EOF, a FIN beside a close.
     */
    private static boolean word(Painter p, String text, double x, double leftEnd, double y, double h, boolean below, Paint color,
                                LabelSlots words) {
        javafx.scene.text.Font font = p.fonts.normal(p.fs() * 0.7);
        double w = p.textWidth(text, font);
        x = Math.min(x, words.right() - w); // a mark at the lane's end is named on its left, not cut
        int band = below ? LabelSlots.BELOW : LabelSlots.ABOVE;
        if (!words.claim(band, x, x + w)) {
            if (Double.isNaN(leftEnd) || leftEnd - w < words.left() || !words.claim(band, leftEnd - w, leftEnd)) {
                return false;
            }
            x = leftEnd - w;
        }
        GraphicsContext g = p.g;
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(below ? VPos.BOTTOM : VPos.TOP);
        g.fillText(text, x, below ? y + h - 1 : y + 1);
        return true;
    }

    /**
     * One end's lifecycle, each a small mark with its call's name where there is room: ◆ connect (or accept),
     * ▮ EOF (recv returned 0 bytes), ■ close — the client's above the line, the server's below.
     */
    private static void drawLife(Painter p, TraceLog log, Conn c, Axis at, double y, double h, LabelSlots words) {
        Paint color = c.side == Side.CLIENT ? p.ink(TimelineView.Ink.SEND) : p.ink(TimelineView.Ink.RECV);
        boolean client = c.side == Side.CLIENT;
        double ty = client ? y + 1 : y + h - 1;
        lifeMark(p, log, c.openEvent, Mark.OPEN, color, at, ty, !client, words);
        lifeMark(p, log, c.eofEvent, Mark.EOF, color, at, ty, !client, words);
        lifeMark(p, log, c.closeEvent, Mark.CLOSE, color, at, ty, !client, words);
    }

    /** One end's calls and errors. */
    private static void drawCalls(Painter p, TraceLog log, TraceIndex idx, Conn c, Axis at, double y, double h, double mid,
                                  LabelSlots words) {
        GraphicsContext g = p.g;
        int selected = p.selected;
        Paint color = c.side == Side.CLIENT ? p.ink(TimelineView.Ink.SEND) : p.ink(TimelineView.Ink.RECV);
        for (IntList list : new IntList[] {c.sends, c.recvs, c.datagrams}) {
            boolean datagram = list == c.datagrams;
            for (int j = idx.firstAtOrAfter(list, 0, at.firstNs()), next; j < list.size(); j = next) {
                int ev = list.get(j);
                double tx = at.x(log.tNs(ev));
                if (tx > at.right() + 4) {
                    break; // past the visible window
                }
                // the calls within the next pixel are drawn once, as this one
                next = idx.firstAtOrAfter(list, j + 1, at.tAt(tx + 1));
                if (selected >= 0 && ev != selected) {
                    for (int q = j + 1; q < next; q++) {
                        if (list.get(q) == selected) {
                            next = q;
                            break;
                        }
                    }
                }
                boolean up = datagram ? log.op(ev) == Op.SENDTO : list == c.sends;
                p.hits.add(tx - 4, y, tx + 4, y + h, ev);
                g.setStroke(color);
                double took = tx - at.x(log.tNs(ev) - log.durNs(ev));
                if (took >= 2) { // how long the call blocked: a bar back to when it started
                    g.setLineWidth(3);
                    double by = up ? mid - 3 : mid + 3;
                    g.strokeLine(Math.max(at.left(), tx - took), by, tx, by);
                }
                g.setLineWidth(ev == selected ? 5 : 2.5);
                g.strokeLine(tx, mid, tx, up ? y + 2 : y + h - 2);
                // a label only where it does not run into another word, either end's
                word(p, (datagram ? up ? "sendto " : "recvfrom " : up ? "send " : "recv ") + log.bytes(ev), tx + 3, y, h, !up,
                        color, words);
            }
        }
        for (int k = 0; k < c.errors.size(); k++) {
            int ev = c.errors.get(k);
            double tx = at.x(log.tNs(ev));
            p.hits.add(tx - 6, y, tx + 6, y + h, ev);
            g.setFill(p.ink(TimelineView.Ink.ERROR));
            g.fillOval(tx - 5, mid - 5, 10, 10);
            String name = pythonError(log.get(ev).said());
            if (name != null) { // what the learner's Python would raise here, beside the dot
                word(p, name, tx + 7, tx - 7, y, h, c.side == Side.SERVER, p.ink(TimelineView.Ink.ERROR), words);
            }
        }
    }

    /**
     * The exception Python raises for an error the lab worded (its phrase's key: "io.reset" →
     * ConnectionResetError), the same in every language; null where the lab's words have no one Python name.
     */
    static String pythonError(socketlab.text.Said said) {
        if (!(said instanceof socketlab.text.Phrase phrase)) {
            return null;
        }
        return switch (phrase.key()) {
            case "io.reset" -> "ConnectionResetError";
            case "io.brokenPipe" -> "BrokenPipeError";
            case "connect.refused" -> "ConnectionRefusedError";
            case "connect.timeout" -> "TimeoutError";
            case "bind.inUse", "bind.timeWait" -> "OSError: Address already in use";
            case "probe.refused" -> "ConnectionRefusedError";
            case "probe.timeout" -> "TimeoutError";
            // a traced program's own exception, as Python said it, less the errno ("OSError: Address already in use")
            case "probe.raised" -> phrase.args().size() > 1 ? String.valueOf(phrase.args().get(1)).replaceFirst("\\[Errno -?\\d+\\] ", "") : null;
            default -> null;
        };
    }

    /**
     * A client whose connect() returned long before the server's accept() waited in the listen
     * backlog (an iterative server busy with someone else): a dashed bar between the two, named.
     */
    private static void drawBacklogWait(Painter p, TraceLog log, ConnectionRow r, Axis at, double mid) {
        if (r.client() == null || r.server() == null || r.client().openEvent < 0 || r.server().openEvent < 0) {
            return;
        }
        double x0 = Math.max(at.left(), at.x(log.tNs(r.client().openEvent)));
        double x1 = Math.min(at.right(), at.x(log.tNs(r.server().openEvent)));
        long waitedNs = log.tNs(r.server().openEvent) - log.tNs(r.client().openEvent);
        if (x1 - x0 < p.fs() * 8 || waitedNs < 5_000_000) {
            return; // accepted at once (a thread's scheduling, not a queue): nothing to show
        }
        GraphicsContext g = p.g;
        g.setStroke(p.ink(TimelineView.Ink.GLUED));
        g.setLineWidth(3);
        g.setLineDashes(8, 5);
        g.strokeLine(x0 + 6, mid, x1 - 6, mid);
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
        g.setFont(p.fonts.bold(p.fs() * 0.8));
        g.setFill(p.ink(TimelineView.Ink.GLUED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP); // below the line: the server makes no calls on it before accept(), the client's sends are above
        g.fillText(I18n.tr("timeline.backlog", Painter.formatMs(waitedNs)), x0 + 8, mid + 3, Math.max(10, x1 - x0 - 16));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
    }

    /**
     * A selector server: every select() that returned this connection ready, as a small green
     * triangle under the line ("ready"), so one can see which connections each select() served.
     */
    private static void drawSelects(Painter p, TraceIndex idx, ConnectionRow r, Axis at, double y, double h) {
        if (r.server() == null || r.server().readyIn.isEmpty()) {
            return;
        }
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        IntList ready = r.server().readyIn;
        double d = p.fs() * 0.35;
        double lastLabel = -1e9;
        for (int j = idx.firstAtOrAfter(ready, 0, at.firstNs()); j < ready.size(); j++) {
            int ev = ready.get(j);
            double tx = at.x(log.tNs(ev));
            if (tx > at.right() + 4) {
                break;
            }
            g.setFill(p.ink(TimelineView.Ink.OK));
            double ty = y + h - 2;
            g.fillPolygon(new double[] {tx - d, tx + d, tx}, new double[] {ty, ty, ty - d * 1.6}, 3);
            p.hits.add(tx - d, ty - d * 1.6, tx + d, ty, ev);
            if (tx - lastLabel > p.fs() * 6) {
                g.setFont(p.fonts.bold(p.fs() * 0.65));
                g.setTextAlign(TextAlignment.LEFT); // to the right: a backlog wait, if any, ends on the left of it
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(I18n.tr("timeline.ready"), tx + d + 2, ty);
                lastLabel = tx;
            }
        }
    }

    /**
     * The row's idle stretches, each drawn as a break: the line cut by two slants, and how long nothing ran
     * ("// 4.2 s") above it, where no call's word stands.
     */
    private static void drawBreaks(Painter p, Axis at, double y, double h, double mid, LabelSlots words) {
        TimeGaps gaps = at.gaps();
        GraphicsContext g = p.g;
        Paint muted = p.ink(TimelineView.Ink.MUTED);
        for (int i = gaps.firstEndingAfter(at.firstNs()); i < gaps.count(); i++) {
            double x0 = at.gapX(i);
            if (x0 > at.right() + 4) {
                break;
            }
            double x1 = x0 + at.gapPx();
            double xm = (x0 + x1) / 2;
            double d = Math.min(h * 0.18, at.gapPx() / 3); // between the words above and below the line
            g.setStroke(p.ink(TimelineView.Ink.BACKGROUND));
            g.setLineWidth(4);
            g.strokeLine(x0 + 2, mid, x1 - 2, mid); // the line does not run through an idle stretch
            g.setStroke(muted);
            g.setLineWidth(1.5);
            g.strokeLine(xm - 3 - d / 2, mid + d, xm - 3 + d / 2, mid - d);
            g.strokeLine(xm + 3 - d / 2, mid + d, xm + 3 + d / 2, mid - d);
            String idle = String.format(java.util.Locale.ROOT, "// %.1f s", (gaps.to(i) - gaps.from(i)) / 1e9);
            double w = p.textWidth(idle, p.fonts.normal(p.fs() * 0.7));
            if (!word(p, idle, xm - w / 2, Double.NaN, y, h, false, muted, words)) {
                word(p, idle, xm - w / 2, Double.NaN, y, h, true, muted, words); // under the line when a call's name stands above
            }
        }
    }

    /** A lifecycle event on the time axis: ◆ connect/accept, ▮ EOF, ■ close (the legend says so), named where there is room. */
    private static void lifeMark(Painter p, TraceLog log, int ev, Mark shape, Paint color, Axis at, double ty, boolean below,
                                 LabelSlots words) {
        if (ev < 0) {
            return;
        }
        double tx = at.x(log.tNs(ev));
        if (tx < at.left() - 4 || tx > at.right() + 4) {
            return;
        }
        double mid = below ? ty - p.m.laneH() / 2 + 1 : ty + p.m.laneH() / 2 - 1;
        double d = p.fs() * 0.35;
        GraphicsContext g = p.g;
        g.setFill(color);
        switch (shape) {
            case OPEN -> g.fillPolygon(new double[] {tx - d, tx, tx + d, tx}, new double[] {mid, mid - d, mid, mid + d}, 4);
            case EOF -> g.fillRect(tx - 1.5, mid - d * 1.6, 3, d * 3.2);
            case CLOSE -> g.fillRect(tx - d * 0.8, mid - d * 0.8, d * 1.6, d * 1.6);
        }
        p.hits.add(tx - d, mid - d * 1.6, tx + d, mid + d * 1.6, ev);
        String name = switch (shape) {
            case OPEN -> log.op(ev).wire(); // the call's own name: connect, accept (listen, bind for a datagram end)
            case EOF -> "EOF";
            case CLOSE -> "close";
        };
        double h = p.m.laneH();
        word(p, name, tx + d + 2, tx - d - 2, below ? ty + 1 - h : ty - 1, h, below, color, words);
    }
}
