package socketlab.trace;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An append-only, thread-safe log of socket events, kept as columns of primitives in chunks
 * (chart-fx style) so that recording a {@code send()} or {@code recv()} costs a few stores and no
 * allocation. Socket threads append; readers (the UI once per pulse, the CLI writer) ask for
 * {@link #size()} and read events below it, which never change once written.
 *
 * <p>Payload bytes are copied into a byte arena, at most {@link #capturePerEvent} bytes per event
 * and {@link #captureBudget} bytes in all; after that, events are still recorded, without bytes.
 */
public final class TraceLog {
    public static final int DEFAULT_CAPTURE_PER_EVENT = 64 * 1024;
    public static final long DEFAULT_CAPTURE_BUDGET = 64L * 1024 * 1024;
    public static final int NOT_MEASURED = -1;

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int ARENA_CHUNK = 1 << 20;

    private static final class Chunk {
        final long[] t = new long[CHUNK];
        final long[] offset = new long[CHUNK];
        final long[] digest = new long[CHUNK];
        final long[] dur = new long[CHUNK];
        final long[] payloadPos = new long[CHUNK];
        final byte[] op = new byte[CHUNK];
        final byte[] side = new byte[CHUNK];
        final int[] conn = new int[CHUNK];
        final int[] bytes = new int[CHUNK];
        final int[] requested = new int[CHUNK];
        final int[] available = new int[CHUNK];
        final int[] a = new int[CHUNK];
        final int[] b = new int[CHUNK];
        final int[] wire = new int[CHUNK];
        final byte[] verified = new byte[CHUNK];
        final int[] payloadLen = new int[CHUNK];
        String[] text; // rare: errors and frame headers
    }

    private final long origin;
    private final int capturePerEvent;
    private final long captureBudget;
    private volatile Chunk[] chunks = new Chunk[16];
    private volatile int size;
    private byte[][] arena = new byte[4][];
    private long arenaPos;
    private int nextConn = 1;
    private volatile int waiters;

    public TraceLog() {
        this(DEFAULT_CAPTURE_PER_EVENT, DEFAULT_CAPTURE_BUDGET);
    }

    public TraceLog(int capturePerEvent, long captureBudget) {
        this.origin = System.nanoTime();
        this.capturePerEvent = capturePerEvent;
        this.captureBudget = captureBudget;
    }

    /** Nanoseconds since this log was made: the {@code t_ns} of its events. */
    public long now() {
        return System.nanoTime() - origin;
    }

    public int capturePerEvent() {
        return capturePerEvent;
    }

    /** A new connection id, unique within this log. */
    public synchronized int newConnId() {
        return nextConn++;
    }

    public int size() {
        return size;
    }

    /** Records a send or recv call (or eof) with its payload. Returns the event index. */
    public int io(Op op, Side side, int conn, long offset, int bytes, int requested, int available,
                  long durNs, byte[] payload, int payloadOff) {
        long t = now();
        synchronized (this) {
            int i = reserve();
            Chunk c = chunks[i >>> CHUNK_BITS];
            int k = i & (CHUNK - 1);
            c.t[k] = t;
            c.op[k] = (byte) op.ordinal();
            c.side[k] = (byte) side.ordinal();
            c.conn[k] = conn;
            c.offset[k] = offset;
            c.bytes[k] = bytes;
            c.requested[k] = requested;
            c.available[k] = available;
            c.dur[k] = durNs;
            c.verified[k] = -1;
            capture(c, k, payload, payloadOff, bytes);
            size = i + 1;
            if (waiters > 0) {
                notifyAll();
            }
            return i;
        }
    }

    /**
     * Records a lifecycle event: listen, accept, connect, close (a = local port, b = remote port),
     * with an optional note (the settings the connection runs with).
     */
    public int life(Op op, Side side, int conn, int localPort, int remotePort, long offset, String note) {
        long t = now();
        synchronized (this) {
            int i = reserve();
            Chunk c = chunks[i >>> CHUNK_BITS];
            int k = i & (CHUNK - 1);
            c.t[k] = t;
            c.op[k] = (byte) op.ordinal();
            c.side[k] = (byte) side.ordinal();
            c.conn[k] = conn;
            c.a[k] = localPort;
            c.b[k] = remotePort;
            c.offset[k] = offset;
            c.available[k] = NOT_MEASURED;
            c.verified[k] = -1;
            if (note != null) {
                text(c, k, note);
            }
            size = i + 1;
            if (waiters > 0) {
                notifyAll();
            }
            return i;
        }
    }

    /** Records an error with the words a learner should read. */
    public int error(Side side, int conn, long offset, String message) {
        long t = now();
        synchronized (this) {
            int i = reserve();
            Chunk c = chunks[i >>> CHUNK_BITS];
            int k = i & (CHUNK - 1);
            c.t[k] = t;
            c.op[k] = (byte) Op.ERROR.ordinal();
            c.side[k] = (byte) side.ordinal();
            c.conn[k] = conn;
            c.offset[k] = offset;
            c.available[k] = NOT_MEASURED;
            c.verified[k] = -1;
            text(c, k, message);
            size = i + 1;
            if (waiters > 0) {
                notifyAll();
            }
            return i;
        }
    }

    /**
     * Records a message meant (op MESSAGE, on the sender) or a frame decoded (op FRAME, on the receiver).
     * {@code verified}: null when there was nothing to check.
     */
    public int message(Op op, Side side, int conn, long offset, int index, int headerBytes, int wireBytes,
                       byte[] body, long digest, Boolean verified, String header) {
        long t = now();
        synchronized (this) {
            int i = reserve();
            Chunk c = chunks[i >>> CHUNK_BITS];
            int k = i & (CHUNK - 1);
            c.t[k] = t;
            c.op[k] = (byte) op.ordinal();
            c.side[k] = (byte) side.ordinal();
            c.conn[k] = conn;
            c.offset[k] = offset;
            c.bytes[k] = body.length;
            c.a[k] = index;
            c.b[k] = headerBytes;
            c.wire[k] = wireBytes;
            c.digest[k] = digest;
            c.available[k] = NOT_MEASURED;
            c.verified[k] = (byte) (verified == null ? -1 : verified ? 1 : 0);
            capture(c, k, body, 0, body.length);
            if (header != null) {
                text(c, k, header);
            }
            size = i + 1;
            if (waiters > 0) {
                notifyAll();
            }
            return i;
        }
    }

    private int reserve() {
        int i = size;
        int ci = i >>> CHUNK_BITS;
        Chunk[] cs = chunks;
        if (ci >= cs.length) {
            cs = Arrays.copyOf(cs, cs.length * 2);
        }
        if (cs[ci] == null) {
            cs[ci] = new Chunk();
        }
        chunks = cs;
        return i;
    }

    private void text(Chunk c, int k, String s) {
        if (c.text == null) {
            c.text = new String[CHUNK];
        }
        c.text[k] = s;
    }

    private void capture(Chunk c, int k, byte[] src, int off, int len) {
        int n = src == null ? 0 : Math.min(Math.min(len, capturePerEvent), (int) Math.min(Integer.MAX_VALUE, captureBudget - arenaPos));
        if (n <= 0) {
            c.payloadLen[k] = 0;
            c.payloadPos[k] = -1;
            return;
        }
        int ai = (int) (arenaPos / ARENA_CHUNK);
        int ao = (int) (arenaPos % ARENA_CHUNK);
        if (ao + n > ARENA_CHUNK) { // keep each payload inside one arena chunk
            arenaPos += ARENA_CHUNK - ao;
            ai++;
            ao = 0;
            n = (int) Math.min(n, Math.max(0, captureBudget - arenaPos));
            if (n <= 0) {
                c.payloadLen[k] = 0;
                c.payloadPos[k] = -1;
                return;
            }
        }
        if (ai >= arena.length) {
            arena = Arrays.copyOf(arena, arena.length * 2);
        }
        if (arena[ai] == null) {
            arena[ai] = new byte[ARENA_CHUNK];
        }
        System.arraycopy(src, off, arena[ai], ao, n);
        c.payloadPos[k] = arenaPos;
        c.payloadLen[k] = n;
        arenaPos += n;
    }

    /**
     * Waits until the log holds at least {@code count} events of {@code op} on {@code side}
     * (any side when null): how tests and scenarios synchronise on what the sockets did.
     * Returns false on timeout.
     */
    public synchronized boolean await(Op op, Side side, int count, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        int seen = 0;
        int scanned = 0;
        waiters++;
        try {
            while (true) {
                for (; scanned < size; scanned++) {
                    if (op(scanned) == op && (side == null || side(scanned) == side)) {
                        seen++;
                    }
                }
                if (seen >= count) {
                    return true;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000L));
            }
        } finally {
            waiters--;
        }
    }

    /** Reads event {@code i} (below {@link #size()}). */
    public TraceEvent get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & (CHUNK - 1);
        byte[] payload = null;
        String text;
        synchronized (this) { // payload arena and text column are written under the lock
            if (c.payloadPos[k] >= 0 && c.payloadLen[k] > 0) {
                long pos = c.payloadPos[k];
                byte[] chunk = arena[(int) (pos / ARENA_CHUNK)];
                int from = (int) (pos % ARENA_CHUNK);
                payload = Arrays.copyOfRange(chunk, from, from + c.payloadLen[k]);
            } else if (c.op[k] == Op.SEND.ordinal() || c.op[k] == Op.RECV.ordinal()
                    || c.op[k] == Op.FRAME.ordinal() || c.op[k] == Op.MESSAGE.ordinal()) {
                payload = new byte[0];
            }
            text = c.text == null ? null : c.text[k];
        }
        return new TraceEvent(i, c.t[k], Op.of(c.op[k]), Side.values()[c.side[k]], c.conn[k], c.offset[k], c.bytes[k],
                c.requested[k], c.available[k], c.a[k], c.b[k], c.wire[k], c.verified[k], c.digest[k], c.dur[k],
                payload, text);
    }

    /** Cheap column reads for drawing many events without making objects. */
    public Op op(int i) {
        return Op.of(chunks[i >>> CHUNK_BITS].op[i & (CHUNK - 1)]);
    }

    public long tNs(int i) {
        return chunks[i >>> CHUNK_BITS].t[i & (CHUNK - 1)];
    }

    public int conn(int i) {
        return chunks[i >>> CHUNK_BITS].conn[i & (CHUNK - 1)];
    }

    public long offset(int i) {
        return chunks[i >>> CHUNK_BITS].offset[i & (CHUNK - 1)];
    }

    public int bytes(int i) {
        return chunks[i >>> CHUNK_BITS].bytes[i & (CHUNK - 1)];
    }

    /** Wire bytes of a message or frame event. */
    public int wire(int i) {
        return chunks[i >>> CHUNK_BITS].wire[i & (CHUNK - 1)];
    }

    /** Header bytes of a message or frame event; remote port of a lifecycle event. */
    public int b(int i) {
        return chunks[i >>> CHUNK_BITS].b[i & (CHUNK - 1)];
    }

    /** Message index of a message or frame event; local port of a lifecycle event. */
    public int a(int i) {
        return chunks[i >>> CHUNK_BITS].a[i & (CHUNK - 1)];
    }

    public long digest(int i) {
        return chunks[i >>> CHUNK_BITS].digest[i & (CHUNK - 1)];
    }

    public int available(int i) {
        return chunks[i >>> CHUNK_BITS].available[i & (CHUNK - 1)];
    }

    public int requested(int i) {
        return chunks[i >>> CHUNK_BITS].requested[i & (CHUNK - 1)];
    }

    public int verified(int i) {
        return chunks[i >>> CHUNK_BITS].verified[i & (CHUNK - 1)];
    }

    public Side side(int i) {
        return Side.values()[chunks[i >>> CHUNK_BITS].side[i & (CHUNK - 1)]];
    }

    /** Calls {@code each} for events {@code from} (inclusive) to {@code to} (exclusive). */
    public void forEach(int from, int to, Consumer<TraceEvent> each) {
        for (int i = from; i < to; i++) {
            each.accept(get(i));
        }
    }
}
