package socketlab.scenario;

import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.net.CallGate;
import socketlab.net.LabClient;
import socketlab.net.LabException;
import socketlab.text.Phrase;
import socketlab.net.LabServer;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Runs a scenario with the lab's own client and server in one process, on a real loopback
 * connection, recording into a shared {@link TraceLog}: start the server on a free port,
 * connect, send every message, half-close, and wait until the server has read to EOF.
 */
public final class ScenarioRunner {
    static final long TIMEOUT_MS = 60_000;

    private final TraceLog log;
    private final TaskRunner runner;
    private final CallGate gate;

    public ScenarioRunner(TraceLog log, TaskRunner runner) {
        this(log, runner, CallGate.OPEN);
    }

    private volatile LabServer server;
    private volatile LabClient client;
    private volatile boolean cancelled;

    /** A runner whose sockets ask {@code gate} before every call (while it holds them — step mode — no time limit). */
    public ScenarioRunner(TraceLog log, TaskRunner runner, CallGate gate) {
        this.log = log;
        this.runner = runner;
        this.gate = gate;
    }

    /**
     * Which connection ids the run used, what it counted, and how long it took: {@code elapsedNs} from
     * the scenario's start to its end (setup included), {@code rowNs} from its first socket event to its
     * last — what its timeline row says.
     */
    public record Result(int serverConn, int clientConn, TraceIndex.Summary summary, long elapsedNs, long rowNs) {}

    /** Runs {@code s}, unless its {@link Workload} is past a limit: then refuses it before a socket opens. */
    public Result run(Scenario s) throws LabException, InterruptedException {
        Phrase refused = Workload.of(s).refusal(s);
        if (refused != null) {
            throw new LabException(refused);
        }
        try {
            return runOnce(s);
        } catch (LabException e) {
            if (cancelled) { // its sockets closed under it: that is the cancel, not a fault
                throw new LabException(Phrase.of("scenario.cancelled"), e);
            }
            throw e;
        }
    }

    private Result runOnce(Scenario s) throws LabException, InterruptedException {
        long t0 = System.nanoTime();
        long timeout = gate.holds() ? Long.MAX_VALUE / 2 : TIMEOUT_MS;
        try (LabServer server = new LabServer(log, s.serverSettings(), gate)) {
            this.server = server;
            int port = server.start();
            try (LabClient client = new LabClient(log, s.clientSettings(port), runner, gate)) {
                this.client = client;
                client.connect();
                client.send(s.messages());
                client.finishSending();
                if (!server.awaitStopped(timeout)) {
                    throw new LabException(Phrase.of("scenario.timeout", TIMEOUT_MS / 1000));
                }
                if (cancelled) {
                    throw new LabException(Phrase.of("scenario.cancelled"));
                }
                client.awaitServerClose(timeout);
                long elapsed = System.nanoTime() - t0;
                int clientConn = client.conn();
                client.close();
                TraceIndex idx = new TraceIndex(log);
                idx.update();
                Conn c = idx.conn(clientConn);
                int serverConn = c != null && c.peer() != null ? c.peer().id : 0;
                long rowNs = 0;
                for (ConnectionRow row : ConnectionRow.of(idx)) {
                    if (row.ends().contains(c)) {
                        rowNs = row.endNs(log) - row.startNs(log);
                    }
                }
                return new Result(serverConn, clientConn, runSummary(idx, clientConn, serverConn), elapsed, rowNs);
            }
        }
    }

    /**
     * Stops the run from another thread (Cancel, Clear): its sockets close, and {@link #run} ends
     * with "cancelled" — what was recorded stays.
     */
    public void cancel() {
        cancelled = true;
        LabClient c = client;
        if (c != null) {
            c.close();
        }
        LabServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** The counts of one client/server pair only (a log may hold several runs). */
    static TraceIndex.Summary runSummary(TraceIndex idx, int clientConn, int serverConn) {
        long sends = 0;
        long recvs = 0;
        long unrecorded = 0;
        int glued = 0;
        int split = 0;
        int frames = 0;
        int ok = 0;
        int messages = 0;
        for (int id : new int[] {clientConn, serverConn}) {
            Conn c = idx.conn(id);
            if (c == null) {
                continue;
            }
            sends += c.sends.size() + c.unrecordedSends;
            recvs += c.recvs.size() + c.unrecordedRecvs;
            unrecorded += c.unrecordedSends + c.unrecordedRecvs;
            glued += idx.glued(c);
            split += idx.split(c);
            frames += c.frames.size();
            messages += c.messages.size();
            for (int k = 0; k < c.frames.size(); k++) {
                if (idx.frameVerdict(c, k) == Verdict.OK) {
                    ok++;
                }
            }
        }
        return new TraceIndex.Summary(sends, recvs, glued, split, frames, ok, messages, unrecorded);
    }
}
