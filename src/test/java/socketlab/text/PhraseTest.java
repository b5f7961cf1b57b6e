package socketlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhraseTest {

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aPhraseSaidInEnglishIsWordedInChineseOnceTheLabSwitchesAndItsTraceTextStaysEnglish() {
        I18n.setLocale(Locale.ENGLISH);
        Phrase reset = Phrase.of("io.reset", Phrase.of("doing.receiving"));
        String before = reset.words();
        assertTrue(before.startsWith("Connection reset by the peer while receiving"), before);
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertTrue(reset.words().startsWith("接收时连接被对方重置"), "the inner phrase is worded too: " + reset.words());
        assertEquals(before, reset.trace(), "a trace file keeps English whatever the window speaks");
    }

    @Test
    void aClauseStandingAloneIsCapitalisedAndClosedInTheLanguageItIsReadIn() {
        Phrase clause = Phrase.of("incomplete.lengthField", 2).asSentence();
        assertEquals("The peer closed mid-frame: got 2 of the 4 length bytes.", clause.words());
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertTrue(clause.words().endsWith("只收到 2 个。"), clause.words());
        assertTrue(clause.trace().endsWith("bytes."), "English sentence in the trace: " + clause.trace());
    }

    @Test
    void theEnginesNumbersArePlainDigitsAndTheWindowsAreGrouped() {
        assertTrue(Phrase.of("frame.hashMismatch", 3, 65536).words().contains("65536 bytes"));
        assertTrue(Phrase.window("bytes.binary", 65536).words().startsWith("65,536 bytes"));
    }

    @Test
    void aProblemOfTheLabsGivesItsOwnPhraseAndAnyOtherItsMessageAsItIs() {
        Phrase own = Phrase.of("scenario.timeout", 60);
        Exception labs = new WordedProblem(own);
        assertSame(own, Phrase.of(labs));
        Phrase other = Phrase.of(new IllegalStateException("disk full"));
        assertEquals(Phrase.Book.VERBATIM, other.book());
        assertEquals("disk full", other.words());
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("disk full", other.words(), "not ours to translate");
    }

    @Test
    void valuesThatAreNeitherNumbersNorPhrasesAreTakenAsTheirTextWhenSaid() {
        StringBuilder changing = new StringBuilder("before");
        Phrase p = Phrase.of("unix.unavailable", changing);
        changing.setLength(0);
        assertTrue(p.words().endsWith("before"), p.words());
        assertFalse(Words.knows("no.such.key"));
        assertTrue(Words.knows("io.reset"));
    }

    private static final class WordedProblem extends Exception implements Worded {
        private final Phrase words;

        WordedProblem(Phrase words) {
            this.words = words;
        }

        @Override
        public Phrase words() {
            return words;
        }
    }
}
