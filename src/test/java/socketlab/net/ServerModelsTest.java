package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.exec.TaskRunner;
import socketlab.trace.Conn;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/** Chapter 10 and the select appendix: iterative, thread-per-connection and selector servers, on real sockets. */
class ServerModelsTest {

    static List<TraceEvent> events(TraceLog log, Op op, Side side) {
        List<TraceEvent> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == op && (side == null || log.side(i) == side)) {
                out.add(log.get(i));
            }
        }
        return out;
    }

    /** Connects {@code n} clients at once, each sends one message; client 1 leaves first, then the others. */
    static TraceLog run(ServerSettings.Model model, int n, int delayMs) throws Exception {
        TraceLog log = new TraceLog();
        ServerSettings s = ServerSettings.defaults().withPort(0).withRecv(1024, delayMs, List.of()).withModel(model).withMaxConns(n);
        try (LabServer server = new LabServer(log, s)) {
            int port = server.start();
            List<LabClient> clients = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                LabClient c = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
                c.connect();
                c.send(List.of(("client " + i).getBytes(StandardCharsets.UTF_8)));
                clients.add(c);
            }
            // everyone stays until the server has accepted them all — or for half a second, which an iterative server
            // cannot use: it accepts the next client only when the current one has gone
            log.await(Op.ACCEPT, Side.SERVER, n, 500);
            for (LabClient c : clients) { // one after the other: each leaves, the server sees EOF
                c.finishSending();
                assertTrue(c.awaitServerClose(10_000));
                c.close();
            }
            assertTrue(server.awaitStopped(10_000));
        }
        return log;
    }

    @Test
    void theIterativeServerAcceptsTheSecondClientOnlyAfterTheFirstHasGone() throws Exception {
        TraceLog log = run(ServerSettings.Model.ITERATIVE, 2, 0);
        List<TraceEvent> accepts = events(log, Op.ACCEPT, Side.SERVER);
        List<TraceEvent> connects = events(log, Op.CONNECT, Side.CLIENT);
        int firstServerConn = accepts.get(0).conn();
        TraceEvent firstClose = events(log, Op.CLOSE, Side.SERVER).stream().filter(e -> e.conn() == firstServerConn)
                .findFirst().orElseThrow();
        assertTrue(connects.get(1).tNs() < firstClose.tNs(), "client 2 connected (the kernel's backlog) while client 1 was served");
        assertTrue(accepts.get(1).tNs() > firstClose.tNs(), "but accept() returned it only after client 1's connection closed");
    }

    @Test
    void theThreadedServerAcceptsEveryoneAtOnce() throws Exception {
        TraceLog log = run(ServerSettings.Model.THREADED, 3, 0);
        List<TraceEvent> accepts = events(log, Op.ACCEPT, Side.SERVER);
        long firstClose = events(log, Op.CLOSE, Side.SERVER).get(0).tNs();
        assertEquals(3, accepts.size());
        assertTrue(accepts.get(2).tNs() < firstClose, "all three were being served before anyone left");
    }

    @Test
    void theSelectorServerServesWhicheverConnectionsSelectReturnsReady() throws Exception {
        TraceLog log = run(ServerSettings.Model.SELECTOR, 3, 100);
        List<TraceEvent> selects = events(log, Op.SELECT, Side.SERVER);
        assertTrue(selects.stream().anyMatch(e -> e.text().contains("accept")), "select() reported the listener ready");
        assertTrue(selects.stream().anyMatch(e -> e.text().split("#").length - 1 >= 2),
                "one select() returned two or more connections ready: " + selects.stream().map(TraceEvent::text).toList());
        assertEquals(3, events(log, Op.FRAME, Side.SERVER).size());
        assertEquals(1, events(log, Op.LISTEN, Side.SERVER).size());
        socketlab.trace.TraceIndex idx = new socketlab.trace.TraceIndex(log);
        idx.update();
        for (socketlab.trace.Conn c : idx.conns()) {
            if (c.side == Side.SERVER && c.openEvent >= 0) {
                boolean readyOnce = !c.readyIn.isEmpty();
                assertTrue(readyOnce, "the timeline can mark the select() calls that returned connection #" + c.id);
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ServerSettings.Model.class)
    void closeReturnsWithEveryThreadOfTheServerEndedAndItsPortFree(ServerSettings.Model model) throws Exception {
        TraceLog log = new TraceLog();
        LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withModel(model));
        int port = server.start();
        try (java.net.Socket a = new java.net.Socket("127.0.0.1", port); java.net.Socket b = new java.net.Socket("127.0.0.1", port)) {
            a.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            assertTrue(log.await(Op.RECV, Side.SERVER, 1, 10_000), "the server is serving");
            server.close();
        }
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("socketlab-server-" + port + "-")) {
                t.join(2_000); // its work is done when close() returns; the thread itself may take a moment to exit
                if (t.isAlive()) {
                    left.add(t.getName() + " " + java.util.Arrays.toString(t.getStackTrace()));
                }
            }
        }
        assertEquals(List.of(), left, model + ": no thread of the server outlives close()");
        try (java.net.ServerSocket again = new java.net.ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new java.net.InetSocketAddress("127.0.0.1", port)); // throws if the listener were still open
        }
    }

    private static long openFds() throws java.io.IOException {
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aSelectorServerUsesOneDescriptorPerConnectionAndAPeerThatNeverReadsItsEchoesIsClosedWhileTheOthersAreServed()
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/fd")));
        TraceLog log = new TraceLog();
        ServerSettings s = ServerSettings.defaults().withPort(0).withModel(ServerSettings.Model.SELECTOR).withEcho(true);
        try (LabServer server = new LabServer(log, s)) {
            int port = server.start();
            long before = openFds();
            List<java.nio.channels.SocketChannel> idle = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                idle.add(java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port)));
            }
            assertTrue(log.await(Op.ACCEPT, Side.SERVER, 50, 10_000));
            long perConnection = (openFds() - before) / 50; // the client's socket and the server's
            assertTrue(perConnection <= 2, "descriptors per connection, both ends: " + perConnection + " (each end made two selectors: 6)");

            // a client that sends and sends and never reads what comes back
            java.nio.channels.SocketChannel hog = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port));
            Thread flood = new Thread(() -> {
                java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(64 * 1024);
                try {
                    for (int i = 0; i < 1024; i++) { // 64 MiB, far more than the kernel's buffers and the server's limit
                        chunk.clear();
                        hog.write(chunk);
                    }
                } catch (java.io.IOException closedByTheServer) {
                    // the point: the server gave up on it
                }
            });
            flood.setDaemon(true);
            flood.start();
            assertTrue(log.await(Op.ERROR, Side.SERVER, 1, 30_000), "the non-reader is closed with an error");
            String said = events(log, Op.ERROR, Side.SERVER).get(0).text();
            assertTrue(said.contains("does not read what the server sends back") && said.contains("1048576"), said);

            // and a polite client is still answered
            LabClient polite = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
            polite.connect();
            polite.send(List.of("hello".getBytes(StandardCharsets.UTF_8)));
            polite.finishSending();
            assertTrue(polite.awaitServerClose(10_000), "served after the non-reader");
            polite.close();
            boolean echoed = events(log, Op.RECV, Side.CLIENT).stream()
                    .anyMatch(e -> e.conn() == polite.conn() && new String(e.payload(), StandardCharsets.UTF_8).equals("HELLO"));
            assertTrue(echoed, "its echo came back");
            hog.close();
            for (java.nio.channels.SocketChannel c : idle) {
                c.close();
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ServerSettings.Model.class)
    void fiveHundredClientsConnectingAtOnceAreAllEchoed(ServerSettings.Model model) throws Exception {
        // the tutorial's listen(5) left 408 (threaded) and 435 (selector) of them without an echo after 30 s
        TraceLog log = new TraceLog();
        ServerSettings s = ServerSettings.defaults().withPort(0).withModel(model).withEcho(true);
        int clients = 500;
        try (LabServer server = new LabServer(log, s)) {
            int port = server.start();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(100);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                byte[] msg = ("client " + i).getBytes(StandardCharsets.US_ASCII);
                answers.add(pool.submit(() -> {
                    go.await();
                    try (java.net.Socket c = new java.net.Socket("127.0.0.1", port)) {
                        c.setSoTimeout(30_000);
                        c.getOutputStream().write(msg);
                        c.shutdownOutput(); // the iterative server serves the next one when this one has gone
                        byte[] back = c.getInputStream().readAllBytes();
                        return new String(back, StandardCharsets.US_ASCII).equals(new String(msg, StandardCharsets.US_ASCII).toUpperCase());
                    }
                }));
            }
            go.countDown();
            int echoed = 0;
            for (java.util.concurrent.Future<Boolean> a : answers) {
                echoed += a.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdownNow();
            assertEquals(clients, echoed, model + ": every client echoed");
        }
    }
}
