package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import socketlab.trace.Op;
import socketlab.trace.TraceLog;

/**
 * Write-write-read with Nagle on stalls on the peer's delayed ACK; TCP_NODELAY removes the stall.
 * The effect is a factor of about a thousand on loopback (≈ 40 ms against ≈ 0.04 ms here), so the
 * test asks only for ten.
 */
class NagleProbeTest {

    @Test
    void nagleAndDelayedAckStallWriteWriteReadAndNoDelayDoesNot() throws Exception {
        TraceLog log = new TraceLog();
        NagleProbe.Result nagle = NagleProbe.run(log, NagleProbe.Setup.NAGLE, 10);
        NagleProbe.Result noDelay = NagleProbe.run(log, NagleProbe.Setup.NODELAY, 10);
        assertTrue(nagle.medianNs() > 10 * noDelay.medianNs(),
                "Nagle on: " + nagle.medianNs() / 1e6 + " ms per round; TCP_NODELAY: " + noDelay.medianNs() / 1e6 + " ms");
        int sends = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.op(i) == Op.SEND) {
                sends++;
            }
        }
        assertEquals(2 * 10 * 2, sends, "two one-byte writes per round, every one recorded");
    }

    @Test
    void theReceiversQuickAckBeforeEveryReadRemovesTheStallWithNagleStillOn() throws Exception {
        assumeTrue(NagleProbe.quickAckSupported(), "TCP_QUICKACK is a Linux option");
        TraceLog log = new TraceLog();
        NagleProbe.Result nagle = NagleProbe.run(log, NagleProbe.Setup.NAGLE, 10);
        NagleProbe.Result quick = NagleProbe.run(log, NagleProbe.Setup.QUICKACK, 10);
        assertTrue(nagle.medianNs() > 10 * quick.medianNs(),
                "Nagle on: " + nagle.medianNs() / 1e6 + " ms per round; with the receiver's TCP_QUICKACK: "
                        + quick.medianNs() / 1e6 + " ms");
    }
}
