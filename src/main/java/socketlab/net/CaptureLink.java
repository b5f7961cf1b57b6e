package socketlab.net;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The lab's end of the wire capture's Unix socket ({@code assets/wire/socketlab_wire.py}): reads the
 * packets it hands over, on a thread of its own, and asks it to catch up. A Unix socket is on no
 * network interface, so this traffic is never among the packets captured. Records:
 *
 * <pre>
 *   length u32 | t_ns i64 | frame[length]        little-endian; t_ns on System.nanoTime()'s clock
 *   FFFFFFFF   | dropped  |                      the answer to a sync: all before it has been sent
 * </pre>
 */
public final class CaptureLink implements AutoCloseable {
    /** Where the packets go; called on the link's thread. */
    public interface Sink {
        void packet(long monoNs, byte[] frame);

        /** Called between batches and at least every {@link #TICK_MS} ms while nothing arrives. */
        void idle();
    }

    static final int TICK_MS = 50;
    private static final int MARKER = 0xFFFFFFFF;
    private static final int MAX_FRAME = 1 << 18; // a loopback frame is at most 64 KiB and its headers

    private final SocketChannel channel;
    private final Sink sink;
    private final Thread reader;
    private final Object syncLock = new Object();
    private long syncsAnswered;
    private long dropped;
    private volatile IOException failure;

    private CaptureLink(SocketChannel channel, Sink sink) {
        this.channel = channel;
        this.sink = sink;
        this.reader = new Thread(this::read, "socketlab-wire");
        this.reader.setDaemon(true);
    }

    public static CaptureLink connect(Path socket, Sink sink) throws IOException {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        CaptureLink link = new CaptureLink(ch, sink);
        link.reader.start();
        return link;
    }

    /**
     * Asks for every packet captured until now and waits until they have reached the sink.
     * Returns how many the kernel dropped so far (its buffer was full), or -1 when no answer came in time.
     */
    public long sync(long timeoutMs) throws InterruptedException {
        long want;
        synchronized (syncLock) {
            want = syncsAnswered + 1;
        }
        try {
            synchronized (channel.blockingLock()) {
                channel.write(ByteBuffer.wrap(new byte[] {'s'}));
            }
        } catch (IOException e) {
            return -1;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (syncLock) {
            while (syncsAnswered < want && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                TimeUnit.NANOSECONDS.timedWait(syncLock, left);
            }
            return syncsAnswered >= want ? dropped : -1;
        }
    }

    private void read() {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                selector.select(TICK_MS);
                selector.selectedKeys().clear();
                int n = channel.read(buf);
                if (n < 0) {
                    break;
                }
                buf.flip();
                while (buf.remaining() >= 12) {
                    int len = buf.getInt(buf.position());
                    long t = buf.getLong(buf.position() + 4);
                    if (len == MARKER) {
                        buf.position(buf.position() + 12);
                        sink.idle();
                        synchronized (syncLock) {
                            dropped = t;
                            syncsAnswered++;
                            syncLock.notifyAll();
                        }
                        continue;
                    }
                    if (len < 0 || len > MAX_FRAME) {
                        throw new IOException("the capture sent a frame of " + Integer.toUnsignedString(len) + " bytes");
                    }
                    if (buf.remaining() < 12 + len) {
                        break;
                    }
                    byte[] frame = new byte[len];
                    buf.position(buf.position() + 12);
                    buf.get(frame);
                    sink.packet(t, frame);
                }
                buf.compact();
                if (buf.position() == buf.capacity()) { // cannot happen with MAX_FRAME a quarter of the buffer; never spin
                    throw new IOException("the capture's record does not fit " + buf.capacity() + " bytes");
                }
                sink.idle();
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            synchronized (syncLock) {
                syncLock.notifyAll();
            }
        }
    }

    /** Why the link stopped, or null while it reads. */
    public IOException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
