package socketlab.net;

/** A socket problem put into words a learner can act on. The message is what the UI and CLI show. */
public final class LabException extends Exception {
    public LabException(String message, Throwable cause) {
        super(message, cause);
    }

    public LabException(String message) {
        super(message);
    }
}
