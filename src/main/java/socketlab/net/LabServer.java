package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
 * served on its own thread by a receive loop that waits {@code recvDelayMs}, measures the bytes
 * waiting, calls {@code recv(size)}, and decodes. Every call lands in the {@link TraceLog}.
 * A bad frame or a reset on one connection is recorded and the others go on being served.
 */
public final class LabServer implements AutoCloseable {
    private final TraceLog log;
    private final ServerSettings settings;
    private final TaskRunner runner;
    private final Set<Endpoint> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger closedConns = new AtomicInteger();
    private final Object closedSignal = new Object();
    private ServerSocket listener;
    private int listenConn;
    private volatile boolean running;

    public LabServer(TraceLog log, ServerSettings settings, TaskRunner runner) {
        this.log = log;
        this.settings = settings;
        this.runner = runner;
    }

    /** Binds and starts accepting; returns the port (the OS's choice when the setting was 0). */
    public int start() throws LabException {
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.bindAddress());
        } catch (IOException e) {
            throw new LabException("Unknown address to listen on: " + settings.bindAddress(), e);
        }
        try {
            ServerSocket s = new ServerSocket();
            // Java turns SO_REUSEADDR on for listeners by default on Linux; say so explicitly.
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(address, settings.port()), 5);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            listener = s;
        } catch (BindException e) {
            throw new LabException(Explain.bind(e, settings.bindAddress(), settings.port()), e);
        } catch (IOException e) {
            throw new LabException("Could not listen on port " + settings.port() + ": " + e.getMessage(), e);
        }
        running = true;
        listenConn = log.newConnId();
        log.life(Op.LISTEN, Side.SERVER, listenConn, listener.getLocalPort(), 0, 0);
        runner.execute("accept-" + listener.getLocalPort(), this::acceptLoop);
        return listener.getLocalPort();
    }

    public int port() {
        return listener == null ? -1 : listener.getLocalPort();
    }

    public boolean isRunning() {
        return running;
    }

    public ServerSettings settings() {
        return settings;
    }

    private void acceptLoop() {
        try {
            while (running) {
                Socket s = listener.accept();
                Endpoint e;
                try {
                    e = new Endpoint(log, Side.SERVER, s, settings.framing(), settings.maxFrameLength());
                } catch (IOException ex) {
                    s.close();
                    continue;
                }
                open.add(e);
                e.opened(Op.ACCEPT);
                runner.execute("server-conn-" + e.conn, () -> serve(e));
            }
        } catch (IOException e) {
            if (running) {
                log.error(Side.SERVER, listenConn, 0, Explain.io(e, "accepting"));
            }
        }
    }

    private void serve(Endpoint e) {
        List<Integer> sizes = settings.recvSizes();
        byte[] buf = new byte[settings.largestRecv()];
        int call = 0;
        try {
            while (running) {
                if (settings.recvDelayMs() > 0 && stopping.await(settings.recvDelayMs(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                int size = call < sizes.size() ? sizes.get(call) : settings.recvBuffer();
                call++;
                List<Frame> frames = e.recvOnce(buf, size);
                if (frames == null) {
                    break;
                }
                if (settings.echo()) {
                    for (Frame f : frames) {
                        e.sendMessage(Endpoint.upperAscii(f.body()), "reply.txt");
                    }
                }
            }
        } catch (SocketException ex) {
            if (running && !e.closing) {
                log.error(Side.SERVER, e.conn, 0, Explain.io(ex, "receiving"));
            }
        } catch (IOException ex) {
            log.error(Side.SERVER, e.conn, 0, Explain.io(ex, "receiving"));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ex) {
            log.error(Side.SERVER, e.conn, 0, "Unexpected error on this connection: " + ex);
        } finally {
            e.close();
            open.remove(e);
            int n = closedConns.incrementAndGet();
            synchronized (closedSignal) {
                closedSignal.notifyAll();
            }
            if (settings.maxConns() > 0 && n >= settings.maxConns()) {
                close();
            }
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
    public boolean awaitStopped(long timeoutMs) throws InterruptedException {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public int closedConnections() {
        return closedConns.get();
    }

    /** Stops listening and closes every connection; the port is free when this returns. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
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
        log.life(Op.CLOSE, Side.SERVER, listenConn, port(), 0, 0);
        stopped.countDown();
    }
}
