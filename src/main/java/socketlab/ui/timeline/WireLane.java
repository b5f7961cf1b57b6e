package socketlab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.Segments;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;
import socketlab.trace.Wire;

/**
 * The wire lane of a stream, on the stream's byte axis ({@link StreamLaneRenderer} draws its data
 * segments like chunks): here, which segments a direction has, and the marks that are not bytes —
 * the receiver's ACKs as ticks where each acknowledged up to (pointing back up, towards the sender),
 * and the sender's SYN, FIN and RST as words at their place in the stream (TCP's own names, the same in
 * every language).
 *
 * <pre>
 *  on the wire  SYN|▌segment #1: 11 B |▌segment #2: 4 B |FIN
 *                  ▴                  ▴                 ▴          ACK 1, ACK 12, ACK 16
 * </pre>
 *
 * An ACK that closed the receiver's window (it advertised 0 bytes free) is marked "win 0" in the error colour.
 */
final class WireLane {
    private WireLane() {
    }

    /** The data segments of {@code dir} in {@code row}, or null when none were captured. */
    static IntList data(ConnectionRow row, Direction dir) {
        return data(dir.sender(row), dir.receiver(row), dir);
    }

    static IntList data(Conn sender, Conn receiver, Direction dir) {
        Wire w = wire(sender, receiver);
        if (w == null) {
            return null;
        }
        IntList d = w.data(senderPort(sender, receiver));
        return d.isEmpty() ? null : d;
    }

    private static Wire wire(Conn sender, Conn receiver) {
        return sender != null && sender.wire != null ? sender.wire : receiver != null ? receiver.wire : null;
    }

    private static int senderPort(Conn sender, Conn receiver) {
        return sender != null ? sender.localPort : receiver.remotePort;
    }

    private static int receiverPort(Conn sender, Conn receiver) {
        return receiver != null ? receiver.localPort : sender.remotePort;
    }

    /**
     * The receiver's ACKs that closed its window: a tick in the error colour at the byte they acknowledged up
     * to — from there its sender could send nothing until a later ACK opened the window — and "win 0" with the
     * words at the top, from {@code wordsFrom} on (after the SYN's), one word where several would overlap.
     */
    private static void drawClosedWindows(Painter p, TraceLog log, IntList closed, ByteAxis ax, double y, double h,
                                          double wordsFrom, double right, long streamEnd) {
        GraphicsContext g = p.g;
        javafx.scene.paint.Paint ink = p.ink(TimelineView.Ink.ERROR);
        double tick = Math.max(4, h * 0.3);
        double free = wordsFrom;
        for (int j = 0; j < closed.size(); j++) { // few: a window closes once per stall
            int ev = closed.get(j);
            double x = ax.x(Math.min(streamEnd, log.digest(ev) - 1));
            if (x < wordsFrom - 60 || x > right + 2) {
                continue;
            }
            g.setFill(ink);
            g.fillPolygon(new double[] {x - tick / 2, x + tick / 2, x}, new double[] {y + h, y + h, y + h - tick}, 3);
            p.hits.add(x - tick / 2, y + h - tick, x + tick / 2, y + h, ev);
            double at = Math.max(free, x + 2);
            if (at + p.tagWidth("win 0") <= right) {
                p.tag("win 0", at, y + 2, ink, false);
                p.hits.add(at, y, at + p.tagWidth("win 0"), y + h * 0.5, ev);
                free = at + p.tagWidth("win 0") + 2;
            }
        }
    }

    /** The receiver's ACKs (ticks at the bottom of the lane) and the sender's SYN/FIN/RST (words at the top). */
    static void drawAcksAndControl(Painter p, TraceIndex idx, Conn sender, Conn receiver, Direction dir,
                                   ByteAxis ax, double y, double h, double left, double right) {
        Wire w = wire(sender, receiver);
        if (w == null) {
            return;
        }
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        int from = receiverPort(sender, receiver);
        g.setFill(p.ink(TimelineView.Ink.WIRE));
        double tick = Math.max(4, h * 0.3);
        double last = -1e9;
        long streamEnd = ConnectionRow.bytes(sender, true) > 0 ? ConnectionRow.bytes(sender, true) : ConnectionRow.bytes(receiver, false);
        java.util.function.IntToLongFunction acked = ev -> log.digest(ev); // rises along each list, as the stream does
        for (IntList list : new IntList[] {w.other(from), w.data(from)}) {
            last = -1e9;
            // only the ticks in view, and one per pixel: an hour-long flood has millions of ACKs
            for (int j = list.firstAbove(0, (long) Math.max(0, ax.byteAt(left - 2)), acked); j < list.size(); ) {
                int ev = list.get(j);
                // acknowledged: every byte before ack - 1 (the SYN took a number; the FIN's takes one past the end)
                double x = ax.x(Math.min(streamEnd, log.digest(ev) - 1));
                if (x > right + 2) {
                    break;
                }
                j = list.firstAbove(j + 1, (long) Math.floor(ax.byteAt(x + 1)), acked); // on towards the next pixel
                if ((log.a(ev) & Segments.ACK) == 0 || log.digest(ev) < 1 || x - last < 1) {
                    continue;
                }
                last = x;
                g.fillPolygon(new double[] {x - tick / 2, x + tick / 2, x}, new double[] {y + h, y + h, y + h - tick}, 3);
                p.hits.add(x - tick / 2, y + h - tick, x + tick / 2, y + h, ev);
            }
        }
        IntList control = w.other(senderPort(sender, receiver));
        double wordsFrom = left; // where the words at the top are free: after the SYN's
        for (int j = 0; j < control.size(); j++) {
            int ev = control.get(j);
            int flags = log.a(ev);
            String word = (flags & Segments.RST) != 0 ? "RST" : (flags & Segments.SYN) != 0 ? "SYN" : (flags & Segments.FIN) != 0 ? "FIN" : null;
            if (word == null) {
                continue;
            }
            double x = ax.x(log.offset(ev));
            if (x < left - 40 || x > right + 2) {
                continue;
            }
            boolean start = (flags & Segments.SYN) != 0;
            double at = start ? Math.max(left + 2, x + 2) : Math.min(right - 2, x - 2);
            p.tag(word, at, y + 2, p.ink((flags & Segments.RST) != 0 ? TimelineView.Ink.ERROR : TimelineView.Ink.WIRE), !start);
            p.hits.add(x - 8, y, x + 8, y + h * 0.5, ev);
            if (start) {
                wordsFrom = Math.max(wordsFrom, at + p.tagWidth(word) + 2);
            }
        }
        drawClosedWindows(p, log, w.closedWindows(from), ax, y, h, wordsFrom, right, streamEnd);
    }
}
