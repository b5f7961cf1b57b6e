package socketlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import socketlab.trace.Conn;
import socketlab.trace.TraceLog;

/** Every lesson runs headless on real sockets, and the run gives the answer the lesson expects. */
class LessonsTest {

    static Stream<Lesson> lessons() {
        return Lessons.all().stream();
    }

    @ParameterizedTest(name = "lesson {index}")
    @MethodSource("lessons")
    void theRealRunAnswersTheQuestionAsTheLessonSays(Lesson lesson) throws Exception {
        Lessons.Outcome outcome = Lessons.run(lesson, new TraceLog());
        assertEquals(lesson.answer(), outcome.answer(), lesson.id() + ": " + lesson.text("en", "question") + " " + outcome.facts());
        assertTrue(lesson.choiceIds().contains(lesson.answer()), "the answer is one of the choices");
        for (String lang : List.of("en", "zh")) {
            assertFalse(outcome.describe(lesson, lang).matches(".*\\{[a-z_]+}.*"), "every fact the result quotes was measured: "
                    + outcome.describe(lesson, lang));
        }
    }

    @org.junit.jupiter.api.Test
    void lessonsRunOneAfterAnotherIntoTheWindowsOneLogMeasureOnlyTheirOwnEvents() throws Exception {
        TraceLog log = new TraceLog(); // the window keeps one log: every run lands in it
        for (String id : List.of("ch8-small-recv", "ch8-two-sends-one-recv", "ch8-small-recv", "ch11-udp-truncation",
                "ch11-udp-empty", "ch5-empty-send", "ch6-client-quits", "ch9-json-header", "ch9-json-header")) {
            Lesson lesson = Lessons.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            assertEquals(lesson.answer(), Lessons.run(lesson, log).answer(), id + " after other runs in the same log");
        }
    }

    @org.junit.jupiter.api.Test
    void anAfUnixConnectionIsOneRowPairedByItsPathNotByPorts() throws Exception {
        Lesson families = Lessons.all().stream().filter(l -> l.id().equals("ch3-address-families")).findFirst().orElseThrow();
        TraceLog log = new TraceLog();
        Lessons.Outcome o = Lessons.run(families, log);
        assertEquals("true", o.facts().get("file_exists"), "the socket file existed while it was bound");
        socketlab.trace.TraceIndex idx = new socketlab.trace.TraceIndex(log);
        idx.update();
        socketlab.trace.Conn server = idx.conns().stream()
                .filter(c -> c.side == socketlab.trace.Side.SERVER && c.openEvent >= 0).findFirst().orElseThrow();
        assertTrue(server.peer() != null, "the client end is found by the path both name");
        assertEquals(o.facts().get("path"), server.unixPath);
        assertEquals(5, server.bytesReceived);
    }

    @org.junit.jupiter.api.Test
    void theLessonsFollowTheTutorialAndEveryChapterHasOne() {
        List<String> chapters = Lessons.all().stream().map(Lesson::chapter).distinct().toList();
        assertEquals(List.of("1–4", "5", "6", "7", "8", "9", "10", "11"), chapters);
    }

    @ParameterizedTest(name = "lesson {index}")
    @MethodSource("lessons")
    void everyLessonSpeaksEnglishAndChineseAndShowsItsCode(Lesson lesson) {
        for (String lang : List.of("en", "zh")) {
            for (String key : List.of("title", "explain", "look_for", "question")) {
                assertFalse(lesson.texts().get(lang).getOrDefault(key, "").isBlank(), lesson.id() + " " + lang + " " + key);
            }
        }
        assertTrue(lesson.text("zh", "title").matches(".*\\p{IsHan}.*"));
        assertFalse(lesson.python().isEmpty());
        assertEquals(lesson.python().size(), lesson.java().size(), "each Python line has its Java line");
    }
}
