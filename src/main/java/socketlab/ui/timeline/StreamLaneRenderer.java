package socketlab.ui.timeline;

import java.nio.charset.StandardCharsets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.IntList;
import socketlab.trace.Op;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * A TCP byte stream one way, on one byte axis: above, the sender's messages (header bytes dark and
 * hatched, padding pale) with its {@code send()} calls marked; below, the receiver's {@code recv()}
 * chunks, each byte in the colour of the message it belongs to, glued chunks outlined. When the wire
 * was captured, a lane between them holds the segments that carried the bytes, placed by sequence
 * number, in the same colours, with the ACKs coming back as ticks ({@link WireLane}).
 *
 * Each lane's bytes stand at its top; its label band below holds the words about them — the calls' names,
 * the GLUED and SPLIT badges under the chunk they describe — so no word covers a byte.
 *
 * <pre>
 *  client send()  |▌h e l l o   w o r l d ▌h a h a |
 *                 | send #1: 11 B          send #2: 4 B
 *  on the wire    |SYN▌h e l l o …        ▌h a h a |FIN      ▴ ack 11  ▴ ack 15
 *                 | segment #1: 11 B       #2
 *  server recv()  |▌h e l l o   w o r l d  h a h a |
 *                 | recv #1 (1024) → 15 B    GLUED |
 * </pre>
 * Only what is in view is drawn; spans and calls narrower than a pixel are merged into one mark.
 *
 * <p>One file at about 500 lines, on purpose: the sender's lane, the receiver's and their label band are
 * one job — one byte axis, one walk of the visible spans per frame, and one claim on the band's room
 * (badges first, then call names) — and split apart they would pass that walk's state between classes.
 * The wire's lane, a separate walk, is {@link WireLane}; the squeezed headers' axis and marks are {@link HeaderBreaks}.
 */
final class StreamLaneRenderer extends DirectedLanes {
    private static final int MAX_LANE_PX_PER_BYTE = 64;

    StreamLaneRenderer(Direction dir) {
        super(dir, dir.sendKey, dir.recvKey, ConnectionRow::bytes);
    }

    /** The calls and segments a lane outlines, and how each is named. */
    private enum Marks { SEND, RECV, SEGMENT }

    /** The wire lane sits between the two when segments of this direction were captured. */
    @Override
    int middleLanes(ConnectionRow row) {
        return WireLane.data(row, dir) != null ? 1 : 0;
    }

    @Override
    String middleKey() {
        return "timeline.lane.wire";
    }

