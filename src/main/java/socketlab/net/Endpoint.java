package socketlab.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import socketlab.codec.Encoded;
import socketlab.codec.Frame;
import socketlab.codec.FrameEncoder;
import socketlab.codec.Framing;
import socketlab.codec.StreamDecoder;
import socketlab.trace.Digests;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * One end of a connected TCP socket, with every call recorded: what both the lab's client and
 * each of its server's connections are made of. {@code recv()} is {@link InputStream#read} (one
 * system call), the bytes waiting before it are {@link InputStream#available()} (FIONREAD), and
 * {@code send()} is {@link OutputStream#write}, which, like Python's {@code sendall}, returns
 * only when all bytes are in the kernel.
 */
final class Endpoint {
    final TraceLog log;
    final Side side;
    final int conn;
    final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameEncoder encoder;
    private final StreamDecoder decoder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object sendLock = new Object();
    private long sendOffset;
    private long recvOffset;
    private int messagesSent;
    private int framesDecoded;
    volatile boolean closing;

    Endpoint(TraceLog log, Side side, Socket socket, Framing framing, int maxFrameLength) throws IOException {
        this.log = log;
        this.side = side;
        this.socket = socket;
        this.conn = log.newConnId();
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.encoder = framing.encoder();
        this.decoder = new StreamDecoder(framing.newDecoder(maxFrameLength));
    }

    void opened(Op op) {
        log.life(op, side, conn, socket.getLocalPort(), socket.getPort(), 0);
    }

    /** Frames {@code body}, records the message, sends it. */
    void sendMessage(byte[] body, String name) throws IOException {
        synchronized (sendLock) {
            Encoded e = encoder.encode(body, name);
            log.message(Op.MESSAGE, side, conn, sendOffset, messagesSent++, e.headerLength(), e.wire().length,
                    body, Digests.crc(body), null, null);
            long t0 = System.nanoTime();
            out.write(e.wire());
            long dur = System.nanoTime() - t0;
            log.io(Op.SEND, side, conn, sendOffset, e.wire().length, 0, TraceLog.NOT_MEASURED, dur, e.wire(), 0);
            sendOffset += e.wire().length;
        }
    }

    /**
     * One {@code recv(size)}: records it with the bytes that were waiting, feeds the decoder.
     * Returns the decoded frames, or null at EOF.
     */
    List<Frame> recvOnce(byte[] buf, int size) throws IOException {
        int waiting = in.available();
        long t0 = System.nanoTime();
        int n = in.read(buf, 0, size);
        long dur = System.nanoTime() - t0;
        if (n < 0) {
            log.io(Op.EOF, side, conn, recvOffset, 0, size, waiting, dur, null, 0);
            String incomplete = decoder.finish();
            if (incomplete != null) {
                log.error(side, conn, recvOffset, capitalise(incomplete) + ".");
            }
            return null;
        }
        log.io(Op.RECV, side, conn, recvOffset, n, size, waiting, dur, buf, 0);
        recvOffset += n;
        List<StreamDecoder.Result> results = decoder.feed(buf, 0, n);
        List<Frame> frames = new java.util.ArrayList<>(results.size());
        for (StreamDecoder.Result r : results) {
            if (r instanceof StreamDecoder.Decoded d) {
                Frame f = d.frame();
                log.message(Op.FRAME, side, conn, f.streamOffset(), framesDecoded++, f.headerLength(), f.wireLength(),
                        f.body(), Digests.crc(f.body()), f.verified(), f.headerJson());
                if (Boolean.FALSE.equals(f.verified())) {
                    log.error(side, conn, f.streamOffset(), "Frame " + framesDecoded + ": the sha256 in its header does not"
                            + " match the " + f.body().length + " bytes that arrived: the data changed or the header lies.");
                }
                frames.add(f);
            } else if (r instanceof StreamDecoder.Failed fail) {
                log.error(side, conn, fail.error().streamOffset(), capitalise(fail.error().getMessage()));
            }
        }
        return frames;
    }

    void shutdownOutput() throws IOException {
        if (!socket.isOutputShutdown() && !socket.isClosed()) {
            socket.shutdownOutput();
        }
    }

    /** Closes once, recording it. */
    void close() {
        closing = true;
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            log.life(Op.CLOSE, side, conn, 0, 0, recvOffset);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
