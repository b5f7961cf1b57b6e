package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.Utf8Stream;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/** Facts from the tutorial's chapters 5, 6 and 9, shown on real sockets. */
class ChapterFactsTest {

    @Test
    void sendingNothingSendsNoBytesSoTheServersRecvNeverReturns() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0));
             LabClient client = new LabClient(log, ClientSettings.to(server.start()), TaskRunner.threads())) {
            client.connect();
            client.send(List.of(new byte[0])); // the tutorial's client when the user just presses Enter
            assertTrue(log.await(Op.SEND, Side.CLIENT, 1, 5000), "send(b'') was called");
            assertFalse(log.await(Op.RECV, Side.SERVER, 1, 300), "and the server's recv() is still waiting: nothing came");
            int sends = 0;
            for (int i = 0; i < log.size(); i++) {
                if (log.op(i) == Op.SEND) {
                    assertEquals(0, log.bytes(i));
                    sends++;
                }
            }
            assertEquals(1, sends);
        }
    }

    @Test
    void aClientThatQuitsIsAnEofARecvOfZeroBytes() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0))) {
            LabClient client = new LabClient(log, ClientSettings.to(server.start()), TaskRunner.threads());
            client.connect();
            client.close(); // a normal close: FIN, not RST
            assertTrue(server.awaitClosedConnections(1, 5000));
        }
        assertTrue(log.await(Op.EOF, Side.SERVER, 1, 1000), "the server's recv() returned 0 bytes");
        for (int i = 0; i < log.size(); i++) {
            assertFalse(log.op(i) == Op.ERROR && log.side(i) == Side.SERVER, "a normal close is not an error");
        }
    }

    @Test
    void aChineseMessageCutMidCharacterDecodesToReplacementCharactersChunkByChunkButNotAsAStream() throws Exception {
        TraceLog log = new TraceLog();
        Scenario cut = new Scenario("cut", "你好 read with recv(4)", Scenario.texts("你好"), 1024, 100, List.of(4), socketlab.codec.Framing.NONE);
        new ScenarioRunner(log, TaskRunner.threads()).run(cut);
        List<byte[]> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            if (e.op() == Op.RECV && e.side() == Side.SERVER) {
                chunks.add(e.payload());
            }
        }
        assertEquals(2, chunks.size());
        assertEquals(4, chunks.get(0).length, "recv(4) cut 好 after its first byte");
        assertEquals("你\uFFFD", Utf8Stream.decodeAlone(chunks.get(0)));
        assertTrue(Utf8Stream.decodeAlone(chunks.get(1)).startsWith("\uFFFD"));
        Utf8Stream stream = new Utf8Stream();
        assertEquals("你", stream.feed(chunks.get(0)));
        assertEquals(1, stream.pendingBytes(), "the first byte of 好 waits for the rest");
        assertEquals("好", stream.feed(chunks.get(1)));
        assertEquals("你好".getBytes(StandardCharsets.UTF_8).length, chunks.get(0).length + chunks.get(1).length);
    }
}
