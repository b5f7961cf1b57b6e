package socketlab.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import socketlab.net.LabException;
import socketlab.text.Phrase;

/**
 * What the client pane and the server pane both show about their socket: a line of status, the
 * last error in words ("" when none), and whether a call is under way (the buttons wait for it).
 */
public abstract sealed class EndpointViewModel permits ClientViewModel, ServerViewModel {
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper status;
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private Phrase lastError;
    private Phrase lastStatus;

    EndpointViewModel(Phrase idle) {
        status = new ReadOnlyStringWrapper(idle.words());
        lastStatus = idle;
    }

    /** Shows {@code now} as the pane's status line. */
    void show(Phrase now) {
        lastStatus = now;
        status.set(now.words());
    }

    /** The framing a pane's field names, or the reason it names none, in the window's words. */
    static socketlab.codec.Framing framing(String spec) throws LabException {
        try {
            return socketlab.codec.Framing.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new LabException(Phrase.window("error.framing", Phrase.of(e)));
        }
    }

    /** What the pane's knobs make, read by {@link #readOrFail}. */
    interface Reading<T> {
        T read() throws LabException;
    }

    /** What the pane's knobs make now (its settings), or null after showing why they cannot be used. */
    <T> T readOrFail(Reading<T> knobs) {
        try {
            return knobs.read();
        } catch (LabException e) {
            fail(e);
            return null;
        }
    }

    /** Shows {@code why} as the pane's error, worded now and again at each switch of language. */
    void fail(Phrase why) {
        lastError = why;
        error.set(why == null ? "" : why.words());
    }

    /** Shows what {@code problem} says as the pane's error. */
    void fail(Throwable problem) {
        fail(Phrase.of(problem));
    }

    void clearError() {
        fail((Phrase) null);
    }

    /** Words the status and the error in the window's language now (after F7). */
    void relabel() {
        show(lastStatus);
        fail(lastError);
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
