package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socketlab trace} as a user runs it: a separate process, its JSON lines read back. */
class TraceCommandTest {

    @Test
    void aRunValueSplitsAtSpacesButNotInsideQuotes() {
        assertEquals(List.of("client.py", "a b", "c", ""), socketlab.probe.TracedRun.words(" client.py 'a b'  \"c\" '' "));
        assertEquals(List.of(), socketlab.probe.TracedRun.words("   "));
    }

    @Test
    void aStudentsClientAgainstTheLabsSlowServerIsOneTraceWithItsCallsNamedAndTheGlueCounted(@TempDir Path dir)
            throws Exception {
        assumeTrue(python(), "python3 is not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path client;
        try (InputStream in = getClass().getResourceAsStream("/probe/sticky_client.py")) {
            client = Files.writeString(dir.resolve("sticky_client.py"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("8080", String.valueOf(port)));
        }
        Process p = CliTest.launcher("trace", "--serve", "--port", String.valueOf(port), "--recv-delay", "200",
                "--", "python3", client.toString()).redirectError(dir.resolve("err.txt").toFile()).start();
        List<JsonNode> lines = CliTest.lines(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));

        List<JsonNode> sends = CliTest.ops(lines, "send");
        assertEquals(2, sends.size(), lines.toString());
        for (JsonNode s : sends) {
            assertEquals("sticky_client.py", s.get("program").asText());
            assertEquals("send", s.get("call").asText());
            assertTrue(s.get("pid").asLong() > 0);
        }
        JsonNode recv = CliTest.ops(lines, "recv").get(0);
        assertEquals(15, recv.get("bytes").asInt(), "the lab's server got both sends in one recv()");
        JsonNode summary = lines.get(lines.size() - 1);
        assertEquals("summary", summary.get("op").asText());
        assertEquals(1, summary.get("glued").asInt());
    }

    @Test
    void noProgramIsABadArgumentSaidInWords() throws Exception {
        Process p = CliTest.launcher("trace").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(out.contains("name a program"), out);
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
