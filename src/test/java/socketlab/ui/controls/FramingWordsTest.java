package socketlab.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import socketlab.text.I18n;

/** Each framing in plain words and its Python form, in both languages; a half-typed spec stays as typed. */
class FramingWordsTest {

    @Test
    void eachFramingSaysWhatItDoesAndThePythonThatDoesIt() {
        String length = FramingWords.of("length:le");
        assertTrue(length.contains("4-byte length, little-endian") && length.contains("struct.pack('<i', len(data)) + data"), length);
        String header = FramingWords.of("header:be");
        assertTrue(header.contains("big-endian") && header.contains("JSON header") && header.contains("struct.pack('!i'"), header);
        assertTrue(FramingWords.of("fixed:32").contains("padded to 32 bytes") && FramingWords.of("fixed:32").contains("ljust(32)"));
        assertTrue(FramingWords.of("sleep:200").contains("not a fix") && FramingWords.of("sleep:200").contains("time.sleep(0.2)"));
        for (String spec : Controls.FRAMINGS) {
            assertTrue(FramingWords.of(spec).contains("\n"), "words, then the Python on a line of its own, for " + spec + ": " + FramingWords.of(spec));
        }
    }

    @Test
    void inChineseTheWordsAreChineseAndThePythonIsTheSame() {
        try {
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            String length = FramingWords.of("length:le");
            assertTrue(length.contains("小端序") && length.contains("struct.pack('<i', len(data))"), length);
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void aSpecHalfTypedIsShownAsTypedNotExplainedWrongly() {
        assertEquals("fixed:", FramingWords.of("fixed:"));
        assertEquals("lenght", FramingWords.of("lenght"));
    }
}
