package socketlab.ui.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import socketlab.codec.Framing;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.net.ClientSettings;
import socketlab.net.Explain;
import socketlab.net.LabClient;
import socketlab.net.LabException;
import socketlab.net.ServerSettings;
import socketlab.scenario.Scenario;
import socketlab.text.Phrase;

/**
 * The client pane's state: where to connect, what to send and how. Connecting and sending run
 * on background tasks; each posts back once when done. When the framing changes while
 * connected, the next Send reconnects, so both ends start a fresh stream in the new framing.
 */
public final class ClientViewModel extends EndpointViewModel {
    public static final String PRESET_TUTORIAL_1 = "hello world\nhaha";
    public static final String PRESET_TUTORIAL_2 = "hello xuyaping\nhaha";
    public static final String PRESET_CHINESE = "你好，世界\n粘包";

    private final Recording recording;
    private final TaskExecutor tasks;

    final StringProperty port = new SimpleStringProperty(String.valueOf(ServerSettings.DEFAULT_PORT));
    final StringProperty framing = new SimpleStringProperty("none");
    final StringProperty messagesText = new SimpleStringProperty(PRESET_TUTORIAL_1);
    final BooleanProperty addGenerated = new SimpleBooleanProperty(false);
    final IntegerProperty generatedSize = new SimpleIntegerProperty(Scenario.ONE_MIB);
    final IntegerProperty gapMs = new SimpleIntegerProperty(0);
    final BooleanProperty noDelay = new SimpleBooleanProperty(false);
    final BooleanProperty alterFile = new SimpleBooleanProperty(false);

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    final ObservableList<MessageRow> replies = FXCollections.observableArrayList();
    /** Rows the list let go, oldest first, to stay at its bound (see {@link MessageRow#LISTED_MOST}). */
    final javafx.beans.property.IntegerProperty earlier = new javafx.beans.property.SimpleIntegerProperty();
    private volatile LabClient client;

    ClientViewModel(Recording recording, TaskExecutor tasks) {
        super(Phrase.window("client.status.idle"));
        this.recording = recording;
        this.tasks = tasks;
    }

    public StringProperty portProperty() { return port; }

    public StringProperty framingProperty() { return framing; }

    public StringProperty messagesTextProperty() { return messagesText; }

    public BooleanProperty addGeneratedProperty() { return addGenerated; }

    public IntegerProperty generatedSizeProperty() { return generatedSize; }

    public IntegerProperty gapMsProperty() { return gapMs; }

    public BooleanProperty noDelayProperty() { return noDelay; }

    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }

    public ObservableList<MessageRow> replies() { return replies; }

    /** How many earlier rows the list no longer holds (0 while it holds them all). */
    public javafx.beans.value.ObservableIntegerValue earlierProperty() { return earlier; }

    ClientSettings settings() throws LabException {
        int p = Explain.port(port.get());
        if (p == 0) {
            throw new LabException(Phrase.window("error.client.port0"));
        }
        Framing f = framing(framing.get());
        try {
            return new ClientSettings(ServerSettings.LOOPBACK, p, f, gapMs.get(), noDelay.get(),
                    ServerSettings.DEFAULT_RECV_BUFFER);
        } catch (IllegalArgumentException e) {
            throw new LabException(Phrase.of(e));
        }
    }

    /** The messages to send: one per line of the text, plus the generated one when asked. */
    List<byte[]> outgoing() {
        List<byte[]> out = new ArrayList<>();
        String text = messagesText.get() == null ? "" : messagesText.get();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (addGenerated.get()) {
            out.add(Scenario.generated(Math.max(1, generatedSize.get())));
        }
        return out;
    }

    public void toggleConnection() {
        if (connected.get()) {
            disconnect();
        } else {
            connect(null);
        }
    }

    public void connect(Runnable then) {
        if (busy.get()) {
            return;
        }
        ClientSettings s = readOrFail(this::settings);
        if (s == null) {
            return;
        }
        clearError();
        busy.set(true);
        LabClient c = new LabClient(recording.log(), s, tasks.runner(), recording.stepper());
        BackgroundTask.run("client-connect", () -> {
            c.connect();
            client = c;
        }).onSuccess(v -> {
            busy.set(false);
            connected.set(true);
            show(Phrase.window("client.status.connected", String.valueOf(c.localPort()),
                    String.valueOf(s.port()), s.framing().spec()));
            if (then != null) {
                then.run();
            }
        }).onFailure(e -> {
            busy.set(false);
            fail(e);
        }).executeWith(tasks);
    }

    public void disconnect() {
        LabClient c = client;
        client = null;
        if (c != null) {
            BackgroundTask.run("client-close", c::close).executeWith(tasks);
        }
        connected.set(false);
        show(Phrase.window("client.status.idle"));
    }

    /** Sends the messages; connects first (or reconnects when the framing changed). */
    public void send() {
        if (busy.get()) {
            return;
        }
        List<byte[]> bodies = outgoing();
        if (bodies.isEmpty()) {
            fail(Phrase.window("error.client.nothing"));
            return;
        }
        whenConnected(this::send, c -> c.send(bodies));
    }

    /**
     * Sends a file the user picked as one message carrying its name (the header framing puts name,
     * data_size and sha256 in front). Read on a background thread; at most {@link #MAX_FILE} bytes.
     * With {@link #alterFileProperty()} on, one byte is changed after hashing, so the check fails.
     */
    public void sendFile(java.nio.file.Path file) {
        if (busy.get() || file == null) {
            return;
        }
        boolean alter = alterFile.get();
        whenConnected(() -> sendFile(file), c -> {
            byte[] content;
            try {
                long size = java.nio.file.Files.size(file);
                if (size > MAX_FILE) {
                    throw new LabException(Phrase.window("error.client.fileTooBig", file.getFileName().toString(),
                            String.format("%,d", size), String.format("%,d", MAX_FILE)));
                }
                content = java.nio.file.Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new LabException(Phrase.window("error.client.fileUnreadable", file.getFileName().toString(), String.valueOf(e.getMessage())));
            }
            c.sendFile(content, file.getFileName().toString(), alter);
        });
    }

    public static final int MAX_FILE = Framing.DEFAULT_MAX_FRAME;

    public BooleanProperty alterFileProperty() { return alterFile; }

    /** What a send does with the connected client, on a background thread. */
    private interface Sending {
        void on(LabClient c) throws LabException;
    }

    /** Runs {@code action} on a background thread once connected with the current settings; else connects, then {@code retry}. */
    private void whenConnected(Runnable retry, Sending action) {
        ClientSettings wanted = readOrFail(this::settings);
        if (wanted == null) {
            return;
        }
        LabClient c = client;
        if (c == null || !c.isConnected()) {
            connect(retry);
            return;
        }
        if (!c.settings().equals(wanted)) {
            disconnect();
            show(Phrase.window("client.status.reconnecting"));
            connect(retry);
            return;
        }
        clearError();
        busy.set(true);
        BackgroundTask.run("client-send", () -> action.on(c))
                .onSuccess(v -> busy.set(false))
                .onFailure(e -> {
                    busy.set(false);
                    fail(e);
                    connected.set(c.isConnected());
                })
                .executeWith(tasks);
    }

    void noticeClosed(int conn) {
        LabClient c = client;
        if (c != null && c.conn() == conn) {
            client = null;
            connected.set(false);
            show(Phrase.window("client.status.closedByPeer"));
        }
    }

    int conn() {
        LabClient c = client;
        return c == null ? 0 : c.conn();
    }

    void shutdown() {
        LabClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    void reset() {
        replies.clear();
        earlier.set(0);
    }
}
