package socketlab.codec;

import socketlab.text.Phrase;

/** A frame (or length field) larger than the decoder's {@code maxFrameLength}. */
public final class TooLongFrameException extends FrameException {
    public TooLongFrameException(Phrase message, long streamOffset, long skipped) {
        super(message, streamOffset, skipped);
    }
}
