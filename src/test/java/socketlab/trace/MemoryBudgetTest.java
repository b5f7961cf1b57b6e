package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.Verdict;

/**
 * Past its memory budget a log keeps the sockets going and its counts exact: calls it cannot record
 * are counted per connection and written as one UNRECORDED event when there is room again.
 */
class MemoryBudgetTest {
    /** 1 MiB: 896 KiB of rows, about 22,000 events; the payload copies get 128 KiB. */
    private static final MemoryBudget SMALL = new MemoryBudget(1 << 20);

    private static long sum(TraceLog log, Op op, boolean bytes) {
        long n = 0;
        for (int i = log.firstReadable(); i < log.size(); i++) {
            TraceEvent e = log.get(i);
            if (e.op() == op) {
                n += bytes ? e.bytes() : 1;
            } else if (e.op() == Op.UNRECORDED && e.unrecordedOp() == op) {
                n += bytes ? e.bytes() : e.unrecordedCalls();
            }
        }
        return n;
    }

    @Test
    void pastTheBudgetCallsAreCountedExactlyAndTheConnectionsEndIsStillRecorded() {
        TraceLog log = new TraceLog(SMALL);
        TraceLog.Lane lane = log.newLane();
        byte[] p = new byte[1000];
        int calls = 200_000; // ten times what the budget records
        for (int i = 0; i < calls; i++) {
            lane.io(Op.RECV, Side.SERVER, 4, 1000L * i, 1000, 1024, TraceLog.NOT_MEASURED, 1, p, 0);
        }
        assertTrue(log.paused(), "the budget was full: the lane counts instead of recording");
        List<Unrecorded> open = log.unrecorded();
        assertEquals(1, open.size());
        int recorded = log.size();
        assertTrue(recorded < calls / 5, "only what fits is recorded, got " + recorded);
        assertEquals(calls - recorded, open.get(0).calls(), "every call not recorded is counted");
        assertEquals(1000L * recorded, open.get(0).offset(), "the count begins where the recorded calls end");
        assertTrue(log.memoryInUse() <= SMALL.bytes(), "within the budget: " + log.memoryInUse());

        lane.io(Op.EOF, Side.SERVER, 4, 1000L * calls, 0, 1024, TraceLog.NOT_MEASURED, 1, null, 0);
        log.life(Op.CLOSE, Side.SERVER, 4, 9000, 0, 1000L * calls, null);
        assertFalse(log.paused(), "the EOF had room (the reserve) and wrote the count first");
        int n = log.size();
        TraceEvent gap = log.get(n - 3);
        assertEquals(Op.UNRECORDED, gap.op());
        assertEquals(Op.RECV, gap.unrecordedOp());
        assertEquals(calls - recorded, gap.unrecordedCalls());
        assertEquals(1000L * (calls - recorded), gap.bytes());
        assertEquals(1000L * recorded, gap.offset());
        assertEquals(Op.EOF, log.get(n - 2).op(), "the connection's end comes after the count");
        assertEquals(1000L * calls, log.get(n - 2).offset());
        assertEquals(Op.CLOSE, log.get(n - 1).op());
        assertEquals(calls, sum(log, Op.RECV, false), "calls: exact");
        assertEquals(1000L * calls, sum(log, Op.RECV, true), "bytes: exact");
        assertEquals(0, log.lost());
    }

    @Test
    void aCountSaysWhichConnectionAndWhichCallsItHolds() {
        // the shared lane of a traced program records every connection's calls: each gets a count of its own
        TraceLog log = new TraceLog(SMALL);
        TraceLog.Lane lane = log.newLane();
        for (int i = 0; i < 60_000; i++) {
            lane.io(i % 3 == 0 ? Op.SEND : Op.RECV, i % 3 == 0 ? Side.CLIENT : Side.SERVER, 1 + i % 3, i, 1, 8,
                    TraceLog.NOT_MEASURED, 0, null, 0);
        }
        List<Unrecorded> open = log.unrecorded();
        assertEquals(3, open.size(), "one count per connection, op and side: " + open);
        lane.life(Op.CLOSE, Side.SERVER, 1, 0, 0, 0, null); // the program's own lane: its counts go out before it
        assertEquals(20_000, sum(log, Op.SEND, false));
        assertEquals(40_000, sum(log, Op.RECV, false));
        assertTrue(log.unrecorded().isEmpty());
    }

    @Test
    void aStreamingReaderGivesMemoryBackAndRecordingGoesOnWithTheCountFirst() {
        TraceLog log = new TraceLog(SMALL);
        TraceLog.Lane lane = log.newLane();
        byte[] p = new byte[100];
        int i = 0;
        while (!log.paused()) {
            lane.io(Op.SEND, Side.CLIENT, 2, 100L * i, 100, 0, TraceLog.NOT_MEASURED, 1, p, 0);
            i++;
        }
        for (int k = 0; k < 5; k++, i++) {
            lane.io(Op.SEND, Side.CLIENT, 2, 100L * i, 100, 0, TraceLog.NOT_MEASURED, 1, p, 0);
        }
        long full = log.memoryInUse();
        int read = log.size();
        for (int k = 0; k < read; k++) {
            log.get(k);
        }
        log.release();
        assertTrue(log.memoryInUse() < full / 4, "released: " + log.memoryInUse() + " of " + full);
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(0), "a released event cannot be read");

