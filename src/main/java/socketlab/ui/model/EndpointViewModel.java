package socketlab.ui.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the client pane and the server pane both show about their socket: a line of status, the
 * last error in words ("" when none), and whether a call is under way (the buttons wait for it).
 */
public abstract sealed class EndpointViewModel permits ClientViewModel, ServerViewModel {
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    final ReadOnlyStringWrapper status;
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    EndpointViewModel(String idle) {
        status = new ReadOnlyStringWrapper(idle);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
