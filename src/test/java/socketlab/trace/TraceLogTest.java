package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import socketlab.codec.Verdict;

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
                    i % 3 == 0 ? Verdict.UNKNOWN : Verdict.of(i % 3 == 1), i % 100 == 0 ? "{\"i\": " + i + "}" : null);
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
            assertEquals(i % 3 == 0 ? Verdict.UNKNOWN : i % 3 == 1 ? Verdict.OK : Verdict.WRONG, frame.verified(), "verdict of frame " + i);
            assertArrayEquals(payload(0, i), frame.payload(), "body of frame " + i);
            assertEquals(i % 100 == 0 ? "{\"i\": " + i + "}" : null, frame.text());
        }
    }

    @Test
    void connectionIdsAndRecvSizesThatChangeWithinAChunkReadBackPerRow() {
        // a chunk keeps its first row's connection id and recv() size and makes a column only when a
        // later row differs: the shared lane (errors and lifecycle of every connection) and a receiver
        // whose recv() size is changed mid-run must still read back row by row, across chunks
        TraceLog log = new TraceLog(64, 64L << 20);
        TraceLog.Lane lane = log.newLane();
        int events = 5_000; // chunks of 64, 128, … 2,048, 4,096 rows
        for (int i = 0; i < events; i++) {
            // constant for the first 100 rows (inside the second chunk), then changing every 7 and 11 rows
            int conn = i < 100 ? 5 : 5 + i / 7;
            int requested = i < 100 ? 1024 : 1 + i / 11;
            lane.io(Op.RECV, Side.SERVER, conn, i, 1, requested, TraceLog.NOT_MEASURED, 0, new byte[] {(byte) i}, 0);
        }
        assertEquals(events, log.size());
        for (int i = 0; i < events; i++) {
            assertEquals(i < 100 ? 5 : 5 + i / 7, log.conn(i), "connection of row " + i);
            assertEquals(i < 100 ? 1024 : 1 + i / 11, log.requested(i), "recv() size of row " + i);
            assertEquals(TraceLog.NOT_MEASURED, log.available(i));
        }
    }

    @Test
    void opSideVerdictAndDurationShareAWordWithoutTouchingEachOther() {
        // word 2 of a row holds the duration (56 bits, signed) beside op, side and verdict: each must
        // read back whatever the others are, at the duration's extremes too
        TraceLog log = new TraceLog(64, 64L << 20);
        TraceLog.Lane lane = log.newLane();
        long day = 86_400_000_000_000L;
        long[] durs = {0, 1, 4_294_967_296L, 10 * day, (1L << 55) - 1, -1, -(1L << 55)};
        List<long[]> expected = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Side side : Side.values()) {
                for (long dur : durs) {
                    lane.io(op, side, 1, 0, 3, 0, 7, dur, null, 0);
                    expected.add(new long[] {op.ordinal(), side.ordinal(), dur});
                }
                lane.message(Op.FRAME, side, 1, 0, 0, 0, 1, new byte[] {1}, 1, Verdict.OK, null);
                lane.message(Op.FRAME, side, 1, 0, 0, 0, 1, new byte[] {1}, 1, Verdict.WRONG, null);
                expected.add(new long[] {Op.FRAME.ordinal(), side.ordinal(), 0, 1});
                expected.add(new long[] {Op.FRAME.ordinal(), side.ordinal(), 0, 0});
            }
        }
        assertEquals(expected.size(), log.size());
        for (int i = 0; i < expected.size(); i++) {
            long[] e = expected.get(i);
            TraceEvent ev = log.get(i);
            assertEquals(Op.values()[(int) e[0]], ev.op(), "op of row " + i);
            assertEquals(Side.values()[(int) e[1]], ev.side(), "side of row " + i);
            assertEquals(e[2], ev.durNs(), "duration of row " + i);
            assertEquals(Verdict.ofCode(e.length > 3 ? (int) e[3] : -1), ev.verified(), "verdict of row " + i);
        }
        lane.io(Op.RECV, Side.SERVER, 1, 0, 3, 0, 7, Long.MAX_VALUE, null, 0);
        assertEquals((1L << 55) - 1, log.get(log.size() - 1).durNs(), "a duration past 2^55 ns (a year) is held at the top, not wrapped");
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
        int shrank = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            int n = log.size(); // merging while the writers write
            if (n < seen) {
                shrank++;
            }
            seen = Math.max(seen, n);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, shrank, "an event once merged stays: the size read while writers write never goes back");
        assertEquals(writers * each, log.size());
        long[] nextOffset = new long[writers];
        for (int n = 0; n < log.size(); n++) {
            int c = log.conn(n);
            assertEquals(nextOffset[c], log.offset(n), "each writer's events stay in its order");
            nextOffset[c] += 3;
        }
    }
}
