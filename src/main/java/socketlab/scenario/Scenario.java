package socketlab.scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import socketlab.codec.Framing;
import socketlab.net.ClientSettings;
import socketlab.net.ServerSettings;

/**
 * A one-click experiment: what the client sends and how the server receives. The gluing in the
 * sticky cases is made certain by the receiver's delay, not left to luck: the server waits
 * before its first {@code recv()}, so every message is already in its kernel buffer.
 */
public record Scenario(String id, String title, List<byte[]> messages, int recvBuffer, int recvDelayMs,
                       List<Integer> recvSizes, Framing framing, int gapMs, Map<String, String> titles,
                       Map<String, String> notes) {

    public static final int ONE_MIB = 1 << 20;

    public Scenario {
        messages = List.copyOf(messages);
        recvSizes = List.copyOf(recvSizes);
        titles = Map.copyOf(titles);
        notes = Map.copyOf(notes);
    }

    /** A scenario made in code (a test, a benchmark): no translations, no notes, no gap. */
    public Scenario(String id, String title, List<byte[]> messages, int recvBuffer, int recvDelayMs, List<Integer> recvSizes,
                    Framing framing) {
        this(id, title, messages, recvBuffer, recvDelayMs, recvSizes, framing, 0, Map.of(), Map.of());
    }

    /*
     * The built-in scenarios are files in assets/scenarios/, in the same format a teacher writes
     * (see ScenarioFile); these constants are read from them.
     */

    /** The tutorial's first case: two small sends, a slow receiver, one recv() holds both. */
    public static final Scenario STICKY = ScenarioFile.builtIn("sticky");

    /** The tutorial's second case: recv(2) takes "he", recv(20) the rest glued to the next message. */
    public static final Scenario PARTIAL = ScenarioFile.builtIn("partial");

    /** One 1 MiB message: it arrives split over many recv(1024) calls. */
    public static final Scenario BIG = ScenarioFile.builtIn("big");

    /** The sleep "fix" with a receiver slower than the sleep: glued again. */
    public static final Scenario SLEEP_TOO_SHORT = ScenarioFile.builtIn("sleep-too-short");

    /** Chinese text: UTF-8 bytes glue like any others. */
    public static final Scenario CHINESE = ScenarioFile.builtIn("chinese");

    public static List<Scenario> builtIn() {
        return List.of(STICKY, PARTIAL, BIG, SLEEP_TOO_SHORT, CHINESE);
    }

    /** The title in {@code language} ("en", "zh"), else the default one. */
    public String title(String language) {
        return titles.getOrDefault(language, title);
    }

    /** What to look for, in {@code language}, or "" when the scenario has no notes. */
    public String notes(String language) {
        return notes.getOrDefault(language, notes.getOrDefault("en", ""));
    }

    /** A built-in scenario by id, or a scenario file when {@code id} names one (ends in .json). */
    public static Scenario byId(String id) {
        if (id.endsWith(".json")) {
            try {
                return ScenarioFile.read(java.nio.file.Path.of(id));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
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
        return new Scenario(id, title, messages, recvBuffer, recvDelayMs, recvSizes, f, gapMs, titles, notes);
    }

    public ServerSettings serverSettings() {
        return ServerSettings.defaults().withPort(0).withFraming(framing).withRecv(recvBuffer, recvDelayMs, recvSizes)
                .withMaxConns(1);
    }

    public ClientSettings clientSettings(int port) {
        return ClientSettings.to(port).withFraming(framing).withGap(gapMs);
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
        // digits written by hand, not String.format: the 1 MiB scenario has 19,000 lines, and formatting them
        // took the warm-up thread (which reads the scenarios while the window starts) ~40 ms of a core
        byte[] b = new byte[n];
        byte[] line = " socket lab: a message cut into chunks by the stream\n".getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        int row = 0;
        while (i < n) {
            int v = row++;
            for (int d = 6; d >= 0; d--, v /= 10) {
                if (i + d < n) {
                    b[i + d] = (byte) ('0' + v % 10);
                }
            }
            i += 7;
            for (int k = 0; k < line.length && i < n; k++) {
                b[i++] = line[k];
            }
        }
        return b;
    }

    // equals and hashCode written out: a record's generated ones are linked on first call (ObjectMethods
    // bootstrap), ~15 ms of the window's start when the scenario list first compares its items

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Scenario s && recvBuffer == s.recvBuffer && recvDelayMs == s.recvDelayMs && gapMs == s.gapMs
                && Objects.equals(id, s.id) && Objects.equals(title, s.title) && messages.equals(s.messages)
                && recvSizes.equals(s.recvSizes) && Objects.equals(framing, s.framing) && titles.equals(s.titles)
                && notes.equals(s.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, messages, recvBuffer, recvDelayMs, recvSizes, framing, gapMs, titles, notes);
    }
}
