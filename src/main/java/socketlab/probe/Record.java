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
 * </pre>
 *
 * Sends and receives are most of what a program does, so they skip JSON on both ends.
 */
record Record(int kind, int sid, long t0, long t1, long n, int asked, int waiting, byte[] data) {
    static final int JSON = 0;
    static final int SEND = 1;
    static final int SENDALL = 2;
    static final int RECV = 3;
    static final int RECV_INTO = 4;
    static final int DATA = 5;
    /** The most bytes one record may carry: as much as the probe sends of one call (16 MiB). */
    static final int MAX_DATA = 16 * 1024 * 1024;
    private static final int HEADER = 41;

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
        int kind = b.get() & 0xFF;
        int sid = b.getInt();
        long t0 = b.getLong();
        long t1 = b.getLong();
        long n = b.getLong();
        int asked = b.getInt();
        int waiting = b.getInt();
        long length = b.getInt() & 0xFFFFFFFFL;
        if (kind > DATA || length > MAX_DATA) {
            throw new EOFException("a probe record of kind " + kind + " and " + length + " bytes: not one of the lab's");
        }
        byte[] data = new byte[(int) length];
        in.readFully(data);
        return new Record(kind, sid, t0, t1, n, asked, waiting, data);
    }
}
