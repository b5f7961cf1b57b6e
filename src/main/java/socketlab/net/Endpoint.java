package socketlab.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import socketlab.codec.Encoded;
import socketlab.codec.Frame;
import socketlab.codec.FrameEncoder;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.trace.Digests;
import socketlab.trace.FrameRecorder;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.Tcp;
import socketlab.trace.TraceLog;

/**
 * One end of a connected TCP socket, with every call recorded: what both the lab's client and
 * each of its server's connections are made of.
 *
 * <p>A receive is: wait until the socket is readable ({@code select}), then wait the receiver's
 * delay (a "slow" program that gets round to reading late, while the kernel keeps buffering),
 * then measure the bytes waiting ({@code FIONREAD}, via {@link InputStream#available()}), then
 * one {@code read} system call of at most {@code size} bytes: Python's {@code recv(size)}.
 * Counting the delay from readability makes gluing certain, not a race against the sender.
 *
 * <p>A send writes the whole framed message before it returns, like Python's {@code sendall}; it
 * is recorded as one {@code send} with the time it took.
 */
final class Endpoint {
    final TraceLog log;
    /** Where this end's receive loop records (one writer: the loop). */
    private final TraceLog.Lane recvLane;
    /** Where this end's sends record (one writer at a time: under {@link #sendLock}). */
    private final TraceLog.Lane sendLane;
    final Side side;
    final int conn;
    final SocketChannel channel;
    private final InputStream fionread;
    /** Reads the kernel's TCP state after each call; null when that is off (see {@link KernelReader}). */
    private final KernelReader kernel;
    private final int fd;
    /*
     * Made when first waited on: a selector is an epoll descriptor and an eventfd, and a connection of a
     * selector server never waits on its own (the server's one selector does) — with both made up front,
     * every connection took five descriptors instead of one.
     */
    private volatile Selector readSelector;
    private volatile Selector writeSelector;
    /** A selector server's sends not yet written (the peer does not read fast enough), oldest first. */
    private final java.util.ArrayDeque<ByteBuffer> unsent = new java.util.ArrayDeque<>();
    private long unsentBytes;
    private final FrameEncoder encoder;
    private final FrameRecorder frames;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closingLatch = new CountDownLatch(1);
    private final Object sendLock = new Object();
    private long sendOffset;
    private long recvOffset;
    private int messagesSent;
    private int recvCalls;
    volatile boolean closing;

    private final CallGate gate;

    Endpoint(TraceLog log, Side side, SocketChannel channel, Framing framing, int maxFrameLength, CallGate gate)
            throws IOException {
        this.log = log;
        this.gate = gate;
        this.side = side;
        this.channel = channel;
        this.conn = log.newConnId();
        this.recvLane = log.newLane();
        this.sendLane = log.newLane();
        this.encoder = framing.encoder();
        this.frames = new FrameRecorder(framing.newDecoder(maxFrameLength), recvLane, Op.FRAME, side, conn);
        channel.configureBlocking(false);
        this.fionread = channel.socket().getInputStream();
        this.kernel = KernelReader.enabled();
        this.fd = kernel != null ? kernel.fd(channel) : -1;
    }

    /** The kernel's state of this socket just after a call, when reading is on (else null: nothing is read). */
    private Tcp kernelState() {
        if (kernel == null) {
            return null;
        }
        int waiting;
        try {
            waiting = fionread.available();
        } catch (IOException e) {
            waiting = -1;
        }
        return kernel.read(fd, waiting);
    }

    /** This end's own selector for {@code op}, made and registered on first use (by the one thread that waits on it). */
    private Selector selector(int op) throws IOException {
        Selector sel = op == SelectionKey.OP_READ ? readSelector : writeSelector;
        if (sel == null) {
            sel = Selector.open();
            if (op == SelectionKey.OP_READ) {
                readSelector = sel;
            } else {
                writeSelector = sel;
            }
            channel.register(sel, op); // a closed channel throws here: the caller's "closed"
        }
        return sel;
    }

    /** recv() calls that returned data or EOF so far. */
    int recvCalls() {
        return recvCalls;
    }

