package socketlab.codec;

import java.util.Arrays;

/**
 * The bytes a receiver has got from the stream but not yet turned into frames: Netty's
 * "cumulation". {@code recv()} chunks are appended at the end; decoders look at the readable
 * bytes from {@link #readerIndex()} and {@link #skip(int) consume} only whole frames.
 *
 * <pre>
 *   consumed          readable                 free
 * +----------+----------------------------+-------------+
 * |##########| 00 00 00 05 h e l l o 00 00|             |
 * +----------+----------------------------+-------------+
 * 0     readerIndex                  writerIndex    capacity
 * </pre>
 *
 * The stream offset of the first readable byte is kept so every frame knows where in the TCP
 * stream it began, which is what lets the timeline line frames up against {@code recv()} chunks.
 *
 * <p>Its buffer is paid for from a {@link HeldBytes} pool shared by every receiver of the process: it
 * grows by doubling, or straight to a frame's size once a decoder {@link #expect knows it}, and goes
 * back to {@value #SMALL} bytes when a large buffer has been read empty. A growth the pool refuses
 * throws {@link HeldBytesExceededException}, with nothing taken and nothing appended.
 */
public final class Cumulation {
    /** The size a buffer starts at (with its first chunk), and goes back to once read empty. */
    static final int SMALL = 256;
    /** A buffer larger than this is given back when it has been read empty. */
    static final int KEEP = 64 * 1024;

    private final HeldBytes pool;
    private byte[] buf;
    private int reader;
    private int writer;
    private long streamOffset;

    public Cumulation() {
        this(HeldBytes.UNLIMITED);
    }

    /**
     * A buffer that holds nothing of {@code pool} until its first chunk: the room is taken in
     * {@link #append}, where a refusal is the stream's to report, never in the connection's set-up.
     */
    public Cumulation(HeldBytes pool) {
        this.pool = pool;
        buf = new byte[0];
    }

    /** Appends one {@code recv()} chunk. */
    public void append(byte[] src, int off, int len) {
        if (len == 0) {
            return;
        }
        if (writer + len > buf.length) {
            int readable = writer - reader;
            if (readable + len <= buf.length / 2 || (reader > 0 && readable + len <= buf.length)) {
                System.arraycopy(buf, reader, buf, 0, readable);
                writer = readable;
                reader = 0;
            } else {
                resize(Math.max(SMALL, Math.max(Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8), (long) readable + len)));
            }
        }
        System.arraycopy(src, off, buf, writer, len);
        writer += len;
    }

    /**
     * A decoder that has read a frame's size says so: the frame will take {@code frameBytes} from the reader
     * index. The buffer grows to exactly that now (rather than doubling past it as the bytes arrive),
     * so a held maximum frame costs its own size. Nothing happens when the room is there already.
     */
    public void expect(long frameBytes) {
        if (frameBytes > buf.length - reader && frameBytes <= Integer.MAX_VALUE - 8) {
            resize(Math.max(frameBytes, SMALL));
        }
    }

    /** Drops every readable byte and gives the buffer back to the pool: the stream is not decoded further. */
    public void release() {
        streamOffset += readable();
        reader = 0;
        writer = 0;
        pool.give(buf.length);
        buf = new byte[0];
    }

    /** Moves the readable bytes into a buffer of {@code capacity} (at least as many), paid for first. */
    private void resize(long capacity) {
        int readable = writer - reader;
        int cap = (int) Math.max(capacity, readable);
        byte[] other = take(cap);
        System.arraycopy(buf, reader, other, 0, readable);
        pool.give(buf.length);
        buf = other;
        writer = readable;
        reader = 0;
    }

    private byte[] take(int capacity) {
        if (!pool.take(capacity)) {
            throw new HeldBytesExceededException(pool, capacity - (buf == null ? 0 : buf.length), streamOffset);
        }
        return new byte[capacity];
    }

    /** Bytes this buffer holds of its pool (its capacity). */
    public int capacity() {
        return buf.length;
    }

    public void append(byte[] src) {
        append(src, 0, src.length);
    }

    public int readable() {
        return writer - reader;
    }

    public int readerIndex() {
        return reader;
    }

    /** Offset in the whole stream of the first readable byte. */
    public long streamOffset() {
        return streamOffset;
    }

    /** The byte at {@code readerIndex() + i}, unsigned. */
    public int getUnsigned(int i) {
        checkReadable(i, 1);
        return buf[reader + i] & 0xFF;
    }

    /** Reads a 4-byte signed int at {@code readerIndex() + i} without consuming it. */
    public int getInt(int i, boolean bigEndian) {
        checkReadable(i, 4);
        int b0 = buf[reader + i] & 0xFF;
        int b1 = buf[reader + i + 1] & 0xFF;
        int b2 = buf[reader + i + 2] & 0xFF;
        int b3 = buf[reader + i + 3] & 0xFF;
        return bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
    }

    /** Copies {@code len} readable bytes starting {@code i} past the reader index. */
    public byte[] copy(int i, int len) {
        checkReadable(i, len);
        return Arrays.copyOfRange(buf, reader + i, reader + i + len);
    }

    /** Index of {@code b} among the readable bytes at or after {@code from}, or -1. */
    public int indexOf(byte b, int from) {
        for (int p = reader + from; p < writer; p++) {
            if (buf[p] == b) {
                return p - reader;
            }
        }
        return -1;
    }

    /** Consumes {@code n} bytes. */
    public void skip(int n) {
        checkReadable(0, n);
        reader += n;
        streamOffset += n;
        if (reader == writer) {
            reader = 0;
            writer = 0;
            if (buf.length > KEEP) { // a large frame has gone: give its room back rather than hold it for the connection's life
                pool.give(buf.length - SMALL);
                buf = new byte[SMALL];
            }
        }
    }

    private void checkReadable(int i, int len) {
        if (i < 0 || len < 0 || (long) i + len > readable()) {
            throw new IndexOutOfBoundsException("want " + len + " bytes at " + i + ", readable " + readable());
        }
    }
}
