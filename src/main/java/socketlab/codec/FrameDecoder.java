package socketlab.codec;

import socketlab.text.Phrase;

/**
 * The one contract every framing strategy's decoder keeps (Netty's {@code ByteToMessageDecoder}):
 * look at the readable bytes of a {@link Cumulation}; when a whole frame is there, consume
 * exactly its bytes and return it; when it is not, <b>consume nothing</b> and return null.
 * A {@code recv()} may return one byte of a four-byte length field, so partial input is normal.
 *
 * <p>A frame that can never be accepted is reported by throwing a {@link FrameException} after
 * consuming the bytes the decoder is sure belong to it, so the next good frame still decodes.
 * Decoders are stateful (one per connection direction) and not thread-safe.
 */
public interface FrameDecoder {

    /** Returns the next whole frame, or null (having consumed nothing) when more bytes are needed. */
    Frame decode(Cumulation in);

    /**
     * Called when the peer closed the stream while {@code in} still holds bytes.
     * Returns what a learner should be told, e.g. "the peer closed mid-frame: got 7 of 12 bytes",
     * or null when leftover bytes are fine for this framing.
     */
    Phrase describeIncomplete(Cumulation in);

    /** True when {@link #decode} should be called once per {@code recv()} chunk only (the naive "no framing"). */
    default boolean chunkIsFrame() {
        return false;
    }

    /** {@code max}, checked: a decoder's limit must let at least one byte through ({@code what} names it in the message). */
    static int positive(String what, int max) {
        if (max <= 0) {
            throw new IllegalArgumentException(what + " must be at least 1 byte, got " + max);
        }
        return max;
    }
}
