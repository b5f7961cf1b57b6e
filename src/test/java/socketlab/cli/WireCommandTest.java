package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.wire.WireMode;

/**
 * {@code --wire}: the lab runs again in a network namespace of its own and records the real segments
 * on its loopback beside its calls. Real processes, real namespaces (Linux, where they are allowed).
 */
class WireCommandTest {

    /** The tests that capture need a system that allows namespaces; .ci/run checks that its machine does. */
    static void namespacesAreAllowedHere() {
        assumeTrue(WireMode.refusal("python3").isEmpty(), () -> "no namespaces here: " + WireMode.refusal("python3").get());
    }

    record Run(List<JsonNode> lines, String stderr, int status) {
        List<JsonNode> ops(String op) {
            return CliTest.ops(lines, op);
        }

        List<JsonNode> data(String from) {
            return ops("segment").stream().filter(s -> s.get("from").asText().equals(from) && s.get("len").asInt() > 0).toList();
        }
    }

    static Run run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.start();
        List<JsonNode> lines = CliTest.lines(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        drain.join();
        return new Run(lines, err.toString(StandardCharsets.UTF_8), p.exitValue());
    }

    @Test
    void theStickyCasesTwoSendsLeaveAsTwoSegmentsAndTheGlueIsInTheReceiver() throws Exception {
        namespacesAreAllowedHere();
        Run r = run(CliTest.launcher("run", "sticky", "--wire"));
        assertEquals(0, r.status, r.stderr);
        List<JsonNode> segs = r.ops("segment");
        assertEquals(List.of("SYN", "SYN,ACK", "ACK"), segs.subList(0, 3).stream().map(s -> s.get("flags").asText()).toList(),
                "the handshake behind connect() and accept()");
        List<JsonNode> data = r.data("client");
        assertEquals(List.of(11, 4), data.stream().map(s -> s.get("len").asInt()).toList(), "two sends, two segments");
        assertEquals(List.of(0L, 11L), data.stream().map(s -> s.get("offset").asLong()).toList());
        assertEquals(List.of(1L, 12L), data.stream().map(s -> s.get("seq").asLong()).toList(), "relative to the SYN");
        List<JsonNode> recvs = r.ops("recv").stream().filter(e -> e.get("side").asText().equals("server")).toList();
        assertEquals(15, recvs.get(0).get("bytes").asInt(), "and one recv() took both");
        assertEquals(hex(r.ops("send")), hex(data), "the bytes on the wire, in sequence order, are the bytes sent");
        int client = r.ops("connect").get(0).get("conn").asInt();
        int server = r.ops("accept").get(0).get("conn").asInt();
        for (JsonNode s : segs) {
            assertEquals(s.get("from").asText().equals("client") ? client : server, s.get("conn").asInt(), s.toString());
        }
        assertTrue(segs.stream().anyMatch(s -> s.get("flags").asText().startsWith("FIN")), "the close is a FIN");
        assertTrue(segs.stream().noneMatch(s -> s.get("flags").asText().contains("RST")));
    }