        lane.io(Op.SEND, Side.CLIENT, 2, 100L * i, 100, 0, TraceLog.NOT_MEASURED, 1, p, 0);
        assertFalse(log.paused());
        assertEquals(read + 2, log.size());
        TraceEvent gap = log.get(read);
        assertEquals(Op.UNRECORDED, gap.op());
        assertEquals(6, gap.unrecordedCalls(), "the call that found the budget full and the five after it");
        assertEquals(100L * (i - 6), gap.offset());
        TraceEvent next = log.get(read + 1);
        assertEquals(Op.SEND, next.op());
        assertEquals(100L * i, next.offset());
        assertEquals(100, next.payload().length, "payload copies come back with the memory");
    }

    @Test
    void aFloodIntoAStreamingReaderStaysWithinTheBudgetAndCountsEveryByte() throws Exception {
        // two writers at full speed, one reader that frees what it read: the memory never passes the budget,
        // and every call is either an event read or in a count
        TraceLog log = new TraceLog(SMALL);
        int each = 400_000;
        Thread[] writers = new Thread[2];
        for (int w = 0; w < writers.length; w++) {
            TraceLog.Lane lane = log.newLane();
            int conn = 10 + w;
            writers[w] = new Thread(() -> {
                byte[] p = new byte[64];
                for (int i = 0; i < each; i++) {
                    lane.io(Op.RECV, Side.SERVER, conn, 64L * i, 64, 64, TraceLog.NOT_MEASURED, 1, p, 0);
                }
                lane.io(Op.EOF, Side.SERVER, conn, 64L * each, 0, 64, TraceLog.NOT_MEASURED, 1, null, 0);
            });
            writers[w].start();
        }
        long calls = 0;
        long bytes = 0;
        long most = 0;
        int eofs = 0;
        int read = 0;
        while (eofs < writers.length && (writers[0].isAlive() || writers[1].isAlive() || read < log.size())) {
            int n = log.size();
            for (; read < n; read++) {
                TraceEvent e = log.get(read);
                if (e.op() == Op.RECV) {
                    calls++;
                    bytes += e.bytes();
                } else if (e.op() == Op.UNRECORDED) {
                    calls += e.unrecordedCalls();
                    bytes += e.bytes();
                } else if (e.op() == Op.EOF) {
                    eofs++;
                }
            }
            log.release();
            most = Math.max(most, log.memoryInUse());
        }
        for (Thread t : writers) {
            t.join();
        }
        assertEquals(2, eofs, "both connections' ends recorded; lost " + log.lost() + ", open " + log.unrecorded());
        assertEquals(0, log.lost());
        assertTrue(most <= SMALL.bytes() * 17 / 16, "most memory in use " + most + ", budget " + SMALL.bytes() + " (and its reserve for ends)");
        assertEquals(2L * each, calls, "every call read or counted");
        assertEquals(2L * each * 64, bytes, "every byte read or counted");
    }

    @Test
    void framesPastTheBudgetAreCountedWithTheirWireBytes() {
        TraceLog log = new TraceLog(SMALL);
        TraceLog.Lane lane = log.newLane();
        byte[] body = {1, 2, 3};
        int frames = 50_000;
        for (int i = 0; i < frames; i++) {
            lane.message(Op.FRAME, Side.SERVER, 3, 7L * i, i, 4, 7, body, 1, Verdict.UNKNOWN, null);
        }
        log.error(Side.SERVER, 3, 0, socketlab.text.Phrase.verbatim("end"));
        lane.errorAt(log.now(), Side.SERVER, 3, 0, socketlab.text.Phrase.verbatim("end"));
        assertEquals(frames, sum(log, Op.FRAME, false));
        long wire = 0;
        for (int i = 0; i < log.size(); i++) {
            TraceEvent e = log.get(i);
            wire += e.op() == Op.FRAME ? e.wire() : e.op() == Op.UNRECORDED ? e.bytes() : 0;
        }
        assertEquals(7L * frames, wire);
    }

    @Test
    void aBudgetIsWholeMiBWithinWhatTheJvmHolds() {
        assertEquals(64L << 20, MemoryBudget.ofMiB("64").bytes());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MemoryBudget.ofMiB("1g")).getMessage().contains("whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MemoryBudget.ofMiB("8")).getMessage().contains("at least 16"));
        String tooLarge = assertThrows(IllegalArgumentException.class, () -> MemoryBudget.ofMiB("999999999")).getMessage();
        assertTrue(tooLarge.contains("-Xmx"), "says how to give Java more: " + tooLarge);
        assertEquals(MemoryBudget.DEFAULT.payloadBytes() + MemoryBudget.DEFAULT.rowBytes(), MemoryBudget.DEFAULT.bytes());
    }
}
