package socketlab.ui.model;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import socketlab.exec.BackgroundTask;
import socketlab.exec.TaskExecutor;
import socketlab.lesson.Lesson;
import socketlab.lesson.Lessons;
import socketlab.lesson.PaneSettings;
import socketlab.text.I18n;
import socketlab.trace.TraceLog;

/**
 * The Lesson tab: the lessons in the tutorial's order, the one chosen, the learner's prediction,
 * and running its experiment on real sockets, whose answer is read from the trace.
 */
public final class LessonViewModel {
    private final Recording recording;
    private final TaskExecutor tasks;
    private final ServerViewModel server;
    private final ClientViewModel client;
    /** Filled from a background task (reading the lesson files is I/O): the window never waits for them. */
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final StringProperty prediction = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    LessonViewModel(Recording recording, TaskExecutor tasks, ServerViewModel server, ClientViewModel client) {
        this.recording = recording;
        this.tasks = tasks;
        this.server = server;
        this.client = client;
        BackgroundTask.of("read-lessons", Lessons::all) // parsed once (the launcher may have started already); posted once
                .onSuccess(all -> {
                    lessons.setAll(all);
                    if (lesson.get() == null && !all.isEmpty()) {
                        lesson.set(all.get(0));
                    }
                })
                .executeWith(tasks);
        lesson.addListener((o, a, b) -> {
            prediction.set("");
            result.set("");
        });
    }

    /** The lessons in the tutorial's order; empty until they have been read, then filled on the UI thread. */
    public ObservableList<Lesson> lessons() { return lessons; }

    public ObjectProperty<Lesson> lessonProperty() { return lesson; }

    /** The learner's prediction: one of the lesson's choices, "" before choosing. */
    public StringProperty predictionProperty() { return prediction; }

    /** What the run said, and whether the prediction was right ("" before running). */
    public ReadOnlyStringProperty lessonResultProperty() { return result.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty lessonRunningProperty() { return running.getReadOnlyProperty(); }

    /** Runs the lesson's experiment on real sockets (in the background) and answers its question from the trace. */
    public void runLesson() {
        Lesson l = lesson.get();
        if (l == null || running.get()) {
            return;
        }
        loadIntoPanes(l);
        running.set(true);
        result.set(I18n.tr("scenario.running"));
        String guess = prediction.get();
        TraceLog target = recording.log();
        String lang = I18n.locale().getLanguage();
        BackgroundTask.of("lesson", () -> {
            Lessons.Outcome outcome = Lessons.run(l, target);
            String answer = l.choice(outcome.answer()).label(lang);
            String text = guess == null || guess.isEmpty() ? I18n.tr("lesson.answer", answer)
                    : I18n.tr(guess.equals(outcome.answer()) ? "lesson.right" : "lesson.wrong", answer, l.choice(guess).label(lang));
            String measured = outcome.describe(l, lang);
            return measured.isEmpty() ? text : text + "\n" + measured;
        }).onSuccess(this::done).onFailure(e -> done(BackgroundTask.words(e))).executeWith(tasks);
    }

    private void done(String text) {
        running.set(false);
        result.set(text);
    }

    /**
     * Puts the lesson's settings into the panes, so that after the run the learner can do it again by
     * hand (Start listening, Send) and change one thing: framings, recv() size and delay, messages,
     * server model, SO_REUSEADDR, answering commands, TCP_NODELAY.
     */
    void loadIntoPanes(Lesson l) {
        PaneLoader.load(PaneSettings.RESET.then(l.experiment().panes()), server, client);
    }
}
