package socketlab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import socketlab.codec.Frame;
import socketlab.codec.MessageTooLongException;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The lab's TCP client: {@code connect}, then {@code send()} each message through the chosen
 * framing with the chosen gap, while a reader thread receives and decodes whatever the server
 * sends back. Every call lands in the {@link TraceLog}.
 */
public final class LabClient implements AutoCloseable {
    private final TraceLog log;
    private final ClientSettings settings;
    private final TaskRunner runner;
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private Endpoint endpoint;

    public LabClient(TraceLog log, ClientSettings settings, TaskRunner runner) {
        this.log = log;
        this.settings = settings;
        this.runner = runner;
    }

    /** Connects (blocking, at most 5 s) and starts reading replies. */
    public void connect() throws LabException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(settings.noDelay());
            s.connect(new InetSocketAddress(settings.host(), settings.port()), 5000);
            endpoint = new Endpoint(log, Side.CLIENT, s, settings.framing(), Integer.MAX_VALUE - 8);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to close
            }
            String msg = Explain.connect(e, settings.host(), settings.port());
            log.error(Side.CLIENT, 0, 0, msg);
            throw new LabException(msg, e);
        }
        endpoint.opened(Op.CONNECT);
        runner.execute("client-reader-" + endpoint.conn, this::readLoop);
    }

    public int conn() {
        return endpoint == null ? 0 : endpoint.conn;
    }

    public int localPort() {
        return endpoint == null ? -1 : endpoint.socket.getLocalPort();
    }

    public boolean isConnected() {
        return endpoint != null && !endpoint.isClosed();
    }

    public ClientSettings settings() {
        return settings;
    }

    private void readLoop() {
        byte[] buf = new byte[settings.recvBuffer()];
        try {
            while (true) {
                List<Frame> frames = endpoint.recvOnce(buf, buf.length);
                if (frames == null) {
                    break;
                }
            }
        } catch (SocketException e) {
            if (!endpoint.closing) {
                log.error(Side.CLIENT, endpoint.conn, 0, Explain.io(e, "receiving"));
            }
        } catch (IOException e) {
            log.error(Side.CLIENT, endpoint.conn, 0, Explain.io(e, "receiving"));
        } finally {
            readerDone.countDown();
        }
    }

    /**
     * Sends each message (blocking: runs on a background thread), pausing {@link ClientSettings#pauseMs()}
     * between two. A message the framing cannot carry is reported and skipped; the rest go.
     */
    public void send(List<byte[]> bodies) throws LabException {
        if (endpoint == null || endpoint.isClosed()) {
            throw new LabException("Not connected: connect to the server first.");
        }
        for (int i = 0; i < bodies.size(); i++) {
            if (i > 0 && settings.pauseMs() > 0) {
                try {
                    Thread.sleep(settings.pauseMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                endpoint.sendMessage(bodies.get(i), "message-" + (i + 1) + ".txt");
            } catch (MessageTooLongException e) {
                log.error(Side.CLIENT, endpoint.conn, 0, "Message " + (i + 1) + " not sent: " + e.getMessage() + ".");
            } catch (IOException e) {
                String msg = Explain.io(e, "sending");
                log.error(Side.CLIENT, endpoint.conn, 0, msg);
                throw new LabException(msg, e);
            }
        }
    }

    /** Half-closes: the server's next {@code recv()} returns 0 bytes (EOF); replies can still arrive. */
    public void finishSending() {
        try {
            if (endpoint != null) {
                endpoint.shutdownOutput();
            }
        } catch (IOException e) {
            log.error(Side.CLIENT, endpoint.conn, 0, Explain.io(e, "closing the sending side"));
        }
    }

    /** Waits until the server has closed its side (the reader saw EOF); false on timeout. */
    public boolean awaitServerClose(long timeoutMs) throws InterruptedException {
        return readerDone.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
