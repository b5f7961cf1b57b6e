package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the launcher as a user would, in separate processes, and reads its JSON lines. */
class CliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ProcessBuilder launcher(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-Dfile.encoding=UTF-8");
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isBlank()) {
            cmd.add("-p");
            cmd.add(mp + File.pathSeparator + System.getProperty("java.class.path"));
            cmd.add("-m");
            cmd.add("socketlab/socketlab.Main");
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("socketlab.Main");
        }
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static List<JsonNode> lines(Process p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    static List<JsonNode> ops(List<JsonNode> lines, String op) {
        return lines.stream().filter(n -> n.get("op").asText().equals(op)).toList();
    }

    @Test
    void serveAndConnectTalkHeaderFramingAndPrintJsonLines() throws Exception {
        Process serve = launcher("serve", "--port", "0", "--framing", "header", "--echo", "--max-conns", "1").start();
        BufferedReader sr = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        JsonNode listen = JSON.readTree(sr.readLine()); // the server says where it listens before anything else
        assertEquals("listen", listen.get("op").asText());
        int port = listen.get("port").asInt();
        assertTrue(port > 0);

        Process connect = launcher("connect", "--port", String.valueOf(port), "--framing", "header", "hello world", "粘包").start();
        List<JsonNode> client = lines(connect);
        assertTrue(connect.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, connect.exitValue());
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "--max-conns 1 ends the server");
        assertEquals(0, serve.exitValue());
        List<JsonNode> server = new ArrayList<>();
        for (String l; (l = sr.readLine()) != null; ) {
            server.add(JSON.readTree(l));
        }

        for (JsonNode n : server) {
            assertTrue(n.has("op") && n.has("side") && n.has("conn") && n.has("t_ns"), n.toString());
        }
        List<JsonNode> frames = ops(server, "frame");
        assertEquals(2, frames.size());
        assertEquals("hello world", frames.get(0).get("text").asText());
        assertEquals("粘包", frames.get(1).get("text").asText());
        assertEquals(11, frames.get(0).get("header").get("data_size").asInt());
        assertTrue(frames.get(1).get("verified").asBoolean());
        JsonNode recv = ops(server, "recv").get(0);
        assertTrue(recv.get("bytes").asInt() > 0 && recv.has("hex") && recv.has("requested") && recv.has("available"));

        assertEquals(1, ops(client, "connect").size());
        assertEquals(2, ops(client, "send").size());
        assertEquals(List.of("HELLO WORLD", "粘包"), ops(client, "frame").stream().map(n -> n.get("text").asText()).toList(),
                "the echoing server upper-cases ASCII, as Python's bytes.upper() does");
    }

    @Test
    void udpServeAndConnectTradeDatagrams() throws Exception {
        Process serve = launcher("serve", "--udp", "--port", "0", "--echo", "--max-conns", "2").start();
        BufferedReader sr = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        JsonNode listen = JSON.readTree(sr.readLine());
        int port = listen.get("port").asInt();
        Process connect = launcher("connect", "--udp", "--port", String.valueOf(port), "hello", "haha").start();
        List<JsonNode> client = lines(connect);
        assertTrue(connect.waitFor(30, TimeUnit.SECONDS));
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "--max-conns 2 datagrams ends the UDP server");
        List<JsonNode> server = new ArrayList<>();
        for (String l; (l = sr.readLine()) != null; ) {
            server.add(JSON.readTree(l));
        }
        assertEquals(List.of(5, 4), ops(server, "recvfrom").stream().map(n -> n.get("bytes").asInt()).toList());
        assertEquals(2, ops(client, "sendto").size());
        assertEquals(List.of("48454c4c4f", "48414841"), ops(client, "recvfrom").stream().map(n -> n.get("hex").asText()).toList());
    }

    @Test
    void runEndsWithASummaryLine() throws Exception {
        Process p = launcher("run", "sticky").start();
        List<JsonNode> out = lines(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        JsonNode summary = out.get(out.size() - 1);
        assertEquals("summary", summary.get("op").asText());
        assertEquals(2, summary.get("sends").asInt());
        assertEquals(1, summary.get("recvs").asInt());
        assertEquals(1, summary.get("glued").asInt());
        assertEquals(0, summary.get("frames_ok").asInt());
    }

    @Test
    void badArgumentsGetAClearMessageAndExitCodeTwo() throws Exception {
        Process p = launcher("serve", "--port", "99999").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(out.contains("Port 99999 is outside 0–65535"), out);
        assertTrue(!out.contains("Exception"), "no stack trace: " + out);

        Process f = launcher("run", "sticky", "--framing", "lenght").redirectErrorStream(true).start();
        String fout = new String(f.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(f.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, f.exitValue());
        assertTrue(fout.contains("unknown framing \"lenght\""), fout);
    }

    @Test
    void connectingToNothingExplainsRefusalAndExitsOne() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = launcher("connect", "--port", String.valueOf(port), "hi").start();
        List<JsonNode> out = lines(p);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(err.contains("Connection refused"), err);
        assertEquals("error", out.get(0).get("op").asText());
    }

    @org.junit.jupiter.api.Test
    void aPortOnTheCommandLineIsItsAsciiDigitsExactly() {
        Cli.PortConverter ports = new Cli.PortConverter();
        assertEquals(8080, ports.convert("8080"));
        for (String bad : new String[] {" 80", "80 ", "+80", "\u0668\u0660", "65536"}) {
            String said = org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.TypeConversionException.class,
                    () -> ports.convert(bad), bad).getMessage();
            assertTrue(said.contains("not a port number") || said.contains("outside 0–65535"), bad + ": " + said);
            assertTrue(!said.contains("Exception"), "words, no class names: " + said);
        }
    }

    @Test
    void withNoDisplayTheWindowSaysSoInOneLineAndExitsNotZero() throws Exception {
        ProcessBuilder b = launcher().redirectErrorStream(true);
        b.environment().remove("DISPLAY");
        b.environment().remove("WAYLAND_DISPLAY");
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertEquals(1, out.lines().count(), "one line, not a stack trace: " + out);
        assertTrue(out.contains("DISPLAY") && out.contains("socketlab run sticky"), out);
    }

    @Test
    void badServerOptionsAreRefusedInWordsWithoutJavaClassNames() throws Exception {
        String[][] cases = {
            {"serve", "--port", "0", "--framing", "bogus"},
            {"serve", "--port", "0", "--max-conns", "-1"},
            {"serve", "--port", "0", "--backlog", "0"},
        };
        for (String[] args : cases) {
            Process p = launcher(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), String.join(" ", args) + ": " + out);
            assertTrue(!out.contains("java.lang") && !out.contains("\tat "), "words, not a stack trace: " + out);
        }
    }

    @Test
    void listeningOnAnAddressThisMachineDoesNotHaveSaysSoRatherThanAdvisingPortZero() throws Exception {
        Process p = launcher("serve", "--port", "0", "--bind", "192.0.2.7").redirectErrorStream(true).start(); // TEST-NET-1
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("192.0.2.7 is not an address of this machine") && !out.contains("Use 0"), out);
    }
}
