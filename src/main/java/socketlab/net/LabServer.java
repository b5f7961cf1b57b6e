package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import socketlab.codec.Frame;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The lab's TCP server: {@code bind}, {@code listen}, then the loop of its {@link ServingModel}
 * (a thread per connection, one at a time, or one selector), on threads of its own
 * {@link ExecutorService}; each connection is served by a receive loop (see
 * {@link Endpoint#recvOnce}). Every call lands in the {@link TraceLog}. A bad frame or a reset on
 * one connection is recorded and the others go on being served.
 *
 * <p>The receive size and delay are live knobs: {@link #update} changes them from the next
 * {@code recv()} on. Framing and echo are fixed per connection when it is accepted.
 */
public final class LabServer implements Server {
    private final TraceLog log;
    private final Set<Endpoint> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Selector selector;
    private final AtomicInteger closedConns = new AtomicInteger();
    private final Object closedSignal = new Object();
    private volatile ServerSettings settings;
    private ServerSocketChannel listener;
    /** One descriptor held back to refuse a connection in words at the descriptor limit (see {@link #acceptOrRefuse}). */
    private volatile java.nio.channels.DatagramChannel reserve;
    private int listenConn;
    private int port = -1;
    private volatile boolean running;
    /** The loop's thread and, in the threaded model, one per connection; shut down (and awaited) by {@link #close()}. */
    private ExecutorService threads;
    private static final ThreadLocal<Boolean> OWN_THREAD = ThreadLocal.withInitial(() -> false);

    private final CallGate gate;
    private int backlog = DEFAULT_BACKLOG;

    public LabServer(TraceLog log, ServerSettings settings) {
        this(log, settings, CallGate.OPEN);
    }

    /** A server whose every socket call first asks {@code gate} (step mode). */
    public LabServer(TraceLog log, ServerSettings settings, CallGate gate) {
        this.log = log;
        this.settings = settings;
        this.gate = gate;
    }

    private boolean reuseAddress = true;
    private volatile boolean commands;

    /**
     * Answers each message as a command of the built-in, harmless set ({@link Commands}) instead of
     * (or besides) echoing it: the tutorial's remote-command server, which never runs what it receives.
     */
    public LabServer answerCommands(boolean on) {
        this.commands = on;
        return this;
    }

    /** The reply to one decoded message, if this server replies at all. */
    void reply(Endpoint e, ServerSettings s, List<Frame> frames) throws IOException, InterruptedException {
        reply(e, s, frames, false);
    }

    /**
     * Sends the answer to each frame (echo or command), if the server answers. {@code queued}: a
     * selector server's, written as far as the socket takes it now and the rest queued (see
     * {@link Endpoint#queueMessage}); returns the bytes left queued.
     */
    long reply(Endpoint e, ServerSettings s, List<Frame> frames, boolean queued) throws IOException, InterruptedException {
        long left = 0;
        if (frames == null) {
            return left;
        }
        for (Frame f : frames) {
            byte[] answer = commands ? Commands.answer(f.body()) : s.echo() ? Endpoint.upperAscii(f.body()) : null;
            String name = commands ? "answer.txt" : "reply.txt";
            if (answer == null) {
                continue;
            }
            if (queued) {
                left = e.queueMessage(answer, name);
            } else {
                e.sendMessage(answer, name);
            }
        }
        return left;
    }

    /**
     * SO_REUSEADDR for the listening socket. Java turns it on for listeners (Python does not), so
     * the lab sets it explicitly either way; off, a restart on a port whose old connections are in
     * TIME_WAIT fails with "Address already in use" (the tutorial's chapter 7).
     */
    public LabServer reuseAddress(boolean on) {
        this.reuseAddress = on;
        return this;
    }

    /**
     * The listen() backlog: how many connections the kernel completes and holds for accept(). The
     * tutorial's listen(5) is a teaching number; with it, of 500 clients connecting at once most waited
     * out their SYN retries. The default is Python's own since 3.5 (listen() with no argument: 128).
     */
    public LabServer backlog(int n) {
        if (n < 1 || n > 65535) {
            throw new socketlab.text.WordedArgumentException(Phrase.of("server.backlog", n));
        }
        this.backlog = n;
        return this;
    }

    public static final int DEFAULT_BACKLOG = 128;

    @Override
    public int start() throws LabException {
        ServerSettings s = settings;
        InetAddress address;
        try {
            address = InetAddress.getByName(s.bindAddress());
        } catch (IOException e) {
            throw new LabException(Phrase.of("server.unknownAddress", s.bindAddress()), e);
        }
        try {
            ServerSocketChannel ch = ServerSocketChannel.open();
            try {
                ch.socket().setReuseAddress(reuseAddress);
                ch.bind(new InetSocketAddress(address, s.port()), backlog);
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            listener = ch;
            port = ch.socket().getLocalPort();
        } catch (BindException e) {
            int free = Explain.freePort(s.bindAddress());
            throw new LabException(Explain.bind(e, s.bindAddress(), s.port(), free), e, free);
        } catch (IOException e) {
            throw new LabException(Phrase.of("server.cannotListen", String.valueOf(s.port()), e.getMessage()), e);
        }
        running = true;
        reserve = openReserve();
        listenConn = log.newConnId();
        Note listening = Note.of(Note.Word.ADDRESS, s.bindAddress());
        log.life(Op.LISTEN, Side.SERVER, listenConn, port(), 0, 0, reuseAddress ? listening : listening.and(Note.Word.REUSE_OFF));
        AtomicInteger made = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(() -> {
                OWN_THREAD.set(true);
                r.run();
            }, "socketlab-server-" + port + "-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ServingModel model = ServingModel.of(s.model());
        threads.execute(() -> loop(model));
        return port();
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return running;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** New knobs: receive size and delay from the next recv(), framing and echo for new connections. */
    public void update(ServerSettings s) {
        settings = s;
    }

    /** The model's loop, until the server stops; a failure of the loop itself is recorded once. */
    private void loop(ServingModel model) {
        try {
            model.serve(this);
        } catch (ClosedChannelException e) {
            // stopped
        } catch (IOException e) {
            if (running) {
                log.error(Side.SERVER, listenConn, 0, Explain.io(e, model.doing()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A client accepted, with the settings in force when it was (its framing and echo stay those). */
    record Accepted(Endpoint endpoint, ServerSettings settings) {}

    /** The next client accept() returns, or null once the server stops. In step mode accept() is a step while nobody is connected. */
    Accepted acceptNext() throws IOException, InterruptedException {
        while (running) {
            if (open.isEmpty()) {
                gate.before(Side.SERVER, listenConn, "accept()", CallGate.NOTHING_WAITING, () -> !running);
            }
            if (!running) {
                return null;
            }
            SocketChannel ch = acceptOrRefuse();
            if (ch == null) {
                continue; // one was refused (no descriptor left for it): the next
            }
            ServerSettings s = settings;
            try {
                return new Accepted(opened(ch, s), s);
            } catch (IOException ex) {
                ch.close(); // the client left before it could be set up: the next one
            }
        }
        return null;
    }

    /**
     * {@code accept()}, which at the process's descriptor limit fails while the connection waits on in
     * the backlog — before, the loop ended there and the server listened on, serving no one, or the
     * clients waited out their timeouts. Here the server keeps one descriptor in reserve: at the limit it
     * gives that one back, accepts the waiting connection, says why it cannot serve it (an error line with
     * its port) and closes it, so the client hears at once; then it takes its reserve again. Without a
     * reserve (the limit is still reached) it waits 100 ms and tries again. It serves the next connection
     * as soon as descriptors are free. Returns null when none was waiting (non-blocking) or one was refused.
     */
    SocketChannel acceptOrRefuse() throws IOException, InterruptedException {
        while (running) {
            try {
                return listener.accept(); // null: none waiting (a selector server's non-blocking listener)
            } catch (IOException e) {
                if (!Explain.outOfDescriptors(e)) {
                    throw e;
                }
            }
            // Linux fails accept() at the limit before it looks for a connection: there may be none waiting yet
            java.nio.channels.DatagramChannel spare = reserve;
            if (spare == null) { // still at the limit since the last refusal: wait a little for descriptors to free
                stopping().await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                reserve = openReserve();
                if (!listener.isBlocking()) {
                    return null; // a selector server goes back to serving the connections it has
                }
                continue;
            }
            reserve = null;
            spare.close();
            SocketChannel ch;
            try {
                ch = listener.accept(); // blocking: until the next client comes, however long
            } catch (IOException e) {
                reserve = openReserve();
                if (!Explain.outOfDescriptors(e)) {
                    throw e;
                }
                continue;
            }
            reserve = openReserve();
            if (ch == null || reserve != null) {
                return ch; // none waiting; or descriptors came free meanwhile, and this one is served
            }
            log.error(Side.SERVER, listenConn, 0,
                    Phrase.of("server.noDescriptors", String.valueOf(ch.socket().getPort()), open.size()));
            ch.close(); // the client hears at once, instead of waiting out its timeout in the backlog
            reserve = openReserve();
        }
        return null;
    }

    /** The descriptor kept for refusing a connection at the limit; null when none can be had now. */
    private static java.nio.channels.DatagramChannel openReserve() {
        try {
            return java.nio.channels.DatagramChannel.open();
        } catch (IOException e) {
            return null;
        }
    }

    /** A connection just accepted, recorded and counted as open. */
    Endpoint opened(SocketChannel ch, ServerSettings s) throws IOException {
        Endpoint e = new Endpoint(log, Side.SERVER, ch, s.framing(), s.maxFrameLength(), gate);
        open.add(e);
        e.opened(Op.ACCEPT, note(s));
        return e;
    }

    /** A connection that ended: closed, released, counted (and the server stops after {@code maxConns}). */
    void closed(Endpoint e) {
        e.close();
        e.release();
        open.remove(e);
        connectionClosed();
    }

    ServerSocketChannel listener() {
        return listener;
    }

    TraceLog log() {
        return log;
    }

    int listenConn() {
        return listenConn;
    }

    /** Counted down when the server stops: a model that waits on purpose waits on this. */
    CountDownLatch stopping() {
        return stopping;
    }

    /** {@code sel} is woken when the server stops. */
    void wakeOnStop(Selector sel) {
        selector = sel;
    }

    /** Where the threaded model serves each connection. */
    ExecutorService threads() {
        return threads;
    }

    private Note note(ServerSettings s) {
        Note n = Note.of(Note.Word.FRAMING, s.framing().spec());
        n = s.echo() ? n.and(Note.Word.ECHO) : n;
        n = commands ? n.and(Note.Word.COMMANDS) : n;
        return switch (s.model()) {
            case THREADED -> n;
            case ITERATIVE -> n.and(Note.Word.ITERATIVE);
            case SELECTOR -> n.and(Note.Word.SELECTOR);
        };
    }

    private void connectionClosed() {
        int n = closedConns.incrementAndGet();
        synchronized (closedSignal) {
            closedSignal.notifyAll();
        }
        if (settings.maxConns() > 0 && n >= settings.maxConns()) {
            close();
        }
    }

    /** Serves one connection until its peer closes it or the server stops. */
    void serve(Endpoint e, ServerSettings atAccept) {
        byte[] buf = new byte[0];
        try {
            while (running) {
                ServerSettings s = settings;
                List<Integer> sizes = s.recvSizes();
                int call = e.recvCalls();
                int size = call < sizes.size() ? sizes.get(call) : s.recvBuffer();
                if (buf.length < size) {
                    buf = new byte[Math.max(size, s.largestRecv())];
                }
                List<Frame> frames = e.recvOnce(buf, size, s.recvDelayMs());
                if (frames == null) {
                    break;
                }
                reply(e, atAccept, frames);
            }
        } catch (ClosedChannelException ex) {
            // closed while waiting: not an error
        } catch (IOException ex) {
            if (!e.closing) {
                log.error(Side.SERVER, e.conn, 0, Explain.io(ex, "doing.receiving"));
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ex) {
            log.error(Side.SERVER, e.conn, 0, Phrase.of("server.unexpected", ex));
        } finally {
            closed(e);
        }
    }

    /** Waits until {@code n} connections have closed; false on timeout. */
    public boolean awaitClosedConnections(int n, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        synchronized (closedSignal) {
            while (closedConns.get() < n) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                closedSignal.wait(left);
            }
        }
        return true;
    }

    /** Waits until the server has stopped (by {@link #close()} or {@code maxConns}). */
    @Override
    public boolean awaitStopped(long timeoutMs) throws InterruptedException {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public int closedConnections() {
        return closedConns.get();
    }

    public int openConnections() {
        return open.size();
    }

    /**
     * Stops listening and closes every connection. Called from outside, it waits (at most a
     * second) until every thread of this server has ended, so the port is free when it returns.
     */
    @Override
    public void close() {
        stop();
        if (OWN_THREAD.get()) {
            return;
        }
        ExecutorService t = threads;
        if (t == null) {
            return;
        }
        t.shutdown();
        try {
            t.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        if (selector != null) {
            selector.wakeup();
        }
        try {
            java.nio.channels.DatagramChannel spare = reserve;
            if (spare != null) {
                spare.close();
            }
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Endpoint e : open) {
            e.close();
        }
        log.life(Op.CLOSE, Side.SERVER, listenConn, port(), 0, 0, null);
        stopped.countDown();
    }
}
