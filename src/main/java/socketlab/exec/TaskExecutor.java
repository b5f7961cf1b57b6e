package socketlab.exec;

import java.util.concurrent.Executor;

/**
 * Runs {@link BackgroundTask}s: the work on a {@link TaskRunner}'s thread, the callbacks through
 * the UI's executor (the window passes {@code Platform::runLater}). {@link #sameThread()} runs both
 * at once on the caller, so a view model can be tested without a toolkit: each call returns with
 * its task done and its callback run.
 */
public final class TaskExecutor {
    private final TaskRunner tasks;
    private final TaskRunner loops;
    private final Executor ui;

    /** Tasks and socket loops on {@code background}'s threads, callbacks through {@code ui}. */
    public TaskExecutor(TaskRunner background, Executor ui) {
        this(background, background, ui);
    }

    private TaskExecutor(TaskRunner tasks, TaskRunner loops, Executor ui) {
        this.tasks = tasks;
        this.loops = loops;
        this.ui = ui;
    }

    /**
     * Tasks and their callbacks on the caller's thread (tests). The socket loops a task starts — a
     * server's accept loop, a receiver — still get threads of their own: they run until closed.
     */
    public static TaskExecutor sameThread() {
        return new TaskExecutor(TaskRunner.sameThread(), TaskRunner.threads(), Runnable::run);
    }

    /** Where long-lived socket loops start (servers and clients take a runner of their own). */
    public TaskRunner runner() {
        return loops;
    }

    /** Runs {@code r} on the UI thread (later, or at once for {@link #sameThread()}). */
    public void onUi(Runnable r) {
        ui.execute(r);
    }

    <T> void execute(BackgroundTask<T> task) {
        tasks.execute(task.name, () -> {
            T result;
            try {
                result = task.work.call();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt(); // the thread was asked to stop: say so, then stop
                }
                ui.execute(() -> task.onFailure.accept(e));
                return;
            }
            ui.execute(() -> task.onSuccess.accept(result));
        });
    }
}
