package socketlab.codec;

/**
 * A frame the decoder could not accept. It says, in words a learner can read, what was wrong and
 * with the real numbers. {@link #skipped()} is how many bytes the decoder dropped to get past it,
 * so that the next good frame still decodes.
 */
public abstract sealed class FrameException extends RuntimeException
        permits TooLongFrameException, CorruptedFrameException {
    private final long streamOffset;
    private final long skipped;

    protected FrameException(String message, long streamOffset, long skipped) {
        super(message);
        this.streamOffset = streamOffset;
        this.skipped = skipped;
    }

    /** Where in the stream the bad frame began. */
    public long streamOffset() {
        return streamOffset;
    }

    /** Bytes dropped to recover (may still be in progress for a long frame). */
    public long skipped() {
        return skipped;
    }
}
