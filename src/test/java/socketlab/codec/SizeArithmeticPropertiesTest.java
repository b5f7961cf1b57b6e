package socketlab.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The size arithmetic of the framings never overflows, whatever a peer claims and however the stream
 * is cut: a claim past the maximum is one error with the real number, a skip count is never negative,
 * and no frame is ever made from the bytes a refused claim covers.
 */
class SizeArithmeticPropertiesTest {
    private static final int MAX = 1024;
    /** The header framing's largest body (its largest header is {@link #MAX}). */
    private static final int MAX_BODY = 4096;

    @Property(tries = 200)
    void aHeaderClaimingAnySizePastTheMaximumIsOneErrorWithItsNumber(
            @ForAll @LongRange(min = MAX_BODY + 1, max = Long.MAX_VALUE) long dataSize,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] head = DecoderErrorsTest.utf8("{\"data_size\": " + dataSize + "}");
        byte[] good = FrameEncoder.jsonHeader(false).encode(DecoderErrorsTest.utf8("good"), "g.txt").wire();
        byte[] stream = DecoderErrorsTest.concat(DecoderErrorsTest.intLe(head.length), head, good, good);
        Codecs.Fed fed = DecoderErrorsTest.feedWithMax(new JsonHeaderDecoder(false, MAX, MAX_BODY), stream, chunk);
        assertEquals(1, fed.errors().size(), fed.errors().toString());
        FrameException e = fed.errors().get(0);
        assertInstanceOf(TooLongFrameException.class, e);
        assertTrue(e.getMessage().contains(String.format("%,d", dataSize)), e.getMessage());
        assertTrue(e.skipped() > 0, "skipped " + e.skipped());
        assertEquals(List.of(), DecoderErrorsTest.texts(fed), "the good frames lie inside the refused claim");
    }

    @Property(tries = 200)
    void aLengthPastTheMaximumSkipsExactlyItsClaimAndTheNextFrameDecodes(
            @ForAll @IntRange(min = MAX + 1, max = 50_000) int length,
            @ForAll @IntRange(min = 1, max = 97) int chunk) {
        byte[] good = FrameEncoder.lengthPrefixed(false).encode(DecoderErrorsTest.utf8("good"), null).wire();
        byte[] stream = DecoderErrorsTest.concat(DecoderErrorsTest.intLe(length), new byte[length], good);
        Codecs.Fed fed = DecoderErrorsTest.feedWithMax(new LengthFieldDecoder(false, MAX), stream, chunk);
        assertEquals(1, fed.errors().size(), fed.errors().toString());
        assertEquals(4L + length, fed.errors().get(0).skipped());
        assertEquals(List.of("good"), DecoderErrorsTest.texts(fed));
        assertEquals(0, fed.leftover());
    }

    @Property(tries = 200)
    void anyLengthAtAllNeverGivesANegativeSkipOrLeftover(
            @ForAll int length,
            @ForAll @IntRange(min = 1, max = 13) int chunk) {
        byte[] good = FrameEncoder.lengthPrefixed(false).encode(DecoderErrorsTest.utf8("good"), null).wire();
        byte[] stream = DecoderErrorsTest.concat(DecoderErrorsTest.intLe(length), good, good);
        Codecs.Fed fed = DecoderErrorsTest.feedWithMax(new LengthFieldDecoder(false, MAX), stream, chunk);
        for (FrameException e : fed.errors()) {
            assertTrue(e.skipped() >= 0, "skipped " + e.skipped() + " for a length of " + length);
        }
        // (a length whose bytes read as text is refused as "not this protocol", and what follows is then read
        // afresh, misaligned: a second error there is the decoder doing its job, not arithmetic going wrong)
        assertTrue(fed.leftover() >= 0 && fed.leftover() <= stream.length, "leftover " + fed.leftover());
    }
}
