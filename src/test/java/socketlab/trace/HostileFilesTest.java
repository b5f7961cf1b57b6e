package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioFile;
import socketlab.scenario.ScenarioRunner;
import socketlab.scenario.Workload;

/**
 * Trace and scenario files made hostile by the test itself: real files with fields set to absurd values
 * of every JSON type, fields dropped, lines cut, reordered, repeated, or stuffed with stray characters.
 * Each one is either refused with a worded error that names its line (a scenario: its field), or read into
 * something the window can index, count, number and save again — never any other exception, since what a
 * file holds reaches the FX thread only through these.
 */
class HostileFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = trace();
    private static final List<String> SCENARIOS = scenarios();

    /** A real saved trace: the sticky case with a header, both ends, frames, errors none. */
    private static String trace() {
        try {
            TraceLog log = new TraceLog();
            new ScenarioRunner(log, TaskRunner.threads()).run(Scenario.STICKY.withFraming(Framing.HEADER));
            StringWriter out = new StringWriter();
            TraceFile.write(log, JSON.createObjectNode().put("scenario", "sticky"), out);
            try (InputStream wire = HostileFilesTest.class.getResourceAsStream("/traces/wire-comparison.jsonl")) {
                return out + new String(wire.readAllBytes(), StandardCharsets.UTF_8); // and segments, from a wire run
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> scenarios() {
        List<String> out = new ArrayList<>();
        for (String id : List.of("sticky", "partial", "big", "chinese", "sleep-too-short")) {
            try (InputStream in = HostileFilesTest.class.getResourceAsStream("/socketlab/assets/scenarios/" + id + ".json")) {
                out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** A value of some JSON type that no field expects, or expects only in a narrow range. */
    private static JsonNode absurd(Random r) {
        var f = JSON.getNodeFactory();
        return switch (r.nextInt(16)) {
            case 0 -> f.numberNode(-1);
            case 1 -> f.numberNode(Long.MAX_VALUE);
            case 2 -> f.numberNode(Long.MIN_VALUE);
            case 3 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 4 -> f.numberNode(1e308);
            case 5 -> f.numberNode(Double.NaN);
            case 6 -> f.numberNode(Integer.MAX_VALUE);
            case 7 -> f.textNode("");
            case 8 -> f.textNode("#abc");
            case 9 -> f.textNode("x".repeat(10_000));
            case 10 -> f.nullNode();
            case 11 -> f.booleanNode(true);
            case 12 -> f.arrayNode().add(1).add("two");
            case 13 -> f.objectNode().put("key", "io.reset");
            case 14 -> f.textNode("zz\u0000\uFFFF\uD83D\uDE00");
            default -> f.numberNode(r.nextInt(70_000) - 100);
        };
    }

    /** One hostile change to a file's lines. */
    private static void mutate(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String line = lines.get(i);
        switch (r.nextInt(8)) {
            case 0, 1, 2 -> { // a field set to an absurd value
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n instanceof ObjectNode o && o.size() > 0) {
                        List<String> names = new ArrayList<>();
                        o.fieldNames().forEachRemaining(names::add);
                        o.set(names.get(r.nextInt(names.size())), absurd(r));
                        lines.set(i, o.toString());
                    }
                } catch (IOException notJson) {
                    lines.set(i, line + "}");
                }
            }
            case 3 -> { // a field dropped
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n instanceof ObjectNode o && o.size() > 0) {
                        Iterator<String> names = o.fieldNames();
                        int skip = r.nextInt(o.size());
                        for (int k = 0; k < skip; k++) {
                            names.next();
                        }
                        o.remove(names.next());
                        lines.set(i, o.toString());
                    }
                } catch (IOException notJson) {
                    lines.remove(i);
                }
            }
            case 4 -> lines.set(i, line.substring(0, r.nextInt(line.length() + 1))); // cut short
            case 5 -> { // moved
                lines.remove(i);
                lines.add(r.nextInt(lines.size() + 1), line);
            }
            case 6 -> lines.add(i, line); // repeated
            default -> { // stray characters
                int at = r.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + (char) r.nextInt(0x3000) + line.substring(at));
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
    }

    @Property(tries = 300)
    void aHostileTraceIsRefusedByLineOrReadIntoSomethingTheWindowCanIndexCountAndSave(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int changes) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(TRACE.lines().toList());
        for (int k = 0; k < changes; k++) {
            mutate(lines, r);
        }
        String text = String.join("\n", lines) + "\n";
        TraceFile.Loaded loaded;
        try {
            loaded = TraceFile.read(new StringReader(text));
        } catch (TraceFile.BadTraceException refused) {
            assertTrue(refused.getMessage().startsWith("line " + refused.line() + ": ") && refused.line() >= 1,
                    "a refusal names its line: " + refused.getMessage());
            Statistics.collect("refused");
            return;
        } catch (IOException other) {
            throw new AssertionError("refused without a line: " + other, other);
        }
        Statistics.collect("read");
        TraceIndex idx = new TraceIndex(loaded.log());
        idx.update();
        idx.summary();
        ConnectionRow.numbers(idx);
        for (Conn c : idx.conns()) {
            c.toString();
        }
        StringWriter again = new StringWriter();
        try {
            TraceFile.write(loaded.log(), loaded.settings(), again);
            TraceFile.read(new StringReader(again.toString()));
        } catch (IOException e) {
            throw new AssertionError("what was read must save and read again: " + e.getMessage(), e);
        }
    }

    @Property(tries = 300)
    void aHostileScenarioIsRefusedByFieldOrBoundedBeforeItRuns(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int changes,
            @ForAll @IntRange(min = 0, max = 4) int which) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(SCENARIOS.get(which).lines().toList());
        for (int k = 0; k < changes; k++) {
            mutate(lines, r);
        }
        String text = String.join("\n", lines);
        Scenario s;
        try {
            s = ScenarioFile.parse(text, "hostile.json");
        } catch (ScenarioFile.BadScenarioException refused) {
            assertTrue(!refused.getMessage().isBlank() && refused.getMessage().contains("hostile.json"),
                    "a refusal names the file: " + refused.getMessage());
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("read");
        Workload w = Workload.of(s);
        w.refusal(s); // null or the limit it passes, in words: never a throw
        assertTrue(w.sends() >= 0 && w.wireBytes() >= 0 && w.fewestRecvs() >= 0 && w.pauseMs() >= 0, "a workload counts up: " + w);
    }
}
