package socketlab.ui.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The window's one line of news — a run's summary, a file saved or refused — said by whichever view model did it. */
public final class StatusLine {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    void say(String words) {
        text.set(words);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
