package socketlab.ui.model;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import socketlab.codec.Framing;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.net.Explain;
import socketlab.net.LabException;
import socketlab.net.LabServer;
import socketlab.net.ServerSettings;
import socketlab.text.Phrase;

/**
 * The server pane's state. Editable knobs are plain properties; what the sockets report is
 * exposed read-only. Never touches a node; never blocks the FX thread: binding runs on a
 * background task and posts its one result back.
 */
public final class ServerViewModel extends EndpointViewModel {
    private final Recording recording;
    private final TaskExecutor tasks;

    final StringProperty port = new SimpleStringProperty(String.valueOf(ServerSettings.DEFAULT_PORT));
    final IntegerProperty recvBuffer = new SimpleIntegerProperty(ServerSettings.DEFAULT_RECV_BUFFER);
    final IntegerProperty recvDelayMs = new SimpleIntegerProperty(100);
    final StringProperty framing = new SimpleStringProperty("none");
    final BooleanProperty echo = new SimpleBooleanProperty(false);
    /** How the server serves connections (applies at the next start). */
    final javafx.beans.property.ObjectProperty<ServerSettings.Model> model =
            new javafx.beans.property.SimpleObjectProperty<>(ServerSettings.Model.THREADED);
    /** SO_REUSEADDR on the listener, set explicitly (Java's default is on, Python's off). */
    final BooleanProperty reuseAddress = new SimpleBooleanProperty(true);
    /** Answer each message from the fixed, harmless command set (the tutorial's remote-command server). */
    final BooleanProperty commands = new SimpleBooleanProperty(false);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper boundPort = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper suggestedPort = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper waitingMax = new ReadOnlyIntegerWrapper(0);
    final ObservableList<MessageRow> messages = FXCollections.observableArrayList();
    /** Rows the list let go, oldest first, to stay at its bound (see {@link MessageRow#LISTED_MOST}). */
    final javafx.beans.property.IntegerProperty earlier = new javafx.beans.property.SimpleIntegerProperty();
    private LabServer server;

    ServerViewModel(Recording recording, TaskExecutor tasks) {
        super(Phrase.window("server.status.stopped"));
        this.recording = recording;
        this.tasks = tasks;
        recvBuffer.addListener((o, a, b) -> pushLiveSettings());
        recvDelayMs.addListener((o, a, b) -> pushLiveSettings());
        framing.addListener((o, a, b) -> pushLiveSettings());
        echo.addListener((o, a, b) -> pushLiveSettings());
    }

    public StringProperty portProperty() { return port; }

    public IntegerProperty recvBufferProperty() { return recvBuffer; }

    public IntegerProperty recvDelayMsProperty() { return recvDelayMs; }

    public StringProperty framingProperty() { return framing; }

    public BooleanProperty echoProperty() { return echo; }

    public javafx.beans.property.ObjectProperty<ServerSettings.Model> modelProperty() { return model; }

    public BooleanProperty reuseAddressProperty() { return reuseAddress; }

    public BooleanProperty commandsProperty() { return commands; }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty boundPortProperty() { return boundPort.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty suggestedPortProperty() { return suggestedPort.getReadOnlyProperty(); }

    /** Bytes that were waiting in the kernel receive buffer before the last recv() (FIONREAD). */
    public ReadOnlyIntegerProperty waitingProperty() { return waiting.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty waitingMaxProperty() { return waitingMax.getReadOnlyProperty(); }

    public ObservableList<MessageRow> messages() { return messages; }

    /** How many earlier rows the list no longer holds (0 while it holds them all). */
    public javafx.beans.value.ObservableIntegerValue earlierProperty() { return earlier; }

    /** The settings the knobs describe; throws with a readable message when one is wrong. */
    ServerSettings settings() throws LabException {
        int p = Explain.port(port.get());
        Framing f = framing(framing.get());
        try {
            return new ServerSettings(ServerSettings.LOOPBACK, p, recvBuffer.get(), recvDelayMs.get(), List.of(), f,
                    echo.get(), 0, Framing.DEFAULT_MAX_FRAME, model.get());
        } catch (IllegalArgumentException e) {
            throw new LabException(Phrase.of(e));
        }
    }

    private void pushLiveSettings() {
        LabServer s = server;
        if (s == null) {
            return;
        }
        try {
            s.update(settings().withPort(s.port()));
        } catch (LabException e) {
            fail(e);
        }
    }

    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    public void start() {
        if (running.get() || busy.get()) {
            return;
        }
        ServerSettings s = readOrFail(this::settings);
        if (s == null) {
            return;
        }
        clearError();
        suggestedPort.set(-1);
        busy.set(true);
        LabServer candidate = new LabServer(recording.log(), s, recording.stepper()).reuseAddress(reuseAddress.get())
                .answerCommands(commands.get());
        BackgroundTask.of("server-start", candidate::start).onSuccess(p -> {
            server = candidate;
            busy.set(false);
            running.set(true);
            boundPort.set(p);
            show(Phrase.window("server.status.listening", ServerSettings.LOOPBACK, String.valueOf(p)));
        }).onFailure(e -> {
            busy.set(false);
            fail(e);
            suggestedPort.set(e instanceof LabException le ? le.freePort() : -1);
        }).executeWith(tasks);
    }

    /** Takes the free port the last error offered. */
    public void useSuggestedPort() {
        if (suggestedPort.get() > 0) {
            port.set(String.valueOf(suggestedPort.get()));
            suggestedPort.set(-1);
            start();
        }
    }

    public void stop() {
        LabServer s = server;
        if (s == null) {
            return;
        }
        server = null;
        busy.set(true);
        BackgroundTask.run("server-stop", s::close).onSuccess(v -> {
            busy.set(false);
            running.set(false);
            boundPort.set(-1);
            show(Phrase.window("server.status.stopped"));
        }).executeWith(tasks);
    }

    /** Closes without posting back: for window close. */
    void shutdown() {
        LabServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    void showWaiting(int bytes) {
        waiting.set(bytes);
        if (bytes > waitingMax.get()) {
            waitingMax.set(bytes);
        }
    }

    void reset() {
        messages.clear();
        earlier.set(0);
        waiting.set(0);
        waitingMax.set(0);
    }
}
