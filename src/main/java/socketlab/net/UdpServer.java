package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Digests;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The lab's UDP server (the tutorial's chapter 11): {@code bind}, then {@code recvfrom(N)} in a
 * loop, no {@code listen}, no {@code accept}, no connection. Every datagram is one message: the
 * kernel never glues two together, and a datagram longer than N is cut to N bytes and the rest is
 * gone. Optionally it answers each datagram upper-cased with {@code sendto}, as the tutorial's does.
 */
public final class UdpServer implements Server {
    private final TraceLog log;
    private final TraceLog.Lane lane;
    private final ServerSettings settings;
    private final TaskRunner runner;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private DatagramChannel channel;
    private int conn;
    private int port = -1;
    private volatile boolean running;

    /** Uses the receive size, delay, echo and bind address of {@code settings}; framing does not apply. */
    public UdpServer(TraceLog log, ServerSettings settings, TaskRunner runner) {
        this.log = log;
        this.lane = log.newLane();
        this.settings = settings;
        this.runner = runner;
    }

    @Override
    public int start() throws LabException {
        try {
            DatagramChannel ch = DatagramChannel.open();
            try {
                ch.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            channel = ch;
            port = ch.socket().getLocalPort();
        } catch (BindException e) {
            throw new LabException(Explain.bindDatagram(e, settings.bindAddress(), settings.port()), e);
        } catch (IOException e) {
            throw new LabException(Phrase.of("udp.cannotBind", String.valueOf(settings.port()), e.getMessage()), e);
        }
        running = true;
        conn = log.newConnId();
        log.life(Op.LISTEN, Side.SERVER, conn, port, 0, 0, Note.of(Note.Word.UDP, settings.bindAddress()));
        runner.execute("udp-" + port, this::loop);
        return port;
    }

    public int port() {
        return port;
    }

    private void loop() {
        try {
            while (running) {
                ServerSettings s = settings;
                if (s.recvDelayMs() > 0 && stopping.await(s.recvDelayMs(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                int size = received.get() < s.recvSizes().size() ? s.recvSizes().get(received.get()) : s.recvBuffer();
                ByteBuffer buf = ByteBuffer.allocate(size);
                long t0 = System.nanoTime();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf); // recvfrom(size)
                long t1 = System.nanoTime();
                int n = buf.position();
                byte[] body = Arrays.copyOf(buf.array(), n);
                lane.datagramAt(t1, Op.RECVFROM, Side.SERVER, conn, n, size, from.getPort(), t1 - t0, body);
                // every datagram is one message: no decoder needed, none could glue or split it
                lane.message(Op.FRAME, Side.SERVER, conn, 0, received.getAndIncrement(), 0, n, body, Digests.crc(body), Verdict.UNKNOWN, null);
                if (s.echo()) {
                    byte[] reply = Endpoint.upperAscii(body);
                    long s0 = System.nanoTime();
                    channel.send(ByteBuffer.wrap(reply), from); // sendto(reply, addr)
                    long s1 = System.nanoTime();
                    lane.datagramAt(s1, Op.SENDTO, Side.SERVER, conn, reply.length, 0, from.getPort(), s1 - s0, reply);
                }
                if (s.maxConns() > 0 && received.get() >= s.maxConns()) {
                    break;
                }
            }
        } catch (ClosedChannelException e) {
            // stopped
        } catch (IOException e) {
            if (running) {
                log.error(Side.SERVER, conn, 0, Explain.io(e, "doing.receivingDatagram"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Datagrams received so far. */
    public int received() {
        return received.get();
    }

    @Override
    public boolean awaitStopped(long timeoutMs) throws InterruptedException {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        stopping.countDown();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        log.life(Op.CLOSE, Side.SERVER, conn, port, 0, 0, null);
        stopped.countDown();
    }
}
