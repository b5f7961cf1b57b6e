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
import jdk.net.ExtendedSocketOptions;
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
 * delays that ACK; with TCP_NODELAY the piece goes at once; with Nagle on but the server's
 * kernel asked for a quick ACK before each read (TCP_QUICKACK), the ACK goes at once and the
 * stall goes with it. Measured on a real loopback connection, every call recorded.
 *
 * <pre>
 *   client                      server
 *   send('a')  ── a ──────────▶  (ACK delayed ≈ 40 ms, nothing to answer yet)
 *   send('b')     b held: 'a' is unacknowledged
 *              ◀────────── ACK   delayed-ACK timer fires
 *              ── b ──────────▶  recv → "ab"
 *   recv(1)    ◀────────── '!'
 * </pre>
 *
 * Linux leaves quick-ACK mode on its own after a few segments, so the server sets TCP_QUICKACK
 * before every read, not once (once is measured to stall as before).
 */
public final class NagleProbe {

    /** What each end is asked to do. */
    public enum Setup {
        /** Nagle on at the client, delayed ACK at the server: the defaults. */
        NAGLE(Note.Word.NAGLE_ON),
        /** TCP_NODELAY at the client. */
        NODELAY(Note.Word.TCP_NODELAY),
        /** Nagle on at the client; the server sets TCP_QUICKACK before every read (Linux only). */
        QUICKACK(Note.Word.QUICKACK);

        final Note.Word word;

        Setup(Note.Word word) {
            this.word = word;
        }

        /** Whether this system can do it: TCP_QUICKACK is a Linux option. */
        public boolean available() {
            return this != QUICKACK || quickAckSupported();
        }
    }

    /** Round-trip times of one run, in nanoseconds, in order. */
    public record Result(Setup setup, long[] roundsNs) {
        public long medianNs() {
            long[] s = roundsNs.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    private NagleProbe() {
    }

    /** Whether the JDK can set TCP_QUICKACK here (Linux). */
    public static boolean quickAckSupported() {
        try (SocketChannel probe = SocketChannel.open()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code rounds} write-write-read rounds with the given setup.
     *
     * @throws LabException the connection failed, or the setup is not {@link Setup#available() available} here
     */
    public static Result run(TraceLog log, Setup setup, int rounds) throws LabException {
        if (!setup.available()) {
            throw new LabException(Phrase.of("nagle.noQuickAck"));
        }
        boolean noDelay = setup == Setup.NODELAY;
        // channels (blocking, used through their streams) rather than plain sockets: the kernel reader needs a channel's descriptor
        try (ServerSocketChannel ss = ServerSocketChannel.open()) {
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            TaskRunner.threads().execute("nagle-server", () -> serve(ss, rounds, setup == Setup.QUICKACK));
            try (SocketChannel ch = SocketChannel.open(ss.getLocalAddress())) {
                Socket s = ch.socket();
                s.setTcpNoDelay(noDelay);
                KernelReader kernel = KernelReader.enabled();
                int fd = kernel != null ? kernel.fd(ch) : -1;
                int conn = log.newConnId();
                TraceLog.Lane lane = log.newLane();
                log.life(Op.CONNECT, Side.CLIENT, conn, s.getLocalPort(), s.getPort(), 0,
                        Note.of(Note.Word.WRITE_WRITE_READ).and(setup.word));
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
                return new Result(setup, times);
            }
        } catch (IOException e) {
            throw new LabException(Explain.io(e, "doing.nagle"), e);
        }
    }

    /** Reads each two-byte request (however it arrives) and answers one byte. */
    private static void serve(ServerSocketChannel ss, int rounds, boolean quickAck) {
        try (SocketChannel ch = ss.accept()) {
            Socket c = ch.socket();
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] req = new byte[2];
            for (int r = 0; r < rounds; r++) {
                int got = 0;
                while (got < 2) {
                    if (quickAck) {
                        ch.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                    }
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
