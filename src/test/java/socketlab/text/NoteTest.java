package socketlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A connection's note is words with values: the trace's fixed English, and the window's language when shown. */
class NoteTest {

    @Test
    void theTraceTextIsTheEnglishPhrasesTheTraceFormatHasAlwaysCarried() {
        assertEquals("framing header:le · echo · commands · iterative", Note.of(Note.Word.FRAMING, "header:le")
                .and(Note.Word.ECHO).and(Note.Word.COMMANDS).and(Note.Word.ITERATIVE).trace());
        assertEquals("write-write-read · Nagle on", Note.of(Note.Word.WRITE_WRITE_READ).and(Note.Word.NAGLE_ON).trace());
        assertEquals("udp 127.0.0.1", Note.of(Note.Word.UDP, "127.0.0.1").trace());
        assertEquals("AF_UNIX /tmp/x/lab.sock", Note.of(Note.Word.AF_UNIX, "/tmp/x/lab.sock").trace());
        assertEquals("127.0.0.1 · SO_REUSEADDR off", Note.of(Note.Word.ADDRESS, "127.0.0.1").and(Note.Word.REUSE_OFF).trace());
    }

    @Test
    void theWindowSaysTheSameNoteInItsLanguageAtTheMomentItIsShown() {
        Note n = Note.of(Note.Word.FRAMING, "header:le").and(Note.Word.ECHO).and(Note.Word.SELECTOR);
        try {
            I18n.setLocale(Locale.ENGLISH);
            assertEquals("framing header:le · echo · one thread, select()", n.words());
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertEquals("分帧 header:le · 回显 · 单线程 select()", n.words());
            assertEquals("SO_SNDBUF 64 KiB", Note.of(Note.Word.SO_SNDBUF, "64 KiB").words(), "an option's name reads the same");
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }

    @Test
    void everyWordTheWindowTranslatesHasItsWordsInBothLanguages() {
        try {
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                I18n.setLocale(l);
                for (Note.Word w : Note.Word.values()) {
                    String said = Note.of(w, "x").words();
                    assertFalse(said.contains("!"), w + " in " + l + ": " + said);
                }
            }
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }
}
