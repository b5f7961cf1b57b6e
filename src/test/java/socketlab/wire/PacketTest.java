package socketlab.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import socketlab.trace.Segments;

/** A loopback frame's headers, read as the capture hands them over: Ethernet, IPv4 or IPv6, TCP or UDP. */
class PacketTest {

    /** An IPv4 TCP frame as loopback carries it: zero MACs, then the headers, then {@code payload}. */
    static byte[] tcp4(int src, int dst, long seq, long ack, int flags, int window, byte[] options, byte[] payload) {
        int tcpLen = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + tcpLen + payload.length);
        b.put(new byte[12]).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLen + payload.length)).putInt(0)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(new byte[] {127, 0, 0, 1, 127, 0, 0, 1});
        b.putShort((short) src).putShort((short) dst).putInt((int) seq).putInt((int) ack)
                .put((byte) ((tcpLen / 4) << 4)).put((byte) flags).putShort((short) window).putInt(0);
        b.put(options).put(payload);
        return b.array();
    }

    @Test
    void aSynsWindowScaleIsReadAmongItsOptions() {
        byte[] options = {2, 4, (byte) 0xFF, (byte) 0xD7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
        Packet p = Packet.parse(5, tcp4(50000, 8080, 0xFFFFFFF0L, 0, Segments.SYN, 65495, options, new byte[0]));
        assertEquals(50000, p.srcPort());
        assertEquals(8080, p.dstPort());
        assertEquals(0xFFFFFFF0L, p.seq(), "unsigned");
        assertEquals(65495, p.rawWindow());
        assertEquals(7, p.wscale());
        assertEquals(0, p.payloadLength());
        assertFalse(p.udp());
    }

    @Test
    void aDataSegmentsPayloadIsWhatFollowsItsHeaders() {
        byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = tcp4(8080, 50000, 1, 12, Segments.PSH | Segments.ACK, 512, new byte[12], hello);
        Packet p = Packet.parse(5, frame);
        assertEquals(11, p.payloadLength());
        assertArrayEquals(hello, p.payload(64));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), p.payload(5), "capped as the trace keeps it");
        assertEquals(-1, p.wscale(), "not a SYN");
    }

    @Test
    void anIpv6UdpDatagramIsReadToo() {
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 8 + 3);
        b.put(new byte[12]).putShort((short) 0x86DD);
        b.putInt(0x60000000).putShort((short) 11).put((byte) 17).put((byte) 64).put(new byte[32]);
        b.putShort((short) 40000).putShort((short) 9999).putShort((short) 11).putShort((short) 0).put(new byte[] {'u', 'd', 'p'});
        Packet p = Packet.parse(5, b.array());
        assertTrue(p.udp());
        assertTrue(p.v6());
        assertEquals(40000, p.srcPort());
        assertEquals(3, p.payloadLength());
    }

    @Test
    void whatIsNotTcpOrUdpOverIpIsLeftOut() {
        byte[] arp = new byte[60];
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertNull(Packet.parse(5, arp));
        assertNull(Packet.parse(5, new byte[10]), "a cut frame");
        byte[] cut = tcp4(1, 2, 3, 4, Segments.ACK, 5, new byte[0], new byte[0]);
        assertNull(Packet.parse(5, java.util.Arrays.copyOf(cut, 40)), "a TCP header cut short");
    }
}
