package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's rows, without a window: which ends pair into one row, and what a row's header counts. */
class ConnectionRowTest {

    /** Two sends of the client (11 and 4 bytes) read by the server in one recv() of 15; and a client whose server is outside the lab. */
    private static TraceIndex stickyAndOutside() {
        TraceLog log = new TraceLog();
        log.life(Op.ACCEPT, Side.SERVER, 1, 8080, 50_000, 0, socketlab.text.Note.of(socketlab.text.Note.Word.FRAMING, "none"));
        log.life(Op.CONNECT, Side.CLIENT, 2, 50_000, 8080, 0, socketlab.text.Note.of(socketlab.text.Note.Word.FRAMING, "none"));
        log.io(Op.SEND, Side.CLIENT, 2, 0, 11, 0, -1, 1_000, null, 0);
        log.io(Op.SEND, Side.CLIENT, 2, 11, 4, 0, -1, 1_000, null, 0);
        log.io(Op.RECV, Side.SERVER, 1, 0, 15, 1024, 15, 1_000, null, 0);
        log.life(Op.CLOSE, Side.CLIENT, 2, 50_000, 8080, 15, null);
        log.life(Op.CONNECT, Side.CLIENT, 3, 50_001, 9999, 0, null);
        log.io(Op.SEND, Side.CLIENT, 3, 0, 5, 0, -1, 1_000, null, 0);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return idx;
    }

    @Test
    void theTwoEndsOfOneConnectionAreOneRowAndAClientWithAnOutsideServerIsARowOfItsOwn() {
        TraceIndex idx = stickyAndOutside();
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        assertEquals(2, rows.size(), rows.toString());
        assertSame(idx.conn(1), rows.get(0).server());
        assertSame(idx.conn(2), rows.get(0).client());
        assertNull(rows.get(1).server(), "no server end in the lab");
        assertSame(idx.conn(3), rows.get(1).client());
        assertSame(idx.conn(3), rows.get(1).any());
        assertEquals(List.of(idx.conn(1), idx.conn(2)), rows.get(0).ends(), "server first");
    }

    @Test
    void aRowCountsTheGluedChunkOfBothItsEndsAndSpansFromTheFirstOpenToTheLastEvent() {
        TraceIndex idx = stickyAndOutside();
        TraceLog log = idx.log();
        ConnectionRow row = ConnectionRow.of(idx).get(0);
        assertEquals(new ConnectionRow.Counts(1, 0, 0, 0), row.counts(idx), "one recv() held both messages");
        assertEquals(log.tNs(0), row.startNs(log), "the accept came first");
        assertEquals(log.tNs(5), row.endNs(log), "the client's close came last");
        assertTrue(row.endNs(log) >= row.startNs(log));
        assertEquals(15, ConnectionRow.bytes(row.client(), true));
        assertEquals(15, ConnectionRow.bytes(row.server(), false));
        assertEquals(0, ConnectionRow.bytes(null, true), "a missing end sent nothing");
        assertEquals(0, ConnectionRow.datagrams(row.client(), true));
    }

    @Test
    void aConnectionOpenButIdleSoFarLastsNothingRatherThanANegativeTime() {
        TraceLog log = new TraceLog();
        log.life(Op.ACCEPT, Side.SERVER, 1, 8080, 50_000, 0, null);
        log.life(Op.CONNECT, Side.CLIENT, 2, 50_000, 8080, 0, null);
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        ConnectionRow row = ConnectionRow.of(idx).get(0);
        assertEquals(row.startNs(log), Math.min(row.startNs(log), row.endNs(log)), "end is not before start");
        assertTrue(row.endNs(log) - row.startNs(log) < 1_000_000_000L);
    }

    @Test
    void bothEndsOfARowGoByTheRowsNumberWhichIsWhatTheInspectorSays() {
        TraceIndex idx = stickyAndOutside();
        assertEquals(1, ConnectionRow.number(idx, 1), "the server's end: row #1");
        assertEquals(1, ConnectionRow.number(idx, 2), "the client's end: the same #1");
        assertEquals(2, ConnectionRow.number(idx, 3));
        assertEquals(-1, ConnectionRow.number(idx, 42), "in no row");
    }

    @Test
    void aBindThatFailedIsARowOfItsOwnWithItsErrorAndNoConnection() throws Exception {
        // the TIME_WAIT lesson: a connection, then a second server whose bind() fails (an error on no socket, conn 0)
        String trace = String.join("\n",
                "{\"op\":\"accept\",\"side\":\"server\",\"conn\":2,\"t_ns\":1000,\"local_port\":9000,\"remote_port\":50000}",
                "{\"op\":\"connect\",\"side\":\"client\",\"conn\":3,\"t_ns\":1500,\"local_port\":50000,\"remote_port\":9000}",
                "{\"op\":\"close\",\"side\":\"server\",\"conn\":2,\"t_ns\":2000}",
                "{\"op\":\"error\",\"side\":\"server\",\"conn\":0,\"t_ns\":9000,\"message\":\"Address already in use\"}");
        TraceIndex idx = new TraceIndex(TraceFile.read(new java.io.StringReader(trace)).log());
        idx.update();
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        assertEquals(2, rows.size(), "the connection's row and the failed bind's");
        assertTrue(!rows.get(0).noConnection());
        ConnectionRow failed = rows.get(1);
        assertTrue(failed.noConnection());
        assertEquals(1, failed.server().errors.size());
        assertEquals(9000, failed.startNs(idx.log()), "it begins when the bind failed");
        assertEquals(2, ConnectionRow.number(idx, 0), "one number for it everywhere");
    }
}
