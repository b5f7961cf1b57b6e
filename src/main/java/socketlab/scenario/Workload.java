package socketlab.scenario;

import socketlab.codec.Framing;
import socketlab.text.Phrase;

/**
 * What a scenario will cost before it runs: the bytes its framing puts on the wire (padding and
 * headers included), its send() calls, the fewest recv() calls that can read them (each returns at
 * most the receive buffer, and the first ones at most their recv_sizes), and the least time its
 * pauses take. A run past any limit is refused before a socket opens, with the number and the limit:
 * a file inside every field's own limit can still ask for 16 GB on the wire (1,000 messages padded to
 * 16 MiB) or 67 million one-byte recv() calls.
 *
 * <pre>
 *   message bytes  →  wire bytes (framing)  →  fewest recv() calls (sizes, then the buffer)
 *   4 × 16 MiB        64 MiB                    67,108,864 with recv_buffer 1   → refused
 * </pre>
 */
public record Workload(long wireBytes, int sends, long fewestRecvs, long pauseMs) {
    /** Bytes one run may put on the wire: four times the largest message body a file may hold in all. */
    public static final long MAX_WIRE_BYTES = 4 * ScenarioFile.MAX_TOTAL;
    /** recv() calls one run may need: a second or two of loopback, and a trace the window draws at ease. */
    public static final long MAX_RECVS = 1_000_000;
    /** The time a run may take unless it is being stepped, as {@link ScenarioRunner} holds it to. */
    public static final long MAX_PAUSE_MS = ScenarioRunner.TIMEOUT_MS;
    /** A header framing's header, at most: 4 length bytes and a JSON object of a size, a file name and a sha256. */
    static final int HEADER_BOUND = 4 + 256;

    public static Workload of(Scenario s) {
        Framing f = s.framing();
        long wire = 0;
        for (byte[] m : s.messages()) {
            wire += switch (f.kind()) {
                case NONE, SLEEP -> m.length;
                case FIXED -> Math.max(f.param(), m.length);
                case LENGTH -> 4L + m.length;
                case LINE -> m.length + 1L;
                case HEADER -> HEADER_BOUND + m.length;
            };
        }
        long left = wire;
        long recvs = 0;
        for (int size : s.recvSizes()) {
            if (left <= 0) {
                break;
            }
            left -= size;
            recvs++;
        }
        if (left > 0) {
            recvs += (left + s.recvBuffer() - 1) / s.recvBuffer();
        }
        int gaps = Math.max(0, s.messages().size() - 1);
        long pause = (long) gaps * s.gapMs() + (f.kind() == Framing.Kind.SLEEP ? (long) gaps * f.param() : 0);
        return new Workload(wire, s.messages().size(), recvs, pause);
    }

    /** Why this run is refused, with the numbers, or null when it is within every limit. */
    public Phrase refusal(Scenario s) {
        String spec = s.framing().spec();
        if (wireBytes > MAX_WIRE_BYTES) {
            return Phrase.of("work.wire", spec, wireBytes, sends, MAX_WIRE_BYTES);
        }
        if (fewestRecvs > MAX_RECVS) {
            return Phrase.of("work.recvs", spec, fewestRecvs, wireBytes, s.recvBuffer(), MAX_RECVS);
        }
        if (pauseMs > MAX_PAUSE_MS) {
            return Phrase.of("work.pauses", spec, pauseMs / 1000, MAX_PAUSE_MS / 1000);
        }
        return null;
    }
}
