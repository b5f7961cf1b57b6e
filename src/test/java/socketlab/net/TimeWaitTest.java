package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.TraceLog;

/** Chapter 7: the server closes first, its connection waits in TIME_WAIT, and a restart needs SO_REUSEADDR. */
class TimeWaitTest {

    /** Starts a server, has a client connect, then closes the server first; returns the port. */
    static int serverClosesFirst(TraceLog log, boolean reuse) throws Exception {
        LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0)).reuseAddress(reuse);
        int port = server.start();
        LabClient client = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
        client.connect();
        assertTrue(log.await(Op.ACCEPT, null, 1, 5000));
        server.close(); // the server's side closes first: that side keeps the connection in TIME_WAIT
        assertTrue(client.awaitServerClose(5000));
        client.close();
        return port;
    }

    @Test
    void withoutReuseAddressTheRestartFailsWithAddressInUse() throws Exception {
        TraceLog log = new TraceLog();
        int port = serverClosesFirst(log, false);
        LabServer again = new LabServer(log, ServerSettings.defaults().withPort(port)).reuseAddress(false);
        LabException e = assertThrows(LabException.class, again::start);
        assertTrue(e.getMessage().contains("Port " + port + " is"), e.getMessage());
        if (TcpStates.timeWait(port) >= 0) { // Linux: the kernel shows the TIME_WAIT socket itself
            assertTrue(TcpStates.timeWait(port) >= 1);
            assertTrue(e.getMessage().contains("TIME_WAIT"), e.getMessage());
        }
        // the old connection lacks SO_REUSEADDR, so even a new listener with it cannot share the port
        LabServer onlyNew = new LabServer(log, ServerSettings.defaults().withPort(port)).reuseAddress(true);
        assertThrows(LabException.class, onlyNew::start);
    }

    @Test
    void withReuseAddressOnTheOldAndTheNewListenerTheRestartSucceeds() throws Exception {
        TraceLog log = new TraceLog();
        int port = serverClosesFirst(log, true);
        if (TcpStates.timeWait(port) >= 0) {
            assertTrue(TcpStates.timeWait(port) >= 1, "the old connection is still in TIME_WAIT");
            assertTrue(TcpStates.timeWaitSockets(port).stream().anyMatch(l -> l.startsWith("TIME-WAIT 127.0.0.1:" + port + " ")),
                    "and it is named: " + TcpStates.timeWaitSockets(port));
        }
        try (LabServer reused = new LabServer(log, ServerSettings.defaults().withPort(port)).reuseAddress(true)) {
            assertEquals(port, reused.start(), "SO_REUSEADDR on both lets the new server bind beside the TIME_WAIT socket");
        }
    }

    @Test
    void procNetTcpIsReadForTheTimeWaitState() {
        List<String> sample = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 0100007F:C350 06 00000000:00000000 03:00000E2B 00000000     0        0 0 3",
                "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
                "   2: 0100007F:1F91 0100007F:C351 06 00000000:00000000 03:00000E2B 00000000     0        0 0 3");
        assertEquals(1, TcpStates.count(sample, 8080, "06"));
        assertEquals(1, TcpStates.count(sample, 8080, "0A"), "and the listener is state 0A (LISTEN)");
        assertEquals(List.of("TIME-WAIT 127.0.0.1:8080 127.0.0.1:50000"), TcpStates.sockets(sample, 8080, "06"),
                "the socket itself, as ss -tan shows it");
        assertEquals("127.0.0.1:8080", TcpStates.address("0000000000000000FFFF00000100007F:1F90"), "an IPv4-mapped IPv6 socket");
        assumeTrue(TcpStates.timeWait(1) >= 0, "no /proc/net/tcp here");
    }
}
