package socketlab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.net.LabServer;
import socketlab.net.ServerSettings;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Programs written as the tutorial writes them (src/test/resources/probe/), run unchanged under the
 * probe with real python3 on real loopback sockets; the trace is read back and checked. The only
 * change to a listing is its port: 8080 becomes a free one, so that tests can run side by side.
 * Skipped where no python3 is installed.
 */
class TracedProgramsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private int port;

    @BeforeAll
    static void findPython() {
        Python3.assumeInstalled();
    }

    @Test
    void theChapterSevenServerAndClientRunTogetherAndTheirCallsPairIntoOneRow() throws Exception {
        TraceLog log = new TraceLog();
        int status = runTyping(log, "hello\nworld\n", "ch7_server.py", "ch7_client.py");
        assertEquals(0, status, console.toString());
        assertTrue(console.toString().contains("HELLO") && console.toString().contains("WORLD"), console.toString());

        List<TraceEvent> serverRecvs = events(log, Op.RECV, Side.SERVER);
        assertEquals("hello", text(serverRecvs.get(0)), "the server's recv(1024) returned b'hello'");
        assertEquals(1024, serverRecvs.get(0).requested());
        assertEquals("ch7_server.py", serverRecvs.get(0).origin().program());
        List<TraceEvent> clientRecvs = events(log, Op.RECV, Side.CLIENT);
        assertEquals("HELLO", text(clientRecvs.get(0)), "the client's recv returned b'HELLO'");
        assertEquals("WORLD", text(clientRecvs.get(1)));
        assertEquals(List.of("send", "send"), calls(events(log, Op.SEND, Side.CLIENT)));

        TraceIndex idx = index(log);
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        assertEquals(1, rows.size(), "one connection, seen from both programs, is one row");
        Conn server = idx.conn(serverRecvs.get(0).conn());
        assertSame(idx.conn(clientRecvs.get(0).conn()), server.peer(), "paired by their ports");
        assertEquals(1, events(log, Op.LISTEN, Side.SERVER).size());
        assertTrue(calls(events(log, Op.CALL, Side.SERVER)).containsAll(List.of("socket", "setsockopt", "bind")),
                "what came before listen() is there, on the server's side");
    }

    @Test
    void theStickyClientsTwoSendsArriveAsOneGluedRecvAtTheLabsSlowServer() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer lab = new LabServer(log, ServerSettings.defaults().withPort(freePort())
                .withRecv(1024, 200, List.of()))) {
            port = lab.start();
            int status = run(log, Framing.NONE, List.of(script("sticky_client.py")));
            assertEquals(0, status, console.toString());
            assertTrue(log.await(Op.EOF, Side.SERVER, 1, 10_000), "the lab's server read to the end");
        }
        assertEquals(List.of("send", "send"), calls(events(log, Op.SEND, Side.CLIENT)));
        List<TraceEvent> labRecvs = events(log, Op.RECV, Side.SERVER);
        assertEquals("hello worldhaha", text(labRecvs.get(0)), "both sends in one recv(1024), 200 ms later");
        TraceIndex idx = index(log);
        assertEquals(1, idx.summary().glued(), "one glued recv, counted across the program and the lab");
        assertEquals(1, ConnectionRow.of(idx).size(), "the student's client and the lab's server: one row");
    }

    /**
     * Step mode through the probe: every connect, accept, send and recv of both listings waits at the lab's own
     * gate, named as the learner wrote it, and none runs before its step — the trace never holds more of a
     * program's sends than were stepped. A recv joins the line once bytes are there, and while it is held the
     * kernel keeps them: when stepped it returns at least what was waiting.
     */
    @Test
    void inStepModeEachCallOfBothProgramsWaitsForItsStepAndRunsOnlyThen() throws Exception {
        TraceLog log = new TraceLog();
        socketlab.net.Stepper stepper = new socketlab.net.Stepper();
        stepper.setEnabled(true);
        String server = script("ch7_server.py");
        String client = script("sticky_client.py");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<Integer> run = pool.submit(() -> new TracedRun(log, Framing.NONE, "python3", out())
                .stdin(ProcessBuilder.Redirect.PIPE).gate(stepper).run(List.of(List.of(server), List.of(client))));
        List<String> stepped = new ArrayList<>();
        socketlab.net.Stepper.Pending firstRecv = null;
        int sendsStepped = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!run.isDone() && System.nanoTime() < end) {
                if (!stepper.awaitPending(1, 100)) {
                    continue;
                }
                socketlab.net.Stepper.Pending next = stepper.pending().get(0);
                int sendsRun = events(log, Op.SEND, Side.CLIENT).size();
                assertTrue(sendsRun <= sendsStepped, "a send ran before its step: " + sendsRun + " of " + sendsStepped + " stepped");
                if (next.side() == Side.CLIENT && next.call().startsWith("connect")) {
                    assertEquals(0, events(log, Op.CONNECT, Side.CLIENT).size(), "the held connect has not run");
                }
                if (next.side() == Side.CLIENT && next.call().startsWith("send")) {
                    sendsStepped++;
                }
                if (next.side() == Side.SERVER && next.call().startsWith("recv") && firstRecv == null) {
                    firstRecv = next;
                }
                stepped.add(next.side() + " " + next.call());
                stepper.step();
            }
            assertEquals(0, run.get(10, TimeUnit.SECONDS), console.toString());
        } finally {
            stepper.setEnabled(false);
            pool.shutdownNow();
        }
        assertEquals("CLIENT connect(127.0.0.1:" + port + ")", stepped.get(0), "the client's connect waited first: " + stepped);
        assertTrue(stepped.contains("SERVER accept()"), stepped.toString());
        assertTrue(stepped.indexOf("CLIENT send(11 bytes)") < stepped.indexOf("CLIENT send(4 bytes)"), stepped.toString());
        assertNotNull(firstRecv, "the server's recv(1024) waited at the gate: " + stepped);
        assertEquals("recv(1024)", firstRecv.call());
        assertTrue(firstRecv.waiting() >= 11, "it joined the line once the first send's bytes were there: " + firstRecv);
        TraceEvent recv = events(log, Op.RECV, Side.SERVER).get(0);
        assertTrue(recv.bytes() >= firstRecv.waiting(), "held, it kept what was waiting: " + recv.bytes() + " of " + firstRecv);
        assertEquals("hello worldhaha".substring(0, recv.bytes()), text(recv));
    }

    @Test
    void threeFilesUnderTheHeaderFramingAreThreeVerifiedFramesAndThreeMessagesMeant() throws Exception {
        TraceLog log = pair(Framing.HEADER, "header_files_server.py", "header_files_client.py");
        List<TraceEvent> frames = events(log, Op.FRAME, Side.SERVER);
        assertEquals(3, frames.size(), "the server's recv() loop, read by the header decoder: " + frames);
        for (TraceEvent f : frames) {
            assertEquals(Verdict.OK, f.verified(), "its sha256 matches: " + f);
        }
        assertEquals(List.of(11, 4, 10240), frames.stream().map(TraceEvent::bytes).toList());
        assertEquals(3, events(log, Op.MESSAGE, Side.CLIENT).size(), "what the client's sendall() calls meant");
        assertTrue(calls(events(log, Op.SEND, Side.CLIENT)).stream().allMatch("sendall"::equals));
        assertEquals(3, index(log).summary().framesOk());
    }

    @Test
    void socketserversThreadsAreTracedAndTheServerThatServesForeverIsStoppedWhenTheClientEnds() throws Exception {
        TraceLog log = new TraceLog();
        long t0 = System.nanoTime();
        int status = runTyping(log, "hi there\n", "threading_server.py", "ch7_client.py");
        assertEquals(0, status, "the last program's status: " + console);
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the server was stopped, not waited for");
        assertEquals("hi there", text(events(log, Op.RECV, Side.SERVER).get(0)), "recv() on the handler's thread");
        assertEquals(List.of("sendall"), calls(events(log, Op.SEND, Side.SERVER)));
        assertEquals("HI THERE", text(events(log, Op.RECV, Side.CLIENT).get(0)));
    }

    /**
     * A program's console in the trace: each line it printed (stdout, stderr) or read with input() is an event on
     * the connection its thread last used, at its moment — on that connection's row while it was open, in the
     * trace and on no row before (a server waiting for its first client) or after — and the program's own
     * output is what it would be in a terminal.
     */
    @Test
    void whatAProgramPrintsAndReadsStandsOnTheRowOfTheConnectionItUsedAndStillReachesItsConsole() throws Exception {
        TraceLog log = new TraceLog();
        int status = runTyping(log, "hello\nworld\n", "printing_server.py", "ch7_client.py");
        assertEquals(0, status, console.toString());
        assertTrue(console.toString().contains("got b'hello'") && console.toString().contains("HELLO"),
                "the programs' output reached the console unchanged: " + console);

        List<TraceEvent> client = lines(log, Side.CLIENT);
        assertEquals(List.of("input >> hello", "stdout HELLO", "input >> world", "stdout WORLD"),
                client.stream().map(e -> e.call() + " " + e.text()).toList(), "the prompt and what was typed, then the answer");
        TraceEvent hello = events(log, Op.RECV, Side.CLIENT).get(0);
        assertTrue(client.stream().allMatch(e -> e.conn() == hello.conn()), "the client's lines are on its connection");
        assertTrue(client.get(1).tNs() >= hello.tNs() && client.get(2).tNs() >= client.get(1).tNs(),
                "\"HELLO\" was printed after the recv() that returned it, and before the next line was typed");

        List<TraceEvent> server = lines(log, Side.SERVER);
        assertEquals(List.of("stdout waiting for a client", "stdout connected: 127.0.0.1", "stdout got b'hello'",
                "stdout got b'world'", "stderr the client left", "stdout closed"),
                server.stream().map(e -> e.call() + " " + e.text()).toList());
        TraceEvent got = events(log, Op.RECV, Side.SERVER).get(0);
        TraceIndex idx = index(log);
        Conn row = idx.conn(got.conn());
        assertEquals(List.of("connected: 127.0.0.1", "got b'hello'", "got b'world'", "the client left"),
                texts(log, row.outputs), "the server's row: the lines printed while its connection was open");
        int listener = server.get(0).conn();
        assertTrue(listener != got.conn() && ConnectionRow.of(idx).stream().flatMap(r -> r.ends().stream()).noneMatch(c -> c.id == listener),
                "\"waiting\" was printed on the listening socket, before any connection: on no row");
        assertEquals(got.conn(), server.get(5).conn(), "\"closed\" is the closed connection's, in the trace");
        assertEquals(4, idx.conn(hello.conn()).outputs.size(), "the client's row has its four lines");
    }

    @Test
    void eachHandlerThreadsLinesGoToItsOwnClientsConnection() throws Exception {
        TraceLog log = new TraceLog();
        // the ch10 lesson's own client listing (its port as its argument): three at once, each printing its answer
        String clients = java.nio.file.Path.of("assets/lessons/listings/ch10_three_clients.py").toAbsolutePath().toString();
        int status = run(log, Framing.NONE, List.of(script("threading_server.py")), List.of(clients, String.valueOf(port)));
        assertEquals(0, status, console.toString());
        TraceIndex idx = index(log);
        int checked = 0;
        for (TraceEvent got : events(log, Op.RECV, Side.SERVER)) {
            List<String> on = texts(log, idx.conn(got.conn()).outputs);
            assertEquals(List.of("got b'" + text(got) + "'"), on, "a handler's line is on the connection its thread read");
            checked++;
        }
        assertEquals(3, checked, "three clients, three handler threads");
        for (TraceEvent answer : events(log, Op.RECV, Side.CLIENT)) {
            String n = text(answer).substring("CLIENT ".length());
            assertEquals(List.of("client " + n + " got b'" + text(answer) + "'"), texts(log, idx.conn(answer.conn()).outputs));
        }
    }

    @Test
    void aUdpServerAndClientTraceTheirDatagramsOnBothSides() throws Exception {
        TraceLog log = pair(Framing.NONE, "udp_server.py", "udp_client.py");
        List<TraceEvent> got = events(log, Op.RECVFROM, Side.SERVER);
        assertEquals(List.of("hello", "udp"), got.stream().map(TracedProgramsTest::text).toList());
        assertEquals(List.of("HELLO", "UDP"), events(log, Op.RECVFROM, Side.CLIENT).stream().map(TracedProgramsTest::text).toList());
        assertEquals(1, events(log, Op.LISTEN, Side.SERVER).size(), "the UDP server's bind()");
        int clientPort = events(log, Op.SENDTO, Side.CLIENT).get(0).localPort();
        assertEquals(got.get(0).remotePort(), clientPort, "the port the client's first sendto() was given, as the server heard it");
        socketlab.trace.TraceIndex idx = new socketlab.trace.TraceIndex(log);
        idx.update();
        assertEquals(1, socketlab.trace.ConnectionRow.of(idx).size(), "one row: the client that never bound is paired by that port");
    }

    @Test
    void anAfUnixServerBindsAPathWhichTheTraceNamesAndItsConnectionIsOneRow() throws Exception {
        TraceLog log = pair(Framing.NONE, "unix_server.py", "unix_client.py");
        TraceEvent bind = events(log, Op.CALL, Side.SERVER).stream().filter(e -> "bind".equals(e.call())).findFirst().orElseThrow();
        assertTrue(bind.text().endsWith("socketlab-test-" + port + ".sock"), "the path it bound: " + bind.text());
        assertEquals(0, bind.a(), "no port");
        String path = ((socketlab.text.Note) bind.said()).valueOf(socketlab.text.Note.Word.AF_UNIX);
        assertTrue(path.endsWith("socketlab-test-" + port + ".sock"), "the path as a value of its own, not only in words: " + path);
        assertEquals("hello", text(events(log, Op.RECV, Side.SERVER).get(0)));
        assertEquals("HELLO", text(events(log, Op.RECV, Side.CLIENT).get(0)));
        assertEquals(1, ConnectionRow.of(index(log)).size(), "one connection, seen from both programs");
    }

    @Test
    void aConnectedUdpSocketsSendIsADatagramAndItsRecvRaisesTheRefusalTheKernelGotBack() throws Exception {
        port = freePort(); // free a moment ago: nobody listens there
        TraceLog log = new TraceLog();
        assertEquals(0, run(log, Framing.NONE, List.of(script("udp_refused_client.py"))), console.toString());
        TraceEvent sent = events(log, Op.SENDTO, Side.CLIENT).get(0);
        assertEquals("send", sent.call(), "the method as written");
        assertEquals(13, sent.bytes());
        assertEquals(port, sent.remotePort(), "to the address connect() gave it");
        assertTrue(events(log, Op.SEND, Side.CLIENT).isEmpty(), "a datagram, not bytes of a stream");
        TraceEvent refused = events(log, Op.ERROR, Side.CLIENT).get(0);
        assertEquals("recv", refused.call());
        assertEquals("probe.refused", ((socketlab.text.Phrase) refused.said()).key());
    }

    @Test
    void aNonBlockingSendThatTakesPartOfItsBytesSaysHowManyItWasGiven() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer lab = new LabServer(log, ServerSettings.defaults().withPort(freePort()).withRecv(65536, 20, List.of()))) {
            port = lab.start();
            assertEquals(0, run(log, Framing.NONE, List.of(script("partial_send_client.py"))), console.toString());
            assertTrue(log.await(Op.EOF, Side.SERVER, 1, 20_000));
        }
        List<TraceEvent> sends = events(log, Op.SEND, Side.CLIENT);
        TraceEvent first = sends.get(0);
        assertEquals(4 << 20, first.requested(), "send() was given 4 MiB");
        assertTrue(first.bytes() > 0 && first.bytes() < first.requested(), "and took part of it: " + first.bytes());
        assertEquals("sendall", sends.get(1).call());
        assertEquals((4 << 20) - first.bytes(), sends.get(1).requested(), "sendall() was given the rest");
        assertEquals(sends.get(1).requested(), sends.get(1).bytes(), "and took all of it");
    }

    @Test
    void aProgramThatRaisesLeavesEverythingItDidAndItsStatus() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer lab = new LabServer(log, ServerSettings.defaults().withPort(freePort()))) {
            port = lab.start();
            int status = run(log, Framing.NONE, List.of(script("raising_client.py")));
            assertEquals(1, status, "Python's status for an uncaught exception");
            assertTrue(log.await(Op.EOF, Side.SERVER, 1, 10_000));
        }
        assertTrue(console.toString().contains("RuntimeError: a bug in the student's program"), console.toString());
        assertEquals(1, events(log, Op.CONNECT, Side.CLIENT).size());
        assertEquals("before the bug", text(events(log, Op.SEND, Side.CLIENT).get(0)));
        assertEquals("before the bug", text(events(log, Op.RECV, Side.SERVER).get(0)), "and the lab's server got it");
    }

    @Test
    void withTheKernelAskedEachSendAndRecvCarriesTheSocketsTcpStateFromTheKernel() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux"), "TCP_INFO is Linux's");
        TraceLog log = new TraceLog();
        int status = new TracedRun(log, Framing.NONE, "python3", out()).stdin(ProcessBuilder.Redirect.PIPE).kernel(true)
                .run(List.of(List.of(script("ch7_server.py")), List.of(script("sticky_client.py"))));
        assertEquals(0, status, console.toString());
        List<TraceEvent> sends = events(log, Op.SEND, Side.CLIENT);
        assertEquals(2, sends.size());
        for (TraceEvent e : sends) {
            socketlab.trace.Tcp t = e.tcp();
            assertNotNull(t, "the kernel's state after " + e);
            assertEquals("ESTABLISHED", t.stateName());
            assertTrue(t.segsOut() >= 3 && t.cwnd() > 0 && t.rttUs() > 0, t.toString()); // SYN, ACK, data at least
            assertEquals("TCP_INFO", t.source());
            assertTrue(t.unacked() + t.notsent() <= e.offset() + e.bytes(), "the kernel holds at most the bytes written: " + t);
        }
        assertTrue(sends.get(1).tcp().segsOut() >= sends.get(0).tcp().segsOut(), "segments only ever add up");
        TraceEvent recv = events(log, Op.RECV, Side.SERVER).get(0);
        assertNotNull(recv.tcp());
        assertTrue(recv.tcp().rcvQueue() >= 0, "bytes left to read after the recv(): " + recv.tcp());
        String json = socketlab.trace.TraceJson.line(sends.get(0));
        assertTrue(json.contains("\"tcp\":{\"segs_out\":") && json.contains("\"state\":\"ESTABLISHED\""), json);
    }

    @Test
    void withoutTheKernelAskedNoTcpStateIsReadOrWritten() throws Exception {
        TraceLog log = pair(Framing.NONE, "ch7_server.py", "sticky_client.py");
        assertTrue(events(log, Op.SEND, Side.CLIENT).stream().allMatch(e -> e.tcp() == null));
    }

    @Test
    void aProgramStoppedMidSendallLeavesTheBytesThatLeftInTheReceiversTrace() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer lab = new LabServer(log, ServerSettings.defaults().withPort(freePort()).withRecv(65536, 20, List.of()))) {
            port = lab.start();
            TracedRun run = new TracedRun(log, Framing.NONE, "python3", out()).stdin(ProcessBuilder.Redirect.PIPE);
            Thread stopper = new Thread(() -> {
                try {
                    if (log.await(Op.RECV, Side.SERVER, 3, 20_000)) { // bytes are arriving: the sendall() is under way
                        run.stop();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            int status = run.run(List.of(List.of(script("big_sendall_client.py"))));
            stopper.join();
            assertTrue(status != 0, "stopped, not ended: " + status);
            assertTrue(log.await(Op.EOF, Side.SERVER, 1, 20_000) || log.await(Op.ERROR, Side.SERVER, 1, 1_000),
                    "the lab's server read to the end of what came");
        }
        long arrived = events(log, Op.RECV, Side.SERVER).stream().mapToLong(TraceEvent::bytes).sum();
        assertTrue(arrived > 0 && arrived < 32L * 1024 * 1024, "some bytes left, not all: " + arrived);
        assertTrue(events(log, Op.SEND, Side.CLIENT).isEmpty(),
                "a sendall() that never returned is not a send the program saw complete");
        assertEquals(1, events(log, Op.CONNECT, Side.CLIENT).size(), "what it did before is all there");
    }

    @Test
    void aProgramThatIsNotPythonRunsUntracedAndTheLabSaysSo() throws Exception {
        TraceLog log = new TraceLog();
        int status = run(log, Framing.NONE, List.of("python3", "-c", "import sys; sys.exit(3)"));
        assertEquals(3, status);
        assertTrue(console.toString().contains("untraced"), console.toString());
        assertEquals(0, log.size());
    }

    @Test
    void aMissingPythonIsSaidInWordsNotAStackTrace() {
        TraceLog log = new TraceLog();
        ProbeException e = org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class,
                () -> new TracedRun(log, Framing.NONE, "no-such-python-here", out()).run(List.of(List.of("client.py"))));
        assertTrue(e.getMessage().contains("no-such-python-here") && e.getMessage().contains("--python"), e.getMessage());
    }

    // --- helpers

    /** Runs the server listing, then the client listing; both end well; returns their trace. */
    private TraceLog pair(Framing framing, String server, String client) throws Exception {
        TraceLog log = new TraceLog();
        int status = run(log, framing, List.of(script(server)), List.of(script(client)));
        assertEquals(0, status, console.toString());
        return log;
    }

    /** Runs the server listing, then the client listing with {@code typed} as what the user types into it. */
    private int runTyping(TraceLog log, String typed, String server, String client) throws Exception {
        Path input = Files.writeString(dir.resolve("typed.txt"), typed);
        return new TracedRun(log, Framing.NONE, "python3", out()).stdin(ProcessBuilder.Redirect.from(input.toFile()))
                .run(List.of(List.of(script(server)), List.of(script(client))));
    }

    private int run(TraceLog log, Framing framing, List<String>... programs) throws Exception {
        return new TracedRun(log, framing, "python3", out()).stdin(ProcessBuilder.Redirect.PIPE).run(List.of(programs));
    }

    private PrintStream out() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    /** The listing, its port 8080 made this test's. */
    private String script(String name) throws IOException {
        if (port == 0) {
            port = freePort();
        }
        try (InputStream in = getClass().getResourceAsStream("/probe/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("8080", String.valueOf(port));
            return Files.writeString(dir.resolve(name), text).toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<TraceEvent> events(TraceLog log, Op op, Side side) {
        List<TraceEvent> out = new ArrayList<>();
        for (int i = 0, n = log.size(); i < n; i++) {
            TraceEvent e = log.get(i);
            if (e.op() == op && e.side() == side) {
                out.add(e);
            }
        }
        return out;
    }

    /** The lines a side's programs printed or read, in order. */
    private static List<TraceEvent> lines(TraceLog log, Side side) {
        return events(log, Op.CALL, side).stream().filter(e -> socketlab.trace.ProgramLine.of(e.call()) != null).toList();
    }

    private static List<String> texts(TraceLog log, socketlab.trace.IntList events) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < events.size(); j++) {
            out.add(log.get(events.get(j)).text());
        }
        return out;
    }

    private static List<String> calls(List<TraceEvent> events) {
        return events.stream().map(TraceEvent::call).toList();
    }

    private static String text(TraceEvent e) {
        assertNotNull(e.payload(), e.toString());
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    private static TraceIndex index(TraceLog log) {
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return idx;
    }
}
