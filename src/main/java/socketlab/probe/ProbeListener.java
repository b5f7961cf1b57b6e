package socketlab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import socketlab.codec.Framing;
import socketlab.net.CallGate;
import socketlab.text.Phrase;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * Where traced programs report: a loopback socket of the lab's that only programs it started can
 * use (they must say its token first). Each program's probe connects once and sends its calls in
 * batches; a thread per program records them ({@link ProgramRecorder}).
 *
 * <pre>
 *   [JSON]  {"hello":1,"token":"…","pid":4242,"program":"client.py","mono_ns":…}
 *   [JSON]  {"call":"connect","sid":1,"t0":…,"t1":…,"local":["127.0.0.1",50372],"remote":[…]}
 *   [SEND]  sid 1, t0, t1, n 5  |  hello                  ← sends and receives: a fixed header and their bytes
 * </pre>
 *
 * (the layout is {@link Record}'s). A record past {@link Record#MAX_DATA} bytes ends that program's
 * reports; the program itself goes on.
 *
 * <p>Step mode goes the other way, in lines: while the lab's {@link CallGate} {@linkplain CallGate#holds holds}
 * calls, each probe is told {@code step 1} and reports each connect, accept, send and receive before it runs
 * ({@code {"before":"recv","what":"recv(1024)","waiting":11,"ask":7,…}}); the call waits at the same gate as the
 * lab's own, and {@code go 7} lets it run. {@code step 0} when step mode ends.
 */
public final class ProbeListener implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TraceLog log;
    private final Framing framing;
    private final CallGate gate;
    /** The lines back to each program's probe (step mode), by connection. */
    private final Map<Socket, java.io.OutputStream> backs = new ConcurrentHashMap<>();
    private final Runnable unwatch;
    /** Where held calls wait for the gate (a thread each while they wait: a presenter holds few at once), and where the probes are told step mode changed. */
    private final java.util.concurrent.ExecutorService holding = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "socketlab-probe-hold");
        t.setDaemon(true);
        return t;
    });
    private final ServerSocket server;
    private final String token;
    private final Map<Long, Program> programs = new ConcurrentHashMap<>();
    private final Thread acceptor;

    /** A program that reported, by its process id. */
    private static final class Program {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        volatile ProgramRecorder recorder;
        volatile long lastReport = System.nanoTime();
    }

    private final java.util.function.Consumer<String> say;

    /** {@code say}: where a line for the user goes (a probe that cannot see the kernel says why). */
    public ProbeListener(TraceLog log, Framing framing, java.util.function.Consumer<String> say) throws IOException {
        this(log, framing, CallGate.OPEN, say);
    }

    /** As above, with the step gate the programs' calls wait at while it {@linkplain CallGate#holds holds} them. */
    public ProbeListener(TraceLog log, Framing framing, CallGate gate, java.util.function.Consumer<String> say) throws IOException {
        this.log = log;
        this.say = say;
        this.framing = framing;
        this.gate = gate;
        // the change comes from the thread that made it (F6: the FX thread): the probes are told from one of ours
        this.unwatch = gate.whenHoldsChanges(() -> {
            try {
                holding.execute(() -> backs.keySet().forEach(this::tellStep));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the listener is closing: no program is left to tell
            }
        });
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        this.acceptor = new Thread(this::acceptLoop, "socketlab-probe-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** What a traced program's environment must hold for its probe to report here. */
    public Map<String, String> environment() {
        return Map.of("SOCKETLAB_PROBE", "127.0.0.1:" + server.getLocalPort(), "SOCKETLAB_PROBE_TOKEN", token);
    }

    /**
     * Waits until program {@code pid} listens (or binds a UDP socket, or reaches out: connect,
     * sendto) or its reports end; false when {@code timeoutMs} passed first.
     */
    public boolean awaitReady(long pid, long timeoutMs) throws InterruptedException {
        return program(pid).ready.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Waits until program {@code pid}'s reports have all arrived (its probe closed the connection). */
    public boolean awaitEnded(long pid, long timeoutMs) throws InterruptedException {
        return program(pid).ended.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until program {@code pid} has sent nothing for {@code quietMs} (its probe sends a batch
     * every 20 ms: a few of those quiet, and what it did has arrived), or {@code maxMs} passed.
     */
    public void awaitQuiet(long pid, long quietMs, long maxMs) throws InterruptedException {
        Program p = program(pid);
        long until = System.nanoTime() + maxMs * 1_000_000;
        while (p.ended.getCount() > 0 && System.nanoTime() < until
                && System.nanoTime() - p.lastReport < quietMs * 1_000_000) {
            Thread.sleep(5);
        }
    }

    /** Whether program {@code pid}'s probe reported at all. */
    public boolean reported(long pid) {
        return program(pid).recorder != null;
    }

    private Program program(long pid) {
        return programs.computeIfAbsent(pid, k -> new Program());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread reader = new Thread(() -> read(s), "socketlab-probe-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void read(Socket s) {
        Program p = null;
        try (s; DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16))) {
            Record hello = Record.read(in);
            JsonNode h = hello == null || hello.kind() != Record.JSON ? null : JSON.readTree(hello.data());
            if (h == null || !token.equals(h.path("token").asText())) {
                return; // not a probe of ours
            }
            long pid = h.path("pid").asLong();
            if (h.path("kernel_why").isTextual()) {
                say.accept(Phrase.of("probe.noKernel", h.path("program").asText("?"), h.path("kernel_why").asText()).words());
            }
            p = program(pid);
            ProgramRecorder r = new ProgramRecorder(log, new TraceEvent.Origin(h.path("program").asText("?"), pid),
                    framing, h.path("mono_ns").asLong(), System.nanoTime());
            p.recorder = r;
            backs.put(s, s.getOutputStream());
            tellStep(s);
            try {
                for (Record rec; (rec = Record.read(in)) != null; ) {
                    p.lastReport = System.nanoTime();
                    boolean ready;
                    if (rec.kind() == Record.JSON) {
                        JsonNode report = JSON.readTree(rec.data());
                        if (report.has("before")) { // step mode: a call the probe holds until the gate lets it run
                            hold(s, r.before(report));
                            continue;
                        }
                        byte[] data = null;
                        if (report.has("data")) { // a datagram: its bytes are the next record
                            Record bytes = Record.read(in);
                            if (bytes == null || bytes.kind() != Record.DATA) {
                                return;
                            }
                            data = bytes.data();
                        }
                        ready = r.take(report, data);
                    } else if (rec.tcpFollows()) { // the kernel's state after it comes next
                        Record tcp = Record.read(in);
                        ready = r.take(rec, tcp == null ? null : tcp.tcp());
                    } else {
                        ready = r.take(rec);
                    }
                    if (ready) {
                        p.ready.countDown();
                    }
                }
            } finally {
                backs.remove(s);
                r.ended();
            }
        } catch (IOException | RuntimeException e) {
            // a probe that went away mid-report: what arrived is recorded
        } finally {
            if (p != null) {
                p.ready.countDown();
                p.ended.countDown();
            }
        }
    }

    /** Tells probe {@code s} whether to hold its calls: {@code step 1} or {@code step 0}. */
    private void tellStep(Socket s) {
        back(s, gate.holds() ? "step 1" : "step 0");
    }

    /** Waits at the gate on a thread of its own (the reports go on arriving), then tells the probe {@code go N}. */
    private void hold(Socket s, ProgramRecorder.Hold h) {
        holding.execute(() -> {
            try {
                gate.before(h.side(), h.conn(), h.what(), () -> h.waiting(), () -> !backs.containsKey(s));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            back(s, "go " + h.ask());
        });
    }

    private void back(Socket s, String line) {
        java.io.OutputStream out = backs.get(s);
        if (out == null) {
            return;
        }
        synchronized (out) {
            try {
                out.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException gone) {
                backs.remove(s); // the program ended: nothing more to tell it
            }
        }
    }

    @Override
    public void close() throws IOException {
        unwatch.run();
        holding.shutdownNow();
        server.close();
    }
}
