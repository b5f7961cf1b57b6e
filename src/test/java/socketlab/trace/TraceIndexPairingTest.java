package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The two ends of each connection pair by their ports, also when a client's port comes back for a later connection. */
class TraceIndexPairingTest {

    @Test
    void twentyThousandShortConnectionsOnAThousandReusedPortsEachPairWithTheirOwnAccept() {
        TraceLog log = new TraceLog();
        int conns = 20_000;
        for (int c = 0; c < conns; c++) {
            int clientPort = 40_000 + c % 1000; // the kernel hands the same ephemeral ports out again
            log.life(Op.CONNECT, Side.CLIENT, 2 * c + 1, clientPort, 9000, 0, null);
            log.life(Op.ACCEPT, Side.SERVER, 2 * c + 2, 9000, clientPort, 0, null);
            log.life(Op.CLOSE, Side.CLIENT, 2 * c + 1, clientPort, 0, 0, null);
            log.life(Op.CLOSE, Side.SERVER, 2 * c + 2, 9000, 0, 0, null);
        }
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        for (int c = 0; c < conns; c++) {
            assertSame(idx.conn(2 * c + 2), idx.conn(2 * c + 1).peer(), "connection " + c + " pairs with the accept after it");
        }
        assertEquals(conns, ConnectionRow.of(idx).size());
    }

    @Test
    void anAcceptSeenBeforeItsConnectStillPairsAndAStrangerDoesNot() {
        TraceLog log = new TraceLog();
        log.life(Op.ACCEPT, Side.SERVER, 2, 9000, 41_000, 0, null); // the server's lane published first
        log.life(Op.CONNECT, Side.CLIENT, 3, 41_001, 9000, 0, null); // someone else's port
        log.life(Op.CONNECT, Side.CLIENT, 1, 41_000, 9000, 0, null);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        assertSame(idx.conn(1), idx.conn(2).peer());
        assertNull(idx.conn(3).peer(), "no accept named its port");
    }
}
