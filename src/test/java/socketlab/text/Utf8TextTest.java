package socketlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines of a user's file: whole across the reader's 64 KiB blocks, CRLF or LF, the last without an end. */
class Utf8TextTest {

    @Test
    void linesLongerThanABlockCrlfEndsAndALastLineWithoutAnEndReadBackWhole() throws Exception {
        String longLine = "粘".repeat(50_000); // 150,000 bytes: across three blocks
        byte[] file = ("\uFEFFfirst\r\n" + longLine + "\n\nlast").getBytes(StandardCharsets.UTF_8);
        try (Utf8Text.Lines lines = Utf8Text.lines(new ByteArrayInputStream(file))) {
            assertEquals("first", lines.next(), "the BOM skipped, the CR of CRLF too");
            assertEquals(longLine, lines.next());
            assertEquals("", lines.next());
            assertEquals("last", lines.next());
            assertNull(lines.next());
        }
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedAndTheLinesAroundItAreNot() throws Exception {
        byte[] file = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n', 'o', 'k'};
        try (Utf8Text.Lines lines = Utf8Text.lines(new ByteArrayInputStream(file))) {
            assertEquals("ok", lines.next());
            assertThrows(Utf8Text.NotUtf8Exception.class, lines::next);
            assertEquals("ok", lines.next());
        }
        assertEquals("line 2: byte 7 of the file is not UTF-8 text. Save the file as UTF-8.",
                assertThrows(Utf8Text.NotUtf8Exception.class, () -> Utf8Text.decode(file)).getMessage());
    }
}
