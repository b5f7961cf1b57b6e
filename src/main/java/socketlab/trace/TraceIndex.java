package socketlab.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlab.codec.Verdict;

/**
 * What a trace means, kept up to date as events arrive: connections and which two are the ends
 * of one TCP connection, every byte's message (the sender's message boundaries laid over the
 * receiver's {@code recv()} chunks), and the glued/split counts.
 *
 * <p>Call {@link #update()} to take in the events appended since the last call (the UI does it
 * once per pulse). Not thread-safe: one reader owns an index.
 *
 * <pre>
 *  sender's messages    |  message 0 (hello world)  | message 1 (haha) |
 *  receiver's chunks    |          recv #1 (15 bytes: GLUED)           |
 * </pre>
 * A chunk is <b>glued</b> when it holds bytes of two or more messages; a message is <b>split</b>
 * when its bytes arrived in two or more chunks.
 */
public final class TraceIndex {

    /** Which message a byte belongs to, and whether it is a framing header byte. */
    public record ByteOwner(int message, boolean header, boolean trailer) {
        public static final ByteOwner UNKNOWN = new ByteOwner(-1, false, false);
    }

    private final TraceLog log;
    /*
     * The keys the timeline's searches gallop on, one object each for the index's life rather than
     * one per search (a redraw searches a few times per pixel, on the FX thread): where a span or a
     * call ends in the stream, and when an event happened.
     */
    private final java.util.function.IntToLongFunction spanEnd = ev -> spanStart(ev) + spanLength(ev);
    private final java.util.function.IntToLongFunction callEnd;
    private final java.util.function.IntToLongFunction time;
    private final Map<Integer, Conn> conns = new LinkedHashMap<>();
    private final EndPairing pairing = new EndPairing();
    private final List<Conn> order = new ArrayList<>();
    private int seen;
    private int sends;
    private int recvs;
    private long unrecordedSends;
    private long unrecordedRecvs;
    private long unrecordedCalls;
    private long unrecordedBytes;
    private int frames;
    private int changes;

    private final int limit;

    public TraceIndex(TraceLog log) {
        this(log, Integer.MAX_VALUE);
    }

    /** An index of the first {@code limit} events only: the run as it stood at that moment (replay). */
    public TraceIndex(TraceLog log, int limit) {
        this.log = log;
        this.callEnd = log::streamEnd;
        this.time = log::tNs;
        this.limit = limit;
    }

    public TraceLog log() {
        return log;
    }

    /** LISTEN events by connection id: where a UDP socket was bound (ports), should it send or receive. */
    private final Map<Integer, Integer> binds = new HashMap<>();
    /** The wire's segments, by the ports they travelled between: rows find theirs by ports. */
    private final Wires wires = new Wires();

    /** Takes in new events; returns true when there were any. */
    public boolean update() {
        return update(Long.MAX_VALUE);
    }

    /** Events taken in per step of {@link #update(long)}: its least, and how often it looks at the clock. */
    static final int BATCH = 1 << 13;

    /**
     * Takes in new events for about {@code budgetNs} — at least {@link #BATCH} of them, all when fewer —
     * and leaves the rest for the next call: a pulse of the window stays short while a flood arrives or a
     * large trace opens, and the view catches up over the pulses after. Returns true when it took any.
     */
    public boolean update(long budgetNs) {
        long start = System.nanoTime();
        boolean took = false;
        while (true) {
            int all = Math.min(limit, log.size());
            if (seen == all) {
                return took;
            }
            takeIn((int) Math.min(all, (long) seen + BATCH));
            took = true;
            if (System.nanoTime() - start >= budgetNs) {
                return true;
            }
        }
    }

    /** True while events recorded are not yet taken in (an {@link #update(long)} ran out of time). */
    public boolean behind() {
        return seen < Math.min(limit, log.size());
    }

