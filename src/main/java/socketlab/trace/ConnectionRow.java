package socketlab.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection as the timeline shows it, one row: the server's end and the client's end of the
 * same connection, paired by {@link TraceIndex} (either may be missing when that end is outside
 * the lab). Its counts and times are read from the index, so they can be tested without a window.
 *
 * <pre>
 *  #1  client :50312 → server :8080   framing none         glued 1 · split 0 · ✓ 0 · ✗ 1 · 102.4 ms
 *      client end (CONNECT …)  ⇄  server end (ACCEPT …)
 * </pre>
 */
public record ConnectionRow(Conn server, Conn client) {

    /**
     * The number the window gives connection {@code conn}: its row's, counted from 1 in the order of
     * {@link #of} (the timeline's "#2"); -1 when it is in no row (a listener).
     */
    public static int number(TraceIndex idx, int conn) {
        List<ConnectionRow> rows = of(idx);
        for (int i = 0; i < rows.size(); i++) {
            for (Conn c : rows.get(i).ends()) {
                if (c.id == conn) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** Every connection's row number ({@link #number}), made once for a whole export: connection id → row. */
    public static java.util.Map<Integer, Integer> numbers(TraceIndex idx) {
        java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
        List<ConnectionRow> rows = of(idx);
        for (int i = 0; i < rows.size(); i++) {
            for (Conn c : rows.get(i).ends()) {
                out.put(c.id, i + 1);
            }
        }
        return out;
    }

    /**
     * The rows of an index, in the order their first end appeared: a server end with its peer, or a client
     * alone; and a socket that never connected but failed (its errors), as a row of its own.
     */
    public static List<ConnectionRow> of(TraceIndex idx) {
        List<ConnectionRow> rows = new ArrayList<>();
        for (Conn c : idx.conns()) {
            if (c.openEvent < 0 && c.errors.isEmpty()) {
                continue; // a listener, or a socket that did nothing a row shows
            }
            if (c.side == Side.SERVER) {
                rows.add(new ConnectionRow(c, c.peer()));
            } else if (c.peer() == null) {
                rows.add(new ConnectionRow(null, c));
            }
        }
        return rows;
    }

    /** An end that is there (the server's, else the client's). */
    public Conn any() {
        return server != null ? server : client;
    }

    /** When the connection began: the earlier of connect() and accept() (a client can wait in the backlog). */
    public long startNs(TraceLog log) {
        long t = Long.MAX_VALUE;
        for (Conn c : ends()) {
            if (c.openEvent >= 0) {
                t = Math.min(t, log.tNs(c.openEvent));
            }
        }
        if (t == Long.MAX_VALUE) { // no end opened: a bind or connect that failed, when it failed
            Conn c = any();
            t = c.openEvent >= 0 ? log.tNs(c.openEvent) : c.errors.isEmpty() ? 0 : log.tNs(c.errors.get(0));
        }
        return t;
    }

    /**
     * True for a row of errors with no connection: a bind() that failed (the TIME_WAIT lesson's second server),
     * a connect() that was refused — the errors are on its time lane, named as Python raises them.
     */
    public boolean noConnection() {
        for (Conn c : ends()) {
            if (c.openEvent >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the last thing either end did happened (its opening, a call, a frame, an error, EOF or
     * close, a line its program printed): never before {@link #startNs} — a connection that is open and idle so far lasts 0 ms.
     */
    public long endNs(TraceLog log) {
        long t = 0;
        for (Conn c : ends()) {
            int last = Math.max(c.openEvent, Math.max(c.closeEvent, c.eofEvent));
            for (IntList l : new IntList[] {c.sends, c.recvs, c.frames, c.errors, c.datagrams, c.outputs}) {
                if (!l.isEmpty()) {
                    last = Math.max(last, l.last());
                }
            }
            if (last >= 0) {
                t = Math.max(t, log.tNs(last));
            }
        }
        return t;
    }

    /** The ends that are in the trace: server first. */
    public List<Conn> ends() {
        List<Conn> ends = new ArrayList<>(2);
        if (server != null) {
            ends.add(server);
        }
        if (client != null) {
            ends.add(client);
        }
        return ends;
    }

    /** What the row's header counts: glued chunks and split messages on both ends, frames right and wrong. */
    public record Counts(int glued, int split, int ok, int bad) {}

    public Counts counts(TraceIndex idx) {
        int glued = 0;
        int split = 0;
        int ok = 0;
        int bad = 0;
        for (Conn c : ends()) {
            glued += idx.glued(c);
            split += idx.split(c);
            for (int k = 0; k < c.frames.size(); k++) {
                switch (idx.frameVerdict(c, k)) {
                    case OK -> ok++;
                    case WRONG -> bad++;
                    default -> { }
                }
            }
        }
        return new Counts(glued, split, ok, bad);
    }

    /** Stream bytes {@code c} sent ({@code sent}) or received; 0 for a missing end. */
    public static long bytes(Conn c, boolean sent) {
        return c == null ? 0 : sent ? c.bytesSent : c.bytesReceived;
    }

    /** Datagrams {@code c} sent ({@code sent}) or received; 0 for a missing end. */
    public static int datagrams(Conn c, boolean sent) {
        return c == null ? 0 : sent ? c.sendtos.size() : c.recvfroms.size();
    }
}
