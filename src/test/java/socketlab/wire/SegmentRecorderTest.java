package socketlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import socketlab.trace.Op;
import socketlab.trace.Segments;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/** Segments wait for the lab to name their sender — by the ends it records, within bounds of time and count. */
class SegmentRecorderTest {

    private static int segments(TraceLog log, int conn) {
        int n = 0;
        for (int i = 0; i < log.size(); i++) {
            n += log.op(i) == Op.SEGMENT && (conn < 0 || log.conn(i) == conn) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aSegmentWaitsForItsSendersConnectAndThenCarriesItsConnection() {
        TraceLog log = new TraceLog();
        SegmentRecorder r = new SegmentRecorder(log);
        long now = System.nanoTime();
        r.packet(now, PacketTest.tcp4(50000, 8080, 7, 0, Segments.SYN, 65495, new byte[0], new byte[0]));
        assertEquals(0, segments(log, -1), "connect() has not returned yet: the SYN waits");
        log.life(Op.CONNECT, Side.CLIENT, 5, 50000, 8080, 0, null);
        r.release(log.now(), false);
        assertEquals(1, segments(log, 5), "named by the end that sent it");
    }

    @Test
    void aFloodFromASenderTheLabNeverNamesIsNotHeldBeyondItsBound() {
        TraceLog log = new TraceLog();
        SegmentRecorder r = new SegmentRecorder(log);
        long now = System.nanoTime();
        byte[] data = new byte[1000];
        int n = SegmentRecorder.MAX_HELD + 1000;
        for (int i = 0; i < n; i++) {
            r.packet(now, PacketTest.tcp4(40000, 9000, 1 + 1000L * i, 1, Segments.ACK, 512, new byte[0], data));
        }
        assertEquals(n - SegmentRecorder.MAX_HELD, segments(log, 0), "the oldest went in as conn 0, unnamed");
        r.release(Long.MAX_VALUE, true);
        assertEquals(n, segments(log, 0), "and at the end of the run, all of them, in order");
    }
}
