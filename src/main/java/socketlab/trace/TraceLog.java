package socketlab.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.text.Said;

/**
 * An append-only log of socket events, kept in chunks of fixed-size rows (chart-fx style) so
 * that recording a {@code send()} or {@code recv()} costs four stores into one 32-byte row and
 * no allocation.
 *
 * <p><b>Writers</b> record into {@link Lane}s. A lane has one writer at a time (a connection's
 * receive loop; its sends, serialised by their own lock), takes no lock and shares no cache line
 * with other lanes, so two sockets recording at full speed do not slow each other down. Rare
 * events from anywhere (errors, lifecycle) go through the log's own methods, which use a shared,
 * synchronised lane.
 *
 * <p><b>Readers</b> (the UI once per pulse, the CLI writer, tests) see one global sequence:
 * {@link #size()} merges what the lanes have published since the last call, ordered by time
 * within each merge; within one lane the order is always exact. Events never change once
 * published, so {@link #get(int)} below {@link #size()} is stable.
 *
 * <p>Rows and payload bytes live off the Java heap (direct buffers). On the heap, a long run's
 * chunks were copied by every young collection (G1 with 4 MiB regions: a 1 MiB array is an
 * ordinary object), 20–40 ms pauses that stopped the sockets too.
 *
 * <p>Payload bytes are copied into each lane's arena, at most {@link #capturePerEvent} bytes per
 * event and {@link #captureBudget} bytes in all; past that, events are still recorded, without bytes.
 *
 * <p>One file of over 800 lines, on purpose: the chunk (the packed 32-byte row and its bit
 * positions), the lane that writes rows and the reader that merges and unpacks them are three views
 * of one memory layout. Apart, each would have to repeat that layout or expose it beyond this
 * class; together, a change to a column is one edit that the row-layout tests in
 * {@code TraceLogTest} check end to end.
 */
public final class TraceLog {
    /**
     * Bytes kept of each call's payload: what a saved trace keeps ({@link TraceJson#HEX_CAP}) and
     * more than the byte inspector shows. Byte counts, offsets and digests always cover the whole
     * call; only the copy is capped — copying all of a 64 KiB call cost the sockets 5–8 % of their speed.
     */
    public static final int DEFAULT_CAPTURE_PER_EVENT = TraceJson.HEX_CAP;
    public static final long DEFAULT_CAPTURE_BUDGET = 64L * 1024 * 1024;
    public static final int NOT_MEASURED = -1;

    /*
     * A lane's chunks of rows grow: 64 events, then 128, 256 … up to 16,384 (512 KiB), and stay at
     * that size. A connection that makes three calls costs 2 KiB of rows, not 512 KiB; a long run
     * still gets big chunks. Chunk c starts at event FIRST * (2^c - 1) while c <= LAST_GROWTH.
     */
    private static final int FIRST_BITS = 6;
    private static final int FIRST = 1 << FIRST_BITS;
    private static final int LAST_GROWTH = 8;
    private static final int CHUNK_BITS = FIRST_BITS + LAST_GROWTH; // full size: 16,384 events = 512 KiB of rows
    private static final int GROWN_START = FIRST * ((1 << LAST_GROWTH) - 1); // where the first full-size chunk starts
    /*
     * Each chunk is made by its writer when it gets there. A thread that made the next chunk ahead
     * of need (and touched its pages) saved the writer its page faults in a tight loop, but on
     * sockets, with both of this machine's two cores busy, it cost more than it saved: capture
     * ratio at 1 KiB calls 0.78-0.79x with it, 0.82-0.84x without (interleaved in one run).
     */
    /** Payload arena chunks grow the same way: 4 KiB first, doubling up to 1 MiB. */
    private static final int ARENA_FIRST = 4 * 1024;
    private static final int ARENA_CHUNK = 1 << 20;

    /** The chunk that holds a lane's event {@code i}. */
    static int chunkIndex(int i) {
        return i < GROWN_START ? 31 - Integer.numberOfLeadingZeros((i >>> FIRST_BITS) + 1)
                : LAST_GROWTH + ((i - GROWN_START) >>> CHUNK_BITS);
    }

    /** The first event of chunk {@code c}. */
    static int chunkStart(int c) {
        return c <= LAST_GROWTH ? FIRST * ((1 << c) - 1) : GROWN_START + ((c - LAST_GROWTH) << CHUNK_BITS);
    }

