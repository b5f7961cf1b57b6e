package socketlab.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.text.Words;

/**
 * What the engine said of an event, in a trace line, beside the English text scripts read — so that
 * a trace opened later is worded in the window's language, not the one it was recorded in.
 *
 * <pre>
 *   {"op":"accept", …, "settings":"framing len:le · echo",
 *       "note":[{"word":"FRAMING","value":"len:le"},{"word":"ECHO"}]}
 *   {"op":"error", …, "message":"The peer reset the connection while receiving …",
 *       "phrase":{"key":"io.reset","args":[{"key":"doing.receiving"}]}}
 * </pre>
 *
 * An argument is a number, a text, or a phrase ({@code {"key", "args", "sentence"}}). Reading is
 * forgiving: words or keys this lab does not know (a trace from another version, or edited by hand)
 * give null, and the line's text then stands as it is.
 */
final class SaidJson {
    private SaidJson() {
    }

    static void writeNote(ObjectNode o, Note note) {
        ArrayNode words = o.putArray("note");
        for (Note.Part p : note.parts()) {
            ObjectNode w = words.addObject();
            w.put("word", p.word().name());
            if (p.value() != null) {
                w.put("value", p.value());
            }
        }
    }

    static Note readNote(ObjectNode o) {
        if (!(o.get("note") instanceof ArrayNode words) || words.isEmpty()) {
            return null;
        }
        List<Note.Part> parts = new ArrayList<>();
        for (JsonNode w : words) {
            Note.Word word = Note.Word.named(w.path("word").asText(""));
            JsonNode v = w.get("value");
            if (word == null || v != null && !v.isTextual()) {
                return null;
            }
            parts.add(new Note.Part(word, v == null ? null : v.asText()));
        }
        return new Note(parts);
    }

    /** Writes {@code phrase} under "phrase" when it is the engine's words (verbatim text needs nothing beside "message"). */
    static void writePhrase(ObjectNode o, Phrase phrase) {
        if (phrase.book() == Phrase.Book.ENGINE) {
            fill(o.putObject("phrase"), phrase);
        }
    }

    private static void fill(ObjectNode o, Phrase p) {
        o.put("key", p.key());
        if (!p.args().isEmpty()) {
            ArrayNode args = o.putArray("args");
            for (Object a : p.args()) {
                if (a instanceof Phrase inner && inner.book() == Phrase.Book.ENGINE) {
                    fill(args.addObject(), inner);
                } else if (a instanceof Long || a instanceof Integer) {
                    args.add(((Number) a).longValue());
                } else if (a instanceof Number n) {
                    args.add(n.doubleValue());
                } else {
                    args.add(String.valueOf(a));
                }
            }
        }
        if (p.sentence()) {
            o.put("sentence", true);
        }
    }

    static Phrase readPhrase(ObjectNode o) {
        return o.get("phrase") instanceof ObjectNode p ? phrase(p) : null;
    }

    private static Phrase phrase(ObjectNode o) {
        String key = o.path("key").asText("");
        if (!Words.knows(key)) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        for (JsonNode a : o.path("args")) {
            Object v = a instanceof ObjectNode inner ? phrase(inner)
                    : a.isIntegralNumber() ? (Object) a.asLong() : a.isNumber() ? (Object) a.asDouble()
                    : a.isTextual() ? a.asText() : null;
            if (v == null) {
                return null;
            }
            args.add(v);
        }
        Phrase p = Phrase.of(key, args.toArray());
        return o.path("sentence").asBoolean(false) ? p.asSentence() : p;
    }
}
