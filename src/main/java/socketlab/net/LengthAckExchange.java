package socketlab.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Digests;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/** Chapter 9, on real sockets: "send the length, wait for an ack, then send the data" costs one round trip per message. */
public final class LengthAckExchange {
    private static final long WAIT_MS = 10_000;

    private LengthAckExchange() {
    }

    public static Map<String, String> run(TraceLog log, List<String> messages) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(lo, 0), 1);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            log.life(Op.LISTEN, Side.SERVER, log.newConnId(), port, 0, 0, Note.of(Note.Word.LENGTH_ACK));
            CountDownLatch served = new CountDownLatch(1);
            int[] received = new int[1];
            try (SocketChannel client = SocketChannel.open(new InetSocketAddress(lo, port));
                 SocketChannel conn = listener.accept()) {
                int clientConn = log.newConnId();
                int serverConn = log.newConnId();
                int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
                log.life(Op.CONNECT, Side.CLIENT, clientConn, clientPort, port, 0, Note.of(Note.Word.LENGTH_ACK));
                log.life(Op.ACCEPT, Side.SERVER, serverConn, port, clientPort, 0, Note.of(Note.Word.LENGTH_ACK));
                TaskRunner.threads().execute("lesson-ack-server", () -> {
                    try {
                        received[0] = ackServer(log, conn, serverConn, messages.size());
                    } finally {
                        served.countDown();
                    }
                });
                TraceLog.Lane lane = log.newLane();
                long sent = 0;
                long recvd = 0;
                int waits = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < messages.size(); i++) {
                    byte[] body = messages.get(i).getBytes(StandardCharsets.UTF_8);
                    lane.message(Op.MESSAGE, Side.CLIENT, clientConn, sent + 4, i, 0, body.length, body,
                            Digests.crc(body), Verdict.UNKNOWN, null);
                    sent += TracedChannel.write(lane, Side.CLIENT, client, clientConn, sent, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(body.length).array());
                    recvd += TracedChannel.read(lane, Side.CLIENT, client, clientConn, recvd, 2); // the ack: the client waits a round trip here
                    waits++;
                    sent += TracedChannel.write(lane, Side.CLIENT, client, clientConn, sent, body);
                }
                long elapsed = System.nanoTime() - t0;
                client.shutdownOutput();
                served.await(WAIT_MS, TimeUnit.MILLISECONDS);
                log.life(Op.CLOSE, Side.CLIENT, clientConn, 0, 0, recvd, null);
                f.put("messages", String.valueOf(messages.size()));
                f.put("waits_per_message", String.valueOf(waits / Math.max(1, messages.size())));
                f.put("received", String.valueOf(received[0]));
                f.put("ms_per_message", String.format(Locale.ROOT, "%.3f", elapsed / 1e6 / Math.max(1, messages.size())));
            }
        } catch (IOException e) {
            Phrase m = Explain.io(e, "doing.sending");
            log.error(Side.CLIENT, 0, 0, m);
            throw new LabException(m, e);
        }
        return f;
    }

    /** The ack server: recv(4) for the length, send "ok", recv() until that many bytes; returns how many messages it got whole. */
    private static int ackServer(TraceLog log, SocketChannel ch, int conn, int expected) {
        TraceLog.Lane lane = log.newLane();
        long in = 0;
        long out = 0;
        int whole = 0;
        try {
            for (int i = 0; i < expected; i++) {
                ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                in += TracedChannel.readFully(lane, Side.SERVER, ch, conn, in, len);
                out += TracedChannel.write(lane, Side.SERVER, ch, conn, out, "ok".getBytes(StandardCharsets.UTF_8));
                ByteBuffer body = ByteBuffer.allocate(len.getInt(0));
                in += TracedChannel.readFully(lane, Side.SERVER, ch, conn, in, body);
                log.message(Op.FRAME, Side.SERVER, conn, in - body.capacity(), i, 0, body.capacity() + 4, body.array(),
                        Digests.crc(body.array()), Verdict.UNKNOWN, null);
                whole++;
            }
            log.life(Op.CLOSE, Side.SERVER, conn, 0, 0, in, null);
        } catch (IOException e) {
            log.error(Side.SERVER, conn, in, Explain.io(e, "doing.receiving"));
        }
        return whole;
    }

}
