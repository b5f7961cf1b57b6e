package socketlab.net;

import socketlab.text.Phrase;
import socketlab.text.Worded;

/**
 * A socket problem put into words a learner can act on, kept as a {@link Phrase} so the window words
 * it in the language it speaks when it shows it; {@link #getMessage()} is those words now (what the
 * command line prints).
 */
public final class LabException extends Exception implements Worded {
    private final Phrase words;
    private final int freePort;

    public LabException(Phrase words, Throwable cause) {
        this(words, cause, -1);
    }

    /** A bind failure that found a free port the user can take instead. */
    public LabException(Phrase words, Throwable cause, int freePort) {
        super(null, cause);
        this.words = words;
        this.freePort = freePort;
    }

    public LabException(Phrase words) {
        this(words, null, -1);
    }

    /** What went wrong, as key and values. */
    @Override
    public Phrase words() {
        return words;
    }

    @Override
    public String getMessage() {
        return words.words();
    }

    /** A port that was free when binding failed, or -1. */
    public int freePort() {
        return freePort;
    }
}