    @Override
    void drawLanes(Painter p, TraceIndex idx, Conn sender, Conn receiver,
                   double lx, double y, double yRecv, double lw) {
        long total = Math.max(ConnectionRow.bytes(sender, true), ConnectionRow.bytes(receiver, false));
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double lane = p.m.laneH();
        double bytesH = p.m.bytesH(); // the bytes at the top of each lane, the band of words about them below
        double bandH = lane - bytesH;
        // spans: the sender's messages (or, for an outside sender, the receiver's frames)
        IntList spans = receiver != null ? idx.spans(receiver) : sender.messages;
        int[] chunksPer = receiver != null ? idx.chunksPerSpan(receiver) : new int[spans.size()];
        ByteAxis ax = p.squeezeHeaders ? HeaderBreaks.axis(log, idx, spans, total) : ByteAxis.linear(total);
        double fit = Math.min(MAX_LANE_PX_PER_BYTE, lw / Math.max(1, ax.shownLength()));
        double ppb = fit * p.zoom;
        double left = lx;
        double rightEdge = lx + lw;
        // zoomed and panned: byte 0 sits at lx (possibly left of the visible lane); only what is in view is drawn
        ax.place(lx - p.pan * Math.max(0, ax.shownLength() * ppb - lw), ppb);
        long firstVisibleByte = (long) Math.max(0, ax.byteAt(left));
        g.save();
        g.beginPath();
        double top = sender != null ? y : y + p.m.laneStep(); // an untraced sender has no lane
        g.rect(left, top - 5, lw, yRecv - top + lane + 14);
        g.clip();

        // each lane's label band: its badges claim their room first, then its calls' names
        LabelSlots sendBand = new LabelSlots(6, left, rightEdge);
        LabelSlots recvBand = new LabelSlots(6, left, rightEdge);
        LabelSlots wireBand = new LabelSlots(6, left, rightEdge);


        // --- send lane: each message, header hatched; send() calls outlined
        for (int k = sender == null ? spans.size() : idx.firstSpanEndingAfter(spans, firstVisibleByte); k < spans.size(); ) {
            int ev = spans.get(k);
            long start = idx.spanStart(ev);
            long len = idx.spanLength(ev);
            double x0 = ax.x(start);
            double x1 = ax.x(start + len);
            if (x0 > rightEdge) {
                break;
            }
            int next = k + 1;
            if (x1 - x0 < 1) { // narrower than a pixel: this one stands for all that end in the same pixel
                x1 = x0 + 1;
                next = idx.firstSpanEndingAfter(spans, k + 1, (long) Math.ceil(ax.byteAt(x1)));
            }
            paintSpanPart(p, log, ev, k, x0, x1, 0, y, bytesH, ax, start);
            if (chunksPer.length > k && chunksPer[k] >= 2 && x1 - x0 > p.fs() * 4) {
                g.setStroke(p.ink(TimelineView.Ink.SPLIT));
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeRect(x0 + 1, y + 1, x1 - x0 - 2, bytesH - 2);
                g.setLineDashes();
                p.bandTag(I18n.tr("timeline.split", chunksPer[k]), Math.min(rightEdge, x1) - 4, y + bytesH, bandH,
                        p.ink(TimelineView.Ink.SPLIT), true, sendBand);
            }
            k = next;
        }
        if (sender != null) {
            drawCalls(p, idx, sender.sends, ax, y, lane, Marks.SEND, left, rightEdge, sendBand);
        }
        // --- recv lane: each chunk, its bytes coloured by their message
        if (receiver != null) {
            IntList recvs = receiver.recvs;
            int spanFrom = 0; // the chunks go forward through the stream, so do the spans they hold
            for (int j = idx.firstCallEndingAfter(recvs, 0, firstVisibleByte), next; j < recvs.size(); j = next) {
                int ev = recvs.get(j);
                long start = log.offset(ev);
                long end = start + log.bytes(ev);
                double x0 = ax.x(start);
                double x1 = ax.x(end);
                if (x0 > rightEdge) {
                    break;
                }
                next = j + 1;
                if (x1 - x0 < 1) { // narrower than a pixel: merged with the chunks ending in the same pixel
                    next = idx.firstCallEndingAfter(recvs, j + 1, (long) Math.ceil(ax.byteAt(x0 + 1)));
                    end = Math.max(end, log.offset(recvs.get(next - 1)) + log.bytes(recvs.get(next - 1)));
                    x1 = ax.x(end);
                }
                spanFrom = paintChunk(p, idx, spans, spanFrom, start, end, ax, yRecv, bytesH);
                if (ppb >= readableCell(p)) {
                    drawBytes(p, log, ev, start, ax, yRecv, bytesH);
                }
                if (idx.messagesIn(receiver, ev) >= 2) {
                    g.setStroke(p.ink(TimelineView.Ink.GLUED));
                    g.setLineWidth(3);
                    g.strokeRect(x0 + 1.5, yRecv + 1.5, Math.max(2, x1 - x0 - 3), bytesH - 3);
                    boolean takenApart = framedApart(idx, receiver, start, end);
                    javafx.scene.paint.Paint ink = p.ink(takenApart ? TimelineView.Ink.OK : TimelineView.Ink.GLUED);
                    double at = Math.min(rightEdge, x1) - 4; // under the chunk's end, in the band
                    if (!p.bandTag(I18n.tr(takenApart ? "timeline.gluedTakenApart" : "timeline.glued"), at, yRecv + bytesH, bandH,
                            ink, true, recvBand) && takenApart) { // no room for the words: the short form, "GLUED ✓"
                        p.bandTag(I18n.tr("timeline.glued") + " ✓", at, yRecv + bytesH, bandH, ink, true, recvBand);
                    }
                }
            }
            drawCalls(p, idx, recvs, ax, yRecv, lane, Marks.RECV, left, rightEdge, recvBand);
        }
        // --- wire lane: each data segment, its bytes coloured by their message; ACKs coming back as ticks
        IntList segments = WireLane.data(sender, receiver, dir);
        if (segments != null && yRecv > y + p.m.laneStep()) {
            double yWire = y + p.m.laneStep();
            int spanFrom = 0;
            for (int j = idx.firstCallEndingAfter(segments, 0, firstVisibleByte), next; j < segments.size(); j = next) {
                int ev = segments.get(j);
                long start = log.offset(ev);
                long end = start + log.bytes(ev);
                double x0 = ax.x(start);
                if (x0 > rightEdge) {
                    break;
                }
                next = j + 1;
                if (ax.x(end) - x0 < 1) { // narrower than a pixel: merged with the segments ending in the same pixel
                    next = idx.firstCallEndingAfter(segments, j + 1, (long) Math.ceil(ax.byteAt(x0 + 1)));
                    end = Math.max(end, log.offset(segments.get(next - 1)) + log.bytes(segments.get(next - 1)));
                }
                // the segment itself, in the wire's ink, where no message of the lab's covers its bytes (an untraced peer's)
                g.setFill(p.ink(TimelineView.Ink.WIRE) instanceof Color wc ? wc.deriveColor(0, 1, 1, 0.3) : Color.GRAY);
                p.fillVisible(x0, yWire, Math.max(x0 + 1, ax.x(end)), bytesH);
                spanFrom = paintChunk(p, idx, spans, spanFrom, start, end, ax, yWire, bytesH);
                if (ppb >= readableCell(p)) {
                    drawBytes(p, log, ev, start, ax, yWire, bytesH);
                }
            }
            drawCalls(p, idx, segments, ax, yWire, lane, Marks.SEGMENT, left, rightEdge, wireBand);
            WireLane.drawAcksAndControl(p, idx, sender, receiver, dir, ax, yWire, bytesH, left, rightEdge);
        }
        drawUnrecorded(p, idx, sender, Op.SEND, ax, y, bytesH, left, rightEdge);
        drawUnrecorded(p, idx, receiver, Op.RECV, ax, yRecv, bytesH, left, rightEdge);
        if (sender != null && ppb >= readableCell(p)) {
            for (int j = idx.firstCallEndingAfter(sender.sends, 0, firstVisibleByte); j < sender.sends.size(); j++) {
                int ev = sender.sends.get(j);
                if (ax.x(log.offset(ev)) > rightEdge) {
                    break;
                }
                drawBytes(p, log, ev, log.offset(ev), ax, y, bytesH);
            }
        }
        HeaderBreaks.mark(p, ax, sender != null ? y : -1, receiver != null ? yRecv : -1, firstVisibleByte, bytesH, bandH,
                sender != null ? sendBand : null, receiver != null ? recvBand : null, rightEdge);
        g.restore();
    }

