package socketlab.scenario;

import socketlab.text.Words;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import socketlab.codec.Framing;

/**
 * Scenario files: a teacher's experiment as JSON (format {@code socketlab-scenario/1}).
 *
 * <pre>
 * {
 *   "format": "socketlab-scenario/1",
 *   "id": "sticky",                                  letters, digits, - and _
 *   "title": {"en": "...", "zh": "..."},             or one string
 *   "notes": {"en": "...", "zh": "..."},             what to look for (optional)
 *   "messages": ["hello world", "haha", {"generate": 1048576}],
 *   "framing": "none",                               none|sleep[:MS]|fixed:N|length[:le|be]|header[:le|be]|line
 *   "gap_ms": 0,                                     pause between sends, 0–60000
 *   "recv_buffer": 1024,                             1–16777216
 *   "recv_delay_ms": 100,                            0–60000
 *   "recv_sizes": [2, 20]                            sizes of the first recv() calls (optional)
 * }
 * </pre>
 *
 * Sizes are bounded so that no file can make the lab allocate much: at most 1,000 messages, a text
 * of at most 64 KiB, a generated message of at most 16 MiB, 64 MiB in all. A bad file is refused
 * with the field, the line it is on and what is allowed.
 */
public final class ScenarioFile {
    public static final String FORMAT = "socketlab-scenario/1";
    public static final int MAX_MESSAGES = 1000;
    public static final int MAX_TEXT = 64 * 1024;
    public static final int MAX_GENERATED = 16 * 1024 * 1024;
    public static final long MAX_TOTAL = 64L * 1024 * 1024;
    /** A title's or notes' characters, in each language. */
    public static final int MAX_LANGUAGE_TEXT = 4000;
    private static final Set<String> FIELDS = Set.of("format", "id", "title", "notes", "messages", "framing", "gap_ms",
            "recv_buffer", "recv_delay_ms", "recv_sizes");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFile() {
    }

    /** A scenario file that could not be accepted: which field, on which line, and why. */
    public static final class BadScenarioException extends IOException {
        private final String field;
        private final int line;

        BadScenarioException(String source, String field, int line, String message) {
            super(Words.tr(line > 0 ? "scenario.where.line" : "scenario.where", source, line) + (field == null ? "" : "\"" + field + "\" ")
                    + message);
            this.field = field;
            this.line = line;
        }

        public String field() {
            return field;
        }

        public int line() {
            return line;
        }
    }

    public static Scenario read(Path file) throws IOException {
        if (Files.size(file) > 1024 * 1024) {
            throw new BadScenarioException(file.getFileName().toString(), null, 0,
                    "is " + Files.size(file) + " bytes; a scenario file may be at most 1 MiB");
        }
        String text;
        try {
            text = socketlab.text.Utf8Text.decode(Files.readAllBytes(file));
        } catch (socketlab.text.Utf8Text.NotUtf8Exception e) {
            throw new BadScenarioException(file.getFileName().toString(), null, 0, e.getMessage());
        }
        return parse(text, file.getFileName().toString());
    }

