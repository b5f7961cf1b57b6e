package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * Slowloris: a hundred clients each trickle one byte of a line that never ends, every 20 ms, and hold on.
 * A server that gives each connection a thread, or serves them all from one {@code select()}, still answers
 * a polite client while they trickle, and keeps every trickled byte in its trace. (The iterative server is
 * held by the first of them — that is the tutorial's point about it, shown in chapter 10's lesson.)
 */
class SlowClientsTest {
    private static final int SLOW = 100;

    @ParameterizedTest
    @EnumSource(value = ServerSettings.Model.class, names = {"THREADED", "SELECTOR"})
    void aHundredClientsTricklingOneByteAtATimeDoNotKeepAPoliteClientWaiting(ServerSettings.Model model) throws Exception {
        TraceLog log = new TraceLog();
        ServerSettings s = ServerSettings.defaults().withPort(0).withModel(model).withEcho(true).withFraming(Framing.parse("line"));
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<SocketChannel> slow = new ArrayList<>();
        try (LabServer server = new LabServer(log, s)) {
            int port = server.start();
            for (int i = 0; i < SLOW; i++) {
                slow.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
            }
            trickle.scheduleAtFixedRate(() -> {
                for (SocketChannel c : slow) {
                    try {
                        c.write(ByteBuffer.wrap(new byte[] {'x'}));
                    } catch (java.io.IOException closed) {
                        // counted below: every slow connection must stay served
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            assertTrue(log.await(Op.RECV, Side.SERVER, 2 * SLOW, 30_000), "the server reads the trickle");

            LabClient polite = new LabClient(log, ClientSettings.to(port).withFraming(Framing.parse("line")), TaskRunner.threads());
            polite.connect();
            polite.send(List.of("hello".getBytes(StandardCharsets.UTF_8)));
            assertTrue(log.await(Op.FRAME, Side.CLIENT, 1, 10_000), model + ": the polite client's echo came back while " + SLOW
                    + " clients trickled");
            List<TraceEvent> echoes = ServerModelsTest.events(log, Op.FRAME, Side.CLIENT);
            assertEquals("HELLO", new String(echoes.get(0).payload(), StandardCharsets.UTF_8));
            polite.finishSending();
            polite.close();

            trickle.shutdown(); // not shutdownNow: an interrupt inside write() would close the channel
            assertTrue(trickle.awaitTermination(5, TimeUnit.SECONDS));
            Set<Integer> slowPorts = new java.util.HashSet<>();
            for (SocketChannel c : slow) {
                slowPorts.add(((InetSocketAddress) c.getLocalAddress()).getPort());
            }
            Set<Integer> slowConns = ServerModelsTest.events(log, Op.ACCEPT, Side.SERVER).stream()
                    .filter(e -> slowPorts.contains(e.remotePort())).map(TraceEvent::conn).collect(Collectors.toSet());
            Set<Integer> read = ServerModelsTest.events(log, Op.RECV, Side.SERVER).stream()
                    .map(TraceEvent::conn).filter(slowConns::contains).collect(Collectors.toSet());
            assertEquals(SLOW, slowConns.size(), "every trickling client was accepted");
            assertEquals(slowConns, read, model + ": every trickling connection was read, none left waiting");
        } finally {
            trickle.shutdown();
            for (SocketChannel c : slow) {
                c.close();
            }
        }
    }
}
