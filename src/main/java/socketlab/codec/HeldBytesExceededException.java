package socketlab.codec;

import java.util.Locale;
import socketlab.text.Phrase;
import socketlab.text.Worded;

/**
 * A receiver's unfinished frame would need more room than its process's {@link HeldBytes} pool has
 * left: said with the real sizes. Not a {@link FrameException}: the bytes are this framing's, there
 * are only too many of them held across connections at once, so no skip can recover the stream.
 */
public final class HeldBytesExceededException extends RuntimeException implements Worded {
    private final Phrase words;
    private final long streamOffset;

    HeldBytesExceededException(HeldBytes pool, long needed, long streamOffset) {
        super((String) null);
        this.words = Phrase.of("held.exceeded", String.format(Locale.ROOT, "%,d", needed), mib(pool.held()), mib(pool.limit()));
        this.streamOffset = streamOffset;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) HeldBytes.MIB);
    }

    @Override
    public Phrase words() {
        return words;
    }

    @Override
    public String getMessage() {
        return words.words();
    }

    /** Where in the stream the unfinished bytes began. */
    public long streamOffset() {
        return streamOffset;
    }

    /** No stack trace: a peer's doing, and many peers may do it. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