    private void takeIn(int n) {
        for (int i = seen; i < n; i++) {
            Op op = log.op(i);
            if (op == Op.LISTEN) { // a TCP listener is no row; a UDP socket's bind opens it (see SENDTO/RECVFROM)
                binds.put(log.conn(i), i);
                continue;
            }
            if (op == Op.CALL) { // socket(), bind(), setsockopt(): before a row has its ends, and drawn nowhere
                Conn c = conns.get(log.conn(i));
                // a line its program printed or read while the connection was open: on its row (before it opened or after
                // it closed, the line is the program's, in the trace, on no row — a server's "waiting" between clients)
                if (c != null && c.openEvent >= 0 && c.closeEvent < 0 && ProgramLine.of(log.call(i)) != null) {
                    c.outputs.add(i);
                }
                continue;
            }
            if (op == Op.SEGMENT) { // a packet: whose row it is, its ports say (its conn may be 0, no socket of ours)
                wires.add(log, i);
                continue;
            }
            if (op == Op.UNRECORDED && Op.of(log.a(i)) == Op.SEGMENT) {
                continue; // packets the budget had no room for: the trace's unrecorded line says how many
            }
            Conn c = conns.get(log.conn(i));
            if (c == null) {
                c = new Conn(log.conn(i), log.side(i));
                conns.put(c.id, c);
                order.add(c);
            }
            switch (op) {
                case ACCEPT, CONNECT -> {
                    c.localPort = log.a(i);
                    c.remotePort = log.b(i);
                    c.openEvent = i;
                    if (c.localPort != 0) {
                        c.wire = wires.between(c.localPort, c.remotePort); // the same one its segments go into, before or after
                    }
                    if (c.localPort == 0) { // no port: an AF_UNIX end, named by its path (once, here)
                        c.unixPath = EventText.unixPath(log.get(i));
                    }
                    pairing.link(c);
                }
                case SEND -> {
                    c.sends.add(i);
                    c.bytesSent += log.bytes(i);
                    sends++;
                    Tcp t = log.tcp(i);
                    if (t != null) {
                        c.kernelReads++;
                        c.kernelMost = Math.max(c.kernelMost, t.unacked() + t.notsent());
                    }
                }
                case RECV -> {
                    c.recvs.add(i);
                    c.bytesReceived += log.bytes(i);
                    recvs++;
                    Tcp t = log.tcp(i);
                    if (t != null) {
                        c.kernelReads++;
                        c.kernelMost = Math.max(c.kernelMost, Math.max(t.rcvQueue(), log.available(i)));
                    }
                }
                case MESSAGE -> c.messages.add(i);
                case FRAME -> {
                    c.frames.add(i);
                    frames++;
                }
                case SENDTO, RECVFROM -> {
                    if (c.openEvent < 0) { // an unconnected UDP socket: it began with its bind
                        Integer bind = binds.get(c.id);
                        c.openEvent = bind != null ? bind : i;
                        c.localPort = bind != null ? log.a(bind) : 0;
                        c.remotePort = bind != null ? log.b(bind) : 0;
                    }
                    if (c.remotePort == 0) {
                        c.remotePort = log.b(i); // a server learns its peer from the first datagram
                    }
                    if (c.localPort == 0 && log.a(i) != 0) {
                        c.localPort = log.a(i); // a client that never bound: the port its first sendto() was given
                    }
                    if (c.wire == null && c.localPort != 0 && c.remotePort != 0) {
                        c.wire = wires.between(c.localPort, c.remotePort); // its datagrams on the wire, when they were captured
                    }
                    c.datagrams.add(i);
                    (op == Op.SENDTO ? c.sendtos : c.recvfroms).add(i);
                    if (c.peer == null) {
                        pairing.link(c);
                    }
                }
                case SELECT -> {
                    String which = log.get(i).text(); // "accept #3 #5": read once, here, not at every redraw
                    for (String token : which == null ? new String[0] : which.split(" ")) {
                        Conn ready = conns.get(EventText.connId(token));
                        if (ready != null) {
                            ready.readyIn.add(i);
                        }
                    }
                }
                case UNRECORDED -> {
                    c.unrecorded.add(i);
                    TraceEvent e = log.get(i);
                    unrecordedCalls += e.unrecordedCalls();
                    unrecordedBytes += e.bytes();
                    if (e.unrecordedOp() == Op.SEND) {
                        c.unrecordedSends += e.unrecordedCalls();
                        c.bytesSent += e.bytes();
                        unrecordedSends += e.unrecordedCalls();
                    } else if (e.unrecordedOp() == Op.RECV) {
                        c.unrecordedRecvs += e.unrecordedCalls();
                        c.bytesReceived += e.bytes();
                        unrecordedRecvs += e.unrecordedCalls();
                    }
                }
                case ERROR -> c.errors.add(i);
                case EOF -> c.eofEvent = i;
                case CLOSE -> c.closeEvent = i;
                default -> { }
            }
        }
        seen = n;
        changes++;
    }

