package socketlab.codec;

import java.util.ArrayList;
import java.util.List;
import socketlab.text.Phrase;

/**
 * Runs a {@link FrameDecoder} over a stream of {@code recv()} chunks: appends each chunk to a
 * {@link Cumulation} and pulls every whole frame out of it, collecting frames and errors in the
 * order they happened. Errors never stop the stream: the decoder has already skipped past them.
 */
public final class StreamDecoder {

    /** A frame or an error, in stream order. */
    public sealed interface Result permits Decoded, Failed {}

    public record Decoded(Frame frame) implements Result {}

    public record Failed(FrameException error) implements Result {}

    private final FrameDecoder decoder;
    private final Cumulation cumulation = new Cumulation();

    public StreamDecoder(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    public List<Result> feed(byte[] chunk, int off, int len) {
        cumulation.append(chunk, off, len);
        List<Result> out = new ArrayList<>(2);
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
        return out;
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
        if (cumulation.readable() == 0) {
            return null;
        }
        return decoder.describeIncomplete(cumulation);
    }
}
