package socketlab.trace;

import java.util.Locale;

/** The socket calls (and decoder results) a trace records. The lower-case name is the JSON {@code op}. */
public enum Op {
    LISTEN, ACCEPT, CONNECT, SEND, RECV, EOF, CLOSE, ERROR,
    /** A message the sender meant to send (before its framing): index, body size, header size. */
    MESSAGE,
    /** A message the receiver's decoder reassembled. */
    FRAME,
    /** UDP: one datagram sent ({@code sendto}); {@code b} = the peer's port. */
    SENDTO,
    /** UDP: one datagram received ({@code recvfrom}); {@code b} = the sender's port. */
    RECVFROM,
    /** A selector server's {@code select()} returned: {@code bytes} = how many were ready, text = which. */
    SELECT,
    /**
     * Another call of a traced program's — {@code socket}, {@code bind}, {@code setsockopt},
     * {@code shutdown} — named by the event's {@code call}; text = what it was asked
     * ("AF_INET SOCK_STREAM", "SO_REUSEADDR 1", "SHUT_WR"), {@code a} = the local port it left.
     */
    CALL,
    /**
     * Calls one connection's side made while the memory budget was full, counted instead of recorded
     * (see {@link TraceLog}): {@code a} = the op they were, {@code requested} = how many, {@code bytes} =
     * the bytes they moved, {@code offset} = where in the stream they began, {@code dur_ns} = the time
     * from the first one's start to the last one's end (the event's time).
     */
    UNRECORDED,
    /**
     * A packet on the wire (captured on loopback, see {@code socketlab.wire}): {@code side} = who sent
     * it, {@code conn} = the sending end's connection (0 while the lab has no socket for it), {@code offset}
     * = the stream offset of its first payload byte, {@code bytes} = its payload length, {@code a} = its
     * TCP flags ({@link Segments}), {@code b} = the window it advertised in bytes, {@code digest} = its
     * acknowledgement number relative to the peer's first, {@code requested}/{@code available} = its
     * source and destination ports.
     */
    SEGMENT;

    private static final Op[] VALUES = values();

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Op of(int ordinal) {
        return VALUES[ordinal];
    }

    public static Op parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
