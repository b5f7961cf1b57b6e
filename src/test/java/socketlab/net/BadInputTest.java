package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.FrameEncoder;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/** Each kind of bad input gets a clear message, and the server keeps serving. */
class BadInputTest {

    static List<String> errors(TraceLog log) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            if (e.op() == Op.ERROR) {
                out.add(e.text());
            }
        }
        return out;
    }

    static List<String> frames(TraceLog log) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            if (e.op() == Op.FRAME && e.side() == socketlab.trace.Side.SERVER) {
                out.add(new String(e.payload(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void portsOutsideTheRangeOrNotNumbersAreExplained() throws LabException {
        assertTrue(assertThrows(LabException.class, () -> Explain.port("70000")).getMessage().contains("outside 0–65535"));
        assertTrue(assertThrows(LabException.class, () -> Explain.port("http")).getMessage().contains("not a port number"));
        assertTrue(assertThrows(LabException.class, () -> Explain.port(" ")).getMessage().contains("0 to 65535"));
        for (String notDigits : new String[] {"+80", "-0", "\u0668\u0660", "8\u00A00", "0x50"}) { // ٨٠ is 80 in Arabic-Indic digits
            assertTrue(assertThrows(LabException.class, () -> Explain.port(notDigits)).getMessage().contains("not a port number"),
                    notDigits + ": a port is ASCII digits");
        }
        assertTrue(assertThrows(LabException.class, () -> Explain.port("99999999999")).getMessage().contains("outside 0–65535"),
                "too many digits is out of range, not a crash");
        assertEquals(8080, Explain.port(" 8080 "), "spaces around a typed port are forgiven");
    }

    @Test
    void aPortInUseIsNamedAndAFreeOneOffered() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LabServer s = new LabServer(new TraceLog(), ServerSettings.defaults().withPort(taken.getLocalPort()));
            LabException e = assertThrows(LabException.class, s::start);
            assertTrue(e.getMessage().contains("Port " + taken.getLocalPort() + " is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("is free right now"), e.getMessage());
        }
    }

    @Test
    void connectingWithNoServerExplainsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TraceLog log = new TraceLog();
        LabClient c = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
        LabException e = assertThrows(LabException.class, c::connect);
        assertTrue(e.getMessage().startsWith("Connection refused by 127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("Start the server first"));
        assertEquals(1, errors(log).size(), "the refusal is in the trace too");
    }

    @Test
    void peerClosingMidFrameIsReportedWithTheByteCounts() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(Framing.LENGTH))) {
            int port = server.start();
            try (Socket raw = new Socket("127.0.0.1", port)) {
                OutputStream out = raw.getOutputStream();
                out.write(new byte[] {8, 0, 0, 0, 'a', 'b', 'c'});
                raw.shutdownOutput();
                assertTrue(server.awaitClosedConnections(1, 10_000));
            }
        }
        assertTrue(errors(log).contains("The peer closed mid-frame: got 7 of 12 bytes (4 length + 8 body)."), errors(log).toString());
    }

    @Test
    void aResetIsExplainedAndTheServerKeepsServingOthers() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(Framing.LENGTH)
                .withEcho(true))) {
            int port = server.start();
            try (Socket rude = new Socket("127.0.0.1", port)) {
                rude.getOutputStream().write(FrameEncoder.lengthPrefixed(false).encode("bye".getBytes(), null).wire());
                rude.setSoLinger(true, 0); // close with RST
            }
            assertTrue(server.awaitClosedConnections(1, 10_000));
            try (Socket polite = new Socket("127.0.0.1", port)) {
                polite.getOutputStream().write(FrameEncoder.lengthPrefixed(false).encode("still there?".getBytes(), null).wire());
                polite.shutdownOutput();
                InputStream in = polite.getInputStream();
                byte[] reply = in.readAllBytes();
                assertEquals("STILL THERE?", new String(reply, 4, reply.length - 4, StandardCharsets.UTF_8));
            }
            assertTrue(server.awaitClosedConnections(2, 10_000));
        }
        assertTrue(errors(log).stream().anyMatch(m -> m.startsWith("Connection reset by the peer")), errors(log).toString());
    }

    @Test
    void aPeerThatIsNotSpeakingTheProtocolIsToldInWordsAndOthersAreServed() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(Framing.HEADER))) {
            int port = server.start();
            try (Socket nc = new Socket("127.0.0.1", port)) {
                nc.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                nc.shutdownOutput();
                nc.getInputStream().readAllBytes();
            }
            try (LabClient c = new LabClient(log, ClientSettings.to(port).withFraming(Framing.HEADER), TaskRunner.threads())) {
                c.connect();
                c.send(List.of("fine".getBytes(StandardCharsets.UTF_8)));
                c.finishSending();
                assertTrue(c.awaitServerClose(10_000));
            }
        }
        assertTrue(errors(log).stream().anyMatch(m -> m.contains("0x6C6C6568") && m.contains("not speaking this protocol")),
                errors(log).toString());
        assertEquals(List.of("fine"), frames(log));
    }

    @Test
    void aMessageLongerThanTheFixedLengthIsRefusedAndTheRestAreSent() throws Exception {
        TraceLog log = new TraceLog();
        Framing fixed = Framing.parse("fixed:8");
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(fixed))) {
            int port = server.start();
            try (LabClient c = new LabClient(log, ClientSettings.to(port).withFraming(fixed), TaskRunner.threads())) {
                c.connect();
                c.send(List.of("ok".getBytes(), "far too long".getBytes(), "yes".getBytes()));
                c.finishSending();
                assertTrue(c.awaitServerClose(10_000));
            }
        }
        assertEquals(List.of("ok", "yes"), frames(log));
        assertTrue(errors(log).stream().anyMatch(m -> m.contains("Message 2 not sent") && m.contains("12 bytes")), errors(log).toString());
    }

    @Test
    void closingTheServerFreesThePortAtOnce() throws Exception {
        TraceLog log = new TraceLog();
        LabServer s = new LabServer(log, ServerSettings.defaults().withPort(0));
        int port = s.start();
        Socket idle = new Socket("127.0.0.1", port);
        assertTrue(log.await(Op.ACCEPT, socketlab.trace.Side.SERVER, 1, 10_000));
        s.close();
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
        assertEquals(-1, idle.getInputStream().read(), "the open connection was closed too");
        idle.close();
    }
}
