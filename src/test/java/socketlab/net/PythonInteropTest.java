package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * The header framing talks byte for byte with Python programs written the tutorial's way
 * ({@code struct.pack('i', ...)}, {@code json.dumps(...).encode('utf8')}), in both directions.
 * Skipped where no python3 is installed.
 */
class PythonInteropTest {
    static Path scripts;

    @BeforeAll
    static void findPython() throws Exception {
        boolean python;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            python = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            python = false;
        }
        assumeTrue(python, "python3 is not installed");
        scripts = Files.createTempDirectory("socketlab-interop");
        for (String name : List.of("header_client.py", "header_server.py", "udp_client.py",
                "threading_echo_server.py", "echo_client.py")) {
            try (var in = PythonInteropTest.class.getResourceAsStream("/interop/" + name)) {
                Files.copy(in, scripts.resolve(name));
            }
        }
    }

    @Test
    void labServerDecodesAPythonHeaderClient() throws Exception {
        TraceLog log = new TraceLog();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(Framing.HEADER))) {
            int port = server.start();
            Process py = new ProcessBuilder("python3", scripts.resolve("header_client.py").toString(), String.valueOf(port),
                    "--sha256", "hello world", "你好").redirectErrorStream(true).start();
            assertTrue(py.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, py.exitValue(), new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(server.awaitClosedConnections(1, 10_000));
        }
        List<TraceEvent> frames = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == Op.FRAME) {
                frames.add(log.get(i));
            }
        }
        assertEquals(2, frames.size());
        assertEquals("hello world", new String(frames.get(0).payload(), StandardCharsets.UTF_8));
        assertEquals("你好", new String(frames.get(1).payload(), StandardCharsets.UTF_8));
        assertEquals(Verdict.OK, frames.get(1).verified(), "Python's sha256 hexdigest checks out");
        JsonNode header = new ObjectMapper().readTree(frames.get(0).text());
        assertEquals("msg0.txt", header.get("filename").asText());
    }

    @Test
    void theLabsUdpServerAnswersThePythonUdpClientUpperCased() throws Exception {
        TraceLog log = new TraceLog();
        try (UdpServer server = new UdpServer(log, ServerSettings.defaults().withPort(0).withEcho(true), TaskRunner.threads())) {
            int port = server.start();
            Process py = new ProcessBuilder("python3", scripts.resolve("udp_client.py").toString(), String.valueOf(port),
                    "hello", "你好 udp").redirectErrorStream(true).start();
            String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(py.waitFor(30, TimeUnit.SECONDS));
            assertEquals("HELLO\n你好 UDP\n", out);
            assertEquals(2, server.received());
        }
    }

    @Test
    void aPythonHeaderServerDecodesTheLabClient() throws Exception {
        Process py = new ProcessBuilder("python3", scripts.resolve("header_server.py").toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(out.readLine().trim());
        TraceLog log = new TraceLog();
        try (LabClient client = new LabClient(log, ClientSettings.to(port).withFraming(Framing.HEADER), TaskRunner.threads())) {
            client.connect();
            client.send(List.of("hello world".getBytes(StandardCharsets.UTF_8), "粘包".getBytes(StandardCharsets.UTF_8)));
            client.finishSending();
            assertTrue(client.awaitServerClose(10_000));
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(out.readLine());
        JsonNode second = json.readTree(out.readLine());
        assertTrue(py.waitFor(10, TimeUnit.SECONDS));
        assertEquals("hello world", first.get("text").asText());
        assertEquals(11, first.get("header").get("data_size").asInt());
        assertEquals("粘包", second.get("text").asText());
        assertEquals(64, second.get("header").get("hash").asText().length());
    }

    @Test
    void thePythonThreadingTcpServerEchoesTheLabClient() throws Exception {
        Process py = new ProcessBuilder("python3", scripts.resolve("threading_echo_server.py").toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(out.readLine().trim());
        TraceLog log = new TraceLog();
        try (LabClient client = new LabClient(log, ClientSettings.to(port), TaskRunner.threads())) {
            client.connect();
            client.send(List.of("hello 你好".getBytes(StandardCharsets.UTF_8)));
            assertTrue(log.await(Op.RECV, Side.CLIENT, 1, 10_000), "the Python server answered");
            client.finishSending();
            assertTrue(client.awaitServerClose(10_000));
        }
        assertTrue(py.waitFor(10, TimeUnit.SECONDS));
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == Op.RECV && log.side(i) == Side.CLIENT) {
                got.append(new String(log.get(i).payload(), StandardCharsets.UTF_8));
            }
        }
        assertEquals("HELLO 你好", got.toString());
    }

    @Test
    void threePythonClientsAtOnceAreServedByEveryServerModel() throws Exception {
        for (ServerSettings.Model model : ServerSettings.Model.values()) {
            TraceLog log = new TraceLog();
            try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withEcho(true).withModel(model))) {
                int port = server.start();
                List<Process> clients = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    clients.add(new ProcessBuilder("python3", scripts.resolve("echo_client.py").toString(), String.valueOf(port),
                            "client " + i).redirectErrorStream(true).start());
                }
                for (int i = 1; i <= 3; i++) {
                    Process p = clients.get(i - 1);
                    String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                    assertEquals("CLIENT " + i, answer, model + ": client " + i);
                }
                assertTrue(server.awaitClosedConnections(3, 10_000), model + ": all three connections closed");
            }
        }
    }
}
