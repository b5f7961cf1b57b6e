package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** UDP on real loopback sockets: every datagram is one message, cut to the buffer, never glued. */
class UdpTest {

    static List<TraceEvent> events(TraceLog log, Op op, Side side) {
        List<TraceEvent> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == op && log.side(i) == side) {
                out.add(log.get(i));
            }
        }
        return out;
    }

    static ServerSettings udp(int delayMs) {
        return ServerSettings.defaults().withPort(0).withRecv(1024, delayMs, List.of());
    }

    @Test
    void backToBackDatagramsToASlowReceiverStayTwoMessages() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, udp(100), TaskRunner.threads());
             UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
            client.sendto("hello world".getBytes(StandardCharsets.UTF_8));
            client.sendto("haha".getBytes(StandardCharsets.UTF_8));
            assertTrue(log.await(Op.RECVFROM, Side.SERVER, 2, 5000));
        }
        List<TraceEvent> got = events(log, Op.RECVFROM, Side.SERVER);
        assertEquals(11, got.get(0).bytes(), "no gluing: each recvfrom returns one datagram");
        assertEquals(4, got.get(1).bytes());
    }

    @Test
    void aDatagramLongerThanTheBufferIsCutAndTheRestIsGone() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, udp(0), TaskRunner.threads());
             UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
            client.sendto(new byte[2000]);
            client.sendto("next".getBytes(StandardCharsets.UTF_8));
            assertTrue(log.await(Op.RECVFROM, Side.SERVER, 2, 5000));
        }
        List<TraceEvent> sent = events(log, Op.SENDTO, Side.CLIENT);
        List<TraceEvent> got = events(log, Op.RECVFROM, Side.SERVER);
        assertEquals(1024, got.get(0).bytes());
        assertEquals(976, sent.get(0).bytes() - got.get(0).bytes(), "the bytes past recvfrom(1024) are lost");
        assertEquals("next", new String(got.get(1).payload(), StandardCharsets.UTF_8), "the rest never shows up later");
    }

    @Test
    void anEmptyDatagramIsARealMessage() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, udp(0).withEcho(true), TaskRunner.threads());
             UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
            client.sendto(new byte[0]);
            byte[] reply = client.recvfrom(1024, 5000);
            assertArrayEquals(new byte[0], reply, "the server received it and answered with an empty datagram");
        }
        assertEquals(0, events(log, Op.RECVFROM, Side.SERVER).get(0).bytes());
    }

    @Test
    void theEchoServerAnswersUpperCased() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, udp(0).withEcho(true), TaskRunner.threads());
             UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
            client.sendto("hello 你好".getBytes(StandardCharsets.UTF_8));
            assertEquals("HELLO 你好", new String(client.recvfrom(1024, 5000), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withNoServerAnUnconnectedSocketHearsNothingAndAConnectedOneHearsPortUnreachable() throws Exception {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TraceLog log = new TraceLog();
        try (UdpClient quiet = new UdpClient(log, ServerSettings.LOOPBACK, port, false)) {
            quiet.sendto("anyone?".getBytes(StandardCharsets.UTF_8));
            assertNull(quiet.recvfrom(1024, 300), "silently lost");
        }
        try (UdpClient told = new UdpClient(log, ServerSettings.LOOPBACK, port, true)) {
            told.sendto("anyone?".getBytes(StandardCharsets.UTF_8));
            LabException e = assertThrows(LabException.class, () -> told.recvfrom(1024, 2000));
            assertTrue(e.getMessage().startsWith("Port unreachable"), e.getMessage());
        }
    }

    @Test
    void theTraceIndexPairsBothSocketsAndKeepsEachDatagramApartForTheTimeline() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, udp(0).withEcho(true).withRecv(5, 0, List.of()), TaskRunner.threads());
             UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
            client.sendto("hello world".getBytes(StandardCharsets.UTF_8));
            client.sendto(new byte[0]);
            assertTrue(log.await(Op.RECVFROM, Side.SERVER, 2, 5000));
            assertTrue(log.await(Op.SENDTO, Side.SERVER, 2, 5000), "the echoes went back");
        }
        socketlab.trace.TraceIndex idx = new socketlab.trace.TraceIndex(log);
        idx.update();
        socketlab.trace.Conn s = idx.conns().stream().filter(c -> c.side == Side.SERVER).findFirst().orElseThrow();
        assertTrue(s.peer() != null && s.peer().side == Side.CLIENT, "the server's socket is paired with the client's, by their ports");
        assertTrue(s.openEvent >= 0, "its bind opens the row");
        List<Integer> serverDatagrams = new ArrayList<>();
        for (int k = 0; k < s.datagrams.size(); k++) {
            serverDatagrams.add(log.bytes(s.datagrams.get(k)));
        }
        assertEquals(List.of(5, 5, 0, 0), serverDatagrams, "recvfrom(5) of 11 bytes, its 5-byte echo, the empty one, its empty echo");
        assertEquals(2, s.peer().datagrams.size(), "the client's two sendto calls");
    }
}
