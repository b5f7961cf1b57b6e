package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The log's rows and payloads live off the heap in chunks that grow: every byte must read back as written. */
class TraceLogTest {
    /** Every size of chunk of rows (64 events growing to 16,384) and several arena chunks (4 KiB growing to 1 MiB) per lane. */
    private static final int EVENTS = 40_000;

    private static byte[] payload(int lane, int i) {
        byte[] p = new byte[1 + (i * 7 + lane) % 61];
        for (int k = 0; k < p.length; k++) {
            p[k] = (byte) (i * 31 + k + lane);
        }
        return p;
    }

    @Test
    void eventsAcrossManyChunksReadBackExactly() {
        TraceLog log = new TraceLog(64, 64L << 20);
        TraceLog.Lane[] lanes = {log.newLane(), log.newLane()};
        long base = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            for (int l = 0; l < lanes.length; l++) {
                byte[] p = payload(l, i);
                // distinct, increasing times: lane 0 at even, lane 1 at odd nanoseconds after base
                lanes[l].ioAt(base + 2L * i + l, l == 0 ? Op.SEND : Op.RECV,
                        l == 0 ? Side.CLIENT : Side.SERVER, 7 + l, 1000L * i, p.length, 1024, i % 5000, 3 * i, p, 0);
            }
        }
        assertEquals(2 * EVENTS, log.size());
        long t0 = log.tNs(0);
        for (int n = 0; n < 2 * EVENTS; n++) {
            int i = n / 2;
            int l = n % 2;
            TraceEvent e = log.get(n);
            assertEquals(n, e.tNs() - t0, "time of event " + n + ": the lanes merge in time order");
            assertEquals(l == 0 ? Op.SEND : Op.RECV, e.op());
            assertEquals(7 + l, e.conn());
            assertEquals(1000L * i, e.offset());
            assertEquals(1024, e.requested());
            assertEquals(i % 5000, e.available());
            assertEquals(3L * i, e.durNs());
            assertArrayEquals(payload(l, i), e.payload(), "payload of event " + n);
            assertEquals(1000L * i, log.offset(n));
            assertEquals(payload(l, i).length, log.bytes(n));
        }
    }

    @Test
    void digestsVerdictsAndBodiesOfFramesBetweenCallsReadBackAcrossChunks() {
        // a receive loop's lane: a recv() row, then the frame it completed — the frame's digest and body live
        // in side columns beside the rows, which must line up with their rows in every chunk
        TraceLog log = new TraceLog(64, 64L << 20);
        TraceLog.Lane lane = log.newLane();
        int frames = 20_000; // 40,000 events: three chunks of rows
        for (int i = 0; i < frames; i++) {
            byte[] body = payload(0, i);
            lane.io(Op.RECV, Side.SERVER, 3, 100L * i, body.length, 1024, i % 9, 5, body, 0);
            lane.message(Op.FRAME, Side.SERVER, 3, 100L * i, i, 4, body.length + 4, body, 0x9E3779B97F4A7C15L * (i + 1),
                    i % 3 == 0 ? null : i % 3 == 1, i % 100 == 0 ? "{\"i\": " + i + "}" : null);
        }
        assertEquals(2 * frames, log.size());
        for (int i = 0; i < frames; i++) {
            TraceEvent recv = log.get(2 * i);
            TraceEvent frame = log.get(2 * i + 1);
            assertEquals(Op.RECV, recv.op());
            assertEquals(0, recv.digest(), "a recv() row has no digest");
            assertEquals(i % 9, recv.available());
            assertArrayEquals(payload(0, i), recv.payload(), "recv " + i);
            assertEquals(Op.FRAME, frame.op());
            assertEquals(0x9E3779B97F4A7C15L * (i + 1), frame.digest(), "digest of frame " + i);
            assertEquals(0x9E3779B97F4A7C15L * (i + 1), log.digest(2 * i + 1));
            assertEquals(i % 3 == 0 ? -1 : i % 3 == 1 ? 1 : 0, frame.verified(), "verdict of frame " + i);
            assertArrayEquals(payload(0, i), frame.payload(), "body of frame " + i);
            assertEquals(i % 100 == 0 ? "{\"i\": " + i + "}" : null, frame.text());
        }
    }

    @Test
    void manyShortConnectionsKeepTheirBytesWhileTheBudgetLasts() {
        // a session of lessons and scenarios opens many connections, each with a few small sends and
        // recv()s: a lane must not hold back budget (or memory) it does not use
        TraceLog log = new TraceLog(); // the window's default budget (64 MiB)
        byte[] hello = "hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int lanes = 400;
        for (int l = 0; l < lanes; l++) {
            TraceLog.Lane lane = log.newLane();
            lane.io(Op.SEND, Side.CLIENT, l, 0, hello.length, 0, TraceLog.NOT_MEASURED, 1, hello, 0);
        }
        assertEquals(lanes, log.size());
        for (int i = 0; i < lanes; i++) {
            assertArrayEquals(hello, log.get(i).payload(), "the bytes of connection " + log.get(i).conn());
        }
    }

    @Test
    void payloadsStopAtTheBudgetButEventsGoOn() {
        TraceLog log = new TraceLog(1024, 10 * 1024);
        TraceLog.Lane lane = log.newLane();
        byte[] p = new byte[1024];
        for (int i = 0; i < 30; i++) {
            lane.io(Op.SEND, Side.CLIENT, 1, 1024L * i, 1024, 0, TraceLog.NOT_MEASURED, 1, p, 0);
        }
        assertEquals(30, log.size());
        assertEquals(1024, log.get(0).payload().length);
        assertEquals(0, log.get(29).payload().length, "past the budget the bytes are not kept");
        assertEquals(1024, log.get(29).bytes(), "but the call is still counted whole");
    }

    @Test
    void writersOnTheirOwnThreadsLoseNothingWhileAReaderMerges() throws Exception {
        TraceLog log = new TraceLog();
        int writers = 3;
        int each = 25_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int conn = w;
            TraceLog.Lane lane = log.newLane();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                byte[] p = {1, 2, 3};
                for (int i = 0; i < each; i++) {
                    lane.io(Op.RECV, Side.SERVER, conn, 3L * i, 3, 8, TraceLog.NOT_MEASURED, 0, p, 0);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        int seen = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            seen = Math.max(seen, log.size()); // merging while the writers write
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(seen <= writers * each);
        assertEquals(writers * each, log.size());
        long[] nextOffset = new long[writers];
        for (int n = 0; n < log.size(); n++) {
            int c = log.conn(n);
            assertEquals(nextOffset[c], log.offset(n), "each writer's events stay in its order");
            nextOffset[c] += 3;
        }
    }
}
