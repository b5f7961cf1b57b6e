package socketlab.ui.model;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.net.LabException;
import socketlab.net.ServerSettings;
import socketlab.net.Stepper;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.text.I18n;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceCsv;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceFile;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The window's state. Socket threads only append to the {@link TraceLog}; {@link #refresh()},
 * called once per pulse on the FX thread, reads what is new and updates the read-only
 * properties and lists in one batch — no {@code Platform.runLater} per event.
 */
public final class LabViewModel {
    private final TaskRunner background;
    private final Executor ui;
    private TraceLog log = new TraceLog();
    private TraceIndex index = new TraceIndex(log);
    private final Stepper stepper = new Stepper();
    private final BooleanProperty stepMode = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper nextCall = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper waitingCalls = new ReadOnlyIntegerWrapper();
    private int stepperSeen = -1;
    private final ServerViewModel server;
    private final ClientViewModel client;

    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper glued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper split = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper events = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper scenarioRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper scenarioStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TraceEvent> selected = new ReadOnlyObjectWrapper<>();
    final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.STICKY);
    /** The built-in scenarios, then any the user opened. */
    final javafx.collections.ObservableList<Scenario> scenarios = javafx.collections.FXCollections.observableArrayList(Scenario.builtIn());
    final StringProperty fixFraming = new SimpleStringProperty("header:le");

    /** Replay: how many events of the run are shown; -1 while live. */
    private final ReadOnlyIntegerWrapper replay = new ReadOnlyIntegerWrapper(-1);
    /** The index the window shows: the live one, or during replay the run up to the replay position. */
    private TraceIndex shown;

    /** Filled from a background task (reading the lesson files is I/O): the window never waits for them. */
    private final javafx.collections.ObservableList<socketlab.lesson.Lesson> lessons = javafx.collections.FXCollections.observableArrayList();
    final ObjectProperty<socketlab.lesson.Lesson> lesson = new SimpleObjectProperty<>();
    final StringProperty prediction = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper lessonResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper lessonRunning = new ReadOnlyBooleanWrapper(false);

    /** Per connection: how many of its frames and errors are already in the lists. */
    private final Map<Integer, int[]> listed = new HashMap<>();

    public LabViewModel(TaskRunner background, Executor ui) {
        this.background = background;
        this.ui = ui;
        this.server = new ServerViewModel(this, background, ui);
        this.client = new ClientViewModel(this, background, ui);
        background.execute("read-lessons", () -> { // parsed once (the launcher may have started already); posted once
            List<socketlab.lesson.Lesson> all = socketlab.lesson.Lessons.all();
            ui.execute(() -> {
                lessons.setAll(all);
                if (lesson.get() == null && !all.isEmpty()) {
                    lesson.set(all.get(0));
                }
            });
        });
        lesson.addListener((o, a, b) -> {
            prediction.set("");
            lessonResult.set("");
        });
        stepMode.addListener((o, was, on) -> {
            stepper.setEnabled(on);
            showNextCall();
        });
    }

    Stepper stepper() {
        return stepper;
    }

    /** Step mode: every socket call of both sides waits for {@link #step()}. Can be turned off mid-run. */
    public BooleanProperty stepModeProperty() {
        return stepMode;
    }

    /** The call that runs on the next step, in words ("" when none is waiting). */
    public ReadOnlyStringProperty nextCallProperty() {
        return nextCall.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingCallsProperty() {
        return waitingCalls.getReadOnlyProperty();
    }

    /** Lets exactly one waiting socket call run. */
    public void step() {
        stepper.step();
        showNextCall();
    }

    private void showNextCall() {
        stepperSeen = stepper.version();
        List<Stepper.Pending> line = stepper.pending();
        waitingCalls.set(line.size());
        if (!stepMode.get()) {
            nextCall.set("");
        } else if (line.isEmpty()) {
            nextCall.set(I18n.tr("step.idle"));
        } else {
            Stepper.Pending p = line.get(0);
            String who = I18n.tr(p.side() == Side.CLIENT ? "side.client" : "side.server");
            String text = p.waiting() >= 0 ? I18n.tr("step.nextRecv", who, p.call(), p.waiting()) : I18n.tr("step.next", who, p.call());
            nextCall.set(line.size() > 1 ? text + "   " + I18n.tr("step.more", line.size() - 1) : text);
        }
    }

    public ServerViewModel server() {
        return server;
    }

    public ClientViewModel client() {
        return client;
    }

    public TraceLog log() {
        return log;
    }

    public TraceIndex index() {
        return index;
    }

    /** Changes once per pulse in which new events arrived: the timeline redraws on it. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty gluedProperty() {
        return glued.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty splitProperty() {
        return split.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scenarioRunningProperty() {
        return scenarioRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioStatusProperty() {
        return scenarioStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceEvent> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    /** The lessons in the tutorial's order; empty until they have been read, then filled on the UI thread. */
    public javafx.collections.ObservableList<socketlab.lesson.Lesson> lessons() {
        return lessons;
    }

    public ObjectProperty<socketlab.lesson.Lesson> lessonProperty() {
        return lesson;
    }

    /** The learner's prediction: one of the lesson's choices, "" before choosing. */
    public StringProperty predictionProperty() {
        return prediction;
    }

    /** What the run said, and whether the prediction was right ("" before running). */
    public ReadOnlyStringProperty lessonResultProperty() {
        return lessonResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lessonRunningProperty() {
        return lessonRunning.getReadOnlyProperty();
    }

    /**
     * Puts the lesson's settings into the panes, so that after the run the learner can do it again by
     * hand (Start listening, Send) and change one thing: framings, recv() size and delay, messages,
     * server model, SO_REUSEADDR, answering commands, TCP_NODELAY.
     */
    void loadIntoPanes(socketlab.lesson.Lesson l) {
        socketlab.lesson.Lesson.Experiment x = l.experiment();
        ServerViewModel sv = server;
        ClientViewModel cv = client;
        sv.model.set(ServerSettings.Model.THREADED);
        sv.reuseAddress.set(true);
        sv.commands.set(false);
        sv.echo.set(false);
        cv.addGenerated.set(false);
        switch (x.kind()) {
            case "tcp" -> {
                Scenario sc = Scenario.byId(x.scenario());
                String framing = x.framing() != null ? x.framing() : sc.framing().spec();
                sv.recvBuffer.set(sc.recvBuffer());
                sv.recvDelayMs.set(sc.recvDelayMs());
                sv.framing.set(framing);
                cv.framing.set(framing);
                cv.gapMs.set(sc.gapMs());
                StringBuilder text = new StringBuilder();
                for (byte[] m : sc.messages()) {
                    if (m.length > 4096) {
                        cv.addGenerated.set(true);
                        cv.generatedSize.set(m.length);
                    } else {
                        text.append(text.length() > 0 ? "\n" : "").append(new String(m, StandardCharsets.UTF_8));
                    }
                }
                cv.messagesText.set(text.toString());
            }
            case "commands" -> {
                String framing = x.option("framing", "none");
                sv.commands.set(true);
                sv.framing.set(framing);
                sv.recvDelayMs.set(0);
                cv.framing.set(framing);
                cv.messagesText.set(String.join("\n", x.messages()));
            }
            case "models" -> {
                sv.model.set(ServerSettings.Model.parse(x.option("model", "threaded")));
                sv.recvDelayMs.set(x.recvDelayMs());
            }
            case "time-wait" -> sv.reuseAddress.set(Boolean.parseBoolean(x.option("reuse", "true")));
            case "file" -> {
                sv.framing.set("header:le");
                cv.framing.set("header:le");
                cv.alterFile.set(Boolean.parseBoolean(x.option("alter", "false")));
            }
            case "nagle" -> cv.noDelay.set(false);
            case "empty-send", "quit", "sequence", "length-ack" -> {
                sv.framing.set("none");
                cv.framing.set("none");
            }
            default -> { } // UDP: the panes are TCP's
        }
    }

    /** Runs the lesson's experiment on real sockets (in the background) and answers its question from the trace. */
    public void runLesson() {
        socketlab.lesson.Lesson l = lesson.get();
        if (l == null || lessonRunning.get()) {
            return;
        }
        loadIntoPanes(l);
        lessonRunning.set(true);
        lessonResult.set(I18n.tr("scenario.running"));
        String guess = prediction.get();
        TraceLog target = log;
        background.execute("lesson", () -> {
            String text;
            try {
                socketlab.lesson.Lessons.Outcome outcome = socketlab.lesson.Lessons.run(l, target);
                String lang = I18n.locale().getLanguage();
                String answer = l.choice(outcome.answer()).label(lang);
                text = guess == null || guess.isEmpty() ? I18n.tr("lesson.answer", answer)
                        : I18n.tr(guess.equals(outcome.answer()) ? "lesson.right" : "lesson.wrong", answer, l.choice(guess).label(lang));
                String measured = outcome.describe(l, lang);
                if (!measured.isEmpty()) {
                    text = text + "\n" + measured;
                }
            } catch (LabException e) {
                text = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                text = "";
            }
            String t = text;
            ui.execute(() -> {
                lessonRunning.set(false);
                lessonResult.set(t);
            });
        });
    }

    public javafx.collections.ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** Opens a teacher's scenario file (read and checked on a background thread) and selects it. */
    public void openScenario(java.nio.file.Path file) {
        background.execute("open-scenario", () -> {
            try {
                Scenario s = socketlab.scenario.ScenarioFile.read(file);
                ui.execute(() -> {
                    scenarios.removeIf(x -> x.id().equals(s.id()) && !Scenario.builtIn().contains(x));
                    scenarios.add(s);
                    scenario.set(s);
                    scenarioStatus.set(I18n.tr("file.scenarioOpened", s.title(I18n.locale().getLanguage()), file.getFileName().toString()));
                });
            } catch (java.io.IOException e) {
                String m = I18n.tr("file.scenarioBad", e.getMessage());
                ui.execute(() -> scenarioStatus.set(m));
            }
        });
    }

    public StringProperty fixFramingProperty() {
        return fixFraming;
    }

    public void select(int eventIndex) {
        selected.set(eventIndex < 0 || eventIndex >= log.size() ? null : log.get(eventIndex));
    }

    void serverStarted(int port) {
        client.port.set(String.valueOf(port));
    }

    /** Reads the events appended since the last pulse. Returns true when there were any. */
    public boolean refresh() {
        if (stepper.version() != stepperSeen) {
            showNextCall();
        }
        if (!index.update()) {
            return false;
        }
        if (replay.get() >= 0) {
            events.set(log.size()); // still recording; the view stays at the replay position
            return true;
        }
        publish(index, log.size(), true);
        return true;
    }

    /** The index the timeline and the lists show. */
    public TraceIndex shownIndex() {
        return shown == null ? index : shown;
    }

    /** Events shown during replay, or -1 while live. */
    public ReadOnlyIntegerProperty replayProperty() {
        return replay.getReadOnlyProperty();
    }

    public boolean isReplaying() {
        return replay.get() >= 0;
    }

    /** Events recorded so far (the end of the replay slider). */
    public int recorded() {
        return log.size();
    }

    /** Time of the event at replay position {@code k} (ns since the trace began). */
    public long timeAt(int k) {
        return k <= 0 || log.size() == 0 ? 0 : log.tNs(Math.min(k, log.size()) - 1);
    }

    /** Shows the run as it stood after its first {@code k} events: timeline, lists, gauge and counts. */
    public void replayTo(int k) {
        int n = Math.max(0, Math.min(k, log.size()));
        replay.set(n);
        TraceIndex prefix = new TraceIndex(log, n);
        prefix.update();
        listed.clear();
        server.reset();
        client.reset();
        publish(prefix, n, false);
        if (selected.get() != null && selected.get().index() >= n) {
            selected.set(null);
        }
    }

    /** Back to the live run. */
    public void live() {
        replay.set(-1);
        listed.clear();
        server.reset();
        client.reset();
        index = new TraceIndex(log);
        index.update();
        publish(index, log.size(), true);
    }

    private void publish(TraceIndex idx, int limit, boolean live) {
        shown = idx;
        int lastWaiting = -1;
        for (TraceIndex.Conn c : idx.conns()) {
            int[] seen = listed.computeIfAbsent(c.id, k -> new int[2]);
            List<MessageRow> target = c.side == Side.SERVER ? server.messages : client.replies;
            for (int k = seen[0]; k < c.frames.size(); k++) {
                int ev = c.frames.get(k);
                TraceEvent f = log.get(ev);
                target.add(new MessageRow(c.id, preview(f.payload(), f.bytes(), f.text()), idx.frameOk(c, k), false, ev, f.bytes()));
            }
            seen[0] = c.frames.size();
            for (int k = seen[1]; k < c.errors.size(); k++) {
                int ev = c.errors.get(k);
                target.add(new MessageRow(c.id, log.get(ev).text(), null, true, ev, 0));
            }
            seen[1] = c.errors.size();
            if (live && c.side == Side.CLIENT && c.eofEvent >= 0) {
                client.noticeClosed(c.id);
            }
        }
        // the gauge: FIONREAD before the most recent server recv() shown
        for (int i = limit - 1; i >= 0 && i >= limit - 4096; i--) {
            if (log.op(i) == Op.RECV && log.side(i) == Side.SERVER) {
                lastWaiting = log.available(i);
                break;
            }
        }
        if (lastWaiting >= 0) {
            server.showWaiting(lastWaiting);
        }
        glued.set(idx.gluedTotal());
        split.set(idx.splitTotal());
        events.set(log.size());
        version.set(version.get() + 1);
    }

    /** Text for a list row: the message as UTF-8 (� where it is not), shortened. */
    private static final java.util.regex.Pattern FILENAME = java.util.regex.Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]{1,120})\"");

    /**
     * A message as the list shows it: its text, or — for bytes that are not text (a picture, a
     * file) — its name from the header when there is one and its size, never a row of � glyphs.
     */
    static String preview(byte[] payload, int bytes, String header) {
        if (payload != null && !isText(payload)) {
            java.util.regex.Matcher m = header == null ? null : FILENAME.matcher(header);
            String size = I18n.tr("bytes.binary", String.format("%,d", bytes));
            return m != null && m.find() ? m.group(1) + " · " + size : size;
        }
        return preview(payload, bytes);
    }

    /** Valid UTF-8 with no control characters but line breaks and tabs (a cut multi-byte character at the end is fine). */
    static boolean isText(byte[] b) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.min(b.length, 4096) + 1);
        java.nio.charset.CoderResult r = d.decode(java.nio.ByteBuffer.wrap(b, 0, Math.min(b.length, 4096)), out, false);
        if (r.isError()) {
            return false;
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static String preview(byte[] payload, int bytes) {
        if (payload == null) {
            return "";
        }
        String s = new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8)
                .replace("\n", "⏎").replace("\r", "");
        if (bytes > 200) {
            s = s + "… (" + I18n.tr("bytes.count", bytes) + ")";
        }
        return s;
    }

    /** Runs the scenario as it is ("broken"), then again with the fix framing: two rows, one view. */
    public void runComparison() {
        Scenario s = scenario.get();
        Framing fix;
        try {
            fix = Framing.parse(fixFraming.get());
        } catch (IllegalArgumentException e) {
            scenarioStatus.set(e.getMessage());
            return;
        }
        runScenarios(List.of(s, s.withFraming(fix)));
    }

    /** The scenario as it is, then under every fix: one row each, one view. */
    public void runAllFixes() {
        Scenario s = scenario.get();
        int longest = 1;
        boolean newline = false;
        for (byte[] m : s.messages()) {
            longest = Math.max(longest, m.length);
            for (byte b : m) {
                newline |= b == '\n';
            }
        }
        List<Scenario> runs = new java.util.ArrayList<>();
        runs.add(s);
        for (String fix : new String[] {"sleep:" + Framing.DEFAULT_SLEEP_MS, "fixed:" + longest, "length:le", "header:le", "line"}) {
            if (fix.equals("line") && newline) {
                continue; // a message with a newline in it cannot be framed by lines
            }
            Framing f = Framing.parse(fix);
            if (!f.equals(s.framing())) {
                runs.add(s.withFraming(f));
            }
        }
        runScenarios(runs);
    }

    public void runScenario() {
        runScenarios(List.of(scenario.get()));
    }

    private void runScenarios(List<Scenario> runs) {
        if (scenarioRunning.get()) {
            return;
        }
        scenarioRunning.set(true);
        scenarioStatus.set(I18n.tr("scenario.running"));
        TraceLog target = log;
        background.execute("scenario", () -> {
            StringBuilder sb = new StringBuilder();
            try {
                for (Scenario s : runs) {
                    ScenarioRunner.Result r = new ScenarioRunner(target, background, stepper).run(s);
                    if (sb.length() > 0) {
                        sb.append("   |   ");
                    }
                    sb.append(I18n.tr("scenario.result", s.framing().spec(), r.summary().glued(), r.summary().split(),
                            r.summary().framesOk(), r.summary().frames(), String.format("%.1f", r.elapsedNs() / 1e6)));
                }
            } catch (LabException e) {
                sb.append(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = sb.toString();
            ui.execute(() -> {
                scenarioRunning.set(false);
                scenarioStatus.set(text);
            });
        });
    }

    /** What the panes are set to, written at the top of a saved trace. */
    com.fasterxml.jackson.databind.node.ObjectNode settingsJson() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        json.put("scenario", scenario.get() == null ? null : scenario.get().id());
        json.put("fix", fixFraming.get());
        var srv = json.putObject("server");
        srv.put("port", server.port.get());
        srv.put("recv_buffer", server.recvBuffer.get());
        srv.put("recv_delay_ms", server.recvDelayMs.get());
        srv.put("framing", server.framing.get());
        srv.put("echo", server.echo.get());
        var cli = json.putObject("client");
        cli.put("port", client.port.get());
        cli.put("framing", client.framing.get());
        cli.put("gap_ms", client.gapMs.get());
        cli.put("nodelay", client.noDelay.get());
        cli.put("messages", client.messagesText.get());
        json.put("language", I18n.locale().getLanguage());
        return json;
    }

    /** Saves the run as a trace file (on a background thread). */
    public void saveTrace(java.nio.file.Path file) {
        TraceLog target = log;
        var settings = settingsJson();
        background.execute("save-trace", () -> {
            String msg;
            try (var w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
                TraceFile.write(target, settings, w);
                msg = I18n.tr("file.saved", target.size(), file.getFileName().toString());
            } catch (java.io.IOException e) {
                msg = I18n.tr("file.failed", file.getFileName().toString(), e.getMessage());
            }
            String m = msg;
            ui.execute(() -> scenarioStatus.set(m));
        });
    }

    /** Exports the events as CSV (on a background thread). */
    public void exportCsv(java.nio.file.Path file) {
        TraceLog target = log;
        background.execute("export-csv", () -> {
            String msg;
            try (var w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
                TraceCsv.write(target, w);
                msg = I18n.tr("file.exported", target.size(), file.getFileName().toString());
            } catch (java.io.IOException e) {
                msg = I18n.tr("file.failed", file.getFileName().toString(), e.getMessage());
            }
            String m = msg;
            ui.execute(() -> scenarioStatus.set(m));
        });
    }

    /** Writes pixels taken from the timeline as a PNG (on a background thread); {@code done} runs after. */
    public void exportPng(int width, int height, int[] argb, java.nio.file.Path file, Runnable done) {
        background.execute("export-png", () -> {
            String msg;
            try {
                socketlab.export.Png.write(width, height, argb, file);
                msg = I18n.tr("file.png", width, height, file.getFileName().toString());
            } catch (java.io.IOException e) {
                msg = I18n.tr("file.failed", file.getFileName().toString(), e.getMessage());
            }
            String m = msg;
            ui.execute(() -> {
                scenarioStatus.set(m);
                if (done != null) {
                    done.run();
                }
            });
        });
    }

    /** Opens a saved trace (or one the CLI wrote) in place of the current run (read on a background thread). */
    public void openTrace(java.nio.file.Path file) {
        background.execute("open-trace", () -> {
            try (var r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                TraceFile.Loaded loaded = TraceFile.read(r);
                ui.execute(() -> {
                    clear();
                    log = loaded.log();
                    index = new TraceIndex(log);
                    shown = null;
                    refresh();
                    version.set(version.get() + 1);
                    scenarioStatus.set(I18n.tr("file.opened", log.size(), file.getFileName().toString()));
                });
            } catch (java.io.IOException | RuntimeException e) {
                String m = I18n.tr("file.failed", file.getFileName().toString(), e.getMessage());
                ui.execute(() -> scenarioStatus.set(m));
            }
        });
    }

    /** Forgets everything shown: stops the server, disconnects, starts a new trace. */
    public void clear() {
        replay.set(-1);
        shown = null;
        server.stop();
        client.disconnect();
        log = new TraceLog();
        index = new TraceIndex(log);
        listed.clear();
        server.reset();
        client.reset();
        selected.set(null);
        glued.set(0);
        split.set(0);
        events.set(0);
        scenarioStatus.set("");
        version.set(version.get() + 1);
    }

    /** Closes every socket; returns when the ports are free (at most about a second). */
    public void shutdown() {
        stepper.setEnabled(false);
        client.shutdown();
        server.shutdown();
    }

    public void relabel() {
        server.relabel();
        client.relabel();
        showNextCall();
    }
}
