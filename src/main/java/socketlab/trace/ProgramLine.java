package socketlab.trace;

/**
 * A line a traced program printed or was typed, as its {@link Op#CALL} event's {@code call} names it: the text
 * is the event's {@code text}, its time when the newline was written (or the line was read), its connection
 * the one the program's thread last used (0 when it had used none: no row shows it).
 *
 * <pre>
 *   {"op":"call","side":"client","conn":1,"call":"stdout","detail":"received: b'hello worldhaha'",…}
 *   {"op":"call","side":"client","conn":1,"call":"input","detail":"&gt;&gt;: hello",…}
 * </pre>
 */
public enum ProgramLine {
    /** Written to the program's standard output (print()). */
    STDOUT("stdout"),
    /** Written to its standard error. */
    STDERR("stderr"),
    /** Read by input(): the prompt, then what was typed. */
    INPUT("input");

    /** Characters of a line kept in the trace; a longer one ends in "…". */
    public static final int MAX_CHARS = 200;

    private final String call;

    ProgramLine(String call) {
        this.call = call;
    }

    /** The {@code call} its events carry. */
    public String call() {
        return call;
    }

    /** The kind of line a call names, or null when it names a socket call. */
    public static ProgramLine of(String call) {
        if (call == null) {
            return null;
        }
        for (ProgramLine l : values()) {
            if (l.call.equals(call)) {
                return l;
            }
        }
        return null;
    }

    /** A line as the trace keeps it: at most {@link #MAX_CHARS} characters, a longer one cut and ending in "…". */
    public static String kept(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
