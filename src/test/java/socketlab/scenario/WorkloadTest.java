package socketlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.net.LabException;
import socketlab.trace.TraceLog;

/** A run's cost is known before it starts, and a run past a limit is refused before a socket opens. */
class WorkloadTest {

    private static Scenario of(List<byte[]> messages, int recvBuffer, Framing framing) {
        return new Scenario("t", "t", messages, recvBuffer, 0, List.of(), framing);
    }

    @Test
    void fourLargestMessagesReadOneByteAtATimeAreRefusedWithTheCallsTheyWouldTake() throws Exception {
        // every field inside its own limit; together 67 million recv() calls (7.9 GB and a frozen window, before)
        Scenario s = of(Collections.nCopies(4, Scenario.generated(16 * 1024 * 1024)), 1, Framing.NONE);
        Workload w = Workload.of(s);
        assertEquals(64L << 20, w.wireBytes());
        assertEquals(64L << 20, w.fewestRecvs());
        TraceLog log = new TraceLog();
        long t0 = System.nanoTime();
        LabException e = assertThrows(LabException.class, () -> new ScenarioRunner(log, TaskRunner.threads()).run(s));
        assertTrue((System.nanoTime() - t0) / 1e6 < 1000, "refused before it starts, not after a minute");
        assertTrue(e.getMessage().contains("67108864 recv() calls") && e.getMessage().contains("at most 1000000"), e.getMessage());
        assertEquals(0, log.size(), "no socket was opened");
    }

    @Test
    void paddingEveryMessageToTheLongestIsCountedOnTheWire() {
        List<byte[]> messages = new ArrayList<>(Collections.nCopies(999, new byte[] {'a'}));
        messages.add(Scenario.generated(16 * 1024 * 1024));
        Scenario fixed = of(messages, 65536, Framing.parse("fixed:16777216"));
        assertEquals(1000L * 16 * 1024 * 1024, Workload.of(fixed).wireBytes(), "16 GB: each message padded to 16 MiB");
        String said = Workload.of(fixed).refusal(fixed).words();
        assertTrue(said.startsWith("Not run (fixed:16777216): it would put 16777216000 bytes on the wire for 1000 messages"), said);
        Scenario length = fixed.withFraming(Framing.parse("length:le"));
        assertEquals(16L * 1024 * 1024 + 999 + 4000, Workload.of(length).wireBytes(), "a length prefix adds 4 bytes each");
        assertNull(Workload.of(length).refusal(length));
    }

    @Test
    void pausesLongerThanARunMayTakeAreRefusedAndTheBuiltInsAreWithinEveryLimit() {
        Scenario slow = of(Collections.nCopies(3, new byte[] {'a'}), 1024, Framing.parse("sleep:60000"));
        assertTrue(Workload.of(slow).refusal(slow).words().contains("add up to 120 s, longer than the 60 s"),
                Workload.of(slow).refusal(slow).words());
        for (Scenario s : Scenario.builtIn()) {
            for (String f : new String[] {"none", "sleep:200", "fixed:1024", "length:le", "header:le", "line"}) {
                Scenario run = s.withFraming(Framing.parse(f));
                assertNull(Workload.of(run).refusal(run), s.id() + " under " + f);
            }
        }
    }

    @Test
    void theFirstRecvSizesCountBeforeTheBuffer() {
        Scenario s = new Scenario("t", "t", List.of(new byte[100]), 10, 0, List.of(2, 20), Framing.NONE);
        assertEquals(2 + 8, Workload.of(s).fewestRecvs(), "2, then 20, then 78 bytes in calls of 10");
    }
}
