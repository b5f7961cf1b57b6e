package socketlab.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/** Blocking send()/recv() on a channel with each call recorded on a lane: the lessons' own small exchanges. */
final class TracedChannel {
    private TracedChannel() {
    }

    /** sendall(): writes all of {@code bytes}, recorded as one send() of their length. */
    static int write(TraceLog.Lane lane, Side side, SocketChannel ch, int conn, long offset, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long t0 = System.nanoTime();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        long t1 = System.nanoTime();
        lane.ioAt(t1, Op.SEND, side, conn, offset, bytes.length, 0, TraceLog.NOT_MEASURED, t1 - t0, bytes, 0);
        return bytes.length;
    }

    /** recv() until {@code size} bytes have come, each call recorded. */
    static int read(TraceLog.Lane lane, Side side, SocketChannel ch, int conn, long offset, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(size);
        return readFully(lane, side, ch, conn, offset, b);
    }

    /** recv() until {@code b} is full, each call recorded; EOF before that is an error. */
    static int readFully(TraceLog.Lane lane, Side side, SocketChannel ch, int conn, long offset, ByteBuffer b) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int at = b.position();
            long t0 = System.nanoTime();
            int n = ch.read(b);
            long t1 = System.nanoTime();
            if (n < 0) {
                throw new java.io.EOFException(Phrase.of("fixed.incomplete", total, b.capacity()).words());
            }
            lane.ioAt(t1, Op.RECV, side, conn, offset + total, n, b.capacity() - at, TraceLog.NOT_MEASURED, t1 - t0,
                    b.array(), at);
            total += n;
        }
        return total;
    }
}
