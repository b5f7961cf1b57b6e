package socketlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a scenario as the file {@link ScenarioFile} reads (format {@code socketlab-scenario/1}), in the
 * order a teacher would write it by hand: what it is, what to look for, then the knobs.
 *
 * <pre>
 * {
 *   "format" : "socketlab-scenario/1",
 *   "id" : "my-sticky",
 *   "title" : { "en" : "…", "zh" : "…" },
 *   "notes" : { "en" : "…", "zh" : "…" },          only when there are notes
 *   "messages" : [ "hello world", "haha", { "generate" : 1048576 } ],
 *   "framing" : "none", "gap_ms" : 0, "recv_buffer" : 1024, "recv_delay_ms" : 100,
 *   "recv_sizes" : [ 2, 20 ]                         only when the scenario has them
 * }
 * </pre>
 *
 * A message that is the lab's generated text of its length is written as {@code {"generate": n}}, so a
 * 1 MiB message costs the file a line, not a megabyte; every other message is its UTF-8 text. What it
 * writes reads back as the same scenario ({@code ScenarioFileTest}).
 */
public final class ScenarioWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private ScenarioWriter() {
    }

    /** The file's text. */
    public static String toJson(Scenario s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", ScenarioFile.FORMAT);
            g.writeStringField("id", s.id());
            languages(g, "title", s.titles().isEmpty() ? Map.of("en", s.title()) : s.titles());
            if (!s.notes().isEmpty()) {
                languages(g, "notes", s.notes());
            }
            g.writeArrayFieldStart("messages");
            for (byte[] m : s.messages()) {
                if (m.length > 0 && Arrays.equals(m, Scenario.generated(m.length))) {
                    g.writeStartObject();
                    g.writeNumberField("generate", m.length);
                    g.writeEndObject();
                } else {
                    g.writeString(new String(m, StandardCharsets.UTF_8));
                }
            }
            g.writeEndArray();
            g.writeStringField("framing", s.framing().spec());
            g.writeNumberField("gap_ms", s.gapMs());
            g.writeNumberField("recv_buffer", s.recvBuffer());
            g.writeNumberField("recv_delay_ms", s.recvDelayMs());
            if (!s.recvSizes().isEmpty()) {
                g.writeArrayFieldStart("recv_sizes");
                for (int n : s.recvSizes()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("a string writer failed", e); // a StringWriter does not
        }
        return out + "\n";
    }

    /** Writes {@code s} to {@code file} whole or not at all: a half-written scenario never replaces a good one. */
    public static void write(Scenario s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".scenario-", ".tmp");
        try {
            Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void languages(JsonGenerator g, String field, Map<String, String> byLanguage) throws IOException {
        g.writeObjectFieldStart(field);
        Map<String, String> ordered = new TreeMap<>(byLanguage); // en before zh, every time
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