    /** How many events chunk {@code c} holds. */
    static int chunkSize(int c) {
        return FIRST << Math.min(c, LAST_GROWTH);
    }

    /*
     * One event = one row of STRIDE longs (32 bytes), so recording a call writes one row instead of
     * one slot per column:
     *   0 t_ns   1 offset   2 dur_ns (56 bits, signed) | op << 56 | side << 60 | (verified + 1) << 61
     *   3 bytes | available << 32
     * A connection id and a recv() size are the same for nearly every row of a chunk (a lane is one
     * connection's sends or receives), so a chunk keeps the values of its first row and makes a
     * column for them only when a later row differs. What send() and recv() rows never need lives
     * in side columns made on first use: the digest (messages and frames), the payload position and
     * length (while the capture budget lasts), ports, message index, header and wire sizes, text.
     *
     * Why so small: in the capture benchmark (1 KiB calls, Nagle on) recording costs mostly the
     * fresh memory its rows take during the run. With rows written into fresh heap arrays
     * (interleaved, twice), 48-byte rows gave 0.841-0.857x of bare, 40-byte 0.832-0.836x and
     * 32-byte 0.877-0.908x, against 0.892-0.920x for the same stores into memory made beforehand.
     * A 32-byte row never straddles a 64-byte cache line.
     */
    private static final int STRIDE = 4;
    /** The bits of word 2 that hold the duration: ±2^55 ns, over a year either way. */
    private static final long DUR_MAX = (1L << 55) - 1;

    static {
        if (Op.values().length > 16 || Side.values().length > 2) {
            throw new ExceptionInInitializerError("a row has 4 bits for the op and 1 for the side");
        }
    }

    private static final class Chunk {
        final int size;
        /** The rows, off the Java heap: a collector never copies them, however long the run (see {@link #STRIDE}). */
        final ByteBuffer w;

        Chunk(int size) {
            this.size = size;
            this.w = ByteBuffer.allocateDirect(size * STRIDE * Long.BYTES).order(ByteOrder.nativeOrder());
        }

        /** The connection id and recv() size of row 0, which every row has unless its column says otherwise. */
        int conn0;
        int requested0;
        /*
         * Made when a row differs from row 0, filled with row 0's value for the rows before it. Volatile:
         * a reader that sees the column sees it filled (the side columns below start as all zeros,
         * which is their "none", so they need not be).
         */
        volatile int[] connColumn;
        volatile int[] requestedColumn;

        // side columns, made on first use: send/recv events never need them
        long[] digest;
        long[] payloadPos;
        int[] payloadLen;
        int[] a;
        int[] b;
        int[] wire;
        String[] text;
        /** What the engine said of a connection as it opened, as words with values (its text is in {@code text}). */
        Said[] said;
        /** A traced program's call name ("sendall"), where it is not the lab's own event. */
        String[] calls;
        /** The kernel's TCP state after a call, where it was read. */
        Tcp[] tcp;

        long word(int k, int column) {
            return w.getLong((k * STRIDE + column) * Long.BYTES);
        }

        void side(int k, int av, int bv, int wv) {
            if (a == null) {
                a = new int[size];
                b = new int[size];
                wire = new int[size];
            }
            a[k] = av;
            b[k] = bv;
            wire[k] = wv;
        }

        int a(int k) {
            return a == null ? 0 : a[k];
        }

        int b(int k) {
            return b == null ? 0 : b[k];
        }

        int wire(int k) {
            return wire == null ? 0 : wire[k];
        }

        long digest(int k) {
            return digest == null ? 0 : digest[k];
        }

        long payloadPos(int k) {
            return payloadPos == null ? -1 : payloadPos[k];
        }

        int payloadLen(int k) {
            return payloadLen == null ? 0 : payloadLen[k];
        }

        long dur(int k) {
            return word(k, 2) << 8 >> 8;
        }

        int op(int k) {
            return (int) ((word(k, 2) >>> 56) & 0xF);
        }

        int side(int k) {
            return (int) ((word(k, 2) >>> 60) & 1);
        }

        int verified(int k) {
            return (int) ((word(k, 2) >>> 61) & 3) - 1;
        }

        int conn(int k) {
            int[] c = connColumn;
            return c == null ? conn0 : c[k];
        }

        int bytes(int k) {
            return (int) word(k, 3);
        }

