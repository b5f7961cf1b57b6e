package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Where the bytes of a stream stand on its row, at true scale and with long headers squeezed. */
class ByteAxisTest {

    /** "hello world" + "haha", each after a 4-byte length and a JSON header: 133 + 11 + 125 + 4 bytes. */
    private static ByteAxis jsonHeaders() {
        return ByteAxis.squeezing(273, new long[] {0, 144}, new long[] {133, 269}, 2).place(10, 2);
    }

    @Test
    void atTrueScaleEveryByteIsAsWideAsEveryOther() {
        ByteAxis ax = ByteAxis.linear(100).place(10, 3);
        assertEquals(10, ax.x(0));
        assertEquals(310, ax.x(100));
        assertEquals(100, ax.shownLength());
        assertEquals(33.0, ax.byteAt(109), 1e-9);
    }

    @Test
    void aLongHeaderTakesTheWidthOfFourBytesAndTheMessagesTheRest() {
        ByteAxis ax = jsonHeaders();
        assertEquals(4 + 11 + 4 + 4, ax.shownLength(), 1e-9, "two headers of 4 bytes' width, 15 bytes of messages");
        assertEquals(10 + 4 * 2, ax.x(133), 1e-9, "the first message begins after 4 bytes' width");
        assertEquals(ax.x(133) + 11 * 2, ax.x(144), 1e-9, "'hello world' at true width");
        assertEquals(ax.x(269) + 4 * 2, ax.x(273), 1e-9, "'haha' at true width");
        assertEquals(2, ax.runs());
        assertEquals(144, ax.runFrom(1));
    }

    @Test
    void aLengthPrefixAloneIsNeverSqueezed() {
        ByteAxis ax = ByteAxis.squeezing(30, new long[] {0, 15}, new long[] {4, 19}, 2).place(0, 1);
        assertEquals(30, ax.shownLength(), 1e-9);
        assertEquals(0, ax.runs());
    }

    @Property
    void bytesStandInOrderAndEachIsFoundAgainAtItsPlace(@ForAll @LongRange(min = 0, max = 273) long b,
                                                        @ForAll @IntRange(min = 1, max = 40) int pixels) {
        ByteAxis ax = ByteAxis.squeezing(273, new long[] {0, 144}, new long[] {133, 269}, 2).place(-50, pixels);
        assertEquals(b, ax.byteAt(ax.x(b)), 1e-6, "x and byteAt are inverses");
        if (b < 273) {
            assertTrue(ax.x(b + 1) > ax.x(b), "every byte keeps some width, in order");
            boolean inHeader = b < 133 || b >= 144 && b < 269;
            assertEquals(inHeader ? pixels * 4.0 / (b < 133 ? 133 : 125) : pixels, ax.x(b + 1) - ax.x(b), 1e-9);
        }
    }
}
