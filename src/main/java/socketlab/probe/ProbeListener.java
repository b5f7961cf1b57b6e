package socketlab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * Where traced programs report: a loopback socket of the lab's that only programs it started can
 * use (they must say its token first). Each program's probe connects once and sends its calls in
 * batches; a thread per program records them ({@link ProgramRecorder}).
 *
 * <pre>
 *   {"hello":1,"token":"…","pid":4242,"program":"client.py","mono_ns":…}\n
 *   {"call":"send","sid":1,"t0":…,"t1":…,"n":5,"len":5}\n  hello          ← a call's bytes follow its line
 * </pre>
 *
 * A line is at most {@link #MAX_LINE} bytes and a call's bytes at most {@link #MAX_DATA}; a report
 * past either ends that program's reports (the program itself goes on).
 */
public final class ProbeListener implements AutoCloseable {
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_DATA = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TraceLog log;
    private final Framing framing;
    private final ServerSocket server;
    private final String token;
    private final Map<Long, Program> programs = new ConcurrentHashMap<>();
    private final Thread acceptor;

    /** A program that reported, by its process id. */
    private static final class Program {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        volatile ProgramRecorder recorder;
    }

    public ProbeListener(TraceLog log, Framing framing) throws IOException {
        this.log = log;
        this.framing = framing;
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
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16)) {
            JsonNode hello = line(in);
            if (hello == null || !token.equals(hello.path("token").asText())) {
                return; // not a probe of ours
            }
            long pid = hello.path("pid").asLong();
            p = program(pid);
            ProgramRecorder r = new ProgramRecorder(log, new TraceEvent.Origin(hello.path("program").asText("?"), pid),
                    framing, hello.path("mono_ns").asLong(), System.nanoTime());
            p.recorder = r;
            try {
                for (JsonNode report; (report = line(in)) != null; ) {
                    byte[] data = null;
                    if (report.has("len")) {
                        int n = report.path("len").asInt(-1);
                        if (n < 0 || n > MAX_DATA) {
                            return;
                        }
                        data = in.readNBytes(n);
                        if (data.length < n) {
                            return;
                        }
                    }
                    if (r.take(report, data)) {
                        p.ready.countDown();
                    }
                }
            } finally {
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

    /** The next JSON line, or null at the end of the reports. */
    private static JsonNode line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0 || b.size() >= MAX_LINE) {
                return null;
            }
            b.write(c);
        }
        return JSON.readTree(b.toByteArray());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