        int requested(int k) {
            int[] c = requestedColumn;
            return c == null ? requested0 : c[k];
        }

        int available(int k) {
            return (int) (word(k, 3) >>> 32);
        }

        void put(int k, long t, Op op, Side side, int verified, int conn, long offset, long dur, long digest,
                 int bytes, int requested, int available) {
            row(k, t, op, side, verified, conn, offset, dur, bytes, requested, available);
            if (digest != 0) {
                if (this.digest == null) {
                    this.digest = new long[size];
                }
                this.digest[k] = digest;
            }
        }

        /** Writes row {@code k} (the layout at {@link #STRIDE}). Rows are written in order, row 0 first. */
        void row(int k, long t, Op op, Side side, int verified, int conn, long offset, long dur,
                 int bytes, int requested, int available) {
            int r = k * STRIDE * Long.BYTES;
            long d = Math.max(-DUR_MAX - 1, Math.min(DUR_MAX, dur));
            w.putLong(r, t);
            w.putLong(r + 8, offset);
            w.putLong(r + 16, d & 0x00FF_FFFF_FFFF_FFFFL | (long) op.ordinal() << 56 | (long) side.ordinal() << 60
                    | (long) (verified + 1) << 61);
            w.putLong(r + 24, (bytes & 0xFFFFFFFFL) | (long) available << 32);
            if (k == 0) {
                conn0 = conn;
                requested0 = requested;
                return;
            }
            int[] cc = connColumn;
            if (cc != null) {
                cc[k] = conn;
            } else if (conn != conn0) {
                connColumn = column(k, conn0, conn);
            }
            int[] rc = requestedColumn;
            if (rc != null) {
                rc[k] = requested;
            } else if (requested != requested0) {
                requestedColumn = column(k, requested0, requested);
            }
        }

        /** A column whose rows before {@code k} hold {@code first} and row {@code k} {@code value}. */
        private int[] column(int k, int first, int value) {
            int[] column = new int[size];
            Arrays.fill(column, 0, k, first);
            column[k] = value;
            return column;
        }

        void payload(int k, long pos, int len) {
            if (payloadPos == null) {
                payloadPos = new long[size];
                payloadLen = new int[size];
            }
            payloadPos[k] = pos;
            payloadLen[k] = len;
        }
    }

    /**
     * Where one writer records. Not thread-safe: one thread at a time (or callers serialised by a
     * lock of their own). Publishing an event is one volatile store.
     */
    public final class Lane {
        private final int id;
        private volatile Chunk[] chunks = new Chunk[4];
        /** Published count: written with release semantics by the writer, read with acquire by readers. */
        private int size;
        private int written; // the writer's own count (no fence to read it)
        private Chunk current;
        private int currentIndex = -1;
        /** Events {@code currentStart} (inclusive) to {@code currentEnd} (exclusive) go into {@link #current}. */
        private int currentStart;
        private int currentEnd;
        private final long laneOrigin = origin;
        /** Payload bytes: chunk {@code arenaIndex} is being filled, up to {@code arenaUsed} bytes. */
        private volatile ByteBuffer[] arena = new ByteBuffer[2];
        private int arenaIndex = -1;
        private int arenaUsed;
        /** The log's payload budget is gone: no more bytes are kept by this lane. */
        private boolean spent;

        private Lane(int id) {
            this.id = id;
        }

        /** Records a send or recv call (or eof) with its payload. */
        public void io(Op op, Side side, int conn, long offset, int bytes, int requested, int available,
                       long durNs, byte[] payload, int payloadOff) {
            ioAt(System.nanoTime(), op, side, conn, offset, bytes, requested, available, durNs, payload, payloadOff);
        }

        /** As {@link #io}, for a call that ended at {@code endNanos} ({@link System#nanoTime()}): saves a clock read. */
        public void ioAt(long endNanos, Op op, Side side, int conn, long offset, int bytes, int requested, int available,
                         long durNs, byte[] payload, int payloadOff) {
            // the hot path of every send() and recv(): few objects touched (after a system call little of
            // this is still in the L1 cache), the row written straight into the current chunk's buffer
            int i = written;
            if (i >= currentEnd) {
                advance(i);
            }
            int k = i - currentStart;
            current.row(k, endNanos - laneOrigin, op, side, -1, conn, offset, durNs, bytes, requested, available);
            if (!spent) { // a long run spends the budget early: from then on, no call at all
                capture(current, k, payload, payloadOff, bytes);
            }
            publish(i + 1);
        }

