package socketlab.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Receivers share one pool of room for unfinished frames: a held frame costs its own size, a stream the
 * pool has no room for is refused once with the real sizes while the others go on, and the room comes
 * back when a frame is read or a stream let go.
 */
class HeldBytesTest {
    private static final int MIB = 1 << 20;

    private static byte[] lengthField(int n) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array();
    }

    private static StreamDecoder lengthDecoder(HeldBytes pool) {
        return new StreamDecoder(Framing.parse("length:le").newDecoder(Framing.DEFAULT_MAX_FRAME), pool);
    }

    @Example
    void aStreamOpenedWhenThePoolIsFullIsRefusedByItsFirstChunkNotAtItsSetUp() {
        HeldBytes pool = new HeldBytes(1024);
        assertTrue(pool.take(1024)); // every byte held by other connections
        StreamDecoder d = lengthDecoder(pool); // a new connection's decoder: made, holding nothing
        assertEquals(1024, pool.held());
        List<StreamDecoder.Result> out = d.feed(lengthField(10));
        assertTrue(out.size() == 1 && out.get(0) instanceof StreamDecoder.Refused, "its first chunk is refused in words: " + out);
        assertEquals(1024, pool.held(), "and it took nothing");
    }

    @Example
    void aHeldMaximumFrameCostsItsOwnSizeNotTwice() {
        HeldBytes pool = new HeldBytes(64L * MIB);
        StreamDecoder d = lengthDecoder(pool);
        int body = Framing.DEFAULT_MAX_FRAME - 1;
        d.feed(lengthField(body));
        for (int left = body - 1; left > 0; left -= Math.min(left, MIB)) {
            d.feed(new byte[Math.min(left, MIB)]);
        }
        assertEquals(4L + body, pool.held(), "the buffer grew once, to the frame's 4 + body bytes (doubling would hold 32 MiB)");
    }

    @Example
    void aStreamThePoolHasNoRoomForIsRefusedOnceWithTheSizesAndTheOthersGoOn() {
        HeldBytes pool = new HeldBytes(20L * MIB);
        StreamDecoder first = lengthDecoder(pool);
        StreamDecoder second = lengthDecoder(pool);
        first.feed(lengthField(16 * MIB));
        first.feed(new byte[8 * MIB]);

        List<StreamDecoder.Result> refused = second.feed(lengthField(16 * MIB));
        assertEquals(1, refused.size(), "one result: " + refused);
        StreamDecoder.Refused r = assertInstanceOf(StreamDecoder.Refused.class, refused.get(0));
        String words = r.error().words().words();
        assertTrue(words.contains("16,776,964 bytes more") && words.contains("20.0 MiB"), "the real sizes: " + words);
        assertTrue(second.refused());
        assertEquals(List.of(), second.feed(new byte[1000]), "a refused stream decodes nothing more");
        assertEquals(null, second.finish(), "and has nothing to say at its end: it was said once");

        List<StreamDecoder.Result> done = first.feed(new byte[8 * MIB]);
        assertInstanceOf(StreamDecoder.Decoded.class, done.get(0), "the stream that had room still gets its frame");
        assertEquals(16 * MIB, ((StreamDecoder.Decoded) done.get(0)).frame().body().length);
    }

    @Example
    void roomComesBackWhenALargeFrameIsReadAndWhenAStreamIsLetGo() {
        HeldBytes pool = new HeldBytes(64L * MIB);
        StreamDecoder d = lengthDecoder(pool);
        d.feed(lengthField(4 * MIB));
        d.feed(new byte[4 * MIB]);
        assertEquals(Cumulation.SMALL, pool.held(), "a large frame read: the buffer is small again");
        d.feed(lengthField(4 * MIB));
        d.feed(new byte[MIB]);
        assertEquals(4L * MIB + 4, pool.held());
        d.release();
        assertEquals(0, pool.held(), "let go at the connection's end: nothing held");
    }

    @Provide
    Arbitrary<List<Integer>> bodies() {
        return Arbitraries.integers().between(0, 300_000).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Whatever the frames and however the stream is cut, the pool holds exactly the buffer's size, and all of it comes back. */
    @Property(tries = 60)
    void thePoolHoldsWhatTheBufferIsAndGetsItAllBack(@ForAll("bodies") List<Integer> sizes,
            @ForAll("chunk") int chunk) {
        HeldBytes pool = new HeldBytes(Long.MAX_VALUE);
        Cumulation c = new Cumulation(pool);
        FrameDecoder dec = Framing.parse("length:le").newDecoder(Framing.DEFAULT_MAX_FRAME);
        ByteBuffer stream = ByteBuffer.allocate(sizes.stream().mapToInt(n -> n + 4).sum()).order(ByteOrder.LITTLE_ENDIAN);
        sizes.forEach(n -> stream.putInt(n).put(new byte[n]));
        byte[] all = stream.array();
        List<Integer> got = new ArrayList<>();
        for (int at = 0; at < all.length; at += chunk) {
            c.append(all, at, Math.min(chunk, all.length - at));
            for (Frame f; (f = dec.decode(c)) != null; ) {
                got.add(f.body().length);
            }
            assertEquals(c.capacity(), pool.held(), "held is the buffer's size");
        }
        assertEquals(sizes, got);
        assertTrue(pool.held() <= Cumulation.KEEP, "read empty, a buffer keeps at most " + Cumulation.KEEP + " bytes: " + pool.held());
        c.release();
        assertEquals(0, pool.held());
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.integers().between(1, 200_000);
    }
}
