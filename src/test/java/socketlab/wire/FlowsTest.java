package socketlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import socketlab.trace.Segments;
import socketlab.trace.Side;

/** Relative sequence numbers, stream offsets and windows, as the capture gives them to each segment. */
class FlowsTest {
    private static final long MOD = 1L << 32;

    private static Packet tcp(int src, int dst, long seq, long ack, int flags, int window, int wscale, int len) {
        return new Packet(0, false, src, dst, false, seq % MOD, ack % MOD, flags, window, wscale, new byte[len], 0, len);
    }

    @Property
    void everyDataSegmentLiesAtTheStreamOffsetOfItsFirstByteWhereverTheSynStartedAndPastTheWrap(
            @ForAll @LongRange(min = 0, max = (1L << 32) - 1) long isn,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 65483) Integer> lengths) {
        Flows flows = new Flows();
        flows.place(tcp(50000, 8080, isn, 0, Segments.SYN, 65495, 7, 0), 1);
        flows.place(tcp(8080, 50000, 777, isn + 1, Segments.SYN | Segments.ACK, 65483, 7, 0), 2);
        long offset = 0;
        for (int len : lengths) {
            Flows.Placed p = flows.place(tcp(50000, 8080, isn + 1 + offset, 778, Segments.PSH | Segments.ACK, 512, -1, len), 3);
            assertEquals(Side.CLIENT, p.from());
            assertEquals(offset, p.offset());
            assertEquals(offset + 1, p.seq());
            assertEquals(1, p.ack(), "the server's SYN took its number 0");
            offset += len;
        }
        Flows.Placed ack = flows.place(tcp(8080, 50000, 778, isn + 1 + offset, Segments.ACK, 512, -1, 0), 4);
        assertEquals(Side.SERVER, ack.from());
        assertEquals(offset + 1, ack.ack(), "the server acknowledges every byte, however far past 4 GiB of numbers");
    }

    @Test
    void aStreamLongerThanFourGibibytesKeepsCountingInsteadOfStartingAgain() {
        Flows flows = new Flows();
        flows.place(tcp(50000, 8080, 100, 0, Segments.SYN, 65495, -1, 0), 1);
        long offset = 0;
        for (int i = 0; i < 70_000; i++) { // 70,000 × 65,483 B = 4.27 GiB: the 32-bit numbers wrap once
            Flows.Placed p = flows.place(tcp(50000, 8080, 101 + offset, 0, Segments.ACK, 512, -1, 65483), 2);
            assertEquals(offset, p.offset());
            offset += 65483;
        }
        assertEquals(70_000L * 65483, offset);
    }

    @Test
    void theWindowIsScaledOnlyWhenBothSynsOfferedAScaleAndNeverOnASyn() {
        Flows both = new Flows();
        assertEquals(65495, both.place(tcp(50000, 8080, 1, 0, Segments.SYN, 65495, 7, 0), 1).window());
        both.place(tcp(8080, 50000, 1, 2, Segments.SYN | Segments.ACK, 65483, 7, 0), 2);
        assertEquals(512 << 7, both.place(tcp(50000, 8080, 2, 2, Segments.ACK, 512, -1, 0), 3).window());

        Flows one = new Flows();
        one.place(tcp(50001, 8080, 1, 0, Segments.SYN, 65495, 7, 0), 1);
        one.place(tcp(8080, 50001, 1, 2, Segments.SYN | Segments.ACK, 65483, -1, 0), 2);
        assertEquals(512, one.place(tcp(50001, 8080, 2, 2, Segments.ACK, 512, -1, 0), 3).window(), "RFC 7323: both or neither");
    }

    @Test
    void aNewSynOnThePortsOfAnOldConnectionStartsANewOne() {
        Flows flows = new Flows();
        flows.place(tcp(50000, 8080, 1000, 0, Segments.SYN, 65495, -1, 0), 1);
        flows.place(tcp(50000, 8080, 1001, 0, Segments.ACK, 512, -1, 10), 2);
        Flows.Placed syn = flows.place(tcp(50000, 8080, 999_999, 0, Segments.SYN, 65495, -1, 0), 3);
        assertEquals(0, syn.seq());
        assertEquals(3, syn.synNs());
        assertEquals(0, flows.place(tcp(50000, 8080, 1_000_000, 0, Segments.ACK, 512, -1, 5), 4).offset());
    }

    @Test
    void nearestPicksTheSixtyFourBitNumberClosestToTheLastOne() {
        assertEquals(MOD + 5, Flows.nearest(MOD - 10, 5), "just past the wrap");
        assertEquals(MOD - 3, Flows.nearest(MOD + 2, MOD - 3), "a retransmission from just before it");
        assertEquals(7, Flows.nearest(0, 7));
    }
}
