package socketlab.net;

import socketlab.text.Phrase;
import socketlab.text.WordedException;

/** A socket problem put into words a learner can act on (and, for a port in use, a free one to take instead). */
public final class LabException extends WordedException {
    private final int freePort;

    public LabException(Phrase words, Throwable cause) {
        this(words, cause, -1);
    }

    /** A bind failure that found a free port the user can take instead. */
    public LabException(Phrase words, Throwable cause, int freePort) {
        super(words, cause);
        this.freePort = freePort;
    }

    public LabException(Phrase words) {
        this(words, null, -1);
    }

    /** A port that was free when binding failed, or -1. */
    public int freePort() {
        return freePort;
    }
}
