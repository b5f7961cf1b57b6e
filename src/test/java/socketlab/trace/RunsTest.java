package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace's runs: rows that follow one another within a second are one run; a later one begins the next. */
public class RunsTest {
    public static final Path COMPARISON = Path.of("src/test/resources/traces/wire-comparison.jsonl");

    /**
     * The recorded comparison (broken and fixed, two rows, one run) once, then again {@code laterNs} after it
     * began, its connections renumbered: what pressing Run twice records.
     */
    public static TraceLog twice(long laterNs) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(COMPARISON, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l).append('\n');
        }
        for (String l : lines) {
            ObjectNode e = (ObjectNode) json.readTree(l);
            if (e.has("t_ns")) {
                e.put("t_ns", e.get("t_ns").asLong() + laterNs);
            }
            if (e.has("conn") && e.get("conn").asInt() > 0) {
                e.put("conn", e.get("conn").asInt() + 100);
            }
            out.append(json.writeValueAsString(e)).append('\n');
        }
        return TraceFile.read(new StringReader(out.toString())).log();
    }

    private static int[] starts(TraceLog log) {
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return Runs.starts(idx);
    }

    @Test
    void aComparisonsBrokenAndFixedRowsAreOneRun() throws Exception {
        assertArrayEquals(new int[] {0}, starts(TraceFile.read(COMPARISON).log()));
    }

    @Test
    void aRunPressedAgainTenSecondsLaterIsASecondRunBeginningAfterTheFirstRunsLastEvent() throws Exception {
        TraceLog log = twice(10_000_000_000L);
        int[] starts = starts(log);
        assertEquals(2, starts.length, "two runs");
        int half = log.size() / 2;
        assertEquals(0, starts[0]);
        assertEquals(true, starts[1] <= half && starts[1] > half - 25,
                "the second run begins after the first run's last row event, by its listen: " + starts[1] + " of " + log.size());
        assertEquals(Op.LISTEN, log.op(half), "(the copy begins with its server's listen)");
    }

    @Test
    void runsHalfASecondApartAreOneRun() throws Exception {
        assertEquals(1, starts(twice(500_000_000L)).length);
    }
}
