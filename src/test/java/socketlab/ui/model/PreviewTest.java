package socketlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import socketlab.text.I18n;

/** The message lists show text as text, and a file that is not text by its name and size — never as � glyphs. */
class PreviewTest {

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aPictureIsShownByItsHeaderNameAndSize() throws Exception {
        byte[] png;
        try (var in = PreviewTest.class.getResourceAsStream("/socketlab/assets/icon.png")) {
            png = in.readAllBytes();
        }
        assertFalse(MessageFeed.isText(png));
        String header = "{\"filename\": \"icon.png\", \"data_size\": " + png.length + ", \"hash\": \"ab\"}";
        assertEquals("icon.png · " + String.format("%,d", png.length) + " bytes, not text",
                MessageFeed.preview(png, png.length, header).words());
        assertEquals(String.format("%,d", png.length) + " bytes, not text", MessageFeed.preview(png, png.length, null).words());
    }

    @Test
    void textStaysTextEvenWhenARecvCutItsLastCharacter() {
        byte[] hello = "你好 hello\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(MessageFeed.isText(hello));
        assertEquals("你好 hello⏎", MessageFeed.preview(hello, hello.length, null).words());
        assertTrue(MessageFeed.isText(Arrays.copyOf(hello, 4)), "你 and the first byte of 好: still text, cut by a recv");
        assertFalse(MessageFeed.isText(new byte[] {'a', 0, 'b'}), "a NUL is not text");
    }
}
