package socketlab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import socketlab.codec.Frame;
import socketlab.codec.Framing;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The tutorial's command client: send one request, then read its answer, then the next request.
 * With no framing that is exactly one {@code recv(size)} per request — so an answer longer than
 * {@code size} leaves its rest in the kernel buffer, and the next request's recv() returns that rest.
 * With a framing, it calls {@code recv(size)} until the decoder has a whole answer.
 * Every call lands in the trace; call it from a background thread.
 */
public final class RequestClient implements AutoCloseable {
    private final Endpoint endpoint;
    private final int recvSize;
    private final boolean framed;
    private final byte[] buf;

    public RequestClient(TraceLog log, int port, Framing framing, int recvSize) throws LabException {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.connect(new InetSocketAddress(ServerSettings.LOOPBACK, port));
            endpoint = new Endpoint(log, Side.CLIENT, ch, framing, Framing.DEFAULT_MAX_FRAME, CallGate.OPEN);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // nothing to close
            }
            Phrase msg = Explain.connect(e, ServerSettings.LOOPBACK, port);
            log.error(Side.CLIENT, 0, 0, msg);
            throw new LabException(msg, e);
        }
        endpoint.opened(Op.CONNECT, Note.of(Note.Word.FRAMING, framing.spec()).and(Note.Word.REQUEST_ANSWER));
        this.recvSize = recvSize;
        this.framed = framing.delimits();
        this.buf = new byte[recvSize];
    }

    /** Sends {@code request} and returns what this client takes as its answer (one recv, or one whole frame). */
    public byte[] ask(byte[] request) throws LabException {
        try {
            endpoint.sendMessage(request, "request.txt");
            List<Frame> got = new ArrayList<>();
            while (got.isEmpty()) {
                List<Frame> frames = endpoint.recvOnce(buf, recvSize, 0);
                if (frames == null) {
                    throw new LabException(Phrase.of("request.closed"));
                }
                got.addAll(frames);
                if (!framed) {
                    break; // one recv() is all the tutorial's client reads
                }
            }
            return got.isEmpty() ? new byte[0] : got.get(0).body();
        } catch (IOException e) {
            Phrase m = Explain.io(e, "doing.receiving");
            throw new LabException(m, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Phrase.of("client.interrupted"), e);
        }
    }

    /**
     * Done asking: half-closes, then reads whatever is still on its way (an answer nobody asked
     * for yet, the rest of a long one) until the server closes — so nothing is left unread and
     * the connection ends with a normal FIN on both sides. At most {@code timeoutMs}.
     */
    public void finish(long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        try {
            endpoint.shutdownOutput();
            while (System.nanoTime() < end && endpoint.recvOnce(buf, recvSize, 0) != null) {
                // read and recorded; the decoder keeps what it decodes
            }
        } catch (IOException e) {
            // the server went away first: nothing more to read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int conn() {
        return endpoint.conn;
    }

    @Override
    public void close() {
        endpoint.close();
        endpoint.release();
    }
}
