package socketlab.exec;

/**
 * The one way background work is started (JabRef's {@code TaskExecutor}): socket loops and
 * anything that may block. {@link #threads()} gives each task a named daemon thread;
 * {@link #sameThread()} runs the task at once on the caller, for tests of short tasks.
 */
@FunctionalInterface
public interface TaskRunner {

    void execute(String name, Runnable task);

    static TaskRunner threads() {
        return (name, task) -> {
            Thread t = new Thread(task, "socketlab-" + name);
            t.setDaemon(true);
            t.start();
        };
    }

    static TaskRunner sameThread() {
        return (name, task) -> task.run();
    }
}
