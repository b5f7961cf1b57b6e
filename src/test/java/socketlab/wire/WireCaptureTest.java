package socketlab.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.trace.Op;
import socketlab.trace.Segments;
import socketlab.trace.TraceLog;

/**
 * The lab's side of the capture, against a helper of the test's own that speaks the helper's records
 * (no namespace needed): packets become segments, a sync answers only after every packet before it,
 * the drops it reports are said, and the window's packet file holds what its run captured.
 */
class WireCaptureTest {

    private static ByteBuffer record(long t, byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(12 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(frame.length).putLong(t).put(frame).flip();
        return b;
    }

    private static ByteBuffer marker(long dropped) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xFFFFFFFF).putLong(dropped).flip();
        return b;
    }

    @Test
    void packetsHandedOverBecomeSegmentsAndTheWindowsPacketFileHoldsThoseOfItsRun(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("wire.sock");
        TraceLog log = new TraceLog();
        try (ServerSocketChannel helper = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            helper.bind(UnixDomainSocketAddress.of(socket));
            WireCapture capture = WireCapture.at(socket, log, null).keepingPackets();
            try (SocketChannel lab = helper.accept()) {
                long now = System.nanoTime();
                byte[] syn = PacketTest.tcp4(50000, 8080, 1000, 0, Segments.SYN, 65495, new byte[0], new byte[0]);
                byte[] data = PacketTest.tcp4(50000, 8080, 1001, 1, Segments.PSH | Segments.ACK, 512, new byte[0],
                        "hi".getBytes(StandardCharsets.US_ASCII));
                lab.write(record(now, syn));
                lab.write(record(now + 1000, data));
                Thread answer = new Thread(() -> { // the helper answers a sync after what it sent before it
                    try {
                        lab.read(ByteBuffer.allocate(1));
                        lab.write(marker(3));
                    } catch (IOException ignored) {
                        // the test fails on the count below
                    }
                });
                answer.start();
                assertEquals(3, capture.catchUp(), "the packets the kernel dropped, as the helper said");
                answer.join();
                int segments = 0;
                for (int i = 0; i < log.size(); i++) {
                    segments += log.op(i) == Op.SEGMENT ? 1 : 0;
                }
                assertEquals(2, segments, "both packets, recorded once the sync was answered (no end of the lab's: conn 0)");
                Path exported = dir.resolve("run.pcapng");
                assertEquals(2, capture.exportPackets(exported));
                byte[] file = Files.readAllBytes(exported);
                assertEquals(0x0A, file[0], "a pcapng section header first");
                assertTrue(file.length > 2 * syn.length, "and the frames");

                capture.recordInto(new TraceLog()); // Clear: the next run's file starts empty
                assertEquals(0, capture.exportPackets(dir.resolve("next.pcapng")));
                capture.close();
            }
        }
    }
}
