package socketlab.codec;

/**
 * Whether a message arrived as the sender meant it — the one way the lab says so, from a frame's
 * hash check to a list row's mark: {@link #OK} ✓, {@link #WRONG} ✗, {@link #UNKNOWN} when there
 * was nothing to check against (no hash in the header, a peer outside the lab).
 */
public enum Verdict {
    OK, WRONG, UNKNOWN;

    public static Verdict of(boolean ok) {
        return ok ? OK : WRONG;
    }

    /** From the trace's packed form: -1 unknown, 0 wrong, 1 ok. */
    public static Verdict ofCode(int code) {
        return code < 0 ? UNKNOWN : code == 0 ? WRONG : OK;
    }

    /** The trace's packed form: -1 unknown, 0 wrong, 1 ok. */
    public int code() {
        return this == UNKNOWN ? -1 : this == WRONG ? 0 : 1;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /** ✓, ✗, or · for unknown. */
    public String mark() {
        return this == OK ? "✓" : this == WRONG ? "✗" : "·";
    }
}
