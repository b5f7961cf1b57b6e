package socketlab.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A message's bytes read as text say exactly what a strict UTF-8 decoder says — text when they are valid UTF-8,
 * null when they are not — though most are read on the fast, lenient path.
 */
class FrameTextPropertiesTest {

    private static String strict(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Property
    void anyBytesReadAsTextAsAStrictDecoderReadsThem(@ForAll("bytes") byte[] b) {
        assertEquals(strict(b), Frame.utf8OrNull(b));
    }

    @Property
    void textOfAnyCharactersReadsBackAsItself(@ForAll String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(strict(b), Frame.utf8OrNull(b), "lone surrogates become '?' when encoded: still what strict says");
    }

    @Test
    void theReplacementCharacterSentAsItselfIsTextAndALoneContinuationByteIsNot() {
        assertEquals("a\uFFFDb", Frame.utf8OrNull(new byte[] {'a', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, 'b'}));
        assertNull(Frame.utf8OrNull(new byte[] {'a', (byte) 0x80, 'b'}));
        assertNull(Frame.utf8OrNull(new byte[] {(byte) 0xE4, (byte) 0xB8}), "a character cut in two (a split message's end)");
    }

    /** Bytes that are mostly text: ASCII, Chinese, the replacement character, and now and then a stray byte. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(8).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().withCharRange('\u4e00', '\u4e20').ofMaxLength(3).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}),
                Arbitraries.bytes().map(x -> new byte[] {x}));
        return pieces.list().ofMaxSize(12).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