    int localPort() {
        return channel.socket().getLocalPort();
    }

    int remotePort() {
        return channel.socket().getPort();
    }

    void opened(Op op, Note settings) {
        log.life(op, side, conn, localPort(), remotePort(), 0, settings);
    }

    /** Frames {@code body}, records the message, sends all of it. */
    void sendMessage(byte[] body, String name) throws IOException, InterruptedException {
        sendMessage(body, name, false);
    }

    /**
     * Sends one message. {@code alterAfterHashing}: after the frame is encoded (its header's sha256
     * computed from {@code body}), the last byte on the wire is changed — what a faulty disk or a
     * tampering middlebox would do — so the receiver's hash check has something to catch. The trace
     * records the message as meant and the bytes as sent.
     */
    void sendMessage(byte[] body, String name, boolean alterAfterHashing) throws IOException, InterruptedException {
        synchronized (sendLock) {
            Encoded e = encoder.encode(body, name);
            if (alterAfterHashing && e.bodyLength() > 0) {
                e.wire()[e.wire().length - 1 - e.trailerLength()] ^= 0x20;
            }
            gate.before(side, conn, "send(" + e.wire().length + " bytes)", CallGate.NOTHING_WAITING, () -> closing);
            if (closing) {
                throw new ClosedChannelException();
            }
            sendLane.message(Op.MESSAGE, side, conn, sendOffset, messagesSent++, e.headerLength(), e.wire().length,
                    body, Digests.crc(body), Verdict.UNKNOWN, null);
            long t0 = System.nanoTime();
            ByteBuffer b = ByteBuffer.wrap(e.wire());
            do { // at least one write: send(b'') is a real call that sends nothing (the tutorial's empty input)
                if (channel.write(b) == 0 && b.hasRemaining()) {
                    selector(SelectionKey.OP_WRITE).select(200); // the peer's receive buffer is full: wait until it reads
                    if (closing) {
                        throw new ClosedChannelException();
                    }
                }
            } while (b.hasRemaining());
            long t1 = System.nanoTime();
            sendLane.ioAt(t1, Op.SEND, side, conn, sendOffset, e.wire().length, 0, TraceLog.NOT_MEASURED, t1 - t0, e.wire(), 0,
                    kernelState());
            sendOffset += e.wire().length;
        }
    }

    /**
     * One {@code recv(size)} after {@code delayMs}: records it with the bytes that were waiting and
     * feeds the decoder. Returns the decoded frames, or null at EOF or when closing.
     */
    List<Frame> recvOnce(byte[] buf, int size, int delayMs) throws IOException, InterruptedException {
        Selector readable = selector(SelectionKey.OP_READ);
        while (true) { // select(): block until the socket is readable (data or EOF)
            if (closing) { // set before the selector was there to wake
                return null;
            }
            readable.select();
            if (closing || !channel.isOpen()) {
                return null;
            }
            if (!readable.selectedKeys().isEmpty()) {
                readable.selectedKeys().clear();
                break;
            }
        }
        if (delayMs > 0 && closingLatch.await(delayMs, TimeUnit.MILLISECONDS)) {
            return null;
        }
        return recvReady(buf, size);
    }

    /**
     * The receive itself, once the socket is known to be readable (by this endpoint's own select
     * in {@link #recvOnce}, or by a selector server's): gate, FIONREAD, one read, decode.
     */
    List<Frame> recvReady(byte[] buf, int size) throws IOException, InterruptedException {
        gate.before(side, conn, "recv(" + size + ")", () -> {
            try {
                return fionread.available();
            } catch (IOException e) {
                return -1;
            }
        }, () -> closing);
        if (closing) {
            return null;
        }
        int waiting = fionread.available();
        long t0 = System.nanoTime();
        int n = channel.read(ByteBuffer.wrap(buf, 0, size));
        long t1 = System.nanoTime();
        long dur = t1 - t0;
        if (n == 0) {
            return List.of(); // a spurious wake-up: nothing was there after all
        }
        recvCalls++;
        if (n < 0) {
            recvLane.io(Op.EOF, side, conn, recvOffset, 0, size, waiting, dur, null, 0);
            frames.ended(log.now(), recvOffset);
            return null;
        }
        recvLane.ioAt(t1, Op.RECV, side, conn, recvOffset, n, size, waiting, dur, buf, 0, kernelState());
        recvOffset += n;
        List<Frame> got = frames.feed(log.traceTime(t1), buf, 0, n); // the frames complete when the recv() that brought them ended
        if (frames.refused()) { // no room to hold this peer's unfinished frame (said in the trace): it is not served further
            close();
            return null;
        }
        return got;
    }

