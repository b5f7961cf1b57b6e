package socketlab.codec;

import socketlab.text.Phrase;

/** A frame whose framing bytes make no sense: a negative length, a header that is not JSON. */
public final class CorruptedFrameException extends FrameException {
    public CorruptedFrameException(Phrase message, long streamOffset, long skipped) {
        super(message, streamOffset, skipped);
    }
}
