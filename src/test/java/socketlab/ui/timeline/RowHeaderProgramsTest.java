package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * A narrow row header that cannot hold a traced pair's whole note (programs, pids, an AF_UNIX path twice) keeps the
 * two programs' names: at 1024×768 in projector type the row said only "#2", not whose calls it held.
 */
class RowHeaderProgramsTest {

    @Test
    void aTracedPairsNarrowHeaderNamesBothPrograms() throws Exception {
        String trace = """
                {"op":"connect","side":"client","conn":5,"t_ns":100,"program":"ch3_unix_client.py","pid":41,"local_port":50000,"remote_port":9000}
                {"op":"accept","side":"server","conn":6,"t_ns":200,"program":"ch3_unix_server.py","pid":40,"local_port":9000,"remote_port":50000}
                """;
        TraceIndex idx = SavedTrace.index(trace);
        TraceLog log = idx.log();
        assertEquals(1, ConnectionRow.of(idx).size(), "one connection seen from both programs");
        assertEquals("ch3_unix_client.py ↔ ch3_unix_server.py", RowHeaderRenderer.programs(log, ConnectionRow.of(idx).get(0)));
    }

    @Test
    void theLabsOwnRowHasNoProgramsToName() throws Exception {
        String trace = """
                {"op":"connect","side":"client","conn":1,"t_ns":100,"local_port":50000,"remote_port":9000}
                {"op":"accept","side":"server","conn":2,"t_ns":200,"local_port":9000,"remote_port":50000}
                """;
        TraceIndex idx = SavedTrace.index(trace);
        TraceLog log = idx.log();
        assertNull(RowHeaderRenderer.programs(log, ConnectionRow.of(idx).get(0)));
    }
}
