package socketlab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import socketlab.codec.Frame;
import socketlab.codec.MessageTooLongException;
import socketlab.exec.TaskRunner;
import socketlab.text.Note;
import socketlab.text.Phrase;
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
    private volatile Endpoint endpoint;

    private final CallGate gate;
    private volatile boolean closed;

    public LabClient(TraceLog log, ClientSettings settings, TaskRunner runner) {
        this(log, settings, runner, CallGate.OPEN);
    }

    /** A client whose every socket call first asks {@code gate} (step mode). */
    public LabClient(TraceLog log, ClientSettings settings, TaskRunner runner, CallGate gate) {
        this.log = log;
        this.settings = settings;
        this.runner = runner;
        this.gate = gate;
    }

    /** Connects (blocking, at most 5 s) and starts reading replies. */
    public void connect() throws LabException {
        SocketChannel ch = null;
        try {
            gate.before(Side.CLIENT, 0, "connect(" + settings.host() + ":" + settings.port() + ")", CallGate.NOTHING_WAITING,
                    () -> closed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Phrase.of("client.interrupted"), e);
        }
        if (closed) {
            throw new LabException(Phrase.of("client.closedEarly"));
        }
        try {
            ch = SocketChannel.open();
            ch.socket().setTcpNoDelay(settings.noDelay());
            ch.socket().connect(new InetSocketAddress(settings.host(), settings.port()), 5000);
            endpoint = new Endpoint(log, Side.CLIENT, ch, settings.framing(), Integer.MAX_VALUE - 8, gate);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // nothing to close
            }
            Phrase msg = Explain.connect(e, settings.host(), settings.port());
            log.error(Side.CLIENT, 0, 0, msg);
            throw new LabException(msg, e);
        }
        Note note = Note.of(Note.Word.FRAMING, settings.framing().spec());
        endpoint.opened(Op.CONNECT, settings.noDelay() ? note.and(Note.Word.TCP_NODELAY) : note);
        Endpoint e = endpoint;
        runner.execute("client-reader-" + e.conn, () -> readLoop(e));
    }

    public int conn() {
        Endpoint e = endpoint;
        return e == null ? 0 : e.conn;
    }

    public int localPort() {
        Endpoint e = endpoint;
        return e == null ? -1 : e.localPort();
    }

    public boolean isConnected() {
        Endpoint e = endpoint;
        return e != null && !e.isClosed();
    }

    public ClientSettings settings() {
        return settings;
    }

    private void readLoop(Endpoint e) {
        byte[] buf = new byte[settings.recvBuffer()];
        try {
            while (true) {
                List<Frame> frames = e.recvOnce(buf, buf.length, 0);
                if (frames == null) {
                    break;
                }
            }
        } catch (ClosedChannelException ex) {
            // closed by us
        } catch (IOException ex) {
            if (!e.closing) {
                log.error(Side.CLIENT, e.conn, 0, Explain.io(ex, "doing.receiving"));
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            e.release();
            readerDone.countDown();
        }
    }

    /**
     * Sends each message (blocking: call it on a background thread), pausing
     * {@link ClientSettings#pauseMs()} between two. A message the framing cannot carry is
     * reported and skipped; the rest go.
     */
    public void send(List<byte[]> bodies) throws LabException {
        Endpoint e = endpoint;
        if (e == null || e.isClosed()) {
            throw new LabException(Phrase.of("client.notConnected"));
        }
        for (int i = 0; i < bodies.size(); i++) {
            if (i > 0 && settings.pauseMs() > 0) {
                try {
                    if (e.pause(settings.pauseMs())) {
                        return; // closed during the gap (Cancel, Clear): the rest is not sent
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!sendOne(e, bodies.get(i), "message-" + (i + 1) + ".txt", String.valueOf(i + 1), false)) {
                return;
            }
        }
    }

    /**
     * One message; one the framing cannot carry is reported (as message {@code label}) and
     * skipped. False when interrupted.
     */
    private boolean sendOne(Endpoint e, byte[] body, String name, String label, boolean alterAfterHashing) throws LabException {
        try {
            e.sendMessage(body, name, alterAfterHashing);
            return true;
        } catch (MessageTooLongException ex) {
            log.error(Side.CLIENT, e.conn, 0, Phrase.of("client.notSent", label, ex.words()));
            return true;
        } catch (IOException ex) {
            Phrase msg = e.closing ? Phrase.of("client.closedWhileSending") : Explain.io(ex, "doing.sending");
            log.error(Side.CLIENT, e.conn, 0, msg);
            throw new LabException(msg, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends one file as one message named {@code filename} (the header framing carries the name,
     * the size and the sha256). {@code alterAfterHashing} changes its last byte after the hash was
     * taken, so the receiver's check fails — on purpose, to show what the check is for.
     */
    public void sendFile(byte[] content, String filename, boolean alterAfterHashing) throws LabException {
        Endpoint e = endpoint;
        if (e == null || e.isClosed()) {
            throw new LabException(Phrase.of("client.notConnected"));
        }
        sendOne(e, content, filename, filename, alterAfterHashing);
    }

    /** Half-closes: the server's next {@code recv()} returns 0 bytes (EOF); replies can still arrive. */
    public void finishSending() {
        Endpoint e = endpoint;
        try {
            if (e != null) {
                e.shutdownOutput();
            }
        } catch (IOException ex) {
            log.error(Side.CLIENT, e.conn, 0, Explain.io(ex, "doing.closingSend"));
        }
    }

    /** Waits until the server has closed its side (the reader saw EOF); false on timeout. */
    public boolean awaitServerClose(long timeoutMs) throws InterruptedException {
        return readerDone.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Quits abruptly: closes with SO_LINGER 0, so the server gets a reset ("Connection reset by peer"), not EOF. */
    public void abort() {
        closed = true;
        Endpoint e = endpoint;
        if (e != null) {
            e.abort();
        }
    }

    @Override
    public void close() {
        closed = true;
        Endpoint e = endpoint;
        if (e != null) {
            e.close();
        }
    }
}
