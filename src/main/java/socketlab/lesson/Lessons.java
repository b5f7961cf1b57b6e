package socketlab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlab.net.LabException;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The lessons shipped in assets/lessons/ (listed in {@code index.json}, in the tutorial's order),
 * and the runner that performs a lesson's experiment on real loopback sockets and reads the
 * answer to its question from the trace.
 */
public final class Lessons {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "/socketlab/assets/lessons/";

    private Lessons() {
    }

    /** Every lesson, in order (read once; the launcher reads them off the FX thread while the window starts). */
    public static List<Lesson> all() {
        return Holder.ALL;
    }

    private static final class Holder {
        static final List<Lesson> ALL = read();
    }

    private static List<Lesson> read() {
        try (InputStream in = Lessons.class.getResourceAsStream(DIR + "index.json")) {
            List<Lesson> out = new ArrayList<>();
            for (JsonNode id : JSON.readTree(in)) {
                out.add(load(id.asText()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("the lesson index is broken: " + e.getMessage(), e);
        }
    }

    static Lesson load(String id) throws IOException {
        try (InputStream in = Lessons.class.getResourceAsStream(DIR + id + ".json")) {
            if (in == null) {
                throw new IOException("lesson " + id + " is listed but missing");
            }
            JsonNode n = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Map<String, String>> texts = new LinkedHashMap<>();
            n.get("texts").fields().forEachRemaining(lang -> {
                Map<String, String> t = new LinkedHashMap<>();
                lang.getValue().fields().forEachRemaining(f -> t.put(f.getKey(), f.getValue().asText()));
                texts.put(lang.getKey(), t);
            });
            Experiment e = Experiment.fromJson(n.get("experiment"));
            List<Lesson.Choice> choices = new ArrayList<>();
            for (JsonNode c : n.get("choices")) {
                if (c.isObject()) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    c.fields().forEachRemaining(l -> {
                        if (!l.getKey().equals("id")) {
                            labels.put(l.getKey(), l.getValue().asText());
                        }
                    });
                    choices.add(new Lesson.Choice(c.get("id").asText(), Map.copyOf(labels)));
                } else {
                    choices.add(new Lesson.Choice(c.asText(), Map.of()));
                }
            }
            return new Lesson(n.get("id").asText(), n.get("chapter").asText(), texts, strings(n.get("python")),
                    strings(n.get("java")), e, n.get("measure").asText(), List.copyOf(choices), n.get("answer").asText(),
                    List.copyOf(strings(n.get("listing"))));
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            a.forEach(s -> out.add(s.asText()));
        }
        return out;
    }

    /** What a run gave: the id of the answer, and the facts it measured on the way. */
    public record Outcome(String answer, Map<String, String> facts) {
        /** The lesson's result sentence in {@code language} with the measured facts filled in ("" when it has none). */
        public String describe(Lesson lesson, String language) {
            String t = lesson.text(language, "result");
            for (Map.Entry<String, String> f : facts.entrySet()) {
                t = t.replace("{" + f.getKey() + "}", f.getValue());
            }
            return t;
        }
    }

    /**
     * Runs the lesson's experiment on real sockets into {@code log} (which may already hold other
     * runs: only the events this run adds are measured) and returns the answer its question gets.
     */
    public static Outcome run(Lesson lesson, TraceLog log) throws LabException, InterruptedException {
        int from = log.size();
        Map<String, String> facts = new LinkedHashMap<>(lesson.experiment().run(log));
        return new Outcome(measure(lesson.measure(), log, from, facts), Map.copyOf(facts));
    }

    /**
     * Reads an answer from the events from {@code from} on: {@code recv_text:N} (the Nth server
     * recv, from 1, as text), {@code recv_count}, {@code frames_ok}, {@code recvfrom_bytes:N}, or
     * {@code fact:NAME}, a fact the experiment measured.
     */
    static String measure(String what, TraceLog log, int from, Map<String, String> facts) {
        String[] p = what.split(":");
        if (p[0].equals("fact")) {
            String v = facts.get(p[1]);
            if (v == null) {
                throw new IllegalArgumentException("the experiment measured no \"" + p[1] + "\"");
            }
            return v;
        }
        List<TraceEvent> recvs = new ArrayList<>();
        List<TraceEvent> datagrams = new ArrayList<>();
        for (int i = from; i < log.size(); i++) {
            if (log.side(i) == Side.SERVER && log.op(i) == Op.RECV) {
                recvs.add(log.get(i));
            } else if (log.side(i) == Side.SERVER && log.op(i) == Op.RECVFROM) {
                datagrams.add(log.get(i));
            }
        }
        switch (p[0]) {
            case "recv_text":
                return new String(recvs.get(Integer.parseInt(p[1]) - 1).payload(), StandardCharsets.UTF_8);
            case "recv_count":
                return String.valueOf(recvs.size());
            case "recvfrom_bytes":
                return String.valueOf(datagrams.get(Integer.parseInt(p[1]) - 1).bytes());
            case "frames_ok": {
                TraceIndex idx = new TraceIndex(log);
                idx.update();
                int ok = idx.framesOk();
                TraceIndex before = new TraceIndex(log, from);
                before.update();
                return String.valueOf(ok - before.framesOk());
            }
            default:
                throw new IllegalArgumentException("unknown measure \"" + what + "\"");
        }
    }
}
