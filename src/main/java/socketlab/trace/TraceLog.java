package socketlab.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
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
 * {@link #size()} merges what the lanes have published since the last call, by time (a k-way merge
 * of the lanes, each already in its order), so within one lane the order is always exact. Events never change once
 * published, so {@link #get(int)} below {@link #size()} is stable.
 *
 * <p>Rows and payload bytes live off the Java heap (direct buffers). On the heap, a long run's
 * chunks were copied by every young collection (G1 with 4 MiB regions: a 1 MiB array is an
 * ordinary object), 20–40 ms pauses that stopped the sockets too.
 *
 * <p><b>Memory budget.</b> Everything the log keeps of a run comes out of one budget
 * ({@link MemoryBudget}, 512 MiB unless set): an eighth for payload copies, at most
 * {@link #capturePerEvent} bytes per call (past that, events are still recorded, without bytes), the
 * rest for rows. When no row is left, the sockets go on and each lane <em>counts</em> what it can no
 * longer record — calls, bytes and the span of time and stream they cover, per connection, op and
 * side ({@link #unrecorded()}) — and writes the count as one {@link Op#UNRECORDED} event as soon as
 * it has room again: at its connection's end (lifecycle events and errors draw on a small reserve),
 * or when a streaming reader gave memory back ({@link #release()}). Counts of bytes and calls stay
 * exact; only the detail of single calls is lost, and the trace says where.
 *
 * <pre>
 *   lane:  … | recv 1024 | recv 1024 |  [ unrecorded: 81,920 recv() calls, 83,886,080 bytes ] | eof | close
 *                                     ^ the budget ran out          room again (the reserve) ^
 * </pre>
 *
 * <p>One file of about 1,300 lines, on purpose: the chunk (the packed 32-byte row and its bit
 * positions), the lane that writes rows, the reader that merges and unpacks them, and the budget that
 * pays for each chunk and takes it back on {@link #release()} are four views of one memory layout.
 * Apart, each would have to repeat that layout or expose it beyond this class; together, a change to a
 * column is one edit that the row-layout tests in {@code TraceLogTest} and the budget tests in
 * {@code MemoryBudgetTest} check end to end. What is not the layout lives beside it: {@link MemoryBudget},
 * {@link Gap}, {@link Unrecorded}.
 */
public final class TraceLog {
    /**
     * Bytes kept of each call's payload: what a saved trace keeps ({@link TraceJson#HEX_CAP}) and
     * more than the byte inspector shows. Byte counts, offsets and digests always cover the whole
     * call; only the copy is capped — copying all of a 64 KiB call cost the sockets 5–8 % of their speed.
     */
    public static final int DEFAULT_CAPTURE_PER_EVENT = TraceJson.HEX_CAP;
    public static final long DEFAULT_CAPTURE_BUDGET = MemoryBudget.DEFAULT.payloadBytes();
    public static final int NOT_MEASURED = -1;
    /**
     * What one event takes of the row budget: its 32-byte row, its 8-byte place in the merged order and
     * the 12 bytes of its payload's place in the arena (which nearly every send and recv has). Other side
     * columns are taken when they are made.
     */
    static final int ROW_COST = 4 * Long.BYTES + Long.BYTES + Long.BYTES + Integer.BYTES;
    /** A lane stops recording before its event count could overflow; it counts from there on. */
    static final int MAX_LANE_EVENTS = Integer.MAX_VALUE - (1 << 15);

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
        /** The row budget this chunk draws on, and what it has taken: its rows, then each side column it made. */
        private final AtomicLong rows;
        long cost;
        /** Given back to the budget by {@link #release()} (a stale reference to it must not give it back twice). */
        boolean freed;

        Chunk(int size, AtomicLong rows, long cost) {
            this.size = size;
            this.rows = rows;
            this.cost = cost;
            this.w = ByteBuffer.allocateDirect(size * STRIDE * Long.BYTES).order(ByteOrder.nativeOrder());
        }

        /** Takes a side column's memory from the row budget, whether or not it is there: a column is made for a row already kept. */
        private void charge(long bytes) {
            rows.addAndGet(-bytes);
            cost += bytes;
        }

        private int[] ints() {
            charge((long) size * Integer.BYTES);
            return new int[size];
        }

        private long[] longs() {
            charge((long) size * Long.BYTES);
            return new long[size];
        }

        private <T> T[] refs(java.util.function.IntFunction<T[]> make) {
            charge((long) size * 4);
            return make.apply(size);
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
                a = ints();
                b = ints();
                wire = ints();
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
                    this.digest = longs();
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
            int[] column = ints();
            Arrays.fill(column, 0, k, first);
            column[k] = value;
            return column;
        }

        /** What an {@link Op#UNRECORDED} row counts: by row, {op ordinal, calls}. A few per run, so a map. */
        java.util.Map<Integer, int[]> counts;

        void counted(int k, Op op, int calls) {
            if (counts == null) {
                counts = new java.util.concurrent.ConcurrentHashMap<>(); // a reader may look while the writer adds
            }
            charge(128);
            counts.put(k, new int[] {op.ordinal(), calls});
        }

        void payload(int k, long pos, int len) {
            if (payloadPos == null) { // in the chunk's cost already (ROW_COST)
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
        /** Events {@code currentStart} (inclusive) to {@code currentEnd} (exclusive) go into {@link #current}. */
        private int currentStart;
        private int currentEnd;
        private final long laneOrigin = origin;
        /** Payload bytes: chunk {@code arenaIndex} is being filled, up to {@code arenaUsed} bytes. */
        private volatile ByteBuffer[] arena = new ByteBuffer[2];
        /** For each arena chunk but the last: the first event that used the next one (0 = not yet), so a reader can free it. */
        private volatile int[] arenaEnds = new int[2];
        private int arenaIndex = -1;
        private int arenaUsed;
        /** The log's payload budget is gone: no more bytes are kept by this lane (until a reader gives memory back). */
        private boolean spent;
        /** What this lane counted but could not record, by connection, op and side; null while it records everything. */
        private volatile Gap[] gaps;
        // the reader's side of release(), under the log's lock
        private int freedChunks;
        private int freedArena;
        private Chunk[] nulledChunks;
        private int nulledUpTo;
        private ByteBuffer[] nulledArena;
        private int nulledArenaUpTo;

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
            ioAt(endNanos, op, side, conn, offset, bytes, requested, available, durNs, payload, payloadOff, null);
        }

        /** As {@link #ioAt}, with the kernel's TCP state just after the call ({@code tcp}, or null when not read). */
        public void ioAt(long endNanos, Op op, Side side, int conn, long offset, int bytes, int requested, int available,
                         long durNs, byte[] payload, int payloadOff, Tcp tcp) {
            // the hot path of every send() and recv(): few objects touched (after a system call little of
            // this is still in the L1 cache), the row written straight into the current chunk's buffer
            if ((written >= currentEnd || op == Op.EOF) && !room(op == Op.EOF)) { // an EOF writes what was counted first
                if (op != Op.EOF) {
                    count(endNanos - laneOrigin, op, side, conn, offset, bytes, durNs);
                } else if (elsewhere()) {
                    synchronized (shared) {
                        shared.ioAt(endNanos, op, side, conn, offset, bytes, requested, available, durNs, null, 0);
                    }
                }
                return;
            }
            int i = written;
            int k = i - currentStart;
            current.row(k, endNanos - laneOrigin, op, side, -1, conn, offset, durNs, bytes, requested, available);
            if (!spent) { // a long run spends the budget early: from then on, no call at all
                capture(current, i, k, payload, payloadOff, bytes);
            }
            if (tcp != null) {
                Chunk c = current;
                if (c.tcp == null) {
                    c.tcp = c.refs(Tcp[]::new);
                }
                c.tcp[k] = tcp;
            }
            publish(i + 1);
        }

        /** Records an event that is a count and a text (a selector's ready keys). */
        void counted(Op op, Side side, int conn, int count, String text) {
            long t = now();
            if (!room(false)) {
                count(t, op, side, conn, 0, 0, 0);
                return;
            }
            int i = written;
            Chunk c = current;
            int k = i - currentStart;
            c.put(k, t, op, side, -1, conn, 0, 0, 0, count, 0, NOT_MEASURED);
            text(c, k, text);
            publish(i + 1);
        }

        /** Records a UDP sendto/recvfrom that ended at {@code endNanos}: {@code peerPort} is where it went or came from. */
        public void datagramAt(long endNanos, Op op, Side side, int conn, int bytes, int requested, int peerPort, long durNs,
                               byte[] payload) {
            if (!room(false)) {
                count(endNanos - origin, op, side, conn, 0, bytes, durNs);
                return;
            }
            int i = written;
            Chunk c = current;
            int k = i - currentStart;
            c.put(k, endNanos - origin, op, side, -1, conn, 0, durNs, 0, bytes, requested, NOT_MEASURED);
            c.side(k, 0, peerPort, 0);
            capture(c, i, k, payload, 0, bytes);
            publish(i + 1);
        }

        /**
         * Records a lifecycle event: listen, accept, connect, close (a = local port, b = remote
         * port), with what the engine says of it as words (the settings it runs with, how it
         * closed), or null; the event's text is {@link Note#trace()}.
         */
        public void life(Op op, Side side, int conn, int localPort, int remotePort, long offset, Note note) {
            long t = now();
            opened(t, op, side, conn, localPort, remotePort);
            if (!room(true)) {
                if (elsewhere()) {
                    synchronized (shared) {
                        shared.life(op, side, conn, localPort, remotePort, offset, note);
                    }
                }
                return;
            }
            int i = written;
            Chunk c = current;
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
            if (!room(true)) {
                if (elsewhere()) {
                    synchronized (shared) {
                        shared.errorAt(t, side, conn, offset, message);
                    }
                }
                return;
            }
            int i = written;
            Chunk c = current;
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

        /**
         * A message or frame at trace time {@code t}: the end of the call whose bytes completed it. Its
         * body is kept whole, not only its first {@link #capturePerEvent} bytes, so that a trace gives the
         * text of every frame that is valid UTF-8 (while the payload budget lasts).
         */
        public void messageAt(long t, Op op, Side side, int conn, long offset, int index, int headerBytes, int wireBytes,
                              byte[] body, long digest, Verdict verified, String header) {
            if (!room(false)) {
                count(t, op, side, conn, offset, wireBytes, 0);
                return;
            }
            int i = written;
            Chunk c = current;
            int k = i - currentStart;
            c.put(k, t, op, side, verified.code(), conn, offset, 0, digest, body.length, 0,
                    NOT_MEASURED);
            c.side(k, index, headerBytes, wireBytes);
            capture(c, i, k, body, 0, body.length, body.length);
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

        /** Appends an event exactly as it was recorded elsewhere (a saved trace being opened, a traced program's call). */
        public void append(TraceEvent e) {
            boolean bulk = switch (e.op()) {
                case SEND, RECV, MESSAGE, FRAME, SENDTO, RECVFROM, SELECT, SEGMENT -> true;
                default -> false;
            };
            nextConn.accumulateAndGet(e.conn() + 1, Math::max);
            opened(e.tNs(), e.op(), e.side(), e.conn(), e.a(), e.b());
            if (!room(!bulk)) {
                if (bulk) {
                    count(e.tNs(), e.op(), e.side(), e.conn(), e.offset(), e.op() == Op.MESSAGE || e.op() == Op.FRAME ? e.wire()
                            : e.bytes(), e.durNs());
                } else if (elsewhere()) {
                    synchronized (shared) {
                        shared.append(e);
                    }
                }
                return;
            }
            int i = written;
            Chunk c = current;
            int k = i - currentStart;
            c.put(k, e.tNs(), e.op(), e.side(), e.verified().code(), e.conn(), e.offset(), e.durNs(), e.digest(), e.bytes(),
                    e.requested(), e.available());
            if (e.op() == Op.UNRECORDED) {
                c.counted(k, e.unrecordedOp(), e.unrecordedCalls());
            } else if (e.a() != 0 || e.b() != 0 || e.wire() != 0) {
                c.side(k, e.a(), e.b(), e.wire());
            }
            if (e.payload() != null) {
                int len = e.payload().length;
                capture(c, i, k, e.payload(), 0, len, e.op() == Op.MESSAGE || e.op() == Op.FRAME ? len : capturePerEvent);
            }
            if (e.said() != null) {
                said(c, k, e.said());
            } else if (e.text() != null) {
                text(c, k, e.text());
            }
            if (e.call() != null) {
                if (c.calls == null) {
                    c.calls = c.refs(String[]::new);
                }
                c.calls[k] = e.call();
            }
            if (e.tcp() != null) {
                if (c.tcp == null) {
                    c.tcp = c.refs(Tcp[]::new);
                }
                c.tcp[k] = e.tcp();
            }
            publish(i + 1);
        }

        /**
         * Makes {@link #current} hold event {@link #written}: a new chunk when the current one is full, if
         * the row budget has room ({@code rare}: a lifecycle event or an error, which may use the reserve).
         * With room again after a pause, first writes what was counted meanwhile, as {@link Op#UNRECORDED}
         * events. False: no room; the caller counts its event instead.
         */
        private boolean room(boolean rare) {
            while (true) {
                if (written >= currentEnd && !advance(written, rare)) {
                    return false;
                }
                if (gaps == null) {
                    return true;
                }
                flushGaps(); // stops short only when the chunk is full and no other could be made: then false, above
            }
        }

        /**
         * A lifecycle event or an error found no room here (this lane's next chunk is larger than what the
         * reserve has left): true when the shared lane is to record it — with this lane's counts handed to it
         * first, so they still come before the event. The caller then locks the shared lane and records
         * there. False (the event is lost, and counted as such) when this is the shared lane.
         */
        private boolean elsewhere() {
            if (this == shared) {
                lost.incrementAndGet();
                return false;
            }
            Gap[] mine = gaps;
            if (mine != null) {
                synchronized (shared) {
                    Gap[] theirs = shared.gaps;
                    Gap[] all = theirs == null ? mine : Arrays.copyOf(theirs, theirs.length + mine.length);
                    if (theirs != null) {
                        System.arraycopy(mine, 0, all, theirs.length, mine.length);
                    }
                    shared.gaps = all; // from now on counted and written by the shared lane, under its lock
                    gaps = null;
                }
            }
            return true;
        }

        /** Moves on to the chunk that holds event {@code i}, made now if the budget has room for it. */
        private boolean advance(int i, boolean rare) {
            int ci = chunkIndex(i);
            long cost = (long) chunkSize(ci) * ROW_COST;
            if (i >= MAX_LANE_EVENTS || !reserveRows(cost, rare, this == shared)) {
                return false;
            }
            Chunk[] cs = chunks;
            if (ci >= cs.length) {
                cs = Arrays.copyOf(cs, Math.max(cs.length * 2, ci + 1));
            }
            Chunk made = new Chunk(chunkSize(ci), rows, cost);
            cs[ci] = made;
            chunks = cs;
            current = made;
            currentStart = chunkStart(ci);
            currentEnd = currentStart + made.size;
            if (spent && payloadBudget.get() >= ARENA_FIRST) {
                spent = false; // a streaming reader gave payload memory back
            }
            return true;
        }

        /** Counts a call (or frame, or datagram) that found no room: its connection's open gap grows by it. */
        private void count(long t, Op op, Side side, int conn, long offset, int bytes, long durNs) {
            Gap[] gs = gaps;
            Gap g = null;
            if (gs != null) {
                for (Gap x : gs) {
                    if (x.conn == conn && x.op == op && x.side == side) {
                        g = x;
                        break;
                    }
                }
            }
            if (g == null) {
                g = new Gap(conn, op, side, offset, t - Math.max(0, durNs));
                Gap[] next = gs == null ? new Gap[1] : Arrays.copyOf(gs, gs.length + 1);
                next[next.length - 1] = g;
                gaps = next;
                pausedLanes.incrementAndGet();
            } else if (g.calls == Integer.MAX_VALUE || g.bytes > Integer.MAX_VALUE - (long) Math.max(0, bytes)) {
                // an event's counts are ints: write this one out (from the reserve) and start the next
                if (written < currentEnd || advance(written, true)) {
                    flushGaps();
                }
                if (gaps == null || gaps[0] != gs[0]) {
                    count(t, op, side, conn, offset, bytes, durNs);
                    return;
                } // no room even in the reserve: the count goes on in longs (its event will say 2^31 - 1 at most)
            }
            g.add(t, bytes);
        }

        /** Writes each open gap as one {@link Op#UNRECORDED} event, as far as there is room (the reserve's). */
        private void flushGaps() {
            Gap[] gs = gaps;
            int done = 0;
            for (Gap g : gs) {
                if (written >= currentEnd && !advance(written, true)) {
                    break;
                }
                int i = written;
                int k = i - currentStart;
                // the row takes its chunk's recv() size, and its op and count go into a small map: a column
                // for them would cost a big chunk 64 KiB each, for one row
                current.row(k, g.lastNs, Op.UNRECORDED, g.side, -1, g.conn, g.offset, g.lastNs - g.firstNs,
                        (int) Math.min(Integer.MAX_VALUE, g.bytes), k == 0 ? 0 : current.requested0, NOT_MEASURED);
                current.counted(k, g.op, (int) Math.min(Integer.MAX_VALUE, g.calls));
                publish(i + 1);
                done++;
            }
            gaps = done == gs.length ? null : Arrays.copyOfRange(gs, done, gs.length);
            pausedLanes.addAndGet(-done);
        }

        /** Open gaps as they stand (a reader's snapshot; the writer may be adding to them). */
        void openGaps(List<Unrecorded> into) {
            Gap[] gs = gaps;
            if (gs != null) {
                for (Gap g : gs) {
                    into.add(g.snapshot());
                }
            }
        }

        /**
         * The reader's side: events below {@code upto} of this lane have all been read and will not be
         * again; their chunks of rows and of payload go back to the budget. Under the log's lock.
         */
        void release(int upto) {
            Chunk[] cs = chunks;
            while (freedChunks < cs.length && cs[freedChunks] != null
                    && chunkStart(freedChunks) + chunkSize(freedChunks) <= upto) {
                Chunk c = cs[freedChunks];
                if (!c.freed) {
                    c.freed = true;
                    rows.addAndGet(c.cost);
                }
                freedChunks++;
            }
            // the writer may have grown the array from a copy made before these were freed: then all of them again
            for (int k = cs == nulledChunks ? nulledUpTo : 0; k < freedChunks && k < cs.length; k++) {
                cs[k] = null;
            }
            nulledChunks = cs;
            nulledUpTo = freedChunks;
            ByteBuffer[] ar = arena;
            int[] ends = arenaEnds;
            while (freedArena < ends.length && freedArena < ar.length && ends[freedArena] > 0 && ends[freedArena] <= upto) {
                ByteBuffer b = ar[freedArena];
                if (b != null) {
                    payloadBudget.addAndGet(b.capacity());
                }
                freedArena++;
            }
            for (int k = ar == nulledArena ? nulledArenaUpTo : 0; k < freedArena && k < ar.length; k++) {
                ar[k] = null;
            }
            nulledArena = ar;
            nulledArenaUpTo = freedArena;
        }

        private void said(Chunk c, int k, Said n) {
            if (c.said == null) {
                c.said = c.refs(Said[]::new);
            }
            c.said[k] = n;
        }

        private void text(Chunk c, int k, String s) {
            if (c.text == null) {
                c.text = c.refs(String[]::new);
            }
            c.text[k] = s;
        }

        private void capture(Chunk c, int event, int k, byte[] src, int off, int len) {
            capture(c, event, k, src, off, len, capturePerEvent);
        }

        /**
         * Keeps up to {@code cap} bytes of the payload in this lane's arena and notes where in the row's
         * side column. The arena grows as the rows do (4 KiB first, doubling up to 1 MiB), and each arena
         * chunk is taken from the log's payload budget when it is made: a lane holds back no more than the
         * unused end of its last chunk.
         */
        private void capture(Chunk c, int event, int k, byte[] src, int off, int len, int cap) {
            if (spent) { // one predictable branch for the rest of a long run
                return;
            }
            int n = src == null ? 0 : Math.min(len, cap);
            if (n <= 0) {
                return;
            }
            ByteBuffer[] ar = arena;
            ByteBuffer chunk = arenaIndex < 0 ? null : ar[arenaIndex];
            if (chunk == null || arenaUsed + n > chunk.capacity()) { // each payload inside one arena chunk
                int size = Math.max(n, chunk == null ? ARENA_FIRST : Math.min(chunk.capacity() * 2, ARENA_CHUNK));
                while (reservePayload(size) < size) { // less than it would like is still room: halve, down to this payload
                    if (size <= Math.max(n, ARENA_FIRST)) {
                        spent = true; // until a streaming reader gives memory back
                        return;
                    }
                    size = Math.max(Math.max(n, ARENA_FIRST), size / 2);
                }
                ByteBuffer made = ByteBuffer.allocateDirect(size);
                int[] ends = arenaEnds;
                if (arenaIndex + 1 >= ar.length) {
                    ar = Arrays.copyOf(ar, ar.length * 2);
                    ends = Arrays.copyOf(ends, ar.length);
                }
                if (arenaIndex >= 0) {
                    ends[arenaIndex] = event; // every event in the chunk before came before this one
                }
                arenaIndex++;
                ar[arenaIndex] = made;
                arenaEnds = ends;
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
    private final MemoryBudget memoryBudget;
    /** What is left of the budget for payload copies, and for rows (side columns may take it below zero). */
    private final AtomicLong payloadBudget;
    private final AtomicLong rows;
    /** Rows only lifecycle events and errors may take: a connection's end is recorded after its calls no longer are. */
    private final long rowReserve;
    /** Lifecycle events and errors that found no room even in the reserve. */
    private final AtomicLong lost = new AtomicLong();
    /** Lanes counting instead of recording (open gaps), so that a reader knows to look. */
    private final AtomicInteger pausedLanes = new AtomicInteger();
    private final AtomicInteger nextConn = new AtomicInteger(1);
    private final Lane shared;
    private volatile EndWatcher endWatcher;
    private volatile Lane[] lanes = new Lane[0];

    // the merged global order, owned by readers (guarded by this); order[i - orderBase] is event i
    private volatile long[] order = new long[1024];
    private volatile int size;
    private int orderBase;
    private int[] merged = new int[0];

    private final java.util.Map<Integer, TraceEvent.Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();

    /** A log within the budget the user set ({@link MemoryBudget#configured()}), 512 MiB unless set. */
    public TraceLog() {
        this(MemoryBudget.configured());
    }

    public TraceLog(MemoryBudget budget) {
        this(DEFAULT_CAPTURE_PER_EVENT, budget.payloadBytes(), budget);
    }

    /** A log that keeps {@code capturePerEvent} bytes of each call and {@code captureBudget} in all; rows within the default budget. */
    public TraceLog(int capturePerEvent, long captureBudget) {
        this(capturePerEvent, captureBudget, MemoryBudget.DEFAULT);
    }

    private TraceLog(int capturePerEvent, long captureBudget, MemoryBudget budget) {
        this.origin = System.nanoTime();
        this.capturePerEvent = capturePerEvent;
        this.memoryBudget = budget;
        this.payloadBudget = new AtomicLong(captureBudget);
        long rowBytes = budget.rowBytes();
        this.rows = new AtomicLong(rowBytes);
        this.rowReserve = rowBytes / 16;
        this.shared = newLane();
    }

    /** A new log recording into a budget of its own. */
    public static TraceLog within(MemoryBudget budget) {
        return new TraceLog(budget);
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
    private long reservePayload(long want) {
        while (true) {
            long left = payloadBudget.get();
            if (left < want) {
                return 0;
            }
            if (payloadBudget.compareAndSet(left, left - want)) {
                return want;
            }
        }
    }

    /** Takes {@code want} bytes of rows from the budget, all or none; a call's rows leave the reserve alone. */
    private boolean reserveRows(long want, boolean rare, boolean sharedLane) {
        // a connection's end is not lost to a full budget: the shared lane, where ends go when their own lane
        // has no room, may go one reserve below zero
        long floor = !rare ? rowReserve : sharedLane ? -rowReserve : 0;
        while (true) {
            long left = rows.get();
            if (left - want < floor) {
                return false;
            }
            if (rows.compareAndSet(left, left - want)) {
                return true;
            }
        }
    }

    /** The budget this log keeps its run in. */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** Bytes of the budget in use now: rows, side columns and payload copies. */
    public long memoryInUse() {
        return memoryBudget.rowBytes() - rows.get() + memoryBudget.payloadBytes() - payloadBudget.get();
    }

    /** True once some lane counts calls it cannot record (until it writes them as {@link Op#UNRECORDED}). */
    public boolean paused() {
        return pausedLanes.get() > 0;
    }

    /** What the lanes have counted but not (yet) recorded: their open gaps, as they stand. */
    public List<Unrecorded> unrecorded() {
        List<Unrecorded> all = new java.util.ArrayList<>();
        if (paused()) {
            for (Lane l : lanes) {
                l.openGaps(all);
            }
        }
        return all;
    }

    /** Lifecycle events and errors lost because even the reserve was full (0 unless the budget is far too small). */
    public long lost() {
        return lost.get();
    }

    /**
     * Told of each end of a connection as it is recorded (accept, connect), budget or not: the wire
     * capture names the sender of each segment by these ports. Called on the recording thread.
     */
    public interface EndWatcher {
        /** {@code tNs}: when, on the log's clock. */
        void opened(long tNs, Side side, int conn, int localPort, int remotePort);
    }

    /** Sets the one watcher of ends (null: none). */
    public void watchEnds(EndWatcher watcher) {
        this.endWatcher = watcher;
    }

    private void opened(long tNs, Op op, Side side, int conn, int localPort, int remotePort) {
        EndWatcher w = endWatcher;
        if (w != null && (op == Op.ACCEPT || op == Op.CONNECT) && localPort != 0) {
            w.opened(tNs, side, conn, localPort, remotePort);
        }
    }

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
        // each lane's fresh events are in its own order already: a k-way merge by time keeps that order exactly
        // and sorts nothing (a sort of boxed indices was most of a flooded pulse); ties go to the lower lane
        int k = 0;
        int[] lane = new int[ls.length];
        int[] next = new int[ls.length];
        long[] time = new long[ls.length];
        for (int l = 0; l < ls.length; l++) {
            if (upto[l] > merged[l]) {
                lane[k] = l;
                next[k] = merged[l];
                time[k] = timeOf(ls[l], merged[l]);
                k++;
            }
        }
        int[] heap = new int[k];
        for (int h = 0; h < k; h++) {
            heap[h] = h;
        }
        for (int h = k / 2 - 1; h >= 0; h--) {
            siftDown(heap, k, h, time, lane);
        }
        int s = size;
        long[] o = order;
        int at = s - orderBase;
        if (at + fresh > o.length) {
            o = Arrays.copyOf(o, Math.max(o.length * 2, at + fresh));
        }
        int live = k;
        for (int i = 0; i < fresh; i++) {
            int top = heap[0];
            int l = lane[top];
            o[at + i] = ((long) l << 32) | next[top];
            if (++next[top] < upto[l]) {
                time[top] = timeOf(ls[l], next[top]);
            } else {
                heap[0] = heap[--live];
            }
            siftDown(heap, live, 0, time, lane);
        }
        for (int l = 0; l < ls.length; l++) {
            merged[l] = upto[l];
        }
        order = o;
        size = s + fresh;
        return size;
    }

    /** The time of a lane's event {@code i}, from its row. */
    private static long timeOf(Lane lane, int i) {
        int c = chunkIndex(i);
        return lane.chunks[c].word(i - chunkStart(c), 0);
    }

    /** Restores the min-heap of {@code heap[0..n)} below {@code h}, by time, then by lane. */
    private static void siftDown(int[] heap, int n, int h, long[] time, int[] lane) {
        int x = heap[h];
        while (true) {
            int c = 2 * h + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && before(heap[c + 1], heap[c], time, lane)) {
                c++;
            }
            if (!before(heap[c], x, time, lane)) {
                break;
            }
            heap[h] = heap[c];
            h = c;
        }
        heap[h] = x;
    }

    private static boolean before(int a, int b, long[] time, int[] lane) {
        return time[a] < time[b] || time[a] == time[b] && lane[a] < lane[b];
    }

    /**
     * Called by a reader that has read every event below {@link #size()} and will not read them
     * again (the command line's JSON writer): their rows and payload copies go back to the budget, so
     * a stream of events runs in flat memory for as long as the reader keeps up. Events below the
     * size at this call can no longer be read.
     */
    public synchronized void release() {
        Lane[] ls = lanes;
        for (int l = 0; l < ls.length && l < merged.length; l++) {
            ls[l].release(merged[l]);
        }
        orderBase = size;
    }

    /** The first event that can still be read (0 unless a streaming reader {@linkplain #release() released} some). */
    public synchronized int firstReadable() {
        return orderBase;
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
        long p = order[i - orderBase];
        Lane lane = lanes[(int) (p >>> 32)];
        int k = (int) p;
        return lane.chunks[chunkIndex(k)];
    }

    private int slot(int i) {
        int k = (int) order[i - orderBase];
        return k - chunkStart(chunkIndex(k));
    }

    /** Word {@code column} of event {@code i}'s row, found with one read of the order (the drawing loops' reads). */
    private long word(int i, int column) {
        long p = order[i - orderBase];
        int k = (int) p;
        int ci = chunkIndex(k);
        return lanes[(int) (p >>> 32)].chunks[ci].word(k - chunkStart(ci), column);
    }

    /** Reads event {@code i} (below {@link #size()}). */
    public TraceEvent get(int i) {
        if (i >= size) {
            size(); // what the lanes published since the last look: get() right after a write finds it
        }
        if (i < orderBase || i >= size) {
            throw new IndexOutOfBoundsException(i < orderBase && i >= 0 ? "event " + i + " was released" : i + " of " + size);
        }
        long p = order[i - orderBase];
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
        int requested = c.requested(k);
        int a = c.a(k);
        if (op == Op.UNRECORDED.ordinal()) {
            int[] counted = c.counts == null ? null : c.counts.get(k);
            if (counted != null) {
                a = counted[0];
                requested = counted[1];
            }
        }
        return new TraceEvent(i, c.word(k, 0), Op.of(op), Side.values()[c.side(k)], conn, c.word(k, 1), c.bytes(k),
                requested, c.available(k), a, c.b(k), c.wire(k), Verdict.ofCode(c.verified(k)), c.digest(k), c.dur(k),
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
        long p = order[i - orderBase];
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

    /** The Python method a traced program's event was ("sendall", "recv_into"), or null for the lab's own. */
    public String call(int i) {
        String[] calls = chunkOf(i).calls;
        return calls == null ? null : calls[slot(i)];
    }

    public int available(int i) {
        return chunkOf(i).available(slot(i));
    }

    /** The kernel's TCP state just after a send or receive, where it was read; null elsewhere. */
    public Tcp tcp(int i) {
        Tcp[] t = chunkOf(i).tcp;
        return t == null ? null : t[slot(i)];
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
