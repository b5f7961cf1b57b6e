package socketlab.probe;

import socketlab.text.Phrase;
import socketlab.text.WordedException;

/** A program that could not be run under the probe (no Python, a file that is not there), in words. */
public final class ProbeException extends WordedException {
    public ProbeException(Phrase words, Throwable cause) {
        super(words, cause);
    }
}
