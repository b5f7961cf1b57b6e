package socketlab.text;

/** A value the lab cannot take (a framing spec, a receive size out of range), said in words with the value. */
public class WordedArgumentException extends IllegalArgumentException implements Worded {
    private final Phrase words;

    public WordedArgumentException(Phrase words) {
        super((String) null);
        this.words = words;
    }

    @Override
    public Phrase words() {
        return words;
    }

    @Override
    public String getMessage() {
        return words.words();
    }
}
