package socketlab.codec;

/** A frame whose framing bytes make no sense: a negative length, a header that is not JSON. */
public final class CorruptedFrameException extends FrameException {
    public CorruptedFrameException(String message, long streamOffset, long skipped) {
        super(message, streamOffset, skipped);
    }
}
