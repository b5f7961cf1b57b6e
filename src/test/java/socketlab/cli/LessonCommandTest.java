package socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import socketlab.lesson.Lessons;

/** {@code socketlab lesson}: the window's lessons, run headless on the same real sockets. */
class LessonCommandTest {

    @Test
    void withNoIdEveryLessonIsListedOnceWithItsTitleInTheLanguageAsked() throws Exception {
        WireCommandTest.Run r = WireCommandTest.run(CliTest.launcher("lesson", "--lang", "zh"));
        assertEquals(0, r.status(), r.stderr());
        assertEquals(Lessons.all().size(), r.lines().size(), "one line per lesson");
        assertTrue(r.lines().stream().allMatch(l -> l.has("id") && l.get("title").asText().matches(".*\\p{IsHan}.*")),
                r.lines().toString());
    }

    @Test
    void aLessonsRunEndsWithTheAnswerItMeasuredAndTheResultInWords() throws Exception {
        WireCommandTest.Run r = WireCommandTest.run(CliTest.launcher("lesson", "ch8-two-sends-one-recv"));
        assertEquals(0, r.status(), r.stderr());
        JsonNode end = r.ops("lesson").get(0);
        assertEquals(end.get("expected").asText(), end.get("answer").asText(), end.toString());
        assertEquals(2, r.ops("send").size(), "the trace before it: the two sends");
        assertTrue(r.ops("recv").stream().anyMatch(e -> e.get("bytes").asInt() == 15), "and the one recv that took both");
    }

    @Test
    void withListingTheTutorialsOwnProgramsRunAfterTheLessonAndTheirCallsAnswerTheSameQuestion() throws Exception {
        socketlab.probe.Python3.assumeInstalled();
        WireCommandTest.Run r = WireCommandTest.run(CliTest.launcher("lesson", "ch8-small-recv", "--listing"));
        assertEquals(0, r.status(), r.stderr());
        JsonNode end = r.ops("lesson").get(0);
        assertEquals("llo xuyapinghaha", end.get("answer").asText(), end.toString());
        assertEquals(end.get("expected").asText(), end.get("listing_answer").asText(), "the listing's recv(20) as well: " + end);
        assertTrue(r.ops("recv").stream().anyMatch(e -> "ch8_small_recv_server.py".equals(e.path("program").asText())
                && e.get("requested").asInt() == 2 && e.get("bytes").asInt() == 2), "the listing's own recv(2) is in the trace");
        assertTrue(r.stderr().contains("recv(20): b'llo xuyapinghaha'"), "what the listing printed goes to stderr: " + r.stderr());
    }

    @Test
    void anUnknownLessonIsABadArgumentThatNamesTheList() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream was = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Cli.run("lesson", "ch99-nothing");
        } finally {
            System.setErr(was);
        }
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no lesson \"ch99-nothing\""), err.toString(StandardCharsets.UTF_8));
    }
}
