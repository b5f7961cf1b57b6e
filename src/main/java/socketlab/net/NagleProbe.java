package socketlab.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import socketlab.exec.TaskRunner;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * Nagle's algorithm meets delayed ACK (the tutorial's chapter 8 aside on why small sends are
 * merged): a client that writes a request in two small pieces and then waits for the answer.
 * With Nagle on, the second piece waits until the first is acknowledged, and the server's kernel
 * delays that ACK; with TCP_NODELAY the piece goes at once. Measured on a real loopback
 * connection, every call recorded.
 */
public final class NagleProbe {

    /** Round-trip times of one run, in nanoseconds, in order. */
    public record Result(boolean noDelay, long[] roundsNs) {
        public long medianNs() {
            long[] s = roundsNs.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    private NagleProbe() {
    }

    public static Result run(TraceLog log, boolean noDelay, int rounds) throws LabException {
        // channels (blocking, used through their streams) rather than plain sockets: the kernel reader needs a channel's descriptor
        try (ServerSocketChannel ss = ServerSocketChannel.open()) {
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            TaskRunner.threads().execute("nagle-server", () -> serve(ss, rounds));
            try (SocketChannel ch = SocketChannel.open(ss.getLocalAddress())) {
                Socket s = ch.socket();
                s.setTcpNoDelay(noDelay);
                KernelReader kernel = KernelReader.enabled();
                int fd = kernel != null ? kernel.fd(ch) : -1;
                int conn = log.newConnId();
                TraceLog.Lane lane = log.newLane();
                log.life(Op.CONNECT, Side.CLIENT, conn, s.getLocalPort(), s.getPort(), 0,
                        Note.of(Note.Word.WRITE_WRITE_READ).and(noDelay ? Note.Word.TCP_NODELAY : Note.Word.NAGLE_ON));
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                byte[] reply = new byte[1];
                long[] times = new long[rounds];
                long offset = 0;
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    for (byte piece : new byte[] {'a', 'b'}) {
                        long t0 = System.nanoTime();
                        out.write(piece);
                        long t1 = System.nanoTime();
                        lane.ioAt(t1, Op.SEND, Side.CLIENT, conn, offset++, 1, 0, TraceLog.NOT_MEASURED, t1 - t0, new byte[] {piece}, 0,
                                kernel != null ? kernel.read(fd, -1) : null);
                    }
                    long t0 = System.nanoTime();
                    int n = in.read(reply);
                    long t1 = System.nanoTime();
                    if (n < 0) {
                        throw new LabException(Phrase.of("nagle.closedEarly"));
                    }
                    lane.ioAt(t1, Op.RECV, Side.CLIENT, conn, r, n, 1, TraceLog.NOT_MEASURED, t1 - t0, reply, 0,
                            kernel != null ? kernel.read(fd, in.available()) : null);
                    times[r] = t1 - start;
                }
                log.life(Op.CLOSE, Side.CLIENT, conn, 0, 0, 0, null);
                return new Result(noDelay, times);
            }
        } catch (IOException e) {
            throw new LabException(Explain.io(e, "doing.nagle"), e);
        }
    }

    /** Reads each two-byte request (however it arrives) and answers one byte. */
    private static void serve(ServerSocketChannel ss, int rounds) {
        try (SocketChannel ch = ss.accept()) {
            Socket c = ch.socket();
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] req = new byte[2];
            for (int r = 0; r < rounds; r++) {
                int got = 0;
                while (got < 2) {
                    int n = in.read(req, got, 2 - got);
                    if (n < 0) {
                        return;
                    }
                    got += n;
                }
                out.write('!');
            }
        } catch (IOException ignored) {
            // the client went away: nothing to answer
        }
    }
}
