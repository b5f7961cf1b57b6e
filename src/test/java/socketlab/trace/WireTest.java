package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a connection's capture keeps apart for the timeline: here, the ACKs that closed a receiver's window. */
class WireTest {

    @Test
    void anAckThatAdvertisesAZeroWindowIsKeptAsAClosedWindowOfItsSenderAndNoOtherSegmentIs() {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        byte[] hi = "hi".getBytes(StandardCharsets.US_ASCII);
        log.life(Op.CONNECT, Side.CLIENT, 1, 50000, 8080, 0, null);
        log.life(Op.ACCEPT, Side.SERVER, 2, 8080, 50000, 0, null);
        lane.io(Op.SEND, Side.CLIENT, 1, 0, 2, 0, -1, 10, hi, 0);
        lane.append(Segments.event(log.now(), Side.CLIENT, 1, 0, 50000, 8080, Segments.PSH | Segments.ACK, 65536, 1, 2, hi));
        lane.append(Segments.event(log.now(), Side.SERVER, 2, 0, 8080, 50000, Segments.ACK, 0, 3, 0, new byte[0])); // full
        int closed = log.size() - 1;
        lane.append(Segments.event(log.now(), Side.SERVER, 2, 0, 8080, 50000, Segments.ACK, 65536, 3, 0, new byte[0])); // read: open
        lane.append(Segments.event(log.now(), Side.CLIENT, 1, 2, 50000, 8080, Segments.RST, 0, 0, 0, new byte[0])); // win 0, no meaning
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        Wire w = ConnectionRow.of(idx).get(0).client().wire;
        assertEquals(1, w.closedWindows(8080).size(), "the server's one ACK with window 0");
        assertEquals(closed, w.closedWindows(8080).get(0));
        assertEquals(0, w.closedWindows(50000).size(), "a reset's window says nothing about a buffer");
    }
}
