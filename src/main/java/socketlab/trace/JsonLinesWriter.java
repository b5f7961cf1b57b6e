package socketlab.trace;

import java.io.PrintStream;

/**
 * Streams a {@link TraceLog} as JSON lines while the sockets run: a daemon thread writes the
 * events appended since its last look, every few milliseconds, so the socket threads never
 * wait on the output.
 *
 * <p>A {@linkplain #streaming streaming} writer is the log's only reader: it gives each event's
 * memory back once the event is written, so a server that runs for hours runs in flat memory. If
 * the output cannot keep up and the log's budget fills, the sockets go on and the trace says what it
 * counted without recording ({@code unrecorded} lines, see {@link TraceLog}); it says so once on
 * stderr too.
 */
public final class JsonLinesWriter implements AutoCloseable {
    private final TraceLog log;
    private final PrintStream out;
    private final boolean streaming;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean toldPaused;
    private int written;

    /** A writer that leaves the log whole, for whoever reads it after (a run's summary). */
    public JsonLinesWriter(TraceLog log, PrintStream out) {
        this(log, out, false);
    }

    private JsonLinesWriter(TraceLog log, PrintStream out, boolean streaming) {
        this.log = log;
        this.out = out;
        this.streaming = streaming;
        this.thread = new Thread(this::loop, "socketlab-trace-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** A writer that frees what it wrote: nothing else may read {@code log} while it runs. */
    public static JsonLinesWriter streaming(TraceLog log, PrintStream out) {
        return new JsonLinesWriter(log, out, true);
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
        if (streaming) {
            log.release();
        }
        if (!toldPaused && log.paused()) {
            toldPaused = true;
            System.err.println("socketlab: " + socketlab.text.Words.tr("memory.paused", log.memoryBudget().mib(), n));
        }
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
        synchronized (this) {
            for (TraceLog.Unrecorded u : log.unrecorded()) { // connections still going: what was counted of them
                out.println(TraceJson.unrecordedLine(u));
            }
            out.flush();
        }
    }
}
