package socketlab.net;

import socketlab.text.Words;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import socketlab.codec.Frame;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The lab's TCP server: {@code bind}, {@code listen}, then an accept loop; each connection is
 * served on its own thread by a receive loop (see {@link Endpoint#recvOnce}). Every call lands in
 * the {@link TraceLog}. A bad frame or a reset on one connection is recorded and the others go
 * on being served.
 *
 * <p>The receive size and delay are live knobs: {@link #update} changes them from the next
 * {@code recv()} on. Framing and echo are fixed per connection when it is accepted.
 */
public final class LabServer implements Server {
    private final TraceLog log;
    private final TaskRunner runner;
    private final Set<Endpoint> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile java.nio.channels.Selector selector;
    private final AtomicInteger closedConns = new AtomicInteger();
    private final Object closedSignal = new Object();
    private volatile ServerSettings settings;
    private ServerSocketChannel listener;
    private int listenConn;
    private int port = -1;
    private volatile boolean running;
    /** Threads of this server still running (accept loop and one per connection). */
    private final AtomicInteger threads = new AtomicInteger();
    private final Object threadsDone = new Object();
    private static final ThreadLocal<Boolean> OWN_THREAD = ThreadLocal.withInitial(() -> false);

    private final CallGate gate;

    public LabServer(TraceLog log, ServerSettings settings, TaskRunner runner) {
        this(log, settings, runner, CallGate.OPEN);
    }

    /** A server whose every socket call first asks {@code gate} (step mode). */
    public LabServer(TraceLog log, ServerSettings settings, TaskRunner runner, CallGate gate) {
        this.log = log;
        this.settings = settings;
        this.runner = runner;
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
    private void reply(Endpoint e, ServerSettings s, List<Frame> frames) throws IOException, InterruptedException {
        if (frames == null) {
            return;
        }
        for (Frame f : frames) {
            if (commands) {
                e.sendMessage(Commands.answer(f.body()), "answer.txt");
            } else if (s.echo()) {
                e.sendMessage(Endpoint.upperAscii(f.body()), "reply.txt");
            }
        }
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

    @Override
    public int start() throws LabException {
        ServerSettings s = settings;
        InetAddress address;
        try {
            address = InetAddress.getByName(s.bindAddress());
        } catch (IOException e) {
            throw new LabException(Words.tr("server.unknownAddress", s.bindAddress()), e);
        }
        try {
            ServerSocketChannel ch = ServerSocketChannel.open();
            try {
                ch.socket().setReuseAddress(reuseAddress);
                ch.bind(new InetSocketAddress(address, s.port()), 5);
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
            throw new LabException(Words.tr("server.cannotListen", s.port(), e.getMessage()), e);
        }
        running = true;
        listenConn = log.newConnId();
        log.life(Op.LISTEN, Side.SERVER, listenConn, port(), 0, 0, s.bindAddress() + (reuseAddress ? "" : " · SO_REUSEADDR off"));
        threads.incrementAndGet();
        if (s.model() == ServerSettings.Model.SELECTOR) {
            runner.execute("selector-" + port(), () -> owned(this::selectorLoop));
        } else {
            runner.execute("accept-" + port(), () -> owned(this::acceptLoop));
        }
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

    private void owned(Runnable r) {
        OWN_THREAD.set(true);
        try {
            r.run();
        } finally {
            OWN_THREAD.set(false);
            threads.decrementAndGet();
            synchronized (threadsDone) {
                threadsDone.notifyAll();
            }
        }
    }

    private void acceptLoop() {
        try {
            while (running) {
                if (open.isEmpty()) { // in step mode, accept() is a step while nobody is connected
                    gate.before(Side.SERVER, listenConn, "accept()", CallGate.NOTHING_WAITING, () -> !running);
                }
                if (!running) {
                    break;
                }
                SocketChannel ch = listener.accept();
                ServerSettings s = settings;
                Endpoint e;
                try {
                    e = new Endpoint(log, Side.SERVER, ch, s.framing(), s.maxFrameLength(), gate);
                } catch (IOException ex) {
                    ch.close();
                    continue;
                }
                open.add(e);
                e.opened(Op.ACCEPT, note(s));
                if (s.model() == ServerSettings.Model.ITERATIVE) {
                    serve(e, s); // the next accept() waits until this client has gone
                } else {
                    threads.incrementAndGet();
                    runner.execute("server-conn-" + e.conn, () -> owned(() -> serve(e, s)));
                }
            }
        } catch (ClosedChannelException e) {
            // stopped
        } catch (IOException e) {
            if (running) {
                log.error(Side.SERVER, listenConn, 0, Explain.io(e, "doing.accepting"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String note(ServerSettings s) {
        return "framing " + s.framing().spec() + (s.echo() ? " · echo" : "") + (commands ? " · commands" : "")
                + (s.model() == ServerSettings.Model.THREADED ? "" : " · " + s.model().name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The select/poll/epoll server: one thread, one Selector for the listener and every
     * connection; each select() is recorded with the connections it returned ready.
     */
    private void selectorLoop() {
        java.util.Map<Integer, Endpoint> byConn = new java.util.HashMap<>();
        byte[] buf = new byte[0];
        try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
            selector = sel;
            listener.configureBlocking(false);
            listener.register(sel, java.nio.channels.SelectionKey.OP_ACCEPT);
            while (running) {
                sel.select();
                if (!running) {
                    break;
                }
                java.util.List<String> ready = new java.util.ArrayList<>();
                for (java.nio.channels.SelectionKey k : sel.selectedKeys()) {
                    ready.add(k.attachment() == null ? "accept" : "#" + ((Endpoint) k.attachment()).conn);
                }
                if (ready.isEmpty()) {
                    continue;
                }
                log.select(Side.SERVER, listenConn, ready.size(), String.join(" ", ready));
                ServerSettings s = settings;
                if (s.recvDelayMs() > 0 && stopping.await(s.recvDelayMs(), TimeUnit.MILLISECONDS)) {
                    break; // a slow single-threaded server: everyone waits
                }
                for (java.nio.channels.SelectionKey k : new java.util.ArrayList<>(sel.selectedKeys())) {
                    if (k.attachment() == null && k.isValid() && k.isAcceptable()) {
                        for (SocketChannel ch; (ch = listener.accept()) != null; ) { // every connection waiting
                            Endpoint e = new Endpoint(log, Side.SERVER, ch, s.framing(), s.maxFrameLength(), gate);
                            open.add(e);
                            byConn.put(e.conn, e);
                            e.opened(Op.ACCEPT, note(s));
                            ch.register(sel, java.nio.channels.SelectionKey.OP_READ, e);
                        }
                    } else if (k.attachment() instanceof Endpoint e && k.isValid() && k.isReadable()) {
                        int size = e.recvCalls() < s.recvSizes().size() ? s.recvSizes().get(e.recvCalls()) : s.recvBuffer();
                        if (buf.length < size) {
                            buf = new byte[Math.max(size, s.largestRecv())];
                        }
                        List<Frame> frames;
                        try {
                            frames = e.recvReady(buf, size);
                            reply(e, s, frames);
                        } catch (IOException ex) {
                            log.error(Side.SERVER, e.conn, 0, Explain.io(ex, "doing.receiving"));
                            frames = null;
                        }
                        if (frames == null) {
                            k.cancel();
                            e.close();
                            e.release();
                            open.remove(e);
                            byConn.remove(e.conn);
                            connectionClosed();
                        }
                    }
                }
                sel.selectedKeys().clear();
            }
        } catch (ClosedChannelException e) {
            // stopped
        } catch (IOException e) {
            if (running) {
                log.error(Side.SERVER, listenConn, 0, Explain.io(e, "doing.selecting"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Endpoint e : byConn.values()) {
                e.close();
                e.release();
            }
        }
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

    private void serve(Endpoint e, ServerSettings atAccept) {
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
            log.error(Side.SERVER, e.conn, 0, Words.tr("server.unexpected", ex));
        } finally {
            e.close();
            e.release();
            open.remove(e);
            connectionClosed();
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
        long end = System.nanoTime() + 1_000_000_000L;
        synchronized (threadsDone) {
            while (threads.get() > 0) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    threadsDone.wait(left);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
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
