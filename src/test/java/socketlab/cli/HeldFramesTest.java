package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlab.codec.Framing;

/**
 * Peers that each hold back the last byte of a maximum frame (issue 12: twenty such connections took
 * 1.4 GB, and under {@code -Xmx1g} a third of forty died of {@code OutOfMemoryError} with no trace line).
 * A child {@code serve} with a 256 MiB heap holds a quarter of it in unfinished frames: three 16 MiB frames.
 * The next holder is refused in words with the real sizes and its connection closed; the server
 * never runs out of memory, still decodes a new client's frame, finishes the held frames when their last
 * bytes come, and has the room back for another maximum frame afterwards.
 */
class HeldFramesTest {
    private static final int HOLDERS = 6;
    private static final int MAX = Framing.DEFAULT_MAX_FRAME - 1; // the largest body a length frame may have

    private static long count(List<JsonNode> lines, Predicate<JsonNode> p) {
        return lines.stream().filter(p).count();
    }

    private static boolean op(JsonNode n, String op) {
        return n.path("op").asText().equals(op);
    }

    private static boolean refusal(JsonNode n) {
        return op(n, "error") && n.path("phrase").path("key").asText().equals("held.exceeded");
    }

    private static boolean frameOf(JsonNode n, int bytes) {
        return op(n, "frame") && n.path("bytes").asLong() == bytes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void await(List<JsonNode> lines, java.util.function.BooleanSupplier done, String what) throws Exception {
        await(lines, done, () -> what);
    }

    /** Waits until {@code done} holds of the server's lines, woken by each line the reader adds. */
    private static void await(List<JsonNode> lines, java.util.function.BooleanSupplier done, java.util.function.Supplier<String> what)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (lines) {
            while (!done.getAsBoolean()) {
                long left = end - System.nanoTime();
                assertTrue(left > 0, () -> what.get() + "; the server said last: " + lines.subList(Math.max(0, lines.size() - 5), lines.size()));
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** A length frame's 4 bytes (little-endian) and {@code body} bytes of its body; false when the server closed it. */
    private static boolean send(SocketChannel c, int length, int body) {
        ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).flip();
        try {
            while (head.hasRemaining()) {
                c.write(head);
            }
        } catch (IOException refused) {
            return false;
        }
        return body(c, body);
    }

    /** {@code body} more bytes of a frame's body. */
    private static boolean body(SocketChannel c, int body) {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        try {
            for (int left = body; left > 0; ) {
                chunk.clear().limit(Math.min(left, chunk.capacity()));
                left -= c.write(chunk);
            }
            return true;
        } catch (IOException refused) { // the server closed this connection: reset or broken pipe
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"threaded", "selector"})
    void peersHoldingMaximumFramesAreRefusedInWordsOnceTheirRoomIsGoneAndTheServerGoesOn(String model, @TempDir Path dir)
            throws Exception {
        List<String> cmd = new ArrayList<>(CliTest.launcher("serve", "--port", "0", "--model", model, "--framing", "length",
                "--recv-buffer", "65536").command());
        cmd.add(1, "-Xmx256m");
        Path err = dir.resolve("stderr.txt");
        Process serve = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        List<JsonNode> lines = ServeLines.follow(serve);
        List<SocketChannel> holders = new ArrayList<>();
        try {
            await(lines, () -> count(lines, n -> op(n, "listen")) > 0, "the server listens");
            int port = lines.get(0).get("port").asInt();
            int held = 0;
            for (int i = 0; i < HOLDERS; i++) {
                SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                if (send(c, MAX, MAX - 1)) { // all but the last byte
                    holders.add(c);
                    held++;
                } else {
                    c.close();
                }
            }
            long heldCount = held;
            await(lines, () -> count(lines, HeldFramesTest::refusal) >= HOLDERS - heldCount, "each refused holder is told why");
            List<JsonNode> refusals = lines.stream().filter(HeldFramesTest::refusal).toList();
            assertEquals(3, held, model + ": a quarter of a 256 MiB heap holds three maximum frames: " + refusals);
            assertEquals(HOLDERS - held, refusals.size(), "one refusal per connection refused, no more");
            String words = refusals.get(0).path("message").asText();
            assertTrue(words.contains("MiB they may hold across all connections"), "the refusal names the limit: " + words);
            assertTrue(words.matches(".*needs [0-9,]+ bytes more.*"), "and the room the frame needed: " + words);

            try (SocketChannel fresh = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                assertTrue(send(fresh, 2, 2));
                await(lines, () -> count(lines, n -> frameOf(n, 2)) == 1, model + ": a new client's frame is still decoded");
            }
            for (SocketChannel c : holders) {
                assertTrue(body(c, 1), "a holder's last byte");
            }
            await(lines, () -> count(lines, n -> frameOf(n, MAX)) == 3,
                    () -> "the held frames complete when their last bytes come; the server's stderr: " + read(err));
            try (SocketChannel again = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                assertTrue(send(again, MAX, MAX), "the room is back once the held frames are done");
                await(lines, () -> count(lines, n -> frameOf(n, MAX)) == 4, "another maximum frame decodes");
            }
            assertTrue(serve.isAlive(), "the server never died");
            String stderr = Files.readString(err);
            assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("Exception"), "no error escaped: " + stderr);
        } finally {
            for (SocketChannel c : holders) {
                c.close();
            }
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
