package socketlab.probe;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * One record of a probe's reports: a fixed header (little-endian, 41 bytes), then {@code length}
 * bytes — a rare call's report as JSON, or the bytes a send or receive moved.
 *
 * <pre>
 *   kind u8 | sid u32 | t0 i64 | t1 i64 | n i64 | asked i32 | waiting i32 | length u32 | length bytes
 *   kind: 0 JSON · 1 send · 2 sendall · 3 recv · 4 recv_into · 5 the bytes of the JSON report before it
 *         · 6 the kernel's TCP state after the send or receive before it (its kind has bit 0x80 set then):
 *           state u8 | segs_out u32 | segs_in u32 | unacked u32 | notsent u32 | rtt_us u32 | cwnd u32 | rcv_queue i32
 * </pre>
 *
 * Sends and receives are most of what a program does, so they skip JSON on both ends.
 */
record Record(int kind, boolean tcpFollows, int sid, long t0, long t1, long n, int asked, int waiting, byte[] data) {
    static final int JSON = 0;
    static final int SEND = 1;
    static final int SENDALL = 2;
    static final int RECV = 3;
    static final int RECV_INTO = 4;
    static final int DATA = 5;
    static final int TCP = 6;
    private static final int TCP_FOLLOWS = 0x80;
    /** The most bytes one record may carry: as much as the probe sends of one call (16 MiB). */
    static final int MAX_DATA = 16 * 1024 * 1024;
    private static final int HEADER = 41;

    /** A TCP record's numbers, as the kernel gave them to the probe (getsockopt TCP_INFO); null for one that is cut. */
    socketlab.trace.Tcp tcp() {
        if (kind != TCP || data.length < 29) {
            return null;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int state = b.get() & 0xFF;
        long segsOut = b.getInt() & 0xFFFFFFFFL;
        long segsIn = b.getInt() & 0xFFFFFFFFL;
        long unacked = b.getInt() & 0xFFFFFFFFL;
        long notsent = b.getInt() & 0xFFFFFFFFL;
        long rtt = b.getInt() & 0xFFFFFFFFL;
        long cwnd = b.getInt() & 0xFFFFFFFFL;
        int rcvQueue = b.getInt();
        return new socketlab.trace.Tcp(state, segsOut, segsIn, unacked, notsent, rtt, cwnd, rcvQueue, "TCP_INFO");
    }

    /** The Python method a send or receive record stands for. */
    String call() {
        return switch (kind) {
            case SEND -> "send";
            case SENDALL -> "sendall";
            case RECV -> "recv";
            case RECV_INTO -> "recv_into";
            default -> "?";
        };
    }

    /** The next record, or null at the end of the reports; IOException for one that is cut or too long. */
    static Record read(DataInputStream in) throws IOException {
        byte[] h = new byte[HEADER];
        int first = in.read(h, 0, 1);
        if (first < 0) {
            return null;
        }
        in.readFully(h, 1, HEADER - 1);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int flagged = b.get() & 0xFF;
        int kind = flagged & ~TCP_FOLLOWS;
        int sid = b.getInt();
        long t0 = b.getLong();
        long t1 = b.getLong();
        long n = b.getLong();
        int asked = b.getInt();
        int waiting = b.getInt();
        long length = b.getInt() & 0xFFFFFFFFL;
        if (kind > TCP || length > MAX_DATA) {
            throw new EOFException("a probe record of kind " + kind + " and " + length + " bytes: not one of the lab's");
        }
        byte[] data = new byte[(int) length];
        in.readFully(data);
        return new Record(kind, (flagged & TCP_FOLLOWS) != 0, sid, t0, t1, n, asked, waiting, data);
    }
}
