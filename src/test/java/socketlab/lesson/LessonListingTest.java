package socketlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import socketlab.probe.TracedRun;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * The tutorial's own programs for a lesson (assets/lessons/listings/, written fresh), run unchanged under the probe
 * with real python3 on real loopback: their calls answer the lesson's question as the lab's Java run does — the
 * class sees the tutorial's code glue (two sends, one recv), split (recv(2)), framed (the JSON header) and keep
 * datagrams whole. Skipped where no python3 is installed.
 */
class LessonListingTest {

    @BeforeAll
    static void findPython() {
        socketlab.probe.Python3.assumeInstalled();
    }

    static Stream<Lesson> withListings() {
        return Lessons.all().stream().filter(l -> !l.listing().isEmpty());
    }

    @Test
    void everyLessonHasTheTutorialsListing() {
        Set<String> without = Lessons.all().stream().filter(l -> l.listing().isEmpty()).map(Lesson::id).collect(Collectors.toSet());
        assertEquals(Set.of(), without, "lessons whose question no Python listing answers");
    }

    @ParameterizedTest
    @MethodSource("withListings")
    void theListingRunUnderTheProbeGivesTheLessonsAnswer(Lesson lesson) throws Exception {
        TraceLog log = new TraceLog();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<List<String>> programs = ListingRun.programs(lesson);
        int from = log.size();
        int status = new TracedRun(log, ListingRun.framing(lesson), "python3", new PrintStream(console, true, StandardCharsets.UTF_8))
                .stdin(ProcessBuilder.Redirect.PIPE).othersMayFinish(ListingRun.FINISH_MS).run(programs);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertEquals(lesson.answer(), ListingRun.answer(lesson, log, from), lesson.id() + ": " + printed);
        Set<String> seen = java.util.stream.IntStream.range(0, log.size()).mapToObj(log::get).map(TraceEvent::origin)
                .filter(java.util.Objects::nonNull).map(TraceEvent.Origin::program).collect(Collectors.toSet());
        assertEquals(Set.copyOf(lesson.listing()), seen, "every call the trace holds came from the lesson's listing, each seen");
        assertFalse(printed.contains("Traceback"), printed);
    }
}
