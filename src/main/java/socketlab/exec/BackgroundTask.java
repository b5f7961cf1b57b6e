package socketlab.exec;

import java.util.function.Consumer;

/**
 * Work that may block (sockets, files) and what to do with its result, in the spirit of JabRef's
 * {@code BackgroundTask}: {@link #call} runs on a background thread, then {@link #onSuccess} or
 * {@link #onFailure} on the UI thread, through a {@link TaskExecutor}. A view model builds one and
 * hands it over; it never marshals a result back by hand.
 *
 * <pre>
 *   BackgroundTask.of("open-trace", () -&gt; TraceFile.read(r))
 *       .onSuccess(loaded -&gt; show(loaded))
 *       .onFailure(e -&gt; status.say(e.getMessage()))
 *       .executeWith(tasks);
 * </pre>
 */
public final class BackgroundTask<T> {

    /** The work itself: may block and may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work with no result. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    final String name;
    final Work<T> work;
    Consumer<T> onSuccess = t -> { };
    Consumer<Exception> onFailure = e -> { };

    private BackgroundTask(String name, Work<T> work) {
        this.name = name;
        this.work = work;
    }

    /** A task named {@code name} (its thread's name) that computes a result. */
    public static <T> BackgroundTask<T> of(String name, Work<T> work) {
        return new BackgroundTask<>(name, work);
    }

    /** A task named {@code name} with no result. */
    public static BackgroundTask<Void> run(String name, Job job) {
        return new BackgroundTask<>(name, () -> {
            job.run();
            return null;
        });
    }

    /** What to do with the result, on the UI thread. */
    public BackgroundTask<T> onSuccess(Consumer<T> then) {
        this.onSuccess = then;
        return this;
    }

    /** What to do when the work threw (or was interrupted), on the UI thread. */
    public BackgroundTask<T> onFailure(Consumer<Exception> then) {
        this.onFailure = then;
        return this;
    }

    /** The words of a failure for a status line: its message, or "" when it has none (an interrupt). */
    public static String words(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }
}
