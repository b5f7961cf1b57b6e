package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --kernel} on the lab's own sockets, from the command line: with the image's JVM flags, and without them. */
class KernelCommandTest {

    @Test
    void withTheImagesFlagsRunKernelGivesEachSendAndRecvItsTcpState() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux"), "TCP_INFO is Linux's");
        ProcessBuilder pb = CliTest.launcher("run", "sticky", "--kernel");
        List<String> cmd = new ArrayList<>(pb.command());
        cmd.addAll(1, List.of("--add-modules=jdk.incubator.foreign", "--enable-native-access=socketlab",
                "--add-exports=java.base/sun.nio.ch=socketlab"));
        WireCommandTest.Run r = WireCommandTest.run(new ProcessBuilder(cmd));
        assertEquals(0, r.status(), r.stderr());
        List<JsonNode> calls = new ArrayList<>(r.ops("send"));
        calls.addAll(r.ops("recv"));
        assertEquals(3, calls.size());
        for (JsonNode e : calls) {
            JsonNode t = e.get("tcp");
            assertTrue(t != null && t.get("source").asText().equals("TCP_INFO") && t.get("segs_out").asLong() > 0, e.toString());
        }
    }

    @Test
    void withoutThemOneLineSaysWhatIsMissingAndTheRunIsWhole() throws Exception {
        WireCommandTest.Run r = WireCommandTest.run(CliTest.launcher("run", "sticky", "--kernel"));
        assertEquals(0, r.status(), r.stderr());
        List<String> said = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, said.size(), r.stderr());
        assertTrue(said.get(0).contains("TCP_INFO") && said.get(0).contains("--add-modules jdk.incubator.foreign"), said.get(0));
        assertTrue(r.ops("send").stream().noneMatch(e -> e.has("tcp")));
        assertEquals(1, r.ops("summary").get(0).get("glued").asInt());
    }
}
