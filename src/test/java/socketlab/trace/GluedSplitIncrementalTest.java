package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Glued and split are kept up to date call by call (a pulse no longer counts them afresh): read at any
 * moment while the calls arrive, they are what the definitions say of the calls so far — whatever the
 * message sizes (empty ones too), the recv() sizes, whether the sender's messages or only its send()
 * calls are known, whether a recv() is seen before the send() whose bytes it holds, and how often the
 * index looks.
 */
class GluedSplitIncrementalTest {

    /** By the definitions, from the byte ranges alone: {glued chunks, split spans}. */
    private static int[] byDefinition(List<long[]> spans, List<long[]> recvs) {
        int glued = 0;
        for (long[] r : recvs) {
            glued += overlapping(spans, r) >= 2 ? 1 : 0;
        }
        int split = 0;
        for (long[] s : spans) {
            split += s[1] > s[0] && overlapping(recvs, s) >= 2 ? 1 : 0;
        }
        return new int[] {glued, split};
    }

    /** How many of {@code ranges} that hold bytes share a byte with {@code r}. */
    private static int overlapping(List<long[]> ranges, long[] r) {
        int n = 0;
        for (long[] x : ranges) {
            n += x[1] > x[0] && x[0] < r[1] && r[0] < x[1] ? 1 : 0;
        }
        return n;
    }

    @Property(tries = 80)
    void readWhileTheCallsArriveTheCountsAreWhatTheDefinitionsSay(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 40) Integer> messages,
            @ForAll @IntRange(min = 1, max = 50) int recvSize,
            @ForAll @IntRange(min = 1, max = 5) int lookEvery,
            @ForAll boolean messagesKnown,
            @ForAll boolean recvSeenFirst) {
        TraceLog log = new TraceLog();
        TraceLog.Lane sender = log.newLane();
        TraceLog.Lane receiver = log.newLane();
        log.life(Op.CONNECT, Side.CLIENT, 1, 5000, 9000, 0, null);
        log.life(Op.ACCEPT, Side.SERVER, 2, 9000, 5000, 0, null);
        TraceIndex idx = new TraceIndex(log);
        List<long[]> spans = new ArrayList<>();
        List<long[]> recvs = new ArrayList<>();
        List<Runnable> script = new ArrayList<>();
        long sent = 0;
        long read = 0;
        for (int m = 0; m < messages.size(); m++) {
            int len = messages.get(m);
            long at = sent;
            int index = m;
            List<Runnable> reads = new ArrayList<>();
            sent += len;
            while (read + recvSize <= sent || read < sent && m == messages.size() - 1) {
                long from = read;
                int n = (int) Math.min(recvSize, sent - read);
                reads.add(() -> {
                    receiver.io(Op.RECV, Side.SERVER, 2, from, n, recvSize, TraceLog.NOT_MEASURED, 1, null, 0);
                    recvs.add(new long[] {from, from + n});
                });
                read += n;
            }
            Runnable send = () -> {
                if (messagesKnown) {
                    sender.message(Op.MESSAGE, Side.CLIENT, 1, at, index, 0, len, new byte[len], 0,
                            socketlab.codec.Verdict.UNKNOWN, null);
                }
                sender.io(Op.SEND, Side.CLIENT, 1, at, len, 0, TraceLog.NOT_MEASURED, 1, null, 0);
                spans.add(new long[] {at, at + len});
            };
            if (recvSeenFirst) { // a traced program's send() is recorded when it returns: its bytes may be read first
                script.addAll(reads);
                script.add(send);
            } else {
                script.add(send);
                script.addAll(reads);
            }
        }
        for (int i = 0; i < script.size(); i++) {
            script.get(i).run();
            if (i % lookEvery == lookEvery - 1 || i == script.size() - 1) {
                idx.update();
                Conn r = idx.conn(2);
                int[] want = byDefinition(spans, recvs);
                assertEquals(want[0], r == null ? 0 : idx.glued(r), "glued after " + (i + 1) + " of " + script.size() + " steps");
                assertEquals(want[1], r == null ? 0 : idx.split(r), "split after " + (i + 1) + " of " + script.size() + " steps");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anIndexOutOfTimeTakesInOneBatchAndCatchesUpOverTheNextCallsToTheSameCounts() {
        TraceLog log = new TraceLog();
        TraceLog.Lane sender = log.newLane();
        TraceLog.Lane receiver = log.newLane();
        log.life(Op.CONNECT, Side.CLIENT, 1, 5000, 9000, 0, null);
        log.life(Op.ACCEPT, Side.SERVER, 2, 9000, 5000, 0, null);
        int messages = 100_000;
        for (int m = 0; m < messages; m++) { // 3-byte messages read 4 bytes at a time: glued and split throughout
            sender.message(Op.MESSAGE, Side.CLIENT, 1, 3L * m, m, 0, 3, new byte[3], 0, socketlab.codec.Verdict.UNKNOWN, null);
            sender.io(Op.SEND, Side.CLIENT, 1, 3L * m, 3, 0, TraceLog.NOT_MEASURED, 1, null, 0);
        }
        for (long at = 0; at < 3L * messages; at += 4) {
            receiver.io(Op.RECV, Side.SERVER, 2, at, (int) Math.min(4, 3L * messages - at), 4, TraceLog.NOT_MEASURED, 1, null, 0);
        }
        TraceIndex whole = new TraceIndex(log);
        whole.update();
        TraceIndex paced = new TraceIndex(log);
        assertEquals(true, paced.update(0), "no time at all still takes in one batch");
        assertEquals(true, paced.behind(), "and leaves the rest for the next pulse");
        int calls = 1;
        while (paced.behind()) {
            paced.update(0);
            calls++;
        }
        int events = log.size();
        assertEquals((events + TraceIndex.BATCH - 1) / TraceIndex.BATCH, calls, "one batch a call");
        assertEquals(whole.glued(whole.conn(2)), paced.glued(paced.conn(2)));
        assertEquals(whole.split(whole.conn(2)), paced.split(paced.conn(2)));
        assertEquals(false, paced.update(0), "nothing new: nothing taken");
    }
}
