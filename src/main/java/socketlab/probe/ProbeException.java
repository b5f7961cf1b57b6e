package socketlab.probe;

import socketlab.text.Phrase;
import socketlab.text.Worded;

/** A program that could not be run under the probe (no Python, a file that is not there), in words. */
public final class ProbeException extends Exception implements Worded {
    private final Phrase words;

    public ProbeException(Phrase words, Throwable cause) {
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
