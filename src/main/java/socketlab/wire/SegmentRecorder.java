package socketlab.wire;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import socketlab.trace.Op;
import socketlab.trace.Segments;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * Turns captured packets into {@link Op#SEGMENT} events of a {@link TraceLog}, each named by the
 * connection end that sent it. The lab learns an end's ports only when its {@code connect()} or
 * {@code accept()} returns — after the handshake's segments left — so a segment waits here until the
 * end that sent it is known, at most {@link #HOLD_NS}; past that (an end the lab has no socket for:
 * a program it does not trace, a connection the server has not accepted yet) it is recorded with
 * conn 0, its ports saying whose it is. Segments are recorded in the order they were captured; the capture's thread and the end of a
 * run share the recorder under its lock.
 *
 * <p>An end recorded before its connection's SYN belongs to an earlier connection on the same ports
 * (ports are reused), so it never names a later connection's segments.
 */
public final class SegmentRecorder implements TraceLog.EndWatcher {
    /** How long a segment waits for the lab to learn which of its sockets sent it. */
    static final long HOLD_NS = 250_000_000L;
    /**
     * How many may wait at once: a flood from a sender the lab will never name (an untraced program) would
     * otherwise hold a quarter of a second of it — 300 MB at loopback speed; past this the oldest goes in as conn 0.
     */
    static final int MAX_HELD = 4096;

    private record End(int conn, long tNs) {}

    /** A segment waiting for its sender's name: its headers and the payload bytes the trace keeps (not the whole frame). */
    private record Held(int srcPort, int dstPort, int flags, int length, Flows.Placed placed, long tNs, byte[] payload) {}

    private final TraceLog log;
    private final TraceLog.Lane lane;
    private final Flows flows = new Flows();
    private final Map<Integer, End> ends = new ConcurrentHashMap<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private final Map<Long, Integer> udpFirst = new HashMap<>();
    private long segments;

    public SegmentRecorder(TraceLog log) {
        this.log = log;
        this.lane = log.newLane();
        log.watchEnds(this);
    }

    @Override
    public void opened(long tNs, Side side, int conn, int localPort, int remotePort) {
        ends.put(localPort << 16 | remotePort, new End(conn, tNs));
    }

    /** A packet captured at {@code monoNs} ({@link System#nanoTime()}'s clock); on the capture's thread. */
    public synchronized void packet(long monoNs, byte[] frame) {
        Packet p = Packet.parse(monoNs, frame);
        if (p == null) {
            return;
        }
        long t = Math.max(0, log.traceTime(monoNs));
        Flows.Placed placed = p.udp() ? new Flows.Placed(udpSender(p), 0, 0, 0, 0, Long.MIN_VALUE) : flows.place(p, t);
        held.add(new Held(p.srcPort(), p.dstPort(), p.udp() ? Segments.UDP : p.flags(), p.payloadLength(), placed, t,
                p.payload(log.capturePerEvent())));
        release(t, false);
    }

    /**
     * Records the segments whose sender is known now, or that waited long enough ({@code all}: every one,
     * at the end of a run). {@code nowNs} on the trace's clock.
     */
    public synchronized void release(long nowNs, boolean all) {
        while (!held.isEmpty()) {
            Held h = held.peekFirst();
            End end = ends.get(h.srcPort << 16 | h.dstPort);
            boolean known = end != null && end.tNs >= h.placed.synNs();
            if (!known && !all && nowNs - h.tNs < HOLD_NS && held.size() <= MAX_HELD) {
                return;
            }
            held.pollFirst();
            record(h, known ? end.conn : 0);
        }
    }

    /** Segments recorded so far. */
    public synchronized long segments() {
        return segments;
    }

    private void record(Held h, int conn) {
        Flows.Placed q = h.placed;
        lane.append(Segments.event(h.tNs, q.from(), conn, q.offset(), h.srcPort, h.dstPort, h.flags, q.window(), q.ack(),
                h.length, h.payload));
        segments++;
    }

    /** UDP has no handshake: the port that sent first to the other is the client's. */
    private Side udpSender(Packet p) {
        int lo = Math.min(p.srcPort(), p.dstPort());
        int hi = Math.max(p.srcPort(), p.dstPort());
        long key = (p.v6() ? 1L << 32 : 0) | (long) lo << 16 | hi;
        int first = udpFirst.computeIfAbsent(key, k -> p.srcPort());
        return p.srcPort() == first ? Side.CLIENT : Side.SERVER;
    }
}
