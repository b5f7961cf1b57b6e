package socketlab.trace;

/**
 * Calls of {@code op} on one connection's {@code side} that were counted but not recorded (the
 * memory budget was full): how many, the bytes they moved (wire bytes for frames and messages),
 * where in the stream they began and the trace times of the first's start and the last's end.
 */
public record Unrecorded(int conn, Side side, Op op, long offset, long calls, long bytes, long fromNs, long toNs) {}