        /** Records an event that is a count and a text (a selector's ready keys). */
        void counted(Op op, Side side, int conn, int count, String text) {
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, now(), op, side, -1, conn, 0, 0, 0, count, 0, NOT_MEASURED);
            text(c, k, text);
            publish(i + 1);
        }

        /** Records a UDP sendto/recvfrom that ended at {@code endNanos}: {@code peerPort} is where it went or came from. */
        public void datagramAt(long endNanos, Op op, Side side, int conn, int bytes, int requested, int peerPort, long durNs,
                               byte[] payload) {
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, endNanos - origin, op, side, -1, conn, 0, durNs, 0, bytes, requested, NOT_MEASURED);
            c.side(k, 0, peerPort, 0);
            capture(c, k, payload, 0, bytes);
            publish(i + 1);
        }

        /**
         * Records a lifecycle event: listen, accept, connect, close (a = local port, b = remote
         * port), with what the engine says of it as words (the settings it runs with, how it
         * closed), or null; the event's text is {@link Note#trace()}.
         */
        public void life(Op op, Side side, int conn, int localPort, int remotePort, long offset, Note note) {
            long t = now();
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, t, op, side, -1, conn, offset, 0, 0, 0, 0, NOT_MEASURED);
            c.side(k, localPort, remotePort, 0);
            if (note != null) {
                said(c, k, note);
            }
            publish(i + 1);
        }

        /** Records an error: the words a learner should read, worded when they are read ({@link Phrase#trace()} is its text). */
        public void error(Side side, int conn, long offset, Phrase message) {
            errorAt(now(), side, conn, offset, message);
        }

        /** An error found at trace time {@code t} (a decoder's, as the call that brought the bytes ended). */
        public void errorAt(long t, Side side, int conn, long offset, Phrase message) {
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, t, Op.ERROR, side, -1, conn, offset, 0, 0, 0, 0, NOT_MEASURED);
            said(c, k, message);
            publish(i + 1);
        }

        /**
         * Records a message meant (MESSAGE, on the sender) or a frame decoded (FRAME, on the
         * receiver). {@code verified}: UNKNOWN when there was nothing to check.
         */
        public void message(Op op, Side side, int conn, long offset, int index, int headerBytes, int wireBytes,
                            byte[] body, long digest, Verdict verified, String header) {
            messageAt(now(), op, side, conn, offset, index, headerBytes, wireBytes, body, digest, verified, header);
        }

        /** A message or frame at trace time {@code t}: the end of the call whose bytes completed it. */
        public void messageAt(long t, Op op, Side side, int conn, long offset, int index, int headerBytes, int wireBytes,
                              byte[] body, long digest, Verdict verified, String header) {
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, t, op, side, verified.code(), conn, offset, 0, digest, body.length, 0,
                    NOT_MEASURED);
            c.side(k, index, headerBytes, wireBytes);
            capture(c, k, body, 0, body.length);
            if (header != null) {
                text(c, k, header);
            }
            publish(i + 1);
        }

        private void publish(int n) {
            written = n;
            SIZE.setRelease(this, n);
        }

        int published() {
            return (int) SIZE.getAcquire(this);
        }

        /** Appends an event exactly as it was recorded elsewhere (a saved trace being opened). */
        public void append(TraceEvent e) {
            int i = written;
            Chunk c = chunk(i);
            int k = i - currentStart;
            c.put(k, e.tNs(), e.op(), e.side(), e.verified().code(), e.conn(), e.offset(), e.durNs(), e.digest(), e.bytes(),
                    e.requested(), e.available());
            if (e.a() != 0 || e.b() != 0 || e.wire() != 0) {
                c.side(k, e.a(), e.b(), e.wire());
            }
            if (e.payload() != null) {
                capture(c, k, e.payload(), 0, e.payload().length);
            }
            if (e.said() != null) {
                said(c, k, e.said());
            } else if (e.text() != null) {
                text(c, k, e.text());
            }
            if (e.call() != null) {
                if (c.calls == null) {
                    c.calls = new String[c.size];
                }
                c.calls[k] = e.call();
            }
            if (e.tcp() != null) {
                if (c.tcp == null) {
                    c.tcp = new Tcp[c.size];
                }
                c.tcp[k] = e.tcp();
            }
            publish(i + 1);
            nextConn.accumulateAndGet(e.conn() + 1, Math::max);
        }

        /** The chunk event {@code i} goes into, made current (events are written in order). */
        private Chunk chunk(int i) {
            if (i >= currentEnd) {
                advance(i);
            }
            return current;
        }

        /** Moves on to the chunk that holds event {@code i}, made now. */
        private void advance(int i) {
            int ci = chunkIndex(i);
            Chunk[] cs = chunks;
            if (ci >= cs.length) {
                cs = Arrays.copyOf(cs, Math.max(cs.length * 2, ci + 1));
            }
            if (cs[ci] == null) {
                cs[ci] = new Chunk(chunkSize(ci));
                chunks = cs;
            }
            current = cs[ci];
            currentIndex = ci;
            currentStart = chunkStart(ci);
            currentEnd = currentStart + current.size;
        }

        private void said(Chunk c, int k, Said n) {
            if (c.said == null) {
                c.said = new Said[c.size];
            }
            c.said[k] = n;
        }

        private void text(Chunk c, int k, String s) {
            if (c.text == null) {
                c.text = new String[c.size];
            }
            c.text[k] = s;
        }

        /**
         * Keeps up to {@link #capturePerEvent} bytes of the payload in this lane's arena and notes where
         * in the row's side column. The arena grows as the rows do (4 KiB first, doubling up to 1 MiB),
         * and each arena chunk is taken from the log's budget when it is made: a lane holds back no
         * more than the unused end of its last chunk.
         */
        private void capture(Chunk c, int k, byte[] src, int off, int len) {
            if (spent) { // one predictable branch for the rest of a long run
                return;
            }
            int n = src == null ? 0 : Math.min(len, capturePerEvent);
            if (n <= 0) {
                return;
            }
            ByteBuffer[] ar = arena;
            ByteBuffer chunk = arenaIndex < 0 ? null : ar[arenaIndex];
            if (chunk == null || arenaUsed + n > chunk.capacity()) { // each payload inside one arena chunk
                int size = chunk == null ? ARENA_FIRST : Math.min(chunk.capacity() * 2, ARENA_CHUNK);
                size = Math.max(size, n);
                if (reserveBudget(size) < size) {
                    spent = true; // the log's budget only ever shrinks
                    return;
                }
                ByteBuffer made = ByteBuffer.allocateDirect(size);
                arenaIndex++;
                if (arenaIndex >= ar.length) {
                    ar = Arrays.copyOf(ar, ar.length * 2);
                }
                ar[arenaIndex] = made;
                arena = ar;
                chunk = made;
                arenaUsed = 0;
            }
            chunk.put(arenaUsed, src, off, n);
            c.payload(k, (long) arenaIndex << 32 | arenaUsed, n);
            arenaUsed += n;
        }
    }

    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(Lane.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long origin;
    private final int capturePerEvent;
    private final AtomicLong budget;
    private final AtomicInteger nextConn = new AtomicInteger(1);
    private final Lane shared;
    private volatile Lane[] lanes = new Lane[0];

    // the merged global order, owned by readers (guarded by this)
    private volatile long[] order = new long[1024];
    private volatile int size;
    private int[] merged = new int[0];

    private final java.util.Map<Integer, TraceEvent.Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();

    public TraceLog() {
        this(DEFAULT_CAPTURE_PER_EVENT, DEFAULT_CAPTURE_BUDGET);
    }

    public TraceLog(int capturePerEvent, long captureBudget) {
        this.origin = System.nanoTime();
        this.capturePerEvent = capturePerEvent;
        this.budget = new AtomicLong(captureBudget);
        this.shared = newLane();
    }

    /** A lane for one writer. */
    public synchronized Lane newLane() {
        Lane l = new Lane(lanes.length);
        Lane[] ls = Arrays.copyOf(lanes, lanes.length + 1);
        ls[ls.length - 1] = l;
        lanes = ls;
        return l;
    }

    /** Takes {@code want} bytes from the log's payload budget, all or none; returns what it took. */
    private long reserveBudget(long want) {
        while (true) {
            long left = budget.get();
            if (left < want) {
                return 0;
            }
            if (budget.compareAndSet(left, left - want)) {
                return want;
            }
        }
    }

    /** Nanoseconds since this log was made: the {@code t_ns} of its events. */
    /** Says that connection {@code conn} is a traced program's (its events carry it as their origin). */
    public void origin(int conn, TraceEvent.Origin origin) {
        origins.put(conn, origin);
    }

    /** The program connection {@code conn} belongs to, or null for the lab's own. */
    public TraceEvent.Origin origin(int conn) {
        return origins.get(conn);
    }

    /** The trace time of a {@link System#nanoTime()} reading already taken (no clock read of its own). */
    public long traceTime(long nanoTime) {
        return nanoTime - origin;
    }

    public long now() {
        return System.nanoTime() - origin;
    }

    public int capturePerEvent() {
        return capturePerEvent;
    }

    /** A new connection id, unique within this log. */
    public int newConnId() {
        return nextConn.getAndIncrement();
    }

    // --- rare events from any thread: the shared lane, under its lock

    public void io(Op op, Side side, int conn, long offset, int bytes, int requested, int available,
                   long durNs, byte[] payload, int payloadOff) {
        synchronized (shared) {
            shared.io(op, side, conn, offset, bytes, requested, available, durNs, payload, payloadOff);
        }
    }

    /** A socket opened, accepted, connected or closed, with what the engine says of it as words (or null). */
    public void life(Op op, Side side, int conn, int localPort, int remotePort, long offset, Note note) {
        synchronized (shared) {
            shared.life(op, side, conn, localPort, remotePort, offset, note);
        }
    }

    /** A selector's select() returned {@code ready} keys; {@code which} names them ("accept #3 #5"). */
    public void select(Side side, int conn, int ready, String which) {
        synchronized (shared) {
            shared.counted(Op.SELECT, side, conn, ready, which);
        }
    }

    public void error(Side side, int conn, long offset, Phrase message) {
        synchronized (shared) {
            shared.error(side, conn, offset, message);
        }
    }

    public void message(Op op, Side side, int conn, long offset, int index, int headerBytes, int wireBytes,
                        byte[] body, long digest, Verdict verified, String header) {
        synchronized (shared) {
            shared.message(op, side, conn, offset, index, headerBytes, wireBytes, body, digest, verified, header);
        }
    }

    // --- reading

    /** Events published so far; merges what the lanes published since the last call. */
    public synchronized int size() {
        Lane[] ls = lanes;
        if (merged.length < ls.length) {
            merged = Arrays.copyOf(merged, ls.length);
        }
        int fresh = 0;
        int[] upto = new int[ls.length];
        for (int l = 0; l < ls.length; l++) {
            upto[l] = ls[l].published();
            fresh += upto[l] - merged[l];
        }
        if (fresh == 0) {
            return size;
        }
        long[] batch = new long[fresh];
        long[] times = new long[fresh];
        int n = 0;
        for (int l = 0; l < ls.length; l++) {
            Lane lane = ls[l];
            Chunk[] cs = lane.chunks;
            for (int i = merged[l]; i < upto[l]; i++) {
                batch[n] = ((long) l << 32) | i;
                int c = chunkIndex(i);
                times[n] = cs[c].word(i - chunkStart(c), 0);
                n++;
            }
            merged[l] = upto[l];
        }
        Integer[] idx = new Integer[fresh];
        for (int i = 0; i < fresh; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> {
            int c = Long.compare(times[x], times[y]);
            return c != 0 ? c : Long.compare(batch[x], batch[y]);
        });
        int s = size;
        long[] o = order;
        if (s + fresh > o.length) {
            o = Arrays.copyOf(o, Math.max(o.length * 2, s + fresh));
        }
        for (int i = 0; i < fresh; i++) {
            o[s + i] = batch[idx[i]];
        }
        order = o;
        size = s + fresh;
        return size;
    }

    /**
     * Waits until the log holds at least {@code count} events of {@code op} on {@code side}
     * (any side when null): how tests and scenarios synchronise on what the sockets did.
     * Returns false on timeout.
     */
    public boolean await(Op op, Side side, int count, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int seen = 0;
        int scanned = 0;
        while (true) {
            int n = size();
            for (; scanned < n; scanned++) {
                if (op(scanned) == op && (side == null || side(scanned) == side)) {
                    seen++;
                }
            }
            if (seen >= count) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(500_000);
        }
    }

    private Chunk chunkOf(int i) {
        long p = order[i];
        Lane lane = lanes[(int) (p >>> 32)];
        int k = (int) p;
        return lane.chunks[chunkIndex(k)];
    }

    private int slot(int i) {
        int k = (int) order[i];
        return k - chunkStart(chunkIndex(k));
    }

    /** Word {@code column} of event {@code i}'s row, found with one read of the order (the drawing loops' reads). */
    private long word(int i, int column) {
        long p = order[i];
        int k = (int) p;
        int ci = chunkIndex(k);
        return lanes[(int) (p >>> 32)].chunks[ci].word(k - chunkStart(ci), column);
    }

    /** Reads event {@code i} (below {@link #size()}). */
    public TraceEvent get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        long p = order[i];
        Lane lane = lanes[(int) (p >>> 32)];
        int ci = chunkIndex((int) p);
        Chunk c = lane.chunks[ci];
        int k = (int) p - chunkStart(ci);
        byte[] payload = null;
        long pos = c.payloadPos(k);
        int op = c.op(k);
        if (pos >= 0 && c.payloadLen(k) > 0) {
            ByteBuffer chunk = lane.arena[(int) (pos >>> 32)];
            payload = new byte[c.payloadLen(k)];
            chunk.get((int) pos, payload);
        } else if (op == Op.SEND.ordinal() || op == Op.RECV.ordinal() || op == Op.FRAME.ordinal() || op == Op.MESSAGE.ordinal()
                || op == Op.SENDTO.ordinal() || op == Op.RECVFROM.ordinal()) {
            payload = new byte[0];
        }
        Said said = c.said == null ? null : c.said[k];
        String text = said != null ? said.trace() : c.text == null ? null : c.text[k];
        int conn = c.conn(k);
        return new TraceEvent(i, c.word(k, 0), Op.of(op), Side.values()[c.side(k)], conn, c.word(k, 1), c.bytes(k),
                c.requested(k), c.available(k), c.a(k), c.b(k), c.wire(k), Verdict.ofCode(c.verified(k)), c.digest(k), c.dur(k),
                payload, text, said, c.calls == null ? null : c.calls[k], origins.isEmpty() ? null : origins.get(conn),
                c.tcp == null ? null : c.tcp[k]);
    }

    /* Cheap column reads for drawing many events without making objects. */

    public Op op(int i) {
        return Op.of(chunkOf(i).op(slot(i)));
    }

    public long tNs(int i) {
        return word(i, 0);
    }

    public int conn(int i) {
        return chunkOf(i).conn(slot(i));
    }

    public long offset(int i) {
        return word(i, 1);
    }

    public int bytes(int i) {
        return (int) word(i, 3);
    }

    /** Where event {@code i}'s bytes end in its stream: {@link #offset} + {@link #bytes}, found with one lookup. */
    public long streamEnd(int i) {
        long p = order[i];
        int k = (int) p;
        int ci = chunkIndex(k);
        Chunk c = lanes[(int) (p >>> 32)].chunks[ci];
        int slot = k - chunkStart(ci);
        return c.word(slot, 1) + c.bytes(slot);
    }

    /** Wire bytes of a message or frame event. */
    public int wire(int i) {
        return chunkOf(i).wire(slot(i));
    }

    /** Header bytes of a message or frame event; remote port of a lifecycle event. */
    public int b(int i) {
        return chunkOf(i).b(slot(i));
    }

    /** Message index of a message or frame event; local port of a lifecycle event. */
    public int a(int i) {
        return chunkOf(i).a(slot(i));
    }

    /** How long a send or recv call took (its end is {@link #tNs}). */
    public long durNs(int i) {
        return chunkOf(i).dur(slot(i));
    }

    public long digest(int i) {
        return chunkOf(i).digest(slot(i));
    }

    public int available(int i) {
        return chunkOf(i).available(slot(i));
    }

    public int requested(int i) {
        return chunkOf(i).requested(slot(i));
    }

    public Verdict verified(int i) {
        return Verdict.ofCode(chunkOf(i).verified(slot(i)));
    }

    public Side side(int i) {
        return Side.values()[chunkOf(i).side(slot(i))];
    }

    /** Calls {@code each} for events {@code from} (inclusive) to {@code to} (exclusive). */
    public void forEach(int from, int to, Consumer<TraceEvent> each) {
        for (int i = from; i < to; i++) {
            each.accept(get(i));
        }
    }
}
