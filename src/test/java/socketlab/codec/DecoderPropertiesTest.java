package socketlab.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every decoder, fed the same stream cut anywhere, yields the same frames and leaves nothing
 * over: at every single offset, byte by byte, and at random chunk sizes.
 */
class DecoderPropertiesTest {

    static final List<String> DELIMITING = List.of("fixed:24", "length:le", "length:be", "header:le", "header:be", "line");

    static final List<byte[]> SAMPLE = List.of(
            "hello world".getBytes(StandardCharsets.UTF_8),
            "haha".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            "粘包 sticky".getBytes(StandardCharsets.UTF_8),
            "x".getBytes(StandardCharsets.UTF_8));

    static List<byte[]> expected(Framing f, List<byte[]> bodies) {
        if (f.kind() != Framing.Kind.FIXED) {
            return bodies;
        }
        List<byte[]> out = new ArrayList<>(); // NUL padding is stripped, and with it trailing NULs of a body
        for (byte[] b : bodies) {
            int end = b.length;
            while (end > 0 && b[end - 1] == 0) {
                end--;
            }
            out.add(Arrays.copyOf(b, end));
        }
        return out;
    }

    static void assertSameBodies(List<byte[]> want, List<byte[]> got, String what) {
        assertEquals(want.size(), got.size(), what + ": frame count");
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), what + ": frame " + i);
        }
    }

    @Example
    void splitAtEveryOffsetYieldsTheSameFramesAndNothingLeftOver() {
        for (String spec : DELIMITING) {
            Framing f = Framing.parse(spec);
            byte[] stream = Codecs.stream(f, SAMPLE);
            for (int cut = 0; cut <= stream.length; cut++) {
                Codecs.Fed fed = Codecs.feed(f, stream, cut);
                assertTrue(fed.errors().isEmpty(), spec + " cut at " + cut + ": " + fed.errors());
                assertSameBodies(expected(f, SAMPLE), fed.bodies(), spec + " cut at " + cut);
                assertEquals(0, fed.leftover(), spec + " leftover after cut at " + cut);
            }
        }
    }

    @Example
    void oneByteAtATimeYieldsTheSameFrames() {
        for (String spec : DELIMITING) {
            Framing f = Framing.parse(spec);
            byte[] stream = Codecs.stream(f, SAMPLE);
            int[] cuts = new int[stream.length];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = i;
            }
            Codecs.Fed fed = Codecs.feed(f, stream, cuts);
            assertSameBodies(expected(f, SAMPLE), fed.bodies(), spec + " byte by byte");
            assertEquals(0, fed.leftover());
        }
    }

    @Example
    void decodeConsumesNothingUntilAWholeFrameIsThere() {
        for (String spec : DELIMITING) {
            Framing f = Framing.parse(spec);
            byte[] one = Codecs.stream(f, List.of("hello".getBytes(StandardCharsets.UTF_8)));
            FrameDecoder d = f.newDecoder(1000);
            Cumulation c = new Cumulation();
            for (int i = 0; i < one.length - 1; i++) {
                c.append(one, i, 1);
                assertEquals(null, d.decode(c), spec + " after " + (i + 1) + " bytes");
                assertEquals(i + 1, c.readable(), spec + ": nothing consumed yet");
            }
            c.append(one, one.length - 1, 1);
            Frame fr = d.decode(c);
            assertEquals("hello", fr.textOrNull(), spec);
            assertEquals(0, c.readable());
            assertEquals(one.length, fr.wireLength());
        }
    }

    @Property(tries = 300)
    void randomMessagesInRandomChunksDecodeExactly(@ForAll("cases") Case k) {
        Framing f = Framing.parse(k.spec);
        byte[] stream = Codecs.stream(f, k.bodies);
        Codecs.Fed fed = Codecs.feed(f, stream, k.cuts(stream.length));
        assertTrue(fed.errors().isEmpty(), fed.errors().toString());
        assertSameBodies(expected(f, k.bodies), fed.bodies(), k.spec);
        assertEquals(0, fed.leftover());
        long offset = 0;
        for (Frame fr : fed.frames()) {
            assertEquals(offset, fr.streamOffset(), "frames tile the stream");
            offset += fr.wireLength();
        }
        assertEquals(stream.length, offset);
    }

    record Case(String spec, List<byte[]> bodies, List<Integer> chunkSizes) {
        int[] cuts(int total) {
            List<Integer> cuts = new ArrayList<>();
            int at = 0;
            for (int s : chunkSizes) {
                at += s;
                if (at >= total) {
                    break;
                }
                cuts.add(at);
            }
            return cuts.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public String toString() {
            return spec + " " + bodies.size() + " messages, chunks " + chunkSizes;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> specs = Arbitraries.of(DELIMITING);
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
        Arbitrary<List<Integer>> chunks = Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(60);
        return Combinators.combine(specs, body.list().ofMaxSize(12), chunks).as((s, bodies, c) -> {
            if (s.equals("line")) { // a newline inside a message cannot be framed by lines
                List<byte[]> clean = new ArrayList<>();
                for (byte[] b : bodies) {
                    byte[] x = b.clone();
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] == '\n' || x[i] == '\r') {
                            x[i] = 'n';
                        }
                    }
                    clean.add(x);
                }
                bodies = clean;
            }
            return new Case(s, bodies, c);
        });
    }
}
