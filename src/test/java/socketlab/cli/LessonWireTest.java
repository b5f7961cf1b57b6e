package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each lesson that names the wire says it shows, on the real wire: {@code socketlab lesson ID --wire}
 * in a network namespace of its own (Linux, where namespaces are allowed; skipped with the reason elsewhere).
 */
class LessonWireTest {

    private static WireCommandTest.Run lesson(String id) throws Exception {
        WireCommandTest.namespacesAreAllowedHere();
        WireCommandTest.Run r = WireCommandTest.run(CliTest.launcher("lesson", id, "--wire"));
        assertEquals(0, r.status(), r.stderr());
        JsonNode end = r.ops("lesson").get(0);
        assertEquals(end.get("expected").asText(), end.get("answer").asText(), "the lesson's own answer holds: " + end);
        return r;
    }

    private static List<String> flags(WireCommandTest.Run r) {
        return r.ops("segment").stream().map(s -> s.get("from").asText() + " " + s.get("flags").asText()).toList();
    }

    @Test
    void theCallSequenceBeginsWithTheThreeWayHandshakeBeforeAnyByte() throws Exception {
        List<String> f = flags(lesson("ch1-call-sequence"));
        assertEquals(List.of("client SYN", "server SYN,ACK", "client ACK"), f.subList(0, 3), f.toString());
    }

    @Test
    void aClientThatQuitsSendsFinAndTheServersRecvOfNothingAnswersWithItsOwn() throws Exception {
        List<String> f = flags(lesson("ch6-client-quits"));
        int clientFin = f.indexOf("client FIN,ACK");
        assertTrue(clientFin > 0 && f.indexOf("server FIN,ACK") > clientFin, f.toString());
        assertTrue(f.stream().noneMatch(s -> s.contains("RST")), f.toString());
    }

    @Test
    void aClientThatAbortsSendsRstWhereAFinWouldBe() throws Exception {
        List<String> f = flags(lesson("ch6-reset"));
        assertTrue(f.contains("client RST,ACK") || f.contains("client RST"), f.toString());
        assertTrue(f.stream().noneMatch(s -> s.startsWith("client FIN")), f.toString());
    }

    @Test
    void theTimeWaitLessonsServerClosesFirstSoTheFourWayCloseStartsWithItsFin() throws Exception {
        List<String> f = flags(lesson("ch7-time-wait"));
        int serverFin = f.indexOf("server FIN,ACK");
        int clientFin = f.indexOf("client FIN,ACK");
        assertTrue(serverFin > 0 && clientFin > serverFin, "the server's FIN, then the client's: " + f);
        assertEquals("server ACK", f.get(f.size() - 1), "the server acknowledges last, and so waits in TIME_WAIT: " + f);
    }

    @Test
    void aReceiverThatDoesNotReadClosesItsWindowAndTheSendersSendReturnsZero() throws Exception {
        WireCommandTest.Run r = lesson("ch9-send-vs-sendall");
        assertTrue(r.ops("segment").stream().anyMatch(s -> s.get("from").asText().equals("server") && s.get("win").asInt() == 0
                && s.get("flags").asText().equals("ACK")), "the server advertised a window of 0");
        assertTrue(r.ops("send").stream().anyMatch(s -> s.get("bytes").asInt() == 0), "and a send() took nothing");
    }

    @Test
    void aTruncatedDatagramCrossedTheWireWholeTheCutIsTheReceivers() throws Exception {
        WireCommandTest.Run r = lesson("ch11-udp-truncation");
        List<JsonNode> datagrams = r.ops("segment");
        assertEquals(1, datagrams.size(), datagrams.toString());
        assertEquals(11, datagrams.get(0).get("len").asInt(), "hello world, all 11 bytes on the wire");
        assertEquals(5, r.ops("recvfrom").get(0).get("bytes").asInt(), "recvfrom(5) kept 5");
    }
}
