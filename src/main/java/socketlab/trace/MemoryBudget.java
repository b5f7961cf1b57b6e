package socketlab.trace;

import socketlab.text.Phrase;
import socketlab.text.WordedArgumentException;

/**
 * How much memory a {@link TraceLog} may keep of a run: its rows, their side columns and the
 * payload copies (an eighth of the budget). Past it the sockets go on and calls are counted, not
 * recorded (see {@link TraceLog}).
 *
 * <p>512 MiB by default: about 7 million calls (7,339,973 sends and recvs, measured: rows of
 * {@value TraceLog#ROW_COST} bytes, less the sixteenth kept for connections' ends) with the first bytes of the first 64 MiB of them,
 * more than an hour of a lesson's traffic, and less than half of what the runtime image lets the
 * JVM take ({@code -Xmx1g} and as much again off the heap in {@code jlink.json}), so the window, its
 * drawing and a trace file being read keep room. Set with {@code --memory-budget MIB} on the
 * command line, or {@value #ENV} (MiB) for the window; a budget the JVM could not hold is refused.
 */
public record MemoryBudget(long bytes) {
    public static final long MIB = 1L << 20;
    public static final MemoryBudget DEFAULT = new MemoryBudget(512 * MIB);
    /** Below this a lesson's own run would not fit. */
    public static final long MIN_MIB = 16;
    public static final String ENV = "SOCKETLAB_MEMORY_BUDGET";
    public static final String PROPERTY = "socketlab.memoryBudget";

    private static volatile MemoryBudget configured;

    /** What goes to payload copies. */
    public long payloadBytes() {
        return bytes / 8;
    }

    /** What goes to rows and their side columns. */
    public long rowBytes() {
        return bytes - payloadBytes();
    }

    /** About how many calls the budget records (a send or recv takes {@value TraceLog#ROW_COST} bytes of rows), before the reserve for ends. */
    public long events() {
        return rowBytes() / TraceLog.ROW_COST;
    }

    public long mib() {
        return bytes / MIB;
    }

    /** The largest budget this JVM can hold beside the window: three quarters of its heap limit. */
    public static long usableMiB() {
        return Runtime.getRuntime().maxMemory() / MIB * 3 / 4;
    }

    /** A budget of {@code text} MiB: ASCII digits, from {@value #MIN_MIB} to {@link #usableMiB()}. */
    public static MemoryBudget ofMiB(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WordedArgumentException(Phrase.of("memory.notNumber", text));
        }
        long mib = Long.parseLong(t);
        long usable = usableMiB();
        if (mib < MIN_MIB) {
            throw new WordedArgumentException(Phrase.of("memory.tooSmall", mib, MIN_MIB));
        }
        if (mib > usable) {
            throw new WordedArgumentException(Phrase.of("memory.tooLarge", mib, usable, (mib * 4 / 3 + 1023) / 1024 + 1));
        }
        return new MemoryBudget(mib * MIB);
    }

    /**
     * The budget set for this process ({@value #PROPERTY} or {@value #ENV}, in MiB), else the default,
     * made smaller where this JVM could not hold it. A value that cannot be used is said once on
     * stderr, and the default is used.
     */
    public static MemoryBudget configured() {
        MemoryBudget b = configured;
        if (b == null) {
            b = read();
            configured = b;
        }
        return b;
    }

    private static MemoryBudget read() {
        String set = System.getProperty(PROPERTY, System.getenv(ENV));
        if (set != null && !set.isBlank()) {
            try {
                return ofMiB(set);
            } catch (WordedArgumentException e) {
                System.err.println("socketlab: " + ENV + ": " + e.getMessage());
            }
        }
        long usable = usableMiB();
        return usable >= DEFAULT.mib() ? DEFAULT : new MemoryBudget(Math.max(MIN_MIB, usable) * MIB);
    }
}
