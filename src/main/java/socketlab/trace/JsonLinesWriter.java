package socketlab.trace;

import java.io.PrintStream;

/**
 * Streams a {@link TraceLog} as JSON lines while the sockets run: a daemon thread writes the
 * events appended since its last look, every few milliseconds, so the socket threads never
 * wait on the output.
 */
public final class JsonLinesWriter implements AutoCloseable {
    private final TraceLog log;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;
    private int written;

    public JsonLinesWriter(TraceLog log, PrintStream out) {
        this.log = log;
        this.out = out;
        this.thread = new Thread(this::loop, "socketlab-trace-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            flush();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes every event recorded so far. */
    public synchronized void flush() {
        int n = log.size();
        for (int i = written; i < n; i++) {
            out.println(TraceJson.line(log.get(i)));
        }
        written = n;
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
