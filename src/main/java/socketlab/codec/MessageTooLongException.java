package socketlab.codec;

/** A message the chosen framing cannot carry (longer than the fixed length, a newline inside a line). */
public final class MessageTooLongException extends IllegalArgumentException {
    public MessageTooLongException(String message) {
        super(message);
    }
}
