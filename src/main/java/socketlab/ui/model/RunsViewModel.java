package socketlab.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import socketlab.codec.Framing;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.net.LabException;
import socketlab.scenario.Scenario;
import socketlab.scenario.Workload;
import socketlab.scenario.ScenarioFile;
import socketlab.scenario.ScenarioWriter;
import socketlab.lesson.PaneSettings;
import socketlab.scenario.ScenarioRunner;
import socketlab.text.I18n;
import socketlab.text.Phrase;
import socketlab.trace.TraceLog;

/**
 * The toolbar's runs: the chosen scenario as it is, broken vs fixed, or under every fix, each run
 * a row of the timeline; and opening a teacher's scenario file. What a run measured goes on the
 * status line; what it ran with goes into the panes (of several runs, the last: the fixed one), so
 * that the panes show what ran and Send does it again.
 */
public final class RunsViewModel {
    private final Recording recording;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.STICKY);
    /** The built-in scenarios, then any the user opened. */
    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList(Scenario.builtIn());
    private final StringProperty fixFraming = new SimpleStringProperty("header:le");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper batch = new javafx.beans.property.ReadOnlyIntegerWrapper();

    private final Consumer<PaneSettings> panes;
    /** The run going on now, to cancel; null when none. */
    private volatile ScenarioRunner current;
    private volatile boolean cancelled;

    /** {@code panes} takes a run's settings into the server and client panes. */
    RunsViewModel(Recording recording, TaskExecutor tasks, StatusLine status, Consumer<PaneSettings> panes) {
        this.recording = recording;
        this.tasks = tasks;
        this.status = status;
        this.panes = panes;
        // a scenario chosen (or opened, or just saved) is what the panes show: Send or Start does it by hand
        scenario.addListener((o, was, now) -> {
            if (now != null) {
                panes.accept(PaneSettings.of(now));
            }
        });
    }

    public ObjectProperty<Scenario> scenarioProperty() { return scenario; }

    public ObservableList<Scenario> scenarios() { return scenarios; }

    /** The framing "Run broken vs fixed" fixes the scenario with. */
    public StringProperty fixFramingProperty() { return fixFraming; }

    /** How many runs the current (or last) batch has: 2 for broken vs fixed, one per fix under every fix. */
    public javafx.beans.property.ReadOnlyIntegerProperty batchProperty() {
        return batch.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scenarioRunningProperty() { return running.getReadOnlyProperty(); }

    /** Opens a teacher's scenario file (read and checked on a background thread) and selects it. */
    public void openScenario(Path file) {
        BackgroundTask.of("open-scenario", () -> ScenarioFile.read(file))
                .onSuccess(s -> {
                    scenarios.removeIf(x -> x.id().equals(s.id()) && !Scenario.builtIn().contains(x));
                    scenarios.add(s);
                    scenario.set(s);
                    status.say(Phrase.window("file.scenarioOpened", s.title(I18n.locale().getLanguage()), file.getFileName().toString()));
                })
                .onFailure(e -> status.say(Phrase.window("file.scenarioBad", Phrase.of(e))))
                .executeWith(tasks);
    }

    /**
     * Writes {@code s} to {@code file} in the background, reads it back as {@link #openScenario} would, and
     * makes it the chosen scenario: what was saved is what the chooser now offers and the panes hold.
     */
    void saveScenario(Scenario s, Path file) {
        BackgroundTask.of("save-scenario", () -> {
                    ScenarioWriter.write(s, file);
                    return ScenarioFile.read(file); // what a later open will see
                })
                .onSuccess(saved -> {
                    scenarios.removeIf(x -> x.id().equals(saved.id()) && !Scenario.builtIn().contains(x));
                    scenarios.add(saved);
                    scenario.set(saved);
                    status.say(Phrase.window("file.scenarioSaved", saved.title(I18n.locale().getLanguage()), file.getFileName().toString()));
                })
                .onFailure(e -> status.say(Phrase.window("file.failed", file.getFileName().toString(), Phrase.of(e))))
                .executeWith(tasks);
    }

    /** Runs the scenario as it is ("broken"), then again with the fix framing: two rows, one view. */
    public void runComparison() {
        Scenario s = scenario.get();
        Framing fix;
        try {
            fix = Framing.parse(fixFraming.get());
        } catch (IllegalArgumentException e) {
            status.say(Phrase.of(e));
            return;
        }
        run(List.of(s, s.withFraming(fix)));
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
        List<Scenario> runs = new ArrayList<>();
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
        run(runs);
    }

    public void runScenario() {
        run(List.of(scenario.get()));
    }

    private void run(List<Scenario> runs) {
        if (running.get()) {
            return;
        }
        batch.set(runs.size());
        cancelled = false;
        running.set(true);
        panes.accept(PaneSettings.of(runs.get(runs.size() - 1)));
        status.say(Phrase.window("scenario.running"));
        TraceLog target = recording.log();
        BackgroundTask.of("scenario", () -> {
            List<Phrase> said = new ArrayList<>();
            try {
                for (Scenario s : runs) {
                    if (cancelled) {
                        break;
                    }
                    Phrase refused = Workload.of(s).refusal(s);
                    if (refused != null) { // said in place of its summary; the batch's other runs go on
                        said.add(refused);
                        continue;
                    }
                    ScenarioRunner runner = new ScenarioRunner(target, tasks.runner(), recording.stepper());
                    current = runner;
                    if (cancelled) {
                        runner.cancel();
                    }
                    ScenarioRunner.Result r = runner.run(s);
                    said.add(Phrase.window("scenario.result", s.framing().spec(), r.summary().glued(), r.summary().split(),
                            r.summary().framesOk(), r.summary().messages(), String.format("%.1f", r.rowNs() / 1e6)));
                }
            } catch (LabException e) {
                said.add(e.words()); // the runs before it keep their summaries
            }
            return said;
        }).onSuccess(this::done).onFailure(e -> done(List.of(Phrase.of(e)))).executeWith(tasks);
    }

    /** Stops the runs going on now (Cancel, Clear): their sockets close; the runs before stay, with their summaries. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelled = true;
        ScenarioRunner r = current;
        if (r != null) {
            tasks.runner().execute("scenario-cancel", r::cancel);
        }
    }

    private void done(List<Phrase> said) {
        current = null;
        running.set(false);
        status.say(said.toArray(Phrase[]::new));
    }
}
