package socketlab.ui.model;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import socketlab.codec.Framing;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.probe.TracedRun;
import socketlab.text.Phrase;

/**
 * The learner's own programs, run from the window ("Run a program…"): Python scripts under the
 * probe, into the window's trace, so their calls are rows like the lab's own; the lab's server or
 * client can be the other side, or a second program. Their output collects in a console (read once
 * per pulse, like the trace), a line typed there goes to the last program's stdin, and Stop stops
 * them all.
 */
public final class ProgramsViewModel {
    /** The console keeps this many characters of output, the newest. */
    static final int CONSOLE_CHARS = 64 * 1024;

    private final Recording recording;
    private final TaskExecutor tasks;
    private final StatusLine status;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper console = new ReadOnlyStringWrapper("");
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream sink = new PrintStream(output, true, StandardCharsets.UTF_8);
    private volatile TracedRun run;

    ProgramsViewModel(Recording recording, TaskExecutor tasks, StatusLine status) {
        this.recording = recording;
        this.tasks = tasks;
        this.status = status;
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** What the programs printed (stdout and stderr), the newest {@link #CONSOLE_CHARS} characters. */
    public ReadOnlyStringProperty consoleProperty() { return console.getReadOnlyProperty(); }

    /**
     * Runs {@code programs} (each a command and its arguments, in order: each starts once the one
     * before it listens) under the probe, reading their connections with {@code framing}.
     */
    public void run(List<List<String>> programs, Framing framing, String python) {
        if (running.get() || programs.isEmpty()) {
            return;
        }
        TracedRun r = new TracedRun(recording.log(), framing, python, sink).stdin(ProcessBuilder.Redirect.PIPE)
                .kernel(true) // the window shows the kernel's side wherever the OS lets the probe read it
                .gate(recording.stepper()); // step mode (F6) holds the programs' calls too, one per step
        run = r;
        running.set(true);
        sink.println("$ " + String.join("  ·  ", programs.stream().map(p -> String.join(" ", p)).toList()));
        BackgroundTask.of("program", () -> r.run(programs))
                .onSuccess(code -> finished(Phrase.window("program.ended", code)))
                .onFailure(e -> finished(Phrase.of(e)))
                .executeWith(tasks);
    }

    /**
     * Runs {@code lesson}'s listing — the tutorial's own programs for it — under the probe, as a run of programs:
     * its calls appear beside the lab's, its output in the console; the status line then says what they answered.
     */
    public void runListing(socketlab.lesson.Lesson lesson) {
        String python = TracedRun.defaultPython();
        if (running.get() || lesson.listing().isEmpty()) {
            return;
        }
        TracedRun r = new TracedRun(recording.log(), socketlab.lesson.ListingRun.framing(lesson), python, sink)
                .stdin(ProcessBuilder.Redirect.PIPE).kernel(true).gate(recording.stepper())
                .othersMayFinish(socketlab.lesson.ListingRun.FINISH_MS);
        run = r;
        running.set(true);
        String lang = socketlab.text.I18n.locale().getLanguage();
        BackgroundTask.of("listing", () -> {
            List<List<String>> programs = socketlab.lesson.ListingRun.programs(lesson); // files copied out: not on the FX thread
            sink.println("$ " + String.join("  ·  ", programs.stream().map(p -> String.join(" ", p)).toList()));
            int from = recording.log().size();
            int code = r.run(programs);
            String answer = socketlab.lesson.ListingRun.answer(lesson, recording.log(), from);
            return Phrase.window("listing.answered", String.join(" + ", lesson.listing()), lesson.choice(answer).label(lang), code);
        }).onSuccess(this::finished).onFailure(e -> finished(Phrase.of(e))).executeWith(tasks);
    }

    private void finished(Phrase said) {
        running.set(false);
        run = null;
        status.say(said);
        refresh();
    }

    /** Stops every program of the run (terminated, then killed 2 s later). */
    public void stop() {
        TracedRun r = run;
        if (r != null) {
            tasks.runner().execute("program-stop", r::stop);
        }
    }

    /** Sends {@code line} to the last program's stdin (what input() reads), and shows it in the console. */
    public void type(String line) {
        TracedRun r = run;
        if (r != null && r.type(line)) {
            sink.println(line);
        }
    }

    /** Moves what the programs printed since the last pulse into the console. */
    void refresh() {
        String fresh;
        synchronized (output) {
            if (output.size() == 0) {
                return;
            }
            fresh = output.toString(StandardCharsets.UTF_8);
            output.reset();
        }
        String all = console.get() + fresh;
        console.set(all.length() > CONSOLE_CHARS ? all.substring(all.length() - CONSOLE_CHARS) : all);
    }

    /** Empties the console (Clear). */
    void clear() {
        if (!running.get()) {
            console.set("");
        }
    }
}
