package socketlab.net;

/** A socket problem put into words a learner can act on. The message is what the UI and CLI show. */
public final class LabException extends Exception {
    private final int freePort;

    public LabException(String message, Throwable cause) {
        this(message, cause, -1);
    }

    /** A bind failure that found a free port the user can take instead. */
    public LabException(String message, Throwable cause, int freePort) {
        super(message, cause);
        this.freePort = freePort;
    }

    public LabException(String message) {
        this(message, null, -1);
    }

    /** A port that was free when binding failed, or -1. */
    public int freePort() {
        return freePort;
    }
}
