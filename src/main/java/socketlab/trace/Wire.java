package socketlab.trace;

/**
 * What was captured between two ports ({@link Op#SEGMENT} events, as indices into the log): each
 * direction's data segments, in stream order, its other segments (handshake, pure ACKs, FIN, RST),
 * in time order, and its UDP datagrams. Both ends of a connection share one; the timeline finds a direction's by the
 * port its sender used. Filled by {@link TraceIndex} only.
 *
 * <pre>
 *   :39788 → :8080   data   [seg 0..11) [seg 11..15)            other  SYN · ACK · FIN,ACK
 *   :8080 → :39788   data   —                                   other  SYN,ACK · ACK 12 · ACK 16 · FIN,ACK
 * </pre>
 *
 * and, apart, the segments of each direction that closed the window (advertised 0 bytes free).
 */
public final class Wire {
    private final int lowPort;
    private final IntList dataFromLow = new IntList();
    private final IntList dataFromHigh = new IntList();
    private final IntList otherFromLow = new IntList();
    private final IntList otherFromHigh = new IntList();
    private final IntList datagramsFromLow = new IntList();
    private final IntList datagramsFromHigh = new IntList();
    private final IntList closedFromLow = new IntList();
    private final IntList closedFromHigh = new IntList();

    Wire(int portA, int portB) {
        this.lowPort = Math.min(portA, portB);
    }

    void add(TraceLog log, int i) {
        boolean low = log.requested(i) == lowPort;
        if ((log.a(i) & Segments.UDP) != 0) {
            (low ? datagramsFromLow : datagramsFromHigh).add(i);
            return;
        }
        boolean data = log.bytes(i) > 0;
        (data ? (low ? dataFromLow : dataFromHigh) : (low ? otherFromLow : otherFromHigh)).add(i);
        if (log.b(i) == 0 && (log.a(i) & (Segments.ACK | Segments.RST)) == Segments.ACK) { // RST's window means nothing
            (low ? closedFromLow : closedFromHigh).add(i);
        }
    }

    /**
     * The segments from {@code srcPort} that advertised a window of 0 — "my receive buffer is full, send
     * nothing more" — in the order they left (a receiver that does not read; its sender's send() returns 0).
     */
    public IntList closedWindows(int srcPort) {
        return srcPort == lowPort ? closedFromLow : closedFromHigh;
    }

    /** The data segments sent from {@code srcPort}, in the order they left. */
    public IntList data(int srcPort) {
        return srcPort == lowPort ? dataFromLow : dataFromHigh;
    }

    /** The segments without data sent from {@code srcPort} (SYN, ACK, FIN, RST), in the order they left. */
    public IntList other(int srcPort) {
        return srcPort == lowPort ? otherFromLow : otherFromHigh;
    }

    /** The UDP datagrams sent from {@code srcPort}, whole as they crossed, in the order they left. */
    public IntList datagrams(int srcPort) {
        return srcPort == lowPort ? datagramsFromLow : datagramsFromHigh;
    }

    /** True when no TCP segment was captured between the two ports (datagrams have lanes of their own). */
    public boolean isEmpty() {
        return dataFromLow.isEmpty() && dataFromHigh.isEmpty() && otherFromLow.isEmpty() && otherFromHigh.isEmpty();
    }
}
