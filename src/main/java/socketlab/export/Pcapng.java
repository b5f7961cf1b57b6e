package socketlab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes captured loopback frames as a pcapng file (draft-ietf-opsawg-pcapng) that Wireshark and
 * {@code tshark} open: one Section Header Block, one Interface Description Block for {@code lo}
 * (Ethernet link type, nanosecond timestamps), then one Enhanced Packet Block per frame. Every block
 * is little-endian and 32-bit aligned and repeats its length at its end:
 *
 * <pre>
 *   SHB  0A0D0D0A | len | 1A2B3C4D | 1 | 0 | section length -1 | shb_userappl "Socket Lab" | len
 *   IDB  00000001 | len | linktype 1 | 0 | snaplen 0 | if_name "lo" | if_tsresol 9 | len
 *   EPB  00000006 | len | interface 0 | ts high | ts low | captured | original | frame (padded) | len
 * </pre>
 *
 * Written here rather than with a library: the Java ones that write captures (pcap4j) go through the
 * native libpcap and write the older pcap format; this is three block shapes.
 */
public final class Pcapng implements AutoCloseable {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 0x00000001;
    private static final int EPB = 0x00000006;
    private static final int LINKTYPE_ETHERNET = 1;

    private final OutputStream out;
    private long packets;

    public Pcapng(Path file) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        block(SHB, body(b -> {
            b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
            option(b, 4, "Socket Lab".getBytes(StandardCharsets.UTF_8));
            option(b, 0, new byte[0]);
        }));
        block(IDB, body(b -> {
            b.putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(0);
            option(b, 2, "lo".getBytes(StandardCharsets.US_ASCII));
            option(b, 9, new byte[] {9}); // timestamps in 10^-9 s
            option(b, 0, new byte[0]);
        }));
    }

    /** One frame, captured at {@code epochNs} (nanoseconds since 1970, UTC). */
    public synchronized void write(long epochNs, byte[] frame) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20 + pad(frame.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt((int) (epochNs >>> 32)).putInt((int) epochNs).putInt(frame.length).putInt(frame.length);
        b.put(frame);
        block(EPB, b.array());
        packets++;
    }

    /** Writes out what is buffered, so the file holds every frame written so far. */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    public synchronized long packets() {
        return packets;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private void block(int type, byte[] body) throws IOException {
        int total = 12 + body.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(total).put(body).putInt(total);
        out.write(b.array());
    }

    private static byte[] body(java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        b.put(new byte[pad(value.length) - value.length]);
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