    /** How many times events were taken in: what a view derives from the index holds while this stays the same. */
    public int changes() {
        return changes;
    }

    /** Segments captured in all. */
    public int segmentCount() {
        return wires.segments();
    }

    public List<Conn> conns() {
        return Collections.unmodifiableList(order);
    }

    public Conn conn(int id) {
        return conns.get(id);
    }

    public int sends() {
        return sends;
    }

    public int recvs() {
        return recvs;
    }

    public int frames() {
        return frames;
    }

    /** Calls counted but not recorded (the memory budget was full), as far as the trace has written the counts. */
    public long unrecordedCalls() {
        return unrecordedCalls;
    }

    /** The bytes those calls moved. */
    public long unrecordedBytes() {
        return unrecordedBytes;
    }

    /** The message spans the bytes arriving on {@code receiver} were cut from, as event indices. */
    private IntList boundaries(Conn receiver) {
        Conn s = receiver.peer;
        if (s != null && !s.messages.isEmpty()) {
            return s.messages;
        }
        if (s != null && !s.sends.isEmpty()) {
            return s.sends;
        }
        return receiver.frames; // an outside peer: what the decoder found is all we know
    }

    /**
     * The message boundaries of the bytes arriving on {@code receiver}, as event indices: the
     * sender's MESSAGE events when the sender is in this trace, else its SEND calls, else (an
     * outside peer) the FRAME events the receiver's decoder found.
     */
    public IntList spans(Conn receiver) {
        return boundaries(receiver);
    }

    /** Start offset of a span (see {@link #spans}). */
    public long spanStart(int ev) {
        return log.offset(ev);
    }

    /** Bytes a span takes in the stream (see {@link #spans}). */
    public long spanLength(int ev) {
        Op op = log.op(ev);
        if (op == Op.MESSAGE || op == Op.FRAME) {
            return log.wire(ev);
        }
        return log.bytes(ev);
    }

    /** Which message the byte at {@code offset} of the stream received on {@code receiver} belongs to. */
    public ByteOwner owner(Conn receiver, long offset) {
        return ownerIn(boundaries(receiver), offset);
    }

    /** Which message the byte at {@code offset} of the stream sent by {@code sender} belongs to. */
    public ByteOwner ownerSent(Conn sender, long offset) {
        if (sender.peer != null) {
            return owner(sender.peer, offset);
        }
        return ownerIn(sender.messages.isEmpty() ? sender.sends : sender.messages, offset);
    }

