package socketlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import socketlab.lesson.Lesson;
import socketlab.lesson.Lessons;
import socketlab.lesson.ListingRun;
import socketlab.net.LabException;
import socketlab.probe.ProbeException;
import socketlab.probe.TracedRun;
import socketlab.trace.JsonLinesWriter;
import socketlab.trace.TraceLog;
import socketlab.wire.WireCapture;

/**
 * {@code socketlab lesson ID}: a lesson's experiment, headless — the same real sockets the window's
 * Lessons panel runs, its trace as JSON lines, then one {@code lesson} line with what the run measured
 * and the answer it gives the lesson's question. With {@code --wire} the lesson's segments are in the
 * trace too, which is how a teacher (and the tests) check what a lesson's wire lane will show. With
 * {@code --listing} the tutorial's own programs for the lesson run after it under the probe, into the same
 * trace, and the lesson line says what their calls answered ({@code listing_answer}).
 *
 * <pre>
 *   {"op":"lesson","side":"both","conn":0,"t_ns":…,"id":"ch7-time-wait","answer":"in_use","expected":"in_use",
 *    "answer_words":"…","facts":{"port":"41234",…},"result":"…"}
 * </pre>
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Run a lesson's experiment on real sockets; print every call as a JSON line, then a lesson line"
                + " with what it measured. With no ID, list the lessons.")
final class LessonCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..1", paramLabel = "ID", description = "a lesson's id, e.g. ch8-two-sends-one-recv (none: the list)")
    String id;
    @Option(names = "--lang", defaultValue = "en", description = "en|zh: the language of the list and of the lesson line's words"
            + " (default ${DEFAULT-VALUE})")
    String lang;
    @Option(names = "--listing", description = "then run the tutorial's programs for this lesson (Python, under the probe)"
            + " into the same trace; the lesson line adds listing_answer")
    boolean listing;
    @Option(names = "--python", description = "the Python for --listing (default: $SOCKETLAB_PYTHON, else python3)")
    String python;
    @Mixin
    MemoryOption memory;
    @Mixin
    WireOption wire;
    @Mixin
    KernelOption kernel;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("zh")) {
            System.err.println("socketlab lesson: --lang is en or zh, got \"" + lang + "\"");
            return 2;
        }
        if (id == null) {
            for (Lesson l : Lessons.all()) { // JSON lines, as every command's output: {"id":…,"chapter":…,"title":…}
                ObjectNode o = JSON.createObjectNode();
                o.put("id", l.id());
                o.put("chapter", l.chapter());
                o.put("title", l.text(lang, "title"));
                Cli.OUT.println(JSON.writeValueAsString(o));
            }
            return 0;
        }
        Optional<Lesson> found = Lessons.all().stream().filter(l -> l.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            System.err.println("socketlab lesson: there is no lesson \"" + id + "\"; 'socketlab lesson' lists them.");
            return 2;
        }
        Optional<Integer> inNamespace = wire.elsewhere("lesson", null);
        if (inNamespace.isPresent()) {
            return inNamespace.get();
        }
        kernel.apply("lesson");
        Lesson lesson = found.get();
        TraceLog log = memory.newLog();
        WireCapture capture = wire.attach("lesson", log);
        try (JsonLinesWriter w = new JsonLinesWriter(log, Cli.OUT)) {
            Lessons.Outcome outcome;
            try {
                outcome = Lessons.run(lesson, log);
            } catch (LabException e) {
                return Cli.fail(w, e.getMessage());
            } finally {
                WireOption.finish("lesson", capture);
            }
            ObjectNode line = line(lesson, outcome, log.now());
            if (listing) {
                int from = log.size();
                int status;
                try {
                    status = new TracedRun(log, ListingRun.framing(lesson), python != null ? python : TracedRun.defaultPython(),
                            System.err).stdin(ProcessBuilder.Redirect.PIPE).othersMayFinish(ListingRun.FINISH_MS)
                            .run(ListingRun.programs(lesson));
                } catch (ProbeException e) {
                    return Cli.fail(w, e.getMessage());
                }
                line.put("t_ns", log.now());
                line.putPOJO("listing", lesson.listing());
                line.put("listing_status", status);
                line.put("listing_answer", ListingRun.answer(lesson, log, from));
            }
            w.flush();
            Cli.OUT.println(JSON.writeValueAsString(line));
            Cli.OUT.flush();
        }
        return 0;
    }

    private ObjectNode line(Lesson lesson, Lessons.Outcome outcome, long tNs) {
        ObjectNode o = socketlab.trace.TraceJson.closingLine("lesson", tNs);
        o.put("id", lesson.id());
        o.put("answer", outcome.answer());
        o.put("expected", lesson.answer());
        o.put("answer_words", lesson.choice(outcome.answer()).label(lang));
        ObjectNode facts = o.putObject("facts");
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(outcome.facts()).entrySet()) {
            facts.put(f.getKey(), f.getValue());
        }
        o.put("result", outcome.describe(lesson, lang));
        return o;
    }
}
