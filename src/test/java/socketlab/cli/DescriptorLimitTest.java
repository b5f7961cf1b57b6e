package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At the process's descriptor limit (a child server under {@code ulimit -n}) every connection it
 * cannot serve is refused in words and closed at once, and the server serves again once descriptors
 * are free — in each model that holds connections open.
 */
class DescriptorLimitTest {
    private static final int LIMIT = 160;
    private static final int CLIENTS = 250;

    private static long count(List<JsonNode> lines, String op, String text) {
        return lines.stream().filter(n -> n.path("op").asText().equals(op)
                && (text == null || n.path("message").asText().contains(text))).count();
    }

    /** Waits until {@code done} holds of the server's lines, woken by each line the reader adds: no sleeps. */
    private static void await(List<JsonNode> lines, java.util.function.BooleanSupplier done, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (lines) {
            while (!done.getAsBoolean()) { // the server's own lines say what it did
                long left = end - System.nanoTime();
                assertTrue(left > 0, () -> {
                    List<JsonNode> seen = new ArrayList<>(lines);
                    return what + "; the server said last: " + seen.subList(Math.max(0, seen.size() - 5), seen.size());
                });
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"threaded", "selector"})
    void atTheDescriptorLimitEachConnectionIsRefusedInWordsAndServingResumesWhenDescriptorsFree(String model) throws Exception {
        Assumptions.assumeTrue(new java.io.File("/bin/bash").canExecute(), "needs bash for ulimit");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -n " + LIMIT + " && exec \"$@\"", "limited"));
        cmd.addAll(CliTest.launcher("serve", "--port", "0", "--model", model, "--echo").command());
        Process serve = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<JsonNode> lines = ServeLines.follow(serve);
        List<SocketChannel> held = new ArrayList<>();
        try {
            await(lines, () -> count(lines, "listen", null) > 0, "the server listens");
            int port = lines.get(0).get("port").asInt();
            for (int i = 0; i < CLIENTS; i++) {
                held.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
            }
            await(lines, () -> count(lines, "accept", null) + count(lines, "error", "no file descriptor left") >= CLIENTS,
                    "every client accepted or refused");
            long refused = count(lines, "error", "no file descriptor left");
            assertTrue(refused > 0 && refused < CLIENTS, model + ": some served, the rest refused: " + refused);
            int closedByServer = 0;
            for (SocketChannel c : held) {
                c.configureBlocking(false);
                try {
                    if (c.read(ByteBuffer.allocate(1)) < 0) {
                        closedByServer++;
                    }
                } catch (java.io.IOException reset) {
                    closedByServer++;
                }
            }
            assertTrue(closedByServer > 0, "a refused client hears at once: its connection is closed, not left to time out");
            for (SocketChannel c : held) {
                c.close();
            }
            held.clear();
            await(lines, () -> count(lines, "close", null) >= count(lines, "accept", null), "every connection it served closed");
            try (SocketChannel again = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                again.write(ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer back = ByteBuffer.allocate(2);
                again.socket().setSoTimeout(10_000);
                while (back.hasRemaining() && again.read(back) >= 0) {
                    // the echo
                }
                assertEquals("HI", new String(back.array(), StandardCharsets.US_ASCII), model + ": served again once descriptors are free");
            }
            assertTrue(serve.isAlive(), "and the server never died");
        } finally {
            for (SocketChannel c : held) {
                c.close();
            }
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
