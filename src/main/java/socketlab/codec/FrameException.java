package socketlab.codec;

import socketlab.text.Phrase;
import socketlab.text.Worded;

/**
 * A frame the decoder could not accept. It says, in words a learner can read, what was wrong and
 * with the real numbers. {@link #skipped()} is how many bytes the decoder dropped to get past it,
 * so that the next good frame still decodes.
 */
public abstract sealed class FrameException extends RuntimeException implements Worded
        permits TooLongFrameException, CorruptedFrameException {
    private final long streamOffset;
    private final long skipped;

    private final Phrase words;

    protected FrameException(Phrase words, long streamOffset, long skipped) {
        super(null, null, false, false); // no stack trace: a bad frame is the peer's doing, not a bug here
        this.words = words;
        this.streamOffset = streamOffset;
        this.skipped = skipped;
    }

    /** What was wrong, as a clause with its numbers, worded when read. */
    @Override
    public Phrase words() {
        return words;
    }

    /** The clause in the language the lab speaks now. */
    @Override
    public String getMessage() {
        return words.words();
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
