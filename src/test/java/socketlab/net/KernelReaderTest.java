package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.Tcp;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * The kernel's TCP state under the lab's own calls (getsockopt TCP_INFO through Java 17's FFI; the
 * tests' JVM is started as the runtime image is, so the reader is there on Linux).
 */
class KernelReaderTest {

    @AfterEach
    void off() {
        KernelReader.enable(false);
    }

    private static List<TraceEvent> events(TraceLog log, Op op, Side side) {
        List<TraceEvent> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            if (e.op() == op && e.side() == side) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void withReadingOnEachOfTheLabsOwnSendsAndRecvsCarriesTheKernelsStateJustAfterIt() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux"), "TCP_INFO is Linux's");
        assertNull(KernelReader.system().unavailable(), "the tests' JVM has the image's flags: " + KernelReader.system().unavailable());
        assertNull(KernelReader.missing(), "and a glance finds nothing missing either");
        KernelReader.enable(true);
        TraceLog log = new TraceLog();
        new ScenarioRunner(log, TaskRunner.threads()).run(Scenario.STICKY);
        List<TraceEvent> sends = events(log, Op.SEND, Side.CLIENT);
        assertEquals(2, sends.size());
        long written = 0;
        for (TraceEvent e : sends) {
            Tcp t = e.tcp();
            assertNotNull(t, "the kernel's state after " + e);
            assertEquals("TCP_INFO", t.source());
            assertEquals("ESTABLISHED", t.stateName());
            written += e.bytes();
            assertTrue(t.unacked() + t.notsent() <= written, "the kernel holds at most the bytes written: " + t);
            assertTrue(t.rttUs() > 0 && t.cwnd() > 0, t.toString());
        }
        assertTrue(sends.get(1).tcp().segsOut() >= sends.get(0).tcp().segsOut() + 1,
                "each send() that left at once is one more segment out (TCP_NODELAY off, but nothing was in flight): "
                        + sends.get(0).tcp() + " → " + sends.get(1).tcp());
        TraceEvent recv = events(log, Op.RECV, Side.SERVER).get(0);
        assertNotNull(recv.tcp());
        assertEquals(0, recv.tcp().rcvQueue(), "the one recv(1024) took all 15 bytes: none left in the queue");
        assertTrue(recv.tcp().segsIn() >= 4, "SYN, ACK and the two data segments came in: " + recv.tcp());
    }

    @Test
    void withReadingOffNothingIsReadAndTheCallsAreRecordedAsEver() throws Exception {
        TraceLog log = new TraceLog();
        new ScenarioRunner(log, TaskRunner.threads()).run(Scenario.STICKY);
        assertTrue(events(log, Op.SEND, Side.CLIENT).stream().allMatch(e -> e.tcp() == null));
        assertEquals(2, events(log, Op.SEND, Side.CLIENT).size());
    }
}