    /**
     * Whether the receiver's framing took the glued chunk {@code [start, end)} apart: it decoded frames, and
     * every frame with bytes in the chunk is the message the sender meant (✓). The chunk is glued all the
     * same — the stream glues; the framing is what undoes it — so it keeps its outline, and its badge says both.
     */
    private static boolean framedApart(TraceIndex idx, Conn receiver, long start, long end) {
        IntList frames = receiver.frames;
        if (frames.isEmpty()) {
            return false;
        }
        int k = idx.firstSpanEndingAfter(frames, start);
        if (k >= frames.size() || idx.spanStart(frames.get(k)) >= end) {
            return false; // nothing decoded from these bytes (yet)
        }
        for (; k < frames.size() && idx.spanStart(frames.get(k)) < end; k++) {
            if (idx.frameVerdict(receiver, k) != socketlab.codec.Verdict.OK) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes of calls the log counted but did not record (its memory budget was full): their place in
     * the stream hatched in a muted ink, with how many calls they were — the lane is not simply empty there.
     */
    private static void drawUnrecorded(Painter p, TraceIndex idx, Conn c, Op op, ByteAxis ax, double y, double h,
                                       double left, double right) {
        if (c == null || c.unrecorded.isEmpty()) {
            return;
        }
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        for (int j = 0; j < c.unrecorded.size(); j++) {
            socketlab.trace.TraceEvent e = log.get(c.unrecorded.get(j));
            if (e.unrecordedOp() != op) {
                continue;
            }
            double x0 = Math.max(left, ax.x(e.offset()));
            double x1 = Math.min(right, ax.x(e.offset() + e.bytes()));
            if (x1 <= x0) {
                continue;
            }
            g.setFill(p.ink(TimelineView.Ink.LANE));
            g.fillRect(x0, y, x1 - x0, h);
            g.save();
            g.beginPath();
            g.rect(x0, y, x1 - x0, h);
            g.clip();
            g.setStroke(p.ink(TimelineView.Ink.MUTED));
            g.setLineWidth(1);
            for (double sx = x0 - h; sx < x1; sx += 9) {
                g.strokeLine(sx, y + h, sx + h, y);
            }
            g.restore();
            if (x1 - x0 > p.fs() * 8) {
                p.tag(I18n.tr("timeline.unrecorded", e.unrecordedCalls()), x1 - 4, y + 2, p.ink(TimelineView.Ink.MUTED), true);
            }
        }
    }

    /**
     * Paints the bytes {@code [start, end)} of one chunk — a recv() or a segment — at {@code y}, each in the
     * colour of the span (message or frame) it belongs to; returns where the next chunk's spans begin (the
     * chunks go forward through the stream, so do the spans they hold).
     */
    private static int paintChunk(Painter p, TraceIndex idx, IntList spans, int spanFrom, long start, long end, ByteAxis ax,
                                  double y, double lane) {
        int first = idx.firstSpanEndingAfter(spans, spanFrom, start);
        for (int k = first, next; k < spans.size() && idx.spanStart(spans.get(k)) < end; k = next) {
            int sev = spans.get(k);
            long s0 = Math.max(start, idx.spanStart(sev));
            long s1 = Math.min(end, idx.spanStart(sev) + idx.spanLength(sev));
            next = k + 1;
            if (ax.x(s1) - ax.x(s0) < 1) { // narrower than a pixel: it stands for every span ending in the same pixel
                next = Math.max(next, idx.firstSpanEndingAfter(spans, k + 1, (long) Math.ceil(ax.byteAt(ax.x(s0) + 1))));
            }
            paintSpanPart(p, idx.log(), sev, k, ax.x(s0), ax.x(s1), s0 - idx.spanStart(sev), y, lane, ax, idx.spanStart(sev));
        }
        return first;
    }

    /** Part of span {@code k} from {@code relStart} bytes into it: header part dark and hatched, body in the message colour. */
    private static void paintSpanPart(Painter p, TraceLog log, int ev, int k, double x0, double x1, long relStart,
                                      double y, double h, ByteAxis ax, long spanStart) {
        GraphicsContext g = p.g;
        Color c = p.messageColor(k);
        Op op = log.op(ev);
        boolean framed = op == Op.MESSAGE || op == Op.FRAME;
        int header = framed ? log.b(ev) : 0;
        int body = framed ? log.bytes(ev) : Integer.MAX_VALUE;
        g.setFill(c);
        p.fillVisible(x0, y, Math.max(x0 + 1, x1), h);
        if (header > relStart) {
            double hx1 = Math.min(x1, ax.x(spanStart + header));
            g.setFill(c.deriveColor(0, 1, 0.55, 1));
            p.fillVisible(x0, y, Math.max(x0 + 1, hx1), h);
            double vx0 = Math.max(x0, -h);
            double vx1 = Math.min(hx1, p.canvasWidth() + h);
            if (vx0 < vx1) {
                g.save();
                g.beginPath();
                g.rect(vx0, y, vx1 - vx0, h);
                g.clip();
                g.setStroke(Color.rgb(255, 255, 255, 0.35));
                g.setLineWidth(1.5);
                // the hatching keeps its 7 px pitch from x0, but starts and ends in view
                for (double sx = x0 - h + 7 * Math.floor((vx0 - x0) / 7); sx < vx1; sx += 7) {
                    g.strokeLine(sx, y + h, sx + h, y);
                }
                g.restore();
            }
        }
        long trailerFrom = (long) header + body;
        if (framed) {
            long wire = log.wire(ev);
            if (wire > trailerFrom) {
                double tx0 = Math.max(x0, ax.x(spanStart + trailerFrom));
                if (tx0 < x1) {
                    g.setFill(c.deriveColor(0, 0.25, 1.15, 1));
                    p.fillVisible(tx0, y, x1, h);
                }
            }
        }
        if (x1 - x0 >= 4) { // a hairline between parts, only where it does not wash out the colour
            g.setStroke(p.ink(TimelineView.Ink.BACKGROUND));
            g.setLineWidth(1);
            g.strokeLine(x0, y, x0, y + h);
        }
    }

    /**
     * send()/recv() call boundaries: a dark bar at each start across the lane, and in the lane's label band the
     * call's name ("recv #1 (1,024) → 15 B"), or where that has no room its number ("#3"), or nothing — never a
     * word squeezed or over another.
     */
    private static void drawCalls(Painter p, TraceIndex idx, IntList calls, ByteAxis ax, double y, double h,
                                  Marks kind, double left, double right, LabelSlots band) {
        double bandY = y + p.m.bytesH();
        double bandH = h - p.m.bytesH();
        int pendingJ = -1;
        int pendingEv = -1;
        double pendingTx = 0;
        GraphicsContext g = p.g;
        TraceLog log = idx.log();
        double last = -1e9;
        int selected = p.selected;
        for (int j = idx.firstCallEndingAfter(calls, 0, (long) Math.max(0, ax.byteAt(left))), next; j < calls.size(); j = next) {
            int ev = calls.get(j);
            double x0 = ax.x(log.offset(ev));
            double x1 = ax.x(log.offset(ev) + log.bytes(ev));
            if (x0 > right) {
                break;
            }
            next = j + 1;
            if (x1 - x0 < 2 && ev != selected) { // the calls within two pixels share one mark and one hit box
                next = idx.firstCallEndingAfter(calls, j + 1, (long) Math.ceil(ax.byteAt(x0 + 2)));
                if (selected >= 0 && next > j + 1) {
                    for (int q = j + 1; q < next; q++) {
                        if (calls.get(q) == selected) {
                            next = q; // never merge the selected call away
                            break;
                        }
                    }
                }
            }
            p.hits.add(Math.max(left, x0), y, Math.min(right, Math.max(x0 + 2, x1)), y + h, ev);
            if ((x1 - x0 >= 6 || j == 0) && x0 - last >= 2) {
                // a boundary bar where calls are wide enough to tell apart; narrower ones leave the colours visible
                g.setFill(p.ink(TimelineView.Ink.TEXT));
                g.fillRect(x0 - 1, y - 3, 2.5, h + 6);
                last = x0;
            }
            if (ev == selected) {
                g.setStroke(p.ink(TimelineView.Ink.SELECTION));
                g.setLineWidth(3);
                g.setLineDashes();
                g.strokeRect(x0 - 2, y - 4, Math.max(4, x1 - x0 + 4), h + 8);
            }
            if (x1 - x0 >= 6 || j == 0) { // a call one can tell apart: its name, or its number
                if (pendingEv >= 0) { // the call before it may be named up to this one's bar
                    nameCall(p, log, kind, pendingJ, pendingEv, pendingTx, x0 - 3, bandY, bandH, band);
                }
                pendingJ = j;
                pendingEv = ev;
                pendingTx = Math.max(left, x0) + 4;
            }
        }
        if (pendingEv >= 0) { // the last one in view: up to the lane's end
            nameCall(p, log, kind, pendingJ, pendingEv, pendingTx, right, bandY, bandH, band);
        }
        if (calls.size() > 1) {
            int lastEv = calls.last();
            double width = (ax.x(log.offset(lastEv) + log.bytes(lastEv)) - ax.x(0)) / calls.size();
            if (width < 6) { // too many calls to mark one by one: say how many
                p.bandTag(I18n.tr(switch (kind) {
                    case RECV -> "timeline.recvCalls";
                    case SEND -> "timeline.sendCalls";
                    case SEGMENT -> "timeline.segmentCalls";
                }, calls.size()), left + 4, bandY, bandH, p.ink(TimelineView.Ink.TEXT), false, band);
            }
        }
        g.setTextBaseline(VPos.CENTER);
    }

    /**
     * Names call {@code j} in the label band from {@code tx}, ending before {@code limit} (the next call's bar):
     * "recv #3 (20) → 16 B" where that fits, else "#3", else nothing — a name never runs past the next call.
     */
    private static void nameCall(Painter p, TraceLog log, Marks kind, int j, int ev, double tx, double limit, double bandY,
                                 double bandH, LabelSlots band) {
        String full = switch (kind) {
            case RECV -> I18n.tr("timeline.recvCall", j + 1, log.requested(ev), log.bytes(ev));
            case SEND -> I18n.tr("timeline.sendCall", j + 1, log.bytes(ev));
            case SEGMENT -> I18n.tr("timeline.segmentCall", j + 1, log.bytes(ev));
        };
        javafx.scene.paint.Paint ink = p.ink(TimelineView.Ink.TEXT);
        for (String t : new String[] {full, "#" + (j + 1)}) {
            if (tx + p.bandWordWidth(t, bandH) <= limit && p.bandWord(t, tx, bandY, bandH, ink, band)) {
                return;
            }
        }
    }

    /*
     * How wide a byte's cell must be for its character to be drawn. The recv() lane once asked this
     * of the whole chunk instead: zoomed 8x into the 1 MiB read with recv(1024), every 1,024-byte
     * chunk was wide enough, and its bytes were drawn one by one in 0.01 px type, a million calls:
     * 5.3 s per frame, a frozen window.
     */
    private static double readableCell(Painter p) {
        return p.fs() * 0.7;
    }

    /** Each byte's character (or hex for a binary byte) in its cell, when the cells are wide enough. */
    private static void drawBytes(Painter p, TraceLog log, int ev, long start, ByteAxis ax, double y, double h) {
        double ppb = ax.pixelsPerByte();
        byte[] b = log.get(ev).payload();
        if (b == null) {
            return;
        }
        GraphicsContext g = p.g;
        double fs = p.fs();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(p.ink(TimelineView.Ink.TEXT));
        double cy = y + h / 2;
        double visibleRight = p.canvasWidth();
        Font ascii = p.fonts.get("Monospaced", FontWeight.BOLD, Math.min(fs * 1.1, ppb * 0.9));
        Font[] wide = new Font[5]; // a UTF-8 character's font by its length in bytes: looked up once per call, not per character
        Font set = null; // the font last given to the canvas: set again only when it changes, not per character
        int from = (int) Math.max(0, Math.min(b.length, Math.floor(ax.byteAt(p.m.labelW())) - start - 4));
        for (int i = from; i < b.length; ) {
            int c = b[i] & 0xFF;
            double cx = ax.x(start + i);
            if (cx > visibleRight) {
                break;
            }
            int n = utf8Length(b, i);
            if (ax.x(start + i + n) - cx < ppb * n * 0.99) { // a squeezed header's byte: no cell to read it in
                i += n;
                continue;
            }
            Font font;
            String s;
            double width;
            if (c >= 0x20 && c < 0x7F) {
                font = ascii;
                s = String.valueOf((char) c);
                width = ppb;
            } else if (n > 1) {
                font = wide[n] != null ? wide[n] : (wide[n] = p.fonts.bold(Math.min(fs * 1.1, ppb * n * 0.8)));
                s = new String(b, i, n, StandardCharsets.UTF_8);
                width = ppb * n;
            } else if (ppb >= fs * 1.1) {
                font = p.fonts.get("Monospaced", FontWeight.NORMAL, Math.min(fs * 0.7, ppb * 0.45));
                s = String.format("%02X", c);
                width = ppb;
            } else {
                i++;
                continue;
            }
            if (font != set) {
                g.setFont(font);
                set = font;
            }
            g.fillText(s, cx + width / 2, cy);
            p.glyphs++;
            p.glyphBoxes.add(cx, cy - font.getSize() * 0.45, cx + width, cy + font.getSize() * 0.45);
            i += n; // 1 for a printable or a binary byte
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Length of the whole UTF-8 sequence starting at {@code i}, or 1 when it is not a valid multi-byte one. */
    static int utf8Length(byte[] p, int i) {
        int b = p[i] & 0xFF;
        int n = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
        if (b >= 0xF5 || i + n > p.length) {
            return 1;
        }
        for (int k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return 1;
            }
        }
        return n;
    }
}