    /** Waits {@code ms}, or less when the endpoint closes meanwhile; true when it closed. */
    boolean pause(long ms) throws InterruptedException {
        return closingLatch.await(ms, TimeUnit.MILLISECONDS);
    }

    void shutdownOutput() throws IOException {
        if (channel.isOpen()) {
            channel.shutdownOutput();
        }
    }

    /** Closes with SO_LINGER 0: the kernel sends RST instead of FIN, and the peer's next recv() fails. */
    void abort() {
        try {
            channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException ignored) {
            // close as usual, then
        }
        close(Note.of(Note.Word.LINGER_RST));
    }

    /** Closes once, recording it; wakes a thread waiting to receive. */
    void close() {
        close(null);
    }

    private void close(Note note) {
        closing = true;
        closingLatch.countDown();
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            wake(readSelector);
            wake(writeSelector);
            log.life(Op.CLOSE, side, conn, 0, 0, recvOffset, note);
        }
    }

    private static void wake(Selector sel) {
        if (sel != null) {
            sel.wakeup();
        }
    }

    /** Releases the selectors and the room an unfinished frame held; call from the thread that used them, after {@link #close()}. */
    void release() {
        frames.release();
        for (Selector sel : new Selector[] {readSelector, writeSelector}) {
            try {
                if (sel != null) {
                    sel.close();
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * For a selector server, which must never wait on one peer: frames {@code body}, records the message,
     * and writes what the socket takes now; the rest waits in this end's queue for {@link #writeQueued}.
     * Each write that moved bytes is a send() of its own in the trace. Returns the bytes still queued.
     */
    long queueMessage(byte[] body, String name) throws IOException, InterruptedException {
        synchronized (sendLock) {
            Encoded e = encoder.encode(body, name);
            gate.before(side, conn, "send(" + e.wire().length + " bytes)", CallGate.NOTHING_WAITING, () -> closing);
            if (closing) {
                throw new ClosedChannelException();
            }
            sendLane.message(Op.MESSAGE, side, conn, sendOffset + unsentBytes, messagesSent++, e.headerLength(), e.wire().length,
                    body, Digests.crc(body), Verdict.UNKNOWN, null);
            unsent.addLast(ByteBuffer.wrap(e.wire()));
            unsentBytes += e.wire().length;
            return writeQueued();
        }
    }

    /** Writes queued bytes while the socket takes them, without waiting; returns the bytes still queued. */
    long writeQueued() throws IOException {
        synchronized (sendLock) {
            while (!unsent.isEmpty()) {
                ByteBuffer b = unsent.peekFirst();
                int at = b.position();
                long t0 = System.nanoTime();
                int n = channel.write(b);
                long t1 = System.nanoTime();
                if (n > 0 || b.capacity() == 0) {
                    sendLane.ioAt(t1, Op.SEND, side, conn, sendOffset, n, 0, TraceLog.NOT_MEASURED, t1 - t0, b.array(), at,
                            kernelState());
                    sendOffset += n;
                    unsentBytes -= n;
                }
                if (b.hasRemaining()) {
                    return unsentBytes; // the peer's receive buffer is full
                }
                unsent.removeFirst();
            }
            return 0;
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Python's {@code bytes.upper()}: ASCII letters only, every other byte (UTF-8 included) unchanged. */
    static byte[] upperAscii(byte[] b) {
        byte[] u = b.clone();
        for (int i = 0; i < u.length; i++) {
            if (u[i] >= 'a' && u[i] <= 'z') {
                u[i] -= 32;
            }
        }
        return u;
    }
}