    private ByteOwner ownerIn(IntList spans, long offset) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int ev = spans.get(mid);
            long start = spanStart(ev);
            if (offset < start) {
                hi = mid - 1;
            } else if (offset >= start + spanLength(ev)) {
                lo = mid + 1;
            } else {
                Op op = log.op(ev);
                if (op == Op.MESSAGE || op == Op.FRAME) {
                    long rel = offset - start;
                    int head = log.b(ev);
                    return new ByteOwner(mid, rel < head, rel >= head + log.bytes(ev));
                }
                return new ByteOwner(mid, false, false);
            }
        }
        return ByteOwner.UNKNOWN;
    }

    /** Index (in {@link #boundaries}) of the first span that ends after {@code offset}. */
    public int firstSpanEndingAfter(IntList spans, long offset) {
        return firstSpanEndingAfter(spans, 0, offset);
    }

    /** As {@link #firstSpanEndingAfter(IntList, long)}, looking from position {@code from} on. */
    public int firstSpanEndingAfter(IntList spans, int from, long offset) {
        return spans.firstAbove(from, offset, spanEnd);
    }

    /** First of {@code calls} (sorted by stream offset), from position {@code from} on, whose bytes reach past {@code offset}. */
    public int firstCallEndingAfter(IntList calls, int from, long offset) {
        return calls.firstAbove(from, offset, callEnd);
    }

    /**
     * The call of {@code calls} (sends or recvs of one end, in stream order) whose bytes hold stream offset
     * {@code offset}, or -1: the send() that wrote a segment's first byte, the recv() that took its last.
     */
    public int callHolding(IntList calls, long offset) {
        int k = firstCallEndingAfter(calls, 0, offset);
        return k < calls.size() && log.offset(calls.get(k)) <= offset ? calls.get(k) : -1;
    }

    /** First of {@code events} (in time order), from position {@code from} on, at or after {@code t}. */
    public int firstAtOrAfter(IntList events, int from, long t) {
        return events.firstAbove(from, t - 1, time);
    }

    /** How many messages the {@code recv()} chunk (event {@code recvEvent}) holds bytes of. */
    public int messagesIn(Conn receiver, int recvEvent) {
        IntList spans = boundaries(receiver);
        long start = log.offset(recvEvent);
        long end = start + log.bytes(recvEvent);
        int count = 0;
        for (int k = firstSpanEndingAfter(spans, start); k < spans.size() && spanStart(spans.get(k)) < end; k++) {
            if (spanLength(spans.get(k)) > 0) {
                count++;
            }
        }
        return count;
    }

    /** For each span of {@link #spans}: in how many of the receiver's chunks its bytes arrived (may run past the spans: zeros). */
    public int[] chunksPerSpan(Conn receiver) {
        analyse(receiver);
        return receiver.counts.chunksPerSpan();
    }

    /** Chunks of {@code receiver} holding bytes of two or more messages. */
    public int glued(Conn receiver) {
        analyse(receiver);
        return receiver.counts.glued();
    }

    /** Messages whose bytes reached {@code receiver} in two or more chunks. */
    public int split(Conn receiver) {
        analyse(receiver);
        return receiver.counts.split();
    }

    public int gluedTotal() {
        int g = 0;
        for (Conn c : order) {
            g += glued(c);
        }
        return g;
    }

    public int splitTotal() {
        int s = 0;
        for (Conn c : order) {
            s += split(c);
        }
        return s;
    }

    private void analyse(Conn r) {
        if (r.analysedAt == changes) {
            return;
        }
        r.analysedAt = changes;
        r.counts.update(this, boundaries(r), r.recvs);
    }

    /**
     * Whether frame number {@code k} on {@code receiver} is the message the sender meant:
     * OK or WRONG when the sender is in this trace (or the frame carried a hash), UNKNOWN otherwise.
     */
    public Verdict frameVerdict(Conn receiver, int k) {
        int f = receiver.frames.get(k);
        Verdict verified = log.verified(f);
        Conn s = receiver.peer;
        if (s != null && !s.messages.isEmpty()) {
            if (k >= s.messages.size()) {
                return Verdict.WRONG;
            }
            int m = s.messages.get(k);
            boolean same = log.bytes(m) == log.bytes(f) && log.digest(m) == log.digest(f);
            return Verdict.of(same && verified != Verdict.WRONG);
        }
        return verified;
    }

    public int framesOk() {
        int ok = 0;
        for (Conn c : order) {
            for (int k = 0; k < c.frames.size(); k++) {
                if (frameVerdict(c, k) == Verdict.OK) {
                    ok++;
                }
            }
        }
        return ok;
    }

    /** Counts for the {@code summary} line. */
    public Summary summary() {
        int messages = 0;
        for (Conn c : order) {
            messages += c.messages.size();
        }
        return new Summary(sends + unrecordedSends, recvs + unrecordedRecvs, gluedTotal(), splitTotal(), frames, framesOk(),
                messages, unrecordedSends + unrecordedRecvs);
    }

    /**
     * {@code messages}: what the senders meant to send; {@code framesOk}: how many of them arrived as sent;
     * {@code sends} and {@code recvs} count every call, {@code unrecorded} of them only counted (the memory
     * budget was full: glued, split and frames count what was recorded).
     */
    public record Summary(long sends, long recvs, int glued, int split, int frames, int framesOk, int messages,
                          long unrecorded) {}
}
