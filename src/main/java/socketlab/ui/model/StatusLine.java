package socketlab.ui.model;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import socketlab.text.Phrase;

/**
 * The window's one line of news — a run's summary, a file saved or refused — said by whichever view
 * model did it. It keeps what was said as phrases, so a switch of language rewords the line
 * ({@link #reword()}) instead of leaving it in the language it was said in.
 */
public final class StatusLine {
    /** Between the summaries of runs made one after another. */
    static final String BETWEEN = "   |   ";

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private List<Phrase> said = List.of();

    void say(Phrase... parts) {
        said = List.of(parts);
        reword();
    }

    void clear() {
        say();
    }

    /** Words what was said in the language the window speaks now. */
    void reword() {
        StringBuilder s = new StringBuilder();
        for (Phrase p : said) {
            s.append(s.length() > 0 ? BETWEEN : "").append(p.words());
        }
        text.set(s.toString());
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
}
