package socketlab.text;

/**
 * A problem the lab reports in words, kept as a {@link Phrase} so that whoever shows it words it in
 * the language of that moment; {@link #getMessage()} is those words now (what the command line prints).
 */
public class WordedException extends Exception implements Worded {
    private final Phrase words;

    public WordedException(Phrase words, Throwable cause) {
        super(null, cause);
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
