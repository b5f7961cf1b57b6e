package socketlab.codec;

import socketlab.text.Phrase;
import socketlab.text.WordedArgumentException;

/**
 * A frame the decoder could not accept: bytes from the peer that are not this framing. It says, in
 * words a learner can read, what was wrong and with the real numbers. {@link #skipped()} is how many
 * bytes the decoder dropped to get past it, so that the next good frame still decodes.
 */
public abstract sealed class FrameException extends WordedArgumentException
        permits TooLongFrameException, CorruptedFrameException {
    private final long streamOffset;
    private final long skipped;

    protected FrameException(Phrase words, long streamOffset, long skipped) {
        super(words);
        this.streamOffset = streamOffset;
        this.skipped = skipped;
    }

    /** No stack trace: a bad frame is the peer's doing, not a bug here, and a hostile peer sends many. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
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
