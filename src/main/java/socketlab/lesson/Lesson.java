package socketlab.lesson;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One lesson: a short explanation in English and Chinese, the experiment it runs on real sockets,
 * the Python call(s) of the tutorial and the Java the lab runs for them, and a predict-then-run
 * question that the run itself answers.
 *
 * @param chapter  the tutorial's chapter, e.g. "8" or "1–4"
 * @param texts    by language: {@code title}, {@code explain}, {@code look_for}, {@code question}, and
 *                 optionally {@code result}: what the run measured, with {@code {fact}} placeholders
 * @param python   the tutorial-style Python lines this lesson's calls correspond to (written fresh)
 * @param java     the Java calls the lab makes for them
 * @param experiment what to run on real sockets (one type per kind)
 * @param measure  what to read from the run to answer the question
 * @param choices  the answers offered
 * @param answer   the id of the choice the real run gives (checked by a test, on real sockets)
 * @param listing  the tutorial's programs for this lesson, written fresh (assets/lessons/listings/), server first,
 *                 each taking the port as its argument; empty when the lesson has none. Run under the probe,
 *                 their calls answer the same question (see {@link ListingRun})
 */
public record Lesson(String id, String chapter, Map<String, Map<String, String>> texts, List<String> python,
                     List<String> java, Experiment experiment, String measure, List<Choice> choices, String answer,
                     List<String> listing) {

    /** A lesson with no listing of the tutorial's. */
    public Lesson(String id, String chapter, Map<String, Map<String, String>> texts, List<String> python,
                  List<String> java, Experiment experiment, String measure, List<Choice> choices, String answer) {
        this(id, chapter, texts, python, java, experiment, measure, choices, answer, List.of());
    }

    /** An answer offered: its id (what the measurement returns) and its words by language (the id when none). */
    public record Choice(String id, Map<String, String> labels) {
        public String label(String language) {
            return labels.getOrDefault(language, labels.getOrDefault("en", id));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Choice c && Objects.equals(id, c.id) && Objects.equals(labels, c.labels);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, labels);
        }
    }

    public String text(String language, String key) {
        Map<String, String> t = texts.getOrDefault(language, texts.get("en"));
        return t == null ? "" : t.getOrDefault(key, texts.get("en").getOrDefault(key, ""));
    }

    /** The choice with this id, or a bare one when the run gave something no choice names. */
    public Choice choice(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst().orElse(new Choice(id, Map.of()));
    }

    public List<String> choiceIds() {
        return choices.stream().map(Choice::id).toList();
    }

    // equals and hashCode written out (here and in the nested records): a record's generated ones are
    // linked on first call (ObjectMethods bootstrap), paid on the FX thread while the window starts

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Lesson l && Objects.equals(id, l.id) && Objects.equals(chapter, l.chapter)
                && Objects.equals(texts, l.texts) && Objects.equals(python, l.python) && Objects.equals(java, l.java)
                && Objects.equals(experiment, l.experiment) && Objects.equals(measure, l.measure)
                && Objects.equals(choices, l.choices) && Objects.equals(answer, l.answer) && Objects.equals(listing, l.listing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, chapter, texts, python, java, experiment, measure, choices, answer, listing);
    }
}
