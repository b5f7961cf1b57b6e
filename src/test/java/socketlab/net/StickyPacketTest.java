package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/** The tutorial's sticky-packet cases and their fixes, on real loopback sockets. */
class StickyPacketTest {

    static Run run(Scenario s) throws Exception {
        TraceLog log = new TraceLog();
        ScenarioRunner.Result r = new ScenarioRunner(log, TaskRunner.threads()).run(s);
        return new Run(log, r);
    }

    record Run(TraceLog log, ScenarioRunner.Result result) {
        List<TraceEvent> events(Op op, int conn) {
            List<TraceEvent> out = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                TraceEvent e = log.get(i);
                if (e.op() == op && e.conn() == conn) {
                    out.add(e);
                }
            }
            return out;
        }

        List<TraceEvent> serverRecvs() {
            return events(Op.RECV, result.serverConn());
        }

        List<String> serverFrames() {
            return events(Op.FRAME, result.serverConn()).stream()
                    .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
        }
    }

    @RepeatedTest(10)
    void twoBackToBackSendsGlueIntoOneRecvWhenTheReceiverIsSlow() throws Exception {
        Run r = run(Scenario.STICKY);
        assertEquals(1, r.serverRecvs().size(), "one recv() holds both messages");
        assertEquals("hello worldhaha", new String(r.serverRecvs().get(0).payload(), StandardCharsets.UTF_8));
        assertEquals(15, r.serverRecvs().get(0).available(), "both messages were waiting in the kernel buffer");
        assertEquals(1, r.result().summary().glued());
        assertEquals(0, r.result().summary().framesOk(), "the one 'message' is neither of the two sent");
    }

    @RepeatedTest(5)
    void smallFirstRecvTakesTwoBytesAndTheSecondTakesTheRestGlued() throws Exception {
        Run r = run(Scenario.PARTIAL);
        List<TraceEvent> recvs = r.serverRecvs();
        assertEquals("he", new String(recvs.get(0).payload(), StandardCharsets.UTF_8));
        assertEquals(2, recvs.get(0).requested());
        assertEquals("llo xuyapinghaha", new String(recvs.get(1).payload(), StandardCharsets.UTF_8));
        assertEquals(20, recvs.get(1).requested());
        assertEquals(1, r.result().summary().split(), "hello xuyaping arrived in two chunks");
        assertEquals(1, r.result().summary().glued(), "the second chunk holds bytes of both messages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed:32", "length:le", "length:be", "header:le", "header:be", "line", "sleep:200"})
    void eachFixYieldsExactlyTheSentMessages(String spec) throws Exception {
        Run r = run(Scenario.STICKY.withFraming(Framing.parse(spec)));
        assertEquals(List.of("hello world", "haha"), r.serverFrames());
        assertEquals(2, r.result().summary().framesOk());
    }

    @Test
    void theSleepFixCostsItsSleepAndFailsWhenTheReceiverIsSlower() throws Exception {
        Run fixed = run(Scenario.STICKY.withFraming(Framing.parse("sleep:200")));
        assertEquals(0, fixed.result().summary().glued());
        assertTrue(fixed.result().elapsedNs() >= 200_000_000L, "the sleep is paid on every message");
        Run tooShort = run(Scenario.SLEEP_TOO_SHORT);
        assertEquals(List.of("hello worldhaha"), tooShort.serverFrames());
        assertEquals(1, tooShort.result().summary().glued());
    }

    @ParameterizedTest
    @ValueSource(strings = {"length:le", "header:le"})
    void aOneMebibyteMessageArrivesSplitAndReassembles(String spec) throws Exception {
        Run r = run(Scenario.BIG.withFraming(Framing.parse(spec)));
        assertTrue(r.serverRecvs().size() >= 100, "split over many recv(1024): " + r.serverRecvs().size());
        assertEquals(1, r.result().summary().split());
        assertEquals(1, r.result().summary().frames());
        assertEquals(1, r.result().summary().framesOk(), "digest and size match what was sent");
        long total = r.serverRecvs().stream().mapToLong(TraceEvent::bytes).sum();
        assertEquals(Scenario.ONE_MIB + (spec.startsWith("length") ? 4 : r.events(Op.FRAME, r.result().serverConn()).get(0).headerBytes()), total);
    }

    @Test
    void withoutFramingTheBigMessageBecomesManyWrongMessages() throws Exception {
        Run r = run(Scenario.BIG);
        assertTrue(r.result().summary().frames() > 100);
        assertEquals(0, r.result().summary().framesOk());
        assertEquals(1, r.result().summary().split());
    }

    @Test
    void chineseTextSurvivesWithHeaderFraming() throws Exception {
        Run r = run(Scenario.CHINESE.withFraming(Framing.HEADER));
        assertEquals(List.of("你好，世界", "粘包"), r.serverFrames());
        TraceEvent f = r.events(Op.FRAME, r.result().serverConn()).get(0);
        assertEquals(Verdict.OK, f.verified(), "sha256 verified on arrival");
        assertArrayEquals("你好，世界".getBytes(StandardCharsets.UTF_8), f.payload());
    }
}