    /** One of the scenarios shipped in assets/scenarios/. */
    static Scenario builtIn(String id) {
        String path = "/socketlab/assets/scenarios/" + id + ".json";
        try (InputStream in = ScenarioFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario missing: " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json");
        } catch (IOException e) {
            throw new IllegalStateException("built-in scenario " + path + " is broken: " + e.getMessage(), e);
        }
    }

    public static Scenario parse(String text, String source) throws BadScenarioException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark: Windows editors write one
        }
        Map<String, Integer> lines = fieldLines(text, source);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadScenarioException(source, null, at == null ? 0 : at.getLineNr(), Words.tr("scenario.notJson", e.getOriginalMessage()));
        }
        if (!(root instanceof ObjectNode o)) {
            throw new BadScenarioException(source, null, 1, Words.tr("scenario.notObject"));
        }
        Check c = new Check(source, lines);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw c.bad(f, Words.tr("scenario.unknownField", String.join(", ", new java.util.TreeSet<>(FIELDS))));
            }
        }
        String format = c.text(o, "format", true);
        if (!FORMAT.equals(format)) {
            throw c.bad("format", Words.tr("scenario.format", FORMAT, format));
        }
        String id = c.text(o, "id", true);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw c.bad("id", Words.tr("scenario.id", id));
        }
        Map<String, String> titles = c.languages(o, "title", true);
        Map<String, String> notes = c.languages(o, "notes", false);
        String title = titles.getOrDefault("en", titles.values().iterator().next());
        List<byte[]> messages = c.messages(o);
        Framing framing;
        try {
            framing = Framing.parse(o.has("framing") ? c.text(o, "framing", true) : "none");
        } catch (IllegalArgumentException e) {
            throw c.bad("framing", e.getMessage());
        }
        int gap = c.integer(o, "gap_ms", 0, 0, 60_000);
        int buffer = c.integer(o, "recv_buffer", 1024, 1, 16 * 1024 * 1024);
        int delay = c.integer(o, "recv_delay_ms", 0, 0, 60_000);
        List<Integer> sizes = new ArrayList<>();
        if (o.has("recv_sizes")) {
            JsonNode a = o.get("recv_sizes");
            if (!a.isArray() || a.size() > 1000) {
                throw c.bad("recv_sizes", Words.tr("scenario.recvSizes"));
            }
            for (JsonNode n : a) {
                if (!n.isInt() || n.asInt() < 1 || n.asInt() > 16 * 1024 * 1024) {
                    throw c.bad("recv_sizes", Words.tr("scenario.recvSize", n));
                }
                sizes.add(n.asInt());
            }
        }
        return new Scenario(id, title, messages, buffer, delay, sizes, framing, gap, titles, notes);
    }

    /** Where each top-level field starts, for error messages (a tree does not keep lines). */
    private static Map<String, Integer> fieldLines(String text, String source) throws BadScenarioException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                    lines.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadScenarioException(source, null, at == null ? 0 : at.getLineNr(), Words.tr("scenario.notJson", e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadScenarioException(source, null, 0, e.getMessage());
        }
        return lines;
    }

    private record Check(String source, Map<String, Integer> lines) {
        BadScenarioException bad(String field, String message) {
            return new BadScenarioException(source, field, lines.getOrDefault(field, 0), message);
        }

        String text(ObjectNode o, String f, boolean required) throws BadScenarioException {
            JsonNode n = o.get(f);
            if (n == null) {
                if (required) {
                    throw new BadScenarioException(source, f, 0, Words.tr("scenario.missing"));
                }
                return null;
            }
            if (!n.isTextual()) {
                throw bad(f, Words.tr("scenario.text", n));
            }
            return n.asText();
        }

        int integer(ObjectNode o, String f, int dflt, int min, int max) throws BadScenarioException {
            JsonNode n = o.get(f);
            if (n == null) {
                return dflt;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
                throw bad(f, Words.tr("scenario.integer", min, max, n));
            }
            return n.asInt();
        }

        Map<String, String> languages(ObjectNode o, String f, boolean required) throws BadScenarioException {
            JsonNode n = o.get(f);
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null) {
                if (required) {
                    throw new BadScenarioException(source, f, 0, Words.tr("scenario.missing"));
                }
                return out;
            }
            if (n.isTextual()) { // one text for every language: the same limit as each of the by-language form
                if (n.asText().length() > MAX_LANGUAGE_TEXT) {
                    throw bad(f, Words.tr("scenario.plainText", n.asText().length(), MAX_LANGUAGE_TEXT));
                }
                out.put("en", n.asText());
                return out;
            }
            if (!n.isObject() || n.isEmpty()) {
                throw bad(f, Words.tr("scenario.languages"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual() || e.getValue().asText().length() > MAX_LANGUAGE_TEXT) {
                    throw bad(f, Words.tr("scenario.languageText", e.getKey()));
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        List<byte[]> messages(ObjectNode o) throws BadScenarioException {
            JsonNode a = o.get("messages");
            if (a == null) {
                throw new BadScenarioException(source, "messages", 0, Words.tr("scenario.missing"));
            }
            if (!a.isArray() || a.isEmpty() || a.size() > MAX_MESSAGES) {
                throw bad("messages", Words.tr("scenario.messages", MAX_MESSAGES));
            }
            List<byte[]> out = new ArrayList<>();
            long total = 0;
            int i = 0;
            for (JsonNode m : a) {
                i++;
                byte[] body;
                if (m.isTextual()) {
                    body = m.asText().getBytes(StandardCharsets.UTF_8);
                    if (body.length > MAX_TEXT) {
                        throw bad("messages", Words.tr("scenario.messageText", i, body.length, MAX_TEXT));
                    }
                } else if (m.isObject() && m.size() == 1 && m.has("generate")) {
                    JsonNode g = m.get("generate");
                    if (!g.isIntegralNumber() || g.asLong() < 1 || g.asLong() > MAX_GENERATED) {
                        throw bad("messages", Words.tr("scenario.generate", i, MAX_GENERATED, g));
                    }
                    total += g.asLong();
                    if (total > MAX_TOTAL) {
                        throw bad("messages", Words.tr("scenario.total", MAX_TOTAL));
                    }
                    body = Scenario.generated(g.asInt());
                } else {
                    throw bad("messages", Words.tr("scenario.message", i, m));
                }
                total += m.isTextual() ? body.length : 0;
                if (total > MAX_TOTAL) {
                    throw bad("messages", Words.tr("scenario.total", MAX_TOTAL));
                }
                out.add(body);
            }
            return out;
        }
    }
}
