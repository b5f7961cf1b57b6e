package socketlab.trace;

/**
 * The kernel's view of a TCP socket just after a call returned, as {@code getsockopt(TCP_INFO)}
 * gives it on Linux: what the call alone cannot show — bytes that {@code send()} handed over but
 * that have not left ({@code notsent}) or not been acknowledged ({@code unacked}), the segments so
 * far, the round-trip time and the congestion window — and the bytes waiting to be read.
 *
 * <pre>
 *   send(11) returned 11  →  tcp: segs_out 3 · unacked 11 · notsent 0 · rtt 45 µs · cwnd 10 · ESTABLISHED
 * </pre>
 *
 * @param rcvQueue bytes in the receive queue after the call (FIONREAD), -1 where unknown
 * @param source   where the numbers came from ("TCP_INFO")
 */
public record Tcp(int state, long segsOut, long segsIn, long unacked, long notsent, long rttUs, long cwnd, int rcvQueue,
                  String source) {

    private static final String[] STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};

    /** The state's name, as Linux's tcp_states.h and {@code ss} call it. */
    public String stateName() {
        return state >= 0 && state < STATES.length ? STATES[state] : String.valueOf(state);
    }

    /** The state by its name (a trace file's), or -1. */
    static int state(String name) {
        for (int i = 0; i < STATES.length; i++) {
            if (STATES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
