package socketlab.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import socketlab.codec.Framing;
import socketlab.net.ClientSettings;
import socketlab.net.ServerSettings;

/**
 * A one-click experiment: what the client sends and how the server receives. The gluing in the
 * sticky cases is made certain by the receiver's delay, not left to luck: the server waits
 * before its first {@code recv()}, so every message is already in its kernel buffer.
 */
public record Scenario(String id, String title, List<byte[]> messages, int recvBuffer, int recvDelayMs,
                       List<Integer> recvSizes, Framing framing) {

    public static final int ONE_MIB = 1 << 20;

    /** The tutorial's first case: two small sends, a slow receiver, one recv() holds both. */
    public static final Scenario STICKY = new Scenario("sticky", "hello world + haha, slow receiver",
            texts("hello world", "haha"), 1024, 100, List.of(), Framing.NONE);

    /** The tutorial's second case: recv(2) takes "he", recv(20) the rest glued to the next message. */
    public static final Scenario PARTIAL = new Scenario("partial", "hello xuyaping + haha, recv(2) then recv(20)",
            texts("hello xuyaping", "haha"), 1024, 100, List.of(2, 20), Framing.NONE);

    /** One 1 MiB message: it arrives split over many recv(1024) calls. */
    public static final Scenario BIG = new Scenario("big", "one 1 MiB message, recv(1024)",
            List.of(generated(ONE_MIB)), 1024, 0, List.of(), Framing.NONE);

    /** The sleep "fix" with a receiver slower than the sleep: glued again. */
    public static final Scenario SLEEP_TOO_SHORT = new Scenario("sleep-too-short",
            "sleep 50 ms between sends, receiver waits 100 ms", texts("hello world", "haha"), 1024, 100, List.of(),
            new Framing(Framing.Kind.SLEEP, 50, false));

    /** Chinese text: UTF-8 bytes glue like any others. */
    public static final Scenario CHINESE = new Scenario("chinese", "你好，世界 + 粘包, slow receiver",
            texts("你好，世界", "粘包"), 1024, 100, List.of(), Framing.NONE);

    public static List<Scenario> builtIn() {
        return List.of(STICKY, PARTIAL, BIG, SLEEP_TOO_SHORT, CHINESE);
    }

    public static Scenario byId(String id) {
        for (Scenario s : builtIn()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        List<String> ids = new ArrayList<>();
        builtIn().forEach(s -> ids.add(s.id));
        throw new IllegalArgumentException("unknown scenario \"" + id + "\"; built in: " + String.join(", ", ids));
    }

    public Scenario withFraming(Framing f) {
        return new Scenario(id, title, messages, recvBuffer, recvDelayMs, recvSizes, f);
    }

    public ServerSettings serverSettings() {
        return ServerSettings.defaults().withPort(0).withFraming(framing).withRecv(recvBuffer, recvDelayMs, recvSizes)
                .withMaxConns(1);
    }

    public ClientSettings clientSettings(int port) {
        return ClientSettings.to(port).withFraming(framing);
    }

    public static List<byte[]> texts(String... texts) {
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return List.copyOf(out);
    }

    /** N bytes of readable text ("0000000 socket lab ...\n" lines), so a learner can see where a chunk cut it. */
    public static byte[] generated(int n) {
        byte[] b = new byte[n];
        String line = " socket lab: a message cut into chunks by the stream\n";
        int i = 0;
        int row = 0;
        while (i < n) {
            byte[] l = (String.format("%07d", row++) + line).getBytes(StandardCharsets.US_ASCII);
            int k = Math.min(l.length, n - i);
            System.arraycopy(l, 0, b, i, k);
            i += k;
        }
        return b;
    }
}
