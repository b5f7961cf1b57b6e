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
 */
public final class Cumulation {
    private byte[] buf;
    private int reader;
    private int writer;
    private long streamOffset;

    public Cumulation() {
        this(256);
    }

    public Cumulation(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
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
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, readable + len)];
                System.arraycopy(buf, reader, bigger, 0, readable);
                buf = bigger;
            }
            writer = readable;
            reader = 0;
        }
        System.arraycopy(src, off, buf, writer, len);
        writer += len;
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
        }
    }

    private void checkReadable(int i, int len) {
        if (i < 0 || len < 0 || (long) i + len > readable()) {
            throw new IndexOutOfBoundsException("want " + len + " bytes at " + i + ", readable " + readable());
        }
    }
}
