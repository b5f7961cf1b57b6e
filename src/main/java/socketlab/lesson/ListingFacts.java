package socketlab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * The facts a lesson's experiment measures, read instead from the calls of the lesson's Python listing (see
 * {@link ListingRun}): each fact is a function of the traced events only — what the programs called, when, with
 * which bytes and which result — never of what the listing is known to do.
 *
 * <pre>
 *   ch8-nagle   client: send(b'a') send(b'b') recv(1)   ×9      → nagle_round: the median round, 41.2 ms → "stall"
 *               ├─ round ──────────────────────────────┤
 *               first send's start            recv's end
 * </pre>
 *
 * A fact the calls do not show is left out; the lesson's measure then says it was not measured.
 */
final class ListingFacts {
    /** After a send(b''), a server recv() still waiting this long has had nothing to return (as the lesson's own run asks). */
    static final long EMPTY_SEND_WAIT_MS = 400;

    private ListingFacts() {
    }

    /**
     * The facts of {@code lesson}'s listing run, from the events {@code log} gained from {@code from} on:
     * <ul>
     *   <li>{@code server_saw}: what the server's recv() met first once the data was read — {@code eof} (it returned
     *       b'') or {@code reset} (it raised ConnectionResetError);</li>
     *   <li>{@code restart}: whether a listener could be made again on the port — {@code in_use} (a bind() was
     *       refused) or {@code ok} (the server side listened twice);</li>
     *   <li>{@code client_port_kind}: which port the client's connect() left its socket on, as the lab's own run
     *       reads it ({@code os}: one the system picked);</li>
     *   <li>{@code server_recv}: after the client's send(b''), whether the server's recv() came back within
     *       {@link #EMPTY_SEND_WAIT_MS} ({@code returned}) or waited on ({@code waits}) — nothing had arrived;</li>
     *   <li>the server model's facts ({@code served_at_once} …), read as for the lab's own models;</li>
     *   <li>{@code bound_to}: what the first bind() named — {@code path} (an AF_UNIX file) or {@code ipport};</li>
     *   <li>{@code nagle_round}: the client's median round from its first send() to the end of the recv() that
     *       answered it — {@code fast} under 1 ms, {@code stall} under 500 ms, else {@code second};</li>
     *   <li>{@code connected}: what the last datagram receive met — {@code refused} (ConnectionRefusedError),
     *       {@code silence} (its timeout passed) or {@code reply};</li>
     *   <li>{@code check}: the sha256 check of the last frame the framing read — {@code verified},
     *       {@code mismatch} or {@code none};</li>
     *   <li>{@code waits_per_message}: how many times the client stopped in recv() per message the lesson sends;</li>
     *   <li>{@code second_answer}: whether the client's first recv() after its second request began where the
     *       server's answer to it began ({@code own}), before it — the rest of the first answer ({@code rest}) — or
     *       after ({@code other});</li>
     *   <li>{@code first_send}: how much of what the client's first send() was given it took — {@code all},
     *       {@code part} or {@code none} (it raised BlockingIOError).</li>
     * </ul>
     */
    static Map<String, String> of(Lesson lesson, TraceLog log, int from) {
        Map<String, String> facts = new HashMap<>(Experiments.modelFacts(log, from));
        List<TraceEvent> events = new ArrayList<>();
        for (int i = from; i < log.size(); i++) {
            events.add(log.get(i));
        }
        lifecycle(events, facts);
        boundTo(events, facts);
        nagleRound(events, facts);
        datagramReply(events, facts);
        fileCheck(events, facts);
        if (lesson.experiment() instanceof Experiment.LengthAck ack) {
            long waits = events.stream().filter(e -> is(e, Side.CLIENT, Op.RECV)).count();
            facts.put("waits_per_message", String.valueOf(waits / Math.max(1, ack.messages().size())));
        }
        secondAnswer(events, facts);
        firstSend(events, facts);
        return facts;
    }

    private static boolean is(TraceEvent e, Side side, Op op) {
        return e.side() == side && e.op() == op;
    }

    private static String call(TraceEvent e) {
        return e.call() == null ? "" : e.call();
    }

    /** server_saw, restart, client_port_kind, server_recv: a connection's life and the server's view of it. */
    private static void lifecycle(List<TraceEvent> events, Map<String, String> facts) {
        int listens = 0;
        boolean bindRefused = false;
        long emptySent = -1;
        for (TraceEvent e : events) {
            if (is(e, Side.CLIENT, Op.SEND) && e.bytes() == 0 && emptySent < 0) {
                emptySent = e.tNs();
            } else if (emptySent >= 0 && e.side() == Side.SERVER && !facts.containsKey("server_recv")
                    && (e.op() == Op.RECV || e.op() == Op.EOF) && e.tNs() > emptySent) {
                facts.put("server_recv", e.tNs() - emptySent >= EMPTY_SEND_WAIT_MS * 1_000_000L ? "waits" : "returned");
            }
            if (is(e, Side.CLIENT, Op.CONNECT) && !facts.containsKey("client_port_kind")) {
                facts.put("client_port_kind", Experiments.portKind(e.a(), e.b())); // local port, the server's
            }
            if (is(e, Side.SERVER, Op.LISTEN)) {
                listens++;
            } else if (e.op() == Op.ERROR && call(e).equals("bind")) {
                bindRefused = true;
            } else if (e.side() == Side.SERVER && !facts.containsKey("server_saw")) {
                if (e.op() == Op.EOF) {
                    facts.put("server_saw", "eof");
                } else if (e.op() == Op.ERROR && call(e).startsWith("recv")) {
                    boolean reset = e.said() instanceof Phrase p && p.key().equals("io.reset");
                    facts.put("server_saw", reset ? "reset" : "error");
                }
            }
        }
        if (emptySent >= 0 && !facts.containsKey("server_recv")) {
            facts.put("server_recv", "waits"); // it never came back
        }
        if (bindRefused) {
            facts.put("restart", "in_use");
        } else if (listens >= 2) {
            facts.put("restart", "ok");
        }
    }

