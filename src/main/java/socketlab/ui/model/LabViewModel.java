package socketlab.ui.model;

import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import socketlab.text.I18n;
import socketlab.exec.TaskExecutor;
import socketlab.exec.TaskRunner;
import socketlab.trace.MemoryBudget;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The window's state, by job: the server and client panes, step mode, replay, lessons, the
 * toolbar's runs and the File menu each have a view model of their own, sharing one
 * {@link Recording}. Socket threads only append to its {@link TraceLog}; {@link #refresh()},
 * called once per pulse on the FX thread, reads what is new and updates the read-only properties
 * and lists in one batch — no {@code Platform.runLater} per event.
 */
public final class LabViewModel {
    private final Recording recording;
    private final StatusLine status = new StatusLine();
    private final ServerViewModel server;
    private final ClientViewModel client;
    private final MessageFeed feed;
    private final StepViewModel steps;
    private final ReplayViewModel replay;
    private final LessonViewModel lessons;
    private final RunsViewModel runs;
    private final TraceFilesViewModel files;
    private final ProgramsViewModel programs;

    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper glued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper split = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper events = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper unrecorded = new ReadOnlyStringWrapper("");
    /** True while the index has events left to take in (a pulse ran out of its time): the pulses must go on. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper catchingUp = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TraceEvent> selected = new ReadOnlyObjectWrapper<>();
    /** What the window can see below the calls, when that needs saying: the wire captured, or why it is not; the kernel's state unseen. */
    private final ReadOnlyStringWrapper layers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper layersBrief = new ReadOnlyStringWrapper("");
    /** What the wire's line says, and in brief (null: nothing); the same for the kernel's state. */
    private socketlab.text.Phrase wireSaid;
    private socketlab.text.Phrase wireBriefSaid;
    private socketlab.text.Phrase kernelSaid;
    /** True once the wire is captured (the window runs in wire mode and the capture started). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper wireOn = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final BooleanBinding live;
    /** The index the window shows: the live one, or during replay the run up to the replay position. */
    private TraceIndex shown;

    /** Background work on {@code background}'s threads, its results through {@code ui} (the window: {@code Platform::runLater}). */
    public LabViewModel(TaskRunner background, Executor ui) {
        this(new TaskExecutor(background, ui));
    }

    public LabViewModel(TaskExecutor tasks) {
        this(tasks, MemoryBudget.configured());
    }

    /** As {@link #LabViewModel(TaskExecutor)}, recording every run within {@code budget}. */
    public LabViewModel(TaskExecutor tasks, MemoryBudget budget) {
        recording = new Recording(budget);
        server = new ServerViewModel(recording, tasks);
        client = new ClientViewModel(recording, tasks);
        feed = new MessageFeed(server, client);
        steps = new StepViewModel(recording.stepper());
        replay = new ReplayViewModel(recording, feed, this::publish);
        lessons = new LessonViewModel(recording, tasks, server, client);
        runs = new RunsViewModel(recording, tasks, status, p -> PaneLoader.load(p, server, client));
        files = new TraceFilesViewModel(recording, tasks, status, runs, server, client, this::show);
        programs = new ProgramsViewModel(recording, tasks, status);
        live = server.runningProperty().or(server.busyProperty()).or(client.connectedProperty()).or(client.busyProperty())
                .or(runs.scenarioRunningProperty()).or(lessons.lessonRunningProperty()).or(programs.runningProperty())
                .or(catchingUp)
                // a call waiting for its step can leave the line with nothing else live (its program was stopped):
                // the pulse that sees it go says so in the banner
                .or(steps.waitingCallsProperty().greaterThan(0));
        server.boundPortProperty().addListener((o, was, port) -> { // the client connects where the server listens
            if (port.intValue() > 0) {
                client.port.set(String.valueOf(port.intValue()));
            }
        });
        startWire(tasks);
    }

    /** In wire mode (the lab started again in a network namespace), the capture; else, if it was refused, why. */
    private void startWire(TaskExecutor tasks) {
        if (socketlab.wire.WireMode.inside()) {
            socketlab.exec.BackgroundTask.of("wire", () -> socketlab.wire.WireCapture.attach(recording.log(), null).keepingPackets())
                    .onSuccess(c -> {
                        recording.wire(c);
                        wireOn.set(true);
                        sayLayers(socketlab.text.Phrase.of("wire.on"), socketlab.text.Phrase.of("wire.onBrief"));
                    })
                    .onFailure(e -> sayLayers(socketlab.text.Phrase.of("wire.failed", socketlab.exec.BackgroundTask.words(e)),
                            socketlab.text.Phrase.of("wire.offBrief")))
                    .executeWith(tasks);
        } else if (socketlab.wire.WireMode.refusedWindow() != null) {
            sayLayers(socketlab.text.Phrase.of("wire.refused", socketlab.wire.WireMode.refusedWindow()),
                    socketlab.text.Phrase.of("wire.offBrief"));
        }
    }

    private void sayLayers(socketlab.text.Phrase p, socketlab.text.Phrase brief) {
        wireSaid = p;
        wireBriefSaid = brief;
        showLayers();
    }

    /**
     * Says that the kernel's TCP state cannot be read here, and why ({@code why}: the reader's own phrase; null
     * says nothing): the kernel lanes stay empty, and the window says so rather than leave a learner guessing.
     */
    public void kernelUnseen(socketlab.text.Phrase why) {
        kernelSaid = why;
        showLayers();
    }

    private void showLayers() {
        socketlab.text.Phrase kernelBrief = kernelSaid == null ? null : socketlab.text.Phrase.of("kernel.offBrief");
        layers.set(joined(wireSaid, kernelSaid, "layers.both"));
        layersBrief.set(joined(wireBriefSaid, kernelBrief, "layers.briefBoth"));
    }

    private static String joined(socketlab.text.Phrase a, socketlab.text.Phrase b, String both) {
        if (a == null || b == null) {
            return a != null ? a.words() : b != null ? b.words() : "";
        }
        return socketlab.text.Phrase.of(both, a, b).words();
    }

    public ServerViewModel server() { return server; }

    public ClientViewModel client() { return client; }

    public StepViewModel steps() { return steps; }

    public ReplayViewModel replay() { return replay; }

    public LessonViewModel lessons() { return lessons; }

    public RunsViewModel runs() { return runs; }

    public TraceFilesViewModel files() { return files; }

    public ProgramsViewModel programs() { return programs; }

    /**
     * Why the panes cannot be saved as a scenario titled {@code titles} (see {@link ScenarioDraft}), or null
     * when they can: asked before a file is chosen, so a refusal costs the teacher no file dialog.
     */
    public socketlab.text.Phrase scenarioRefusal(java.util.Map<String, String> titles) {
        try {
            ScenarioDraft.of(server, client, "draft", titles, java.util.Map.of());
            return null;
        } catch (socketlab.net.LabException e) {
            return e.words();
        }
    }

    /**
     * "Save as scenario…": what the panes hold now, titled and noted in English and Chinese, written to
     * {@code file} (its name gives the scenario's id) and offered by the scenario chooser from then on.
     * A refusal is said on the status line.
     */
    public void saveScenario(java.nio.file.Path file, java.util.Map<String, String> titles, java.util.Map<String, String> notes) {
        socketlab.scenario.Scenario s;
        try {
            s = ScenarioDraft.of(server, client, ScenarioDraft.idOf(file.getFileName().toString()), titles, notes);
        } catch (socketlab.net.LabException e) {
            status.say(e.words());
            return;
        }
        runs.saveScenario(s, file);
    }

    /**
     * True while a socket of the window's can write to the trace: the server listening, the client
     * connected, a run or a lesson going, or one of them starting or stopping — or while events already
     * recorded (a large trace opened) are still being taken in, a pulse's share at a time.
     */
    public BooleanBinding liveProperty() { return live; }

    public TraceLog log() { return recording.log(); }

    public TraceIndex index() { return recording.index(); }

    /** The index the timeline and the lists show. */
    public TraceIndex shownIndex() { return shown == null ? recording.index() : shown; }

    /** Changes once per pulse in which new events arrived: the timeline redraws on it. */
    public ReadOnlyIntegerProperty versionProperty() { return version.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty gluedProperty() { return glued.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty splitProperty() { return split.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty eventsProperty() { return events.getReadOnlyProperty(); }

    /**
     * Empty while everything is recorded; once the memory budget is full, the sentence that says so:
     * at how many events, and how many calls and bytes since were counted and not drawn.
     */
    public ReadOnlyStringProperty unrecordedProperty() { return unrecorded.getReadOnlyProperty(); }

    /** The status line: what the last run measured, or what became of the last file. */
    public ReadOnlyStringProperty scenarioStatusProperty() { return status.textProperty(); }

    public ReadOnlyObjectProperty<TraceEvent> selectedProperty() { return selected.getReadOnlyProperty(); }

    /**
     * Empty in the usual window; in wire mode, that the wire is captured and what that means for programs
     * outside, or why it could not be: a line of its own in the status bar, said once and kept.
     */
    public ReadOnlyStringProperty layersProperty() { return layers.getReadOnlyProperty(); }
    /** {@link #layersProperty()} in a few words, for where a sentence has no room (a projector): "" when it says nothing. */
    public ReadOnlyStringProperty layersBriefProperty() { return layersBrief.getReadOnlyProperty(); }

    /** True once the wire is captured: File → Export packets is offered. */
    public javafx.beans.property.ReadOnlyBooleanProperty wireOnProperty() { return wireOn.getReadOnlyProperty(); }

    public void select(int eventIndex) {
        TraceLog log = recording.log();
        selected.set(eventIndex < 0 || eventIndex >= log.size() ? null : log.get(eventIndex));
    }

    /**
     * What one pulse spends taking in new events (at least 8,192 of them): under a flood or opening a
     * large trace the window stays responsive and the view catches up over the next pulses.
     */
    static final long PULSE_BUDGET_NS = 8_000_000;

    /** Reads the events appended since the last pulse (as many as {@link #PULSE_BUDGET_NS} allows). Returns true when there were any. */
    public boolean refresh() {
        steps.refresh();
        programs.refresh();
        boolean fresh = recording.index().update(PULSE_BUDGET_NS);
        catchingUp.set(recording.index().behind()); // a large trace just opened keeps the pulses going until it is in
        sayUnrecorded();
        if (!fresh) {
            return false;
        }
        if (replay.isReplaying()) {
            events.set(recording.log().size()); // still recording; the view stays at the replay position
            return true;
        }
        publish(recording.index(), recording.log().size(), true);
        return true;
    }

    /** The counts the lanes keep past the budget: those written as events (in the index) and those still open. */
    private void sayUnrecorded() {
        TraceLog log = recording.log();
        TraceIndex idx = recording.index();
        long calls = idx.unrecordedCalls();
        long bytes = idx.unrecordedBytes();
        if (calls == 0 && !log.paused()) {
            if (!unrecorded.get().isEmpty()) {
                unrecorded.set("");
            }
            return;
        }
        for (socketlab.trace.Unrecorded u : log.unrecorded()) {
            calls += u.calls();
            bytes += u.bytes();
        }
        int events = log.size();
        if (calls == saidCalls && bytes == saidBytes && events == saidEvents && !unrecorded.get().isEmpty()) {
            return; // nothing new to say: no words made on the FX thread this pulse
        }
        saidCalls = calls;
        saidBytes = bytes;
        saidEvents = events;
        unrecorded.set(I18n.tr("status.unrecorded", log.memoryBudget().mib(), events, calls,
                String.format(I18n.locale(), "%,.1f", bytes / 1e6)));
    }

    private long saidCalls = -1;
    private long saidBytes = -1;
    private int saidEvents = -1;

    /** Shows {@code idx}, its first {@code limit} events; {@code live} when not replaying. */
    private void publish(TraceIndex idx, int limit, boolean live) {
        shown = idx;
        feed.publish(idx, limit, live);
        if (!live && selected.get() != null && selected.get().index() >= limit) {
            selected.set(null); // picked after the replay position: not in view yet
        }
        glued.set(idx.gluedTotal());
        split.set(idx.splitTotal());
        events.set(recording.log().size());
        version.set(version.get() + 1);
    }

    /** Shows a loaded trace in place of the run. */
    private void show(TraceLog loaded) {
        clear();
        recording.replace(loaded, true);
        shown = null;
        refresh();
        version.set(version.get() + 1);
    }

    /** Forgets everything shown: stops the server, disconnects, starts a new trace. */
    public void clear() {
        runs.cancel(); // Clear always frees the run buttons: a run going on is stopped, not waited for
        replay.stop();
        shown = null;
        server.stop();
        client.disconnect();
        recording.replace(recording.newLog());
        feed.restart();
        selected.set(null);
        glued.set(0);
        split.set(0);
        events.set(0);
        unrecorded.set("");
        status.clear();
        programs.clear();
        version.set(version.get() + 1);
    }

    /** Closes every socket; returns when the ports are free (at most about a second). */
    public void shutdown() {
        steps.release();
        programs.stop();
        client.shutdown();
        server.shutdown();
    }

    /** Words made before the language changed, made again in the new one. */
    public void relabel() {
        server.relabel();
        client.relabel();
        status.reword();
        showLayers();
        saidCalls = -1; // the same counts, in the new language
        sayUnrecorded();
        steps.showNextCall();
    }
}
