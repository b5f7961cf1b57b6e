package socketlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import socketlab.codec.Framing;
import socketlab.trace.TraceLog;

/**
 * A lesson's own Python programs — the tutorial's listings for it, written fresh — run under the probe beside the
 * lab's Java run: the class sees the tutorial's code glue and split, and its calls answer the lesson's question
 * the same way the Java run's do.
 *
 * <pre>
 *   ch8-two-sends-one-recv:  ch8_sticky_server.py PORT   (accept, sleep 0.1, recv(1024), recv(1024))
 *                            ch8_sticky_client.py PORT   (connect, send "hello world", send "haha")
 *   → the server's first recv returns b'hello worldhaha': the lesson's answer, from the learner's kind of code
 * </pre>
 *
 * Each listing takes its port as its first argument (the tutorial's 8080 when none), so that runs side by side
 * never fight over one: a free loopback port is chosen for each run. The programs are run by whoever has a
 * {@code TracedRun} (the command line, the window's programs); this class says what to run and reads the answer.
 */
public final class ListingRun {
    private static final String DIR = "/socketlab/assets/lessons/listings/";
    /** After a send(b''), a server recv() still waiting this long has had nothing to return (as the lesson's own run asks). */
    static final long EMPTY_SEND_WAIT_MS = 400;
    /** A listing's server finishes by itself once its client has gone: it is given this long to (ms). */
    public static final long FINISH_MS = 10_000;

    private ListingRun() {
    }

    /**
     * The commands that run {@code lesson}'s listing, server first, each with one free port: the files are
     * copied out of the lab into a folder of their own (file I/O: never on the FX thread).
     */
    public static List<List<String>> programs(Lesson lesson) throws IOException {
        if (lesson.listing().isEmpty()) {
            throw new IllegalArgumentException("lesson " + lesson.id() + " has no listing of the tutorial's");
        }
        Path dir = Files.createTempDirectory("socketlab-listing-");
        dir.toFile().deleteOnExit();
        String port = String.valueOf(freePort());
        List<List<String>> out = new ArrayList<>();
        for (String name : lesson.listing()) {
            Path file = dir.resolve(name);
            try (InputStream in = ListingRun.class.getResourceAsStream(DIR + name)) {
                if (in == null) {
                    throw new IOException("lesson " + lesson.id() + " names a listing the lab does not have: " + name);
                }
                Files.write(file, in.readAllBytes());
            }
            file.toFile().deleteOnExit();
            out.add(List.of(file.toString(), port));
        }
        return out;
    }

    /** The framing the listing's connections are read with: the lesson's own (the JSON header's), else none. */
    public static Framing framing(Lesson lesson) {
        return lesson.experiment() instanceof Experiment.Tcp t && t.framing() != null ? Framing.parse(t.framing()) : Framing.NONE;
    }

    /**
     * The answer the listing's run gives the lesson's question: read from the events {@code log} gained from {@code from}
     * on. A lesson measured by a fact of its experiment ({@code fact:server_saw}) reads that fact from the programs' calls.
     */
    public static String answer(Lesson lesson, TraceLog log, int from) {
        return Lessons.measure(lesson.measure(), log, from, facts(log, from));
    }

    /**
     * The facts a lesson's experiment would measure, as a listing's traced calls give them:
     * <ul>
     *   <li>{@code server_saw}: what the server's recv() met first once the data was read — {@code eof} (it returned
     *       b'') or {@code reset} (it raised ConnectionResetError);</li>
     *   <li>{@code restart}: whether a listener could be made again on the port — {@code in_use} (a bind() was
     *       refused) or {@code ok} (the server side listened twice);</li>
     *   <li>{@code client_port_kind}: which port the client's connect() left its socket on, as the lab's own run
     *       reads it ({@code os}: one the system picked);</li>
     *   <li>{@code server_recv}: after the client's send(b''), whether the server's recv() came back within
     *       {@link #EMPTY_SEND_WAIT_MS} ({@code returned}) or waited on ({@code waits}) — nothing had arrived;</li>
     *   <li>the server model's facts ({@code served_at_once} …), read as for the lab's own models.</li>
     * </ul>
     * A fact the calls do not show is left out (the measure then says so).
     */
    static Map<String, String> facts(TraceLog log, int from) {
        Map<String, String> facts = new java.util.HashMap<>(Experiments.modelFacts(log, from));
        int listens = 0;
        boolean bindRefused = false;
        long emptySent = -1;
        for (int i = from; i < log.size(); i++) {
            socketlab.trace.TraceEvent e = log.get(i);
            String call = e.call() == null ? "" : e.call();
            if (e.side() == socketlab.trace.Side.CLIENT && e.op() == socketlab.trace.Op.SEND && e.bytes() == 0 && emptySent < 0) {
                emptySent = e.tNs();
            } else if (emptySent >= 0 && e.side() == socketlab.trace.Side.SERVER && !facts.containsKey("server_recv")
                    && (e.op() == socketlab.trace.Op.RECV || e.op() == socketlab.trace.Op.EOF) && e.tNs() > emptySent) {
                facts.put("server_recv", e.tNs() - emptySent >= EMPTY_SEND_WAIT_MS * 1_000_000L ? "waits" : "returned");
            }
            if (e.op() == socketlab.trace.Op.CONNECT && e.side() == socketlab.trace.Side.CLIENT
                    && !facts.containsKey("client_port_kind")) {
                facts.put("client_port_kind", Experiments.portKind(e.a(), e.b())); // local port, the server's
            }
            if (e.op() == socketlab.trace.Op.LISTEN && e.side() == socketlab.trace.Side.SERVER) {
                listens++;
            } else if (e.op() == socketlab.trace.Op.ERROR && call.equals("bind")) {
                bindRefused = true;
            } else if (e.side() == socketlab.trace.Side.SERVER && !facts.containsKey("server_saw")) {
                if (e.op() == socketlab.trace.Op.EOF) {
                    facts.put("server_saw", "eof");
                } else if (e.op() == socketlab.trace.Op.ERROR && call.startsWith("recv")) {
                    boolean reset = e.said() instanceof socketlab.text.Phrase p && p.key().equals("io.reset");
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
        return facts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
