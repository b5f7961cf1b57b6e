package socketlab.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
        WarmedUp.once();
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

    /**
     * Writes a line of every kind once, into nothing, before the sockets run: the classes and word books
     * they need are loaded now. At the process's descriptor limit a class file cannot be opened, and a
     * class that failed to load stays failed — the writer thread died of it and the trace stopped in silence.
     */
    /** The warm-up, once per process (the holder's class initialisation runs it). */
    private static final class WarmedUp {
        static {
            warmUp();
        }

        static void once() {
            // loading this class did it
        }
    }

    private static void warmUp() {
        TraceLog scratch = new TraceLog(new MemoryBudget(MemoryBudget.MIN_MIB * MemoryBudget.MIB));
        TraceLog.Lane lane = scratch.newLane();
        byte[] bytes = {'h', 'i'};
        for (Op op : Op.values()) {
            switch (op) {
                case SEND, RECV, EOF -> lane.io(op, Side.SERVER, 1, 0, 2, 8, 2, 1, bytes, 0);
                case MESSAGE, FRAME -> lane.message(op, Side.SERVER, 1, 0, 0, 0, 2, bytes, 1, socketlab.codec.Verdict.OK, null);
                case ERROR -> lane.error(Side.SERVER, 1, 0, socketlab.text.Phrase.of("io.reset",
                        socketlab.text.Phrase.of("doing.receiving")).asSentence());
                case SENDTO, RECVFROM -> lane.datagramAt(System.nanoTime(), op, Side.SERVER, 1, 2, 8, 9, 1, bytes);
                case SELECT -> scratch.select(Side.SERVER, 1, 1, "accept #1");
                case UNRECORDED -> { } // its line is made from plain numbers
                default -> lane.life(op, Side.SERVER, 1, 9, 9, 0, socketlab.text.Note.of(socketlab.text.Note.Word.ECHO));
            }
        }
        for (int i = 0; i < scratch.size(); i++) {
            TraceJson.line(scratch.get(i));
        }
        TraceJson.unrecordedLine(new Unrecorded(1, Side.SERVER, Op.RECV, 0, 1, 1, 0, 1));
        socketlab.text.Words.tr("memory.paused", 1, 1);
    }

    /** Writes every event recorded so far. */
    public synchronized void flush() {
        int n = log.size();
        if (written < n) {
            try (JsonGenerator g = TraceJson.generator(out)) {
                for (int i = written; i < n; i++) {
                    try {
                        TraceJson.write(log.get(i), TraceJson.HEX_CAP, 0, g);
                    } catch (RuntimeException | LinkageError e) { // one event that cannot be written is said, and the trace goes on
                        System.err.println("socketlab: event " + i + " could not be written: " + e);
                    } catch (OutOfMemoryError e) { // a line too large for the heap left: said, and the trace goes on
                        System.err.println("socketlab: event " + i + " could not be written: no memory for it");
                    }
                }
            } catch (IOException e) {
                System.err.println("socketlab: the trace could not be written: " + e.getMessage());
            }
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
            for (Unrecorded u : log.unrecorded()) { // connections still going: what was counted of them
                out.println(TraceJson.unrecordedLine(u));
            }
            out.flush();
        }
    }
}