    /** bound_to: the first bind() — one that left its socket on a port named a host and port; an AF_UNIX one, a path. */
    private static void boundTo(List<TraceEvent> events, Map<String, String> facts) {
        for (TraceEvent e : events) {
            if (e.op() == Op.CALL && call(e).equals("bind")) {
                String path = e.said() instanceof Note n ? n.valueOf(Note.Word.AF_UNIX) : null;
                facts.put("bound_to", path != null ? "path" : e.a() > 0 ? "ipport" : "nothing");
                facts.put("path", path != null ? path : "—");
                return;
            }
        }
    }

    /** nagle_round: the client's rounds of sends answered by one recv(), their median. */
    private static void nagleRound(List<TraceEvent> events, Map<String, String> facts) {
        List<Long> rounds = new ArrayList<>();
        long start = -1;
        for (TraceEvent e : events) {
            if (is(e, Side.CLIENT, Op.SEND) && start < 0) {
                start = e.tNs() - e.durNs();
            } else if (is(e, Side.CLIENT, Op.RECV) && start >= 0) {
                rounds.add(e.tNs() - start);
                start = -1;
            }
        }
        if (rounds.isEmpty()) {
            return;
        }
        long[] sorted = rounds.stream().mapToLong(Long::longValue).sorted().toArray();
        double ms = sorted[sorted.length / 2] / 1e6;
        facts.put("rounds", String.valueOf(sorted.length));
        facts.put("nagle_ms", String.format(Locale.ROOT, "%.2f", ms));
        facts.put("nagle_round", ms < 1 ? "fast" : ms < 500 ? "stall" : "second");
    }

    /** connected: what the last datagram receive of the client's met. */
    private static void datagramReply(List<TraceEvent> events, Map<String, String> facts) {
        for (TraceEvent e : events) {
            if (is(e, Side.CLIENT, Op.RECVFROM)) {
                facts.put("connected", "reply");
            } else if (is(e, Side.CLIENT, Op.ERROR) && call(e).startsWith("recv") && e.said() instanceof Phrase p) {
                if (p.key().equals("probe.refused")) {
                    facts.put("connected", "refused");
                } else if (p.key().equals("probe.timeout")) {
                    facts.put("connected", "silence");
                }
            }
        }
    }

    /** check: the hash verdict of the last frame read. */
    private static void fileCheck(List<TraceEvent> events, Map<String, String> facts) {
        for (TraceEvent e : events) {
            if (e.op() == Op.FRAME) {
                Verdict v = e.verified();
                facts.put("check", v == Verdict.UNKNOWN ? "none" : v == Verdict.OK ? "verified" : "mismatch");
            }
        }
    }

    /**
     * second_answer: where in the server's stream the client's first recv() after its second request began,
     * against where the server's answer to that request began (its first send after the request came).
     */
    private static void secondAnswer(List<TraceEvent> events, Map<String, String> facts) {
        TraceEvent request = nth(events, e -> is(e, Side.CLIENT, Op.SEND) && e.bytes() > 0, 2);
        if (request == null) {
            return;
        }
        long answerAt = -1;
        boolean arrived = false;
        for (TraceEvent e : events) { // the server's calls, in its order: the recv that took the request, then its answer
            if (is(e, Side.SERVER, Op.RECV) && e.offset() <= request.offset() && request.offset() < e.offset() + e.bytes()) {
                arrived = true;
            } else if (arrived && is(e, Side.SERVER, Op.SEND)) {
                answerAt = e.offset();
                break;
            }
        }
        boolean after = false;
        for (TraceEvent e : events) { // the client's, in its order
            after |= e == request;
            if (after && answerAt >= 0 && is(e, Side.CLIENT, Op.RECV)) {
                facts.put("second_answer", e.offset() == answerAt ? "own" : e.offset() < answerAt ? "rest" : "other");
                return;
            }
        }
    }

    private static TraceEvent nth(List<TraceEvent> events, java.util.function.Predicate<TraceEvent> which, int n) {
        for (TraceEvent e : events) {
            if (which.test(e) && --n == 0) {
                return e;
            }
        }
        return null;
    }

    /** first_send: what the client's first send() took of what it was given. */
    private static void firstSend(List<TraceEvent> events, Map<String, String> facts) {
        for (TraceEvent e : events) {
            if (is(e, Side.CLIENT, Op.SEND) && e.requested() > 0) {
                facts.put("took", String.valueOf(e.bytes()));
                facts.put("asked", String.valueOf(e.requested()));
                facts.put("first_send", e.bytes() == e.requested() ? "all" : e.bytes() == 0 ? "none" : "part");
                return;
            }
            if (is(e, Side.CLIENT, Op.ERROR) && call(e).startsWith("send")) {
                facts.put("first_send", "none");
                return;
            }
        }
    }
}
