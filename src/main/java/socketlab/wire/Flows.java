package socketlab.wire;

import java.util.HashMap;
import java.util.Map;
import socketlab.trace.Segments;
import socketlab.trace.Side;

/**
 * The TCP connections the capture has seen, by their two ports: which end is the client (the one
 * that sent the SYN), each direction's first sequence number and window scale, so that every
 * segment's numbers can be given relative to its connection's start — as Wireshark does — and
 * placed in its stream:
 *
 * <pre>
 *   client → server   SYN      seq 0                 (its ISN, 2,914,400,017 on the wire)
 *   server → client   SYN,ACK  seq 0  ack 1
 *   client → server   PSH,ACK  seq 1  len 11   →  stream offset 0 … 10
 *   client → server   PSH,ACK  seq 12 len 4    →  stream offset 11 … 14
 * </pre>
 *
 * Sequence numbers are 32 bits and wrap after 4 GiB; each is extended to 64 bits next to the last one
 * seen in its direction, so a long stream's offsets keep growing. A connection whose SYN was not seen
 * (the capture cannot miss it here: it starts before any socket) takes its first segment's number as
 * its start. Used by the capture's one thread.
 */
final class Flows {
    /** Where a segment lies: who sent it, its numbers relative to the connection's start, its window in bytes. */
    record Placed(Side from, long seq, long ack, long offset, int window, long synNs) {}

    private static final long MOD = 1L << 32;
    private final Map<Long, Flow> flows = new HashMap<>();

    private static final class Flow {
        final int clientPort;
        final long synNs;
        final long[] isn = new long[2];
        final boolean[] started = new boolean[2];
        final long[] last = new long[2];
        final int[] scale = {-1, -1};

        Flow(int clientPort, long synNs) {
            this.clientPort = clientPort;
            this.synNs = synNs;
        }
    }

    /** Places a TCP packet ({@code tNs}: its time on the trace's clock). */
    Placed place(Packet p, long tNs) {
        long key = key(p);
        boolean syn = (p.flags() & Segments.SYN) != 0;
        boolean ack = (p.flags() & Segments.ACK) != 0;
        Flow f = flows.get(key);
        if (syn && !ack || f == null) { // a new connection (a SYN), or one met in its middle
            f = new Flow(syn && !ack ? p.srcPort() : Math.max(p.srcPort(), p.dstPort()), syn && !ack ? tNs : Long.MIN_VALUE);
            flows.put(key, f);
        }
        int dir = p.srcPort() == f.clientPort ? 0 : 1;
        if (!f.started[dir]) {
            f.isn[dir] = syn ? p.seq() : (p.seq() - 1) & (MOD - 1);
            f.started[dir] = true;
            if (syn) {
                f.scale[dir] = p.wscale();
            }
        }
        long seq = extend(f, dir, (p.seq() - f.isn[dir]) & (MOD - 1));
        f.last[dir] = Math.max(f.last[dir], seq);
        long relAck = 0;
        if (ack && f.started[1 - dir]) {
            relAck = nearest(f.last[1 - dir], (p.ack() - f.isn[1 - dir]) & (MOD - 1));
        }
        boolean scaled = f.scale[0] >= 0 && f.scale[1] >= 0 && !syn; // RFC 7323: never on a SYN, only if both offered it
        int window = scaled ? (int) Math.min(Integer.MAX_VALUE, (long) p.rawWindow() << f.scale[dir]) : p.rawWindow();
        return new Placed(dir == 0 ? Side.CLIENT : Side.SERVER, seq, relAck, Math.max(0, seq - 1), window, f.synNs);
    }

    private static long extend(Flow f, int dir, long low32) {
        return nearest(f.last[dir], low32);
    }

    /** The 64-bit number whose low 32 bits are {@code low32} that lies nearest {@code near}. */
    static long nearest(long near, long low32) {
        long base = near & ~(MOD - 1);
        long best = base | low32;
        for (long c : new long[] {best - MOD, best + MOD}) {
            if (c >= 0 && Math.abs(c - near) < Math.abs(best - near)) {
                best = c;
            }
        }
        return best;
    }

    private static long key(Packet p) {
        int lo = Math.min(p.srcPort(), p.dstPort());
        int hi = Math.max(p.srcPort(), p.dstPort());
        return (p.v6() ? 1L << 32 : 0) | (long) lo << 16 | hi;
    }
}
