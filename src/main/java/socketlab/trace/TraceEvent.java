package socketlab.trace;

import socketlab.codec.Verdict;
import socketlab.text.Said;
/**
 * One recorded event, as read back from a {@link TraceLog} (the log itself keeps columns of
 * primitives, not these objects). Which fields mean something depends on {@link #op()}:
 *
 * <ul>
 * <li>{@code offset}: position in the connection's byte stream (send, recv, eof, frame, message)</li>
 * <li>{@code bytes}: bytes sent or returned; body size for frame and message</li>
 * <li>{@code requested}: the size asked of {@code recv()}</li>
 * <li>{@code available}: bytes waiting in the kernel receive buffer just before {@code recv()}
 *     (FIONREAD, via {@code InputStream.available()}); -1 when not measured</li>
 * <li>{@code a}, {@code b}: local and remote port (listen, accept, connect); message index and
 *     header bytes (message, frame)</li>
 * <li>{@code wire}: bytes the frame/message took on the wire</li>
 * <li>{@code verified}: a frame's hash check ({@link Verdict#UNKNOWN} when there was none)</li>
 * <li>{@code digest}: CRC32C of a message or frame body, to match what arrived with what was meant</li>
 * <li>{@code payload}: the first bytes of the call (capped, see {@link TraceLog}); {@code text}:
 *     the error message, or a frame's JSON header, in the trace file's English; {@code said}: what the
 *     engine said of the event as keys and values — a {@link socketlab.text.Note} for a socket opened
 *     or closed, a {@link socketlab.text.Phrase} for an error — to word in the window's language when
 *     shown (null where it said nothing, or the trace came from a file without them)</li>
 * <li>{@code call}: for a traced program's event, the Python method the learner wrote ("sendall",
 *     "recv_into"); {@code origin}: which program (null for the lab's own sockets)</li>
 * <li>{@link Op#UNRECORDED}: calls counted while the memory budget was full — {@code a} their op,
 *     {@code requested} how many, {@code bytes} their bytes, {@code offset} where they began</li>
 * <li>{@link Op#SEGMENT}: a packet on the wire — see {@link #flags()}, {@link #seq()}, {@link #ack()},
 *     {@link #window()}, {@link #srcPort()}, {@link #dstPort()}</li>
 * <li>{@code tcp}: the kernel's TCP state just after a send or receive, where it was read (null elsewhere)</li>
 * </ul>
 */
public record TraceEvent(int index, long tNs, Op op, Side side, int conn, long offset, int bytes, int requested,
                         int available, int a, int b, int wire, Verdict verified, long digest, long durNs,
                         byte[] payload, String text, Said said, String call, Origin origin, Tcp tcp) {

    /** The program a traced connection belongs to: its script's file name and its process id. */
    public record Origin(String program, long pid) {}

    public boolean payloadTruncated() {
        return payload != null && payload.length < bytes;
    }

    public int localPort() {
        return a;
    }

    public int remotePort() {
        return b;
    }

    public int messageIndex() {
        return a;
    }

    public int headerBytes() {
        return b;
    }

    /** For an {@link Op#UNRECORDED} event: the op of the calls it counts. */
    public Op unrecordedOp() {
        return Op.of(a);
    }

    /** For an {@link Op#UNRECORDED} event: how many calls it counts (their bytes are {@link #bytes}). */
    public int unrecordedCalls() {
        return requested;
    }

    /** For a {@link Op#SEGMENT}: its TCP flags, as {@link Segments} bits. */
    public int flags() {
        return a;
    }

    /** For a {@link Op#SEGMENT}: its sequence number relative to its sender's first (the SYN is 0). */
    public long seq() {
        return Segments.seq(a, offset);
    }

    /** For a {@link Op#SEGMENT}: its acknowledgement number relative to the peer's first (0 without ACK). */
    public long ack() {
        return digest;
    }

    /** For a {@link Op#SEGMENT}: the receive window it advertised, in bytes (scaled as its handshake agreed). */
    public int window() {
        return b;
    }

    /** For a {@link Op#SEGMENT}: the port it left from. */
    public int srcPort() {
        return requested;
    }

    /** For a {@link Op#SEGMENT}: the port it went to. */
    public int dstPort() {
        return available;
    }
}
