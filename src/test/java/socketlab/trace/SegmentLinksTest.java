package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A segment is linked to the call that wrote its first byte and the call that took its last: the time
 * lane draws a line from one to the other through the segment. The Nagle case: two one-byte sends leave
 * as two segments, and one recv() takes both bytes.
 */
class SegmentLinksTest {

    @Test
    void eachSegmentLinksToTheSendThatWroteItsFirstByteAndTheRecvThatTookItsLast() {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        log.life(Op.CONNECT, Side.CLIENT, 1, 50000, 8080, 0, null);
        log.life(Op.ACCEPT, Side.SERVER, 2, 8080, 50000, 0, null);
        int sendA = log.size();
        lane.io(Op.SEND, Side.CLIENT, 1, 0, 1, 0, -1, 10, new byte[] {'a'}, 0);
        lane.append(Segments.event(log.now(), Side.CLIENT, 1, 0, 50000, 8080, Segments.PSH | Segments.ACK, 65536, 1, 1, new byte[] {'a'}));
        int sendB = log.size();
        lane.io(Op.SEND, Side.CLIENT, 1, 1, 1, 0, -1, 10, new byte[] {'b'}, 0);
        lane.append(Segments.event(log.now(), Side.CLIENT, 1, 1, 50000, 8080, Segments.PSH | Segments.ACK, 65536, 1, 1, new byte[] {'b'}));
        int recv = log.size();
        lane.io(Op.RECV, Side.SERVER, 2, 0, 2, 1024, 2, 10, new byte[] {'a', 'b'}, 0);
        lane.io(Op.RECV, Side.SERVER, 2, 2, 0, 1024, 0, 10, new byte[0], 0); // EOF: holds no byte
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        Conn client = idx.conn(1);
        Conn server = idx.conn(2);
        assertEquals(sendA, idx.callHolding(client.sends, 0), "segment 1 ('a', offset 0) left from the first send()");
        assertEquals(sendB, idx.callHolding(client.sends, 1), "segment 2 ('b', offset 1) from the second");
        assertEquals(recv, idx.callHolding(server.recvs, 0), "both arrived in one recv()");
        assertEquals(recv, idx.callHolding(server.recvs, 1));
        assertEquals(-1, idx.callHolding(server.recvs, 2), "a byte nobody has read yet is held by no call");
        assertEquals(-1, idx.callHolding(client.sends, 2), "nor one nobody wrote");
    }
}
