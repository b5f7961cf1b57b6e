package socketlab.lesson;

import java.util.List;
import java.util.Map;

/**
 * One lesson: a short explanation in English and Chinese, the experiment it runs on real sockets,
 * the Python call(s) of the tutorial and the Java the lab runs for them, and a predict-then-run
 * question that the run itself answers.
 *
 * @param chapter  the tutorial's chapter, e.g. "8"
 * @param texts    by language: {@code title}, {@code explain}, {@code look_for}, {@code question}
 * @param python   the tutorial-style Python lines this lesson's calls correspond to (written fresh)
 * @param java     the Java calls the lab makes for them
 * @param experiment what to run: {@code tcp} (a scenario with a framing) or {@code udp}
 * @param measure  what to read from the trace to answer the question
 * @param choices  the answers offered
 * @param answer   the one the real run gives (checked by a test, on real sockets)
 */
public record Lesson(String id, String chapter, Map<String, Map<String, String>> texts, List<String> python,
                     List<String> java, Experiment experiment, String measure, List<String> choices, String answer) {

    /** What a lesson runs. {@code scenario}: a built-in scenario id; {@code framing}: its framing, or null for its own. */
    public record Experiment(String kind, String scenario, String framing, List<String> messages, int recvBuffer, int recvDelayMs) {}

    public String text(String language, String key) {
        Map<String, String> t = texts.getOrDefault(language, texts.get("en"));
        return t == null ? "" : t.getOrDefault(key, texts.get("en").getOrDefault(key, ""));
    }
}
