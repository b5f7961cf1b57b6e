package socketlab.codec;

import socketlab.text.Phrase;
import socketlab.text.WordedArgumentException;

/** A message the chosen framing cannot carry (longer than the fixed length, a newline inside a line). */
public final class MessageTooLongException extends WordedArgumentException {
    public MessageTooLongException(Phrase words) {
        super(words);
    }
}
