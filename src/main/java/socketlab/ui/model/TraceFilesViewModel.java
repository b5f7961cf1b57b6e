package socketlab.ui.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.export.Png;
import socketlab.text.I18n;
import socketlab.text.Phrase;
import socketlab.trace.TraceCsv;
import socketlab.trace.TraceFile;
import socketlab.trace.TraceLog;

/**
 * The File menu's work, each on a background thread with its outcome on the status line: save the
 * run as a trace (with the panes' settings at its top), open a trace in place of the run, export
 * the events as CSV and the timeline as a PNG.
 */
public final class TraceFilesViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Recording recording;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final RunsViewModel runs;
    private final ServerViewModel server;
    private final ClientViewModel client;
    private final Consumer<TraceLog> open;

    /** {@code open} shows a loaded trace in place of the run (on the UI thread). */
    TraceFilesViewModel(Recording recording, TaskExecutor tasks, StatusLine status, RunsViewModel runs,
                        ServerViewModel server, ClientViewModel client, Consumer<TraceLog> open) {
        this.recording = recording;
        this.tasks = tasks;
        this.status = status;
        this.runs = runs;
        this.server = server;
        this.client = client;
        this.open = open;
    }

    /** What the panes are set to, written at the top of a saved trace. */
    ObjectNode settingsJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("scenario", runs.scenarioProperty().get() == null ? null : runs.scenarioProperty().get().id());
        json.put("fix", runs.fixFramingProperty().get());
        fields(json.putObject("server"), "port", server.port.get(), "recv_buffer", server.recvBuffer.get(),
                "recv_delay_ms", server.recvDelayMs.get(), "framing", server.framing.get(), "echo", server.echo.get());
        fields(json.putObject("client"), "port", client.port.get(), "framing", client.framing.get(),
                "gap_ms", client.gapMs.get(), "nodelay", client.noDelay.get(), "messages", client.messagesText.get());
        json.put("language", I18n.locale().getLanguage());
        return json;
    }

    /** Puts name, value, name, value … into {@code o}, in that order. */
    private static void fields(ObjectNode o, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            o.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
    }

    /** Saves the run as a trace file. */
    public void saveTrace(Path file) {
        TraceLog target = recording.log();
        ObjectNode settings = settingsJson();
        write("save-trace", file, w -> TraceFile.write(target, settings, w), () -> Phrase.window("file.saved", target.size(), name(file)));
    }

    /** Exports the events as CSV. */
    public void exportCsv(Path file) {
        TraceLog target = recording.log();
        write("export-csv", file, w -> TraceCsv.write(target, w), () -> Phrase.window("file.exported", target.size(), name(file)));
    }

    /** Writes the packets captured in wire mode for this run as a pcapng file (Wireshark, tshark). */
    public void exportPackets(Path file) {
        socketlab.wire.WireCapture wire = recording.wire();
        if (wire == null) {
            return; // the menu offers it only in wire mode
        }
        BackgroundTask.of("export-pcapng", () -> wire.exportPackets(file))
                .onSuccess(n -> status.say(Phrase.window("file.packets", n, name(file))))
                .onFailure(e -> status.say(failed(file, e)))
                .executeWith(tasks);
    }

    /** Writes pixels taken from the timeline as a PNG; {@code done} runs after, on the UI thread. */
    public void exportPng(int width, int height, int[] argb, Path file, Runnable done) {
        BackgroundTask.run("export-png", () -> Png.write(width, height, argb, file))
                .onSuccess(v -> {
                    status.say(Phrase.window("file.png", width, height, name(file)));
                    runAfter(done);
                })
                .onFailure(e -> {
                    status.say(failed(file, e));
                    runAfter(done);
                })
                .executeWith(tasks);
    }

    /** Opens a saved trace (or one the CLI wrote) in place of the current run. */
    public void openTrace(Path file) {
        BackgroundTask.of("open-trace", () -> {
            return TraceFile.read(file);
        }).onSuccess(loaded -> {
            open.accept(loaded.log());
            status.say(Phrase.window("file.opened", loaded.log().size(), name(file)));
        }).onFailure(e -> status.say(failed(file, e))).executeWith(tasks);
    }

    /** Writes text to a file of the user's. */
    @FunctionalInterface
    private interface Text {
        void to(Writer w) throws java.io.IOException;
    }

    private void write(String task, Path file, Text text, java.util.function.Supplier<Phrase> done) {
        BackgroundTask.run(task, () -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                text.to(w);
            }
        }).onSuccess(v -> status.say(done.get())).onFailure(e -> status.say(failed(file, e))).executeWith(tasks);
    }

    private static Phrase failed(Path file, Exception e) {
        return Phrase.window("file.failed", name(file), Phrase.of(e));
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static void runAfter(Runnable done) {
        if (done != null) {
            done.run();
        }
    }
}
