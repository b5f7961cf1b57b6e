package socketlab.trace;

import java.util.StringJoiner;

/**
 * The TCP flags of a {@link Op#SEGMENT} event, as the header carries them (RFC 9293 §3.1), and their
 * names as Wireshark prints them: low bit first, so {@code "SYN,ACK"}, {@code "PSH,ACK"},
 * {@code "FIN,ACK"}. A UDP datagram on the wire is a segment with {@link #UDP} alone.
 *
 * <pre>
 *   bit:   7   6   5   4   3   2   1   0      8 (ours)
 *        CWR ECE URG ACK PSH RST SYN FIN      UDP
 * </pre>
 */
public final class Segments {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;
    /** Not a TCP flag: the event is a UDP datagram. */
    public static final int UDP = 0x100;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "UDP"};

    private Segments() {
    }

    /** "SYN,ACK" for {@code SYN | ACK}; "" for none. */
    public static String names(int flags) {
        StringJoiner j = new StringJoiner(",");
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                j.add(NAMES[bit]);
            }
        }
        return j.toString();
    }

    /** The flags named ("SYN,ACK"); -1 when a name is not one of them. */
    public static int parse(String names) {
        int flags = 0;
        for (String name : names.split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            int bit = java.util.Arrays.asList(NAMES).indexOf(n);
            if (bit < 0) {
                return -1;
            }
            flags |= 1 << bit;
        }
        return flags;
    }

    /**
     * A segment's relative sequence number from the stream offset the event keeps: a SYN is 0 (it
     * takes one number before the first byte), every later segment the offset of its first byte + 1.
     */
    static long seq(int flags, long offset) {
        return (flags & SYN) != 0 ? 0 : offset + 1;
    }

    /**
     * A {@link Op#SEGMENT} event: sent by {@code from}'s end {@code conn} (0: no socket of the lab's) at
     * {@code tNs}, its first payload byte at stream {@code offset}, {@code ack} relative, {@code window} in bytes.
     */
    public static TraceEvent event(long tNs, Side from, int conn, long offset, int srcPort, int dstPort, int flags, int window,
                                   long ack, int length, byte[] payload) {
        return new TraceEvent(0, tNs, Op.SEGMENT, from, conn, offset, length, srcPort, dstPort, flags, window, 0,
                socketlab.codec.Verdict.UNKNOWN, ack, 0, payload, null, null, null, null, null);
    }

    /** True for a segment that carries bytes of the stream. */
    public static boolean isData(TraceEvent e) {
        return e.op() == Op.SEGMENT && e.bytes() > 0 && (e.flags() & UDP) == 0;
    }
}
