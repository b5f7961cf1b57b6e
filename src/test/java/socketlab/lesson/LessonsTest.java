package socketlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import socketlab.trace.TraceLog;

/** Every lesson runs headless on real sockets, and the run gives the answer the lesson expects. */
class LessonsTest {

    static Stream<Lesson> lessons() {
        return Lessons.all().stream();
    }

    @ParameterizedTest(name = "lesson {index}")
    @MethodSource("lessons")
    void theRealRunAnswersTheQuestionAsTheLessonSays(Lesson lesson) throws Exception {
        String measured = Lessons.run(lesson, new TraceLog());
        assertEquals(lesson.answer(), measured, lesson.id() + ": " + lesson.text("en", "question"));
        assertTrue(lesson.choices().contains(lesson.answer()), "the answer is one of the choices");
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
