package socketlab.codec;

import socketlab.text.Phrase;
import socketlab.text.Worded;

/** A message the chosen framing cannot carry (longer than the fixed length, a newline inside a line). */
public final class MessageTooLongException extends IllegalArgumentException implements Worded {
    private final Phrase words;

    public MessageTooLongException(Phrase words) {
        super((String) null);
        this.words = words;
    }

    /** Why the message cannot be framed, worded when read. */
    @Override
    public Phrase words() {
        return words;
    }

    @Override
    public String getMessage() {
        return words.words();
    }
}