    @Test
    void thePcapngFileHoldsTheSameSegmentsForTshark(@TempDir Path dir) throws Exception {
        namespacesAreAllowedHere();
        Path pcap = dir.resolve("sticky.pcapng");
        Run r = run(CliTest.launcher("run", "sticky", "--pcap", pcap.toString()));
        assertEquals(0, r.status, r.stderr);
        List<JsonNode> segs = r.ops("segment");
        Process t;
        try {
            t = new ProcessBuilder("tshark", "-r", pcap.toString(), "-T", "fields", "-e", "tcp.srcport", "-e", "tcp.flags.str",
                    "-e", "tcp.len", "-e", "tcp.payload").redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("tshark is not installed (.ci/run installs it): " + e.getMessage());
        }
        List<String> rows = new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(t.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, t.exitValue(), "tshark reads the file");
        assertEquals(segs.size(), rows.size(), String.join("\n", rows));
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split("\t", -1);
            JsonNode s = segs.get(i);
            assertEquals(s.get("src_port").asInt(), Integer.parseInt(f[0]), rows.get(i));
            assertEquals(s.get("len").asInt(), Integer.parseInt(f[2]), rows.get(i));
            assertEquals(s.path("hex").asText(""), f[3].replace(":", ""), rows.get(i));
        }
    }

    @Test
    void withNagleTheSecondSmallWriteWaitsForTheFirstOnesAckAndWithNodelayOrTheReceiversQuickAckItLeavesAtOnce() throws Exception {
        namespacesAreAllowedHere();
        Run r = run(CliTest.launcher("nagle", "--rounds", "7", "--wire"));
        assertEquals(0, r.status, r.stderr);
        List<JsonNode> connects = r.ops("connect");
        double nagle = medianGapMs(r, connects.get(0).get("conn").asInt());
        double nodelay = medianGapMs(r, connects.get(1).get("conn").asInt());
        assertTrue(connects.get(1).get("settings").asText().contains("TCP_NODELAY"));
        assertTrue(nagle >= 30, "with Nagle the second byte left " + nagle + " ms after the first");
        assertTrue(nodelay < 5, "with TCP_NODELAY the second byte left " + nodelay + " ms after the first");
        assertEquals(3, connects.size(), "Nagle, TCP_NODELAY, and Nagle with the receiver's TCP_QUICKACK (Linux)");
        double quick = medianGapMs(r, connects.get(2).get("conn").asInt());
        assertTrue(quick < 5, "with Nagle on and the receiver's quick ACK the second byte left " + quick + " ms after the first");
        assertTrue(r.ops("nagle").get(0).has("median_ms_quickack"));
    }

    /** The median time from each round's first one-byte segment to its second, in ms. */
    private static double medianGapMs(Run r, int conn) {
        List<JsonNode> data = r.data("client").stream().filter(s -> s.get("conn").asInt() == conn).toList();
        assertTrue(data.size() >= 12 && data.size() % 2 == 0, "one segment per write: " + data.size());
        double[] gaps = new double[data.size() / 2];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = (data.get(2 * i + 1).get("t_ns").asLong() - data.get(2 * i).get("t_ns").asLong()) / 1e6;
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    @Test
    void aConnectToAPortNobodyListensOnIsAnsweredByAReset() throws Exception {
        namespacesAreAllowedHere();
        Run r = run(CliTest.launcher("connect", "--wire", "--port", "9", "hello"));
        assertEquals(1, r.status, "the connect is refused");
        List<String> flags = r.ops("segment").stream().map(s -> s.get("flags").asText()).toList();
        assertEquals(List.of("SYN", "RST,ACK"), flags, "the refusal on the wire");
        assertEquals("server", r.ops("segment").get(1).get("from").asText());
    }

    @Test
    void whereTheSystemRefusesANamespaceOneLineSaysWhyAndTheRunGoesOnWithoutTheWire(@TempDir Path dir) throws Exception {
        Path refusing = dir.resolve("unshare");
        Files.writeString(refusing, "#!/bin/sh\necho 'unshare: write failed /proc/self/uid_map: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(refusing, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = CliTest.launcher("run", "sticky", "--wire");
        pb.environment().put("SOCKETLAB_UNSHARE", refusing.toString());
        Run r = run(pb);
        assertEquals(0, r.status, r.stderr);
        List<String> said = r.stderr.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, said.size(), r.stderr);
        assertTrue(said.get(0).contains("refused") && said.get(0).contains("Operation not permitted"), said.get(0));
        assertEquals(0, r.ops("segment").size());
        assertEquals(1, r.ops("summary").get(0).get("glued").asInt(), "the run itself is whole");
    }

    private static String hex(List<JsonNode> events) {
        return events.stream().map(e -> e.path("hex").asText("")).collect(Collectors.joining());
    }
}
