package socketlab.trace;

/**
 * One socket end, as a {@link TraceIndex} knows it: everything one side did on one connection — its
 * calls, messages and frames as event indices, its ports, its peer (the other end, when the trace
 * has it), its counts. Filled by the index as events arrive; read by rows and renderers.
 */
public final class Conn {
    public final int id;
    public final Side side;
    public int localPort;
    public int remotePort;
    public int openEvent = -1;
    public int closeEvent = -1;
    public int eofEvent = -1;
    public final IntList sends = new IntList();
    public final IntList recvs = new IntList();
    public final IntList messages = new IntList();
    public final IntList frames = new IntList();
    public final IntList errors = new IntList();
    /** UDP: this socket's sendto and recvfrom calls, in order (each one datagram). */
    public final IntList datagrams = new IntList();
    /** UDP: its sendto calls alone, and its recvfrom calls alone (what the timeline's datagram lanes pair up). */
    public final IntList sendtos = new IntList();
    public final IntList recvfroms = new IntList();
    /** A selector server's end: the select() calls that returned it ready. */
    public final IntList readyIn = new IntList();
    /** A traced program's lines printed or read ({@link ProgramLine}) while this was the socket its thread last used. */
    public final IntList outputs = new IntList();
    /** Calls counted but not recorded while the memory budget was full ({@link Op#UNRECORDED}). */
    public final IntList unrecorded = new IntList();
    /** Of those, the send and recv calls (the counts a row gives beside the calls it draws). */
    public long unrecordedSends;
    public long unrecordedRecvs;
    /** Its sends and receives after which the kernel's TCP state was read ({@code tcp}): the kernel lane's. */
    public int kernelReads;
    /** The most bytes the kernel held for it at one of those reads (sent and not acknowledged, or waiting to be read). */
    public long kernelMost;
    /** The segments captured between its ports (both ends share it); null for an end without ports. */
    public Wire wire;
    /** AF_UNIX: the socket file its end was opened on (no ports), else null. */
    public String unixPath;
    public long bytesSent;
    public long bytesReceived;
    Conn peer;
    int analysedAt = -1;
    /** Its glued and split counts, kept up to date as its calls arrive. */
    final SpanCounts counts = new SpanCounts();

    Conn(int id, Side side) {
        this.id = id;
        this.side = side;
    }

    public Conn peer() {
        return peer;
    }
}
