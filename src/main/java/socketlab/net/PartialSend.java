package socketlab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import socketlab.exec.TaskRunner;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/** Chapter 9, on real sockets: a non-blocking send() takes only what fits in the kernel buffers; sendall() loops until the reader frees them. */
public final class PartialSend {
    private static final long WAIT_MS = 10_000;
    /** How long the sender finds its socket unwritable before the server starts reading: long enough to see it stall. */
    private static final long STALL_MS = 100;

    private PartialSend() {
    }

    public static Map<String, String> run(TraceLog log, int total) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            listener.bind(new InetSocketAddress(lo, 0), 1);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            int serverConn = log.newConnId();
            log.life(Op.LISTEN, Side.SERVER, serverConn, port, 0, 0, Note.of(Note.Word.NOT_READING));
            try (SocketChannel client = SocketChannel.open()) {
                client.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
                client.connect(new InetSocketAddress(lo, port));
                int conn = log.newConnId();
                int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
                log.life(Op.CONNECT, Side.CLIENT, conn, clientPort, port, 0, Note.of(Note.Word.NON_BLOCKING).and(Note.Word.SO_SNDBUF, "64 KiB"));
                SocketChannel accepted = listener.accept();
                int acceptedConn = log.newConnId();
                log.life(Op.ACCEPT, Side.SERVER, acceptedConn, port, clientPort, 0, Note.of(Note.Word.SO_RCVBUF, "64 KiB"));
                CountDownLatch startReading = new CountDownLatch(1);
                CountDownLatch readAll = new CountDownLatch(1);
                TaskRunner.threads().execute("lesson-reader", () -> readAll(log, accepted, acceptedConn, total, startReading, readAll));
                byte[] data = new byte[total];
                for (int i = 0; i < total; i++) {
                    data[i] = (byte) ('a' + i % 26);
                }
                ByteBuffer buf = ByteBuffer.wrap(data);
                client.configureBlocking(false);
                TraceLog.Lane lane = log.newLane();
                int calls = 0;
                int wouldBlock = 0;
                int first = -1;
                boolean reading = false;
                try (Selector sel = Selector.open()) {
                    client.register(sel, SelectionKey.OP_WRITE);
                    while (buf.hasRemaining()) {
                        int at = buf.position();
                        long t0 = System.nanoTime();
                        int n = client.write(buf);
                        long t1 = System.nanoTime();
                        calls++;
                        lane.ioAt(t1, Op.SEND, Side.CLIENT, conn, at, n, total - at, TraceLog.NOT_MEASURED, t1 - t0, data, at);
                        if (first < 0) {
                            first = n;
                        }
                        if (n == 0) {
                            wouldBlock++;
                            if (sel.select(reading ? WAIT_MS : STALL_MS) == 0 && !reading) {
                                // nothing drained for STALL_MS: both buffers are full and the receiver's window is
                                // zero (on the wire: it advertises win 0); only now does the server start reading,
                                // which is what frees them
                                startReading.countDown();
                                reading = true;
                            }
                            sel.selectedKeys().clear();
                        }
                    }
                }
                client.shutdownOutput();
                log.life(Op.CLOSE, Side.CLIENT, conn, 0, 0, total, Note.of(Note.Word.SENDALL_DONE));
                startReading.countDown();
                readAll.await(WAIT_MS, TimeUnit.MILLISECONDS);
                f.put("asked", String.valueOf(total));
                f.put("took", String.valueOf(first));
                f.put("calls", String.valueOf(calls));
                f.put("would_block", String.valueOf(wouldBlock));
                f.put("first_send", first == total ? "all" : first == 0 ? "none" : "part");
            }
        } catch (IOException e) {
            Phrase m = Explain.io(e, "doing.sending");
            log.error(Side.CLIENT, 0, 0, m);
            throw new LabException(m, e);
        }
        return f;
    }

    private static void readAll(TraceLog log, SocketChannel ch, int conn, int total, CountDownLatch start, CountDownLatch done) {
        TraceLog.Lane lane = log.newLane();
        byte[] buf = new byte[64 * 1024];
        long offset = 0;
        try (ch) {
            start.await(WAIT_MS, TimeUnit.MILLISECONDS);
            while (offset < total) {
                long t0 = System.nanoTime();
                int n = ch.read(ByteBuffer.wrap(buf));
                long t1 = System.nanoTime();
                if (n < 0) {
                    break;
                }
                lane.ioAt(t1, Op.RECV, Side.SERVER, conn, offset, n, buf.length, TraceLog.NOT_MEASURED, t1 - t0, buf, 0);
                offset += n;
            }
            log.life(Op.CLOSE, Side.SERVER, conn, 0, 0, offset, null);
        } catch (IOException e) {
            log.error(Side.SERVER, conn, offset, Explain.io(e, "doing.receiving"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }
}
