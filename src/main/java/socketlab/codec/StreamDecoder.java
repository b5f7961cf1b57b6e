package socketlab.codec;

import java.util.ArrayList;
import java.util.List;
import socketlab.text.Phrase;

/**
 * Runs a {@link FrameDecoder} over a stream of {@code recv()} chunks: appends each chunk to a
 * {@link Cumulation} and pulls every whole frame out of it, collecting frames and errors in the
 * order they happened. Errors never stop the stream: the decoder has already skipped past them.
 * One thing does: an unfinished frame the process's {@link HeldBytes} pool has no room for. That is
 * {@link Refused}, the last result; the bytes held are let go and later chunks are not decoded.
 */
public final class StreamDecoder {

    /** A frame or an error, in stream order. */
    public sealed interface Result permits Decoded, Failed, Refused {}

    public record Decoded(Frame frame) implements Result {}

    public record Failed(FrameException error) implements Result {}

    /** The pool of held bytes had no room for this stream's unfinished frame: nothing more is decoded. */
    public record Refused(HeldBytesExceededException error) implements Result {}

    private final FrameDecoder decoder;
    private final Cumulation cumulation;
    private boolean refused;

    public StreamDecoder(FrameDecoder decoder) {
        this(decoder, HeldBytes.UNLIMITED);
    }

    /** A decoder whose unfinished frames are held in room taken from {@code pool}. */
    public StreamDecoder(FrameDecoder decoder, HeldBytes pool) {
        this.decoder = decoder;
        this.cumulation = new Cumulation(pool);
    }

    public List<Result> feed(byte[] chunk, int off, int len) {
        if (refused) {
            return List.of();
        }
        List<Result> out = new ArrayList<>(2);
        try {
            cumulation.append(chunk, off, len);
            decode(out);
        } catch (HeldBytesExceededException e) {
            refused = true;
            cumulation.release();
            out.add(new Refused(e));
        }
        return out;
    }

    private void decode(List<Result> out) {
        while (cumulation.readable() > 0) {
            int before = cumulation.readable();
            try {
                Frame f = decoder.decode(cumulation);
                if (f == null) {
                    if (cumulation.readable() < before) {
                        continue; // the decoder dropped bytes of a bad frame; look again
                    }
                    break;
                }
                out.add(new Decoded(f));
            } catch (FrameException e) {
                out.add(new Failed(e));
            }
            if (cumulation.readable() == before) {
                break; // a decoder that made no progress must not spin
            }
            if (decoder.chunkIsFrame()) {
                break;
            }
        }
    }

    /** True once the pool refused this stream room: its bytes are no longer decoded. */
    public boolean refused() {
        return refused;
    }

    /** Gives the room this stream holds back to its pool; at the connection's end. */
    public void release() {
        cumulation.release();
    }

    public List<Result> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Bytes received but not yet part of a frame. */
    public int leftover() {
        return cumulation.readable();
    }

    /** At EOF: what is wrong with the leftover bytes, or null when nothing is. */
    public Phrase finish() {
        if (refused || cumulation.readable() == 0) {
            return null;
        }
        return decoder.describeIncomplete(cumulation);
    }
}
