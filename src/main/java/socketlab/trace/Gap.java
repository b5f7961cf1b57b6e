package socketlab.trace;

/**
 * A lane's count of one connection's calls of one op that it could not record (the memory budget was
 * full), until the lane writes it as one {@link Op#UNRECORDED} event. Written by the lane's writer only;
 * a reader takes a {@link #snapshot}.
 */
final class Gap {
    final int conn;
    final Op op;
    final Side side;
    final long offset;
    final long firstNs;
    volatile long calls;
    long bytes;
    long lastNs;

    Gap(int conn, Op op, Side side, long offset, long firstNs) {
        this.conn = conn;
        this.op = op;
        this.side = side;
        this.offset = offset;
        this.firstNs = firstNs;
        this.lastNs = firstNs;
    }

    void add(long t, int n) {
        bytes += Math.max(0, n);
        lastNs = t;
        calls = calls + 1; // last, and volatile: a reader that sees this call sees its bytes
    }

    Unrecorded snapshot() {
        long c = calls;
        return new Unrecorded(conn, side, op, offset, c, bytes, firstNs, lastNs);
    }
}
