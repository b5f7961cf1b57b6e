package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import socketlab.trace.ConnectionRow;
import socketlab.trace.Op;
import socketlab.trace.Segments;
import socketlab.trace.Side;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/** The wire lane is there exactly where segments of that direction were captured, between the two call lanes. */
class WireLaneTest {

    private static ConnectionRow row(boolean captured) {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        byte[] hi = "hi".getBytes(StandardCharsets.US_ASCII);
        if (captured) {
            lane.append(Segments.event(1, Side.CLIENT, 1, 0, 50000, 8080, Segments.SYN, 65495, 0, 0, new byte[0]));
        }
        log.life(Op.CONNECT, Side.CLIENT, 1, 50000, 8080, 0, null);
        log.life(Op.ACCEPT, Side.SERVER, 2, 8080, 50000, 0, null);
        lane.io(Op.SEND, Side.CLIENT, 1, 0, 2, 0, -1, 10, hi, 0);
        if (captured) {
            lane.append(Segments.event(log.now(), Side.CLIENT, 1, 0, 50000, 8080, Segments.PSH | Segments.ACK, 65536, 1, 2, hi));
            lane.append(Segments.event(log.now(), Side.SERVER, 2, 0, 8080, 50000, Segments.ACK, 65536, 3, 0, new byte[0]));
        }
        lane.io(Op.RECV, Side.SERVER, 2, 0, 2, 1024, 2, 10, hi, 0);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return ConnectionRow.of(idx).get(0);
    }

    @Test
    void aDirectionWhoseSegmentsWereCapturedHasAWireLaneBetweenItsCallLanes() {
        assertEquals(3, new StreamLaneRenderer(Direction.CLIENT_TO_SERVER).lanes(row(true)), "send, wire, recv");
        assertEquals(0, new StreamLaneRenderer(Direction.SERVER_TO_CLIENT).lanes(row(true)),
                "the server sent no bytes: its ACK is a tick in the client's wire lane, not a lane of its own");
    }

    @Test
    void anEndNobodyTracedHasNoLaneOnlyTheEndThatWasTracedShows() {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        log.life(Op.CONNECT, Side.CLIENT, 1, 50000, 8080, 0, null); // a client of a server outside the lab
        lane.io(Op.SEND, Side.CLIENT, 1, 0, 2, 0, -1, 10, "hi".getBytes(StandardCharsets.US_ASCII), 0);
        lane.io(Op.RECV, Side.CLIENT, 1, 0, 2, 1024, 2, 10, "HI".getBytes(StandardCharsets.US_ASCII), 0);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        ConnectionRow row = ConnectionRow.of(idx).get(0);
        assertEquals(1, new StreamLaneRenderer(Direction.CLIENT_TO_SERVER).lanes(row), "the client's send lane, no empty server recv lane");
        assertEquals(1, new StreamLaneRenderer(Direction.SERVER_TO_CLIENT).lanes(row), "the client's recv lane, no empty server send lane");
    }

    @Test
    void withoutACaptureTheRowKeepsItsTwoLanes() {
        assertEquals(2, new StreamLaneRenderer(Direction.CLIENT_TO_SERVER).lanes(row(false)));
    }

    @Test
    void aUdpDirectionWhoseDatagramsWereCapturedShowsThemWholeBetweenSendtoAndRecvfrom() {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        log.life(Op.LISTEN, Side.SERVER, 1, 8080, 0, 0, null); // the server's bind
        log.life(Op.LISTEN, Side.CLIENT, 2, 40000, 0, 0, null); // and the client's: the two ends of one row
        lane.datagramAt(System.nanoTime(), Op.SENDTO, Side.CLIENT, 2, 5, 0, 8080, 10, hello);
        lane.append(Segments.event(log.now(), Side.CLIENT, 0, 0, 40000, 8080, Segments.UDP, 0, 0, 5, hello));
        lane.datagramAt(System.nanoTime(), Op.RECVFROM, Side.SERVER, 1, 2, 2, 40000, 10, new byte[] {'h', 'e'});
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        ConnectionRow row = ConnectionRow.of(idx).stream().filter(r -> r.server() != null).findFirst().orElseThrow();
        assertEquals(3, new DatagramLaneRenderer(Direction.CLIENT_TO_SERVER).lanes(row),
                "sendto, the datagram whole on the wire (5 B), recvfrom(2) that kept 2: the cut is the receiver's");
    }
}
