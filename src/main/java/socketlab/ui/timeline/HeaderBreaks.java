package socketlab.ui.timeline;

import javafx.scene.canvas.GraphicsContext;
import socketlab.text.I18n;
import socketlab.trace.IntList;
import socketlab.trace.Op;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The scale breaks of a byte stream's lanes: which header runs a row squeezes ({@link ByteAxis}), and their marks —
 * two slanted cuts across each lane and the run's true size in the label band.
 *
 * <pre>
 *  client send()  |▓▓//▓hello world▓▓//▓haha|
 *                 | send #1: 137 B  // header 126 B
 * </pre>
 */
final class HeaderBreaks {
    private HeaderBreaks() {
    }

    /** Above this many spans a row keeps true scale: the axis is made each frame, from every span's header. */
    static final int MAX_SQUEEZED_SPANS = 10_000;

    /**
     * The axis of a stream whose framed spans' headers (the length prefix with the JSON header, say) are
     * squeezed where longer than {@link ByteAxis#KEPT} bytes; true scale when the spans carry no such header.
     */
    static ByteAxis axis(TraceLog log, TraceIndex idx, IntList spans, long total) {
        int n = spans.size();
        if (n == 0 || n > MAX_SQUEEZED_SPANS) {
            return ByteAxis.linear(total);
        }
        long[] from = new long[n];
        long[] to = new long[n];
        int runs = 0;
        for (int k = 0; k < n; k++) {
            int ev = spans.get(k);
            Op op = log.op(ev);
            int header = op == Op.MESSAGE || op == Op.FRAME ? log.b(ev) : 0;
            if (header > ByteAxis.KEPT) {
                from[runs] = idx.spanStart(ev);
                to[runs] = idx.spanStart(ev) + header;
                runs++;
            }
        }
        return runs == 0 ? ByteAxis.linear(total) : ByteAxis.squeezing(total, from, to, runs);
    }

    /**
     * The scale breaks: across each lane of the row, two slanted cuts in the middle of every squeezed header
     * run in view, and in the label band its true size ("// 133 B"), where the calls' words left room.
     */
    static void mark(Painter p, ByteAxis ax, double ySend, double yRecv, long firstVisibleByte,
                     double bytesH, double bandH, LabelSlots sendBand, LabelSlots recvBand, double rightEdge) {
        GraphicsContext g = p.g;
        g.setStroke(p.ink(TimelineView.Ink.BACKGROUND));
        g.setLineWidth(2.5);
        double lastX = -1e9;
        for (int i = ax.firstRunEndingAfter(firstVisibleByte); i < ax.runs(); i++) {
            double x0 = ax.x(ax.runFrom(i));
            double x1 = ax.x(ax.runTo(i));
            if (x0 > rightEdge) {
                break;
            }
            double xm = (x0 + x1) / 2;
            if (x1 - x0 < 6 || xm - lastX < 8) { // too narrow to mark, or marked in this pixel's neighbourhood already
                continue;
            }
            lastX = xm;
            double slant = Math.min(bytesH * 0.35, (x1 - x0) / 4);
            for (double yl : new double[] {ySend, yRecv}) {
                if (yl < 0) {
                    continue;
                }
                g.strokeLine(xm - slant - 2, yl + bytesH, xm + slant - 2, yl);
                g.strokeLine(xm - slant + 2, yl + bytesH, xm + slant + 2, yl);
            }
            // its true size under it, in the sender's band or else the receiver's, where the calls' names left room
            String size = I18n.tr("timeline.squeezed", ax.runTo(i) - ax.runFrom(i));
            javafx.scene.paint.Paint muted = p.ink(TimelineView.Ink.MUTED);
            double at = Math.min(rightEdge, x1) - p.bandWordWidth(size, bandH) - 2;
            if (!(sendBand != null && p.bandWord(size, at, ySend + bytesH, bandH, muted, sendBand)) && recvBand != null) {
                p.bandWord(size, at, yRecv + bytesH, bandH, muted, recvBand);
            }
        }
    }
}
