package socketlab.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad frames are reported with their real numbers, and the next good frame still decodes. */
class DecoderErrorsTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] intLe(int v) {
        byte[] b = new byte[4];
        FrameEncoder.putInt(b, 0, v, false);
        return b;
    }

    static Codecs.Fed feedWithMax(FrameDecoder d, byte[] stream, int chunk) {
        StreamDecoder sd = new StreamDecoder(d);
        List<StreamDecoder.Result> all = new java.util.ArrayList<>();
        for (int i = 0; i < stream.length; i += chunk) {
            all.addAll(sd.feed(java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk))));
        }
        return new Codecs.Fed(all, sd.leftover(), sd);
    }

    final byte[] goodLength = FrameEncoder.lengthPrefixed(false).encode(utf8("good"), null).wire();
    final byte[] goodHeader = FrameEncoder.jsonHeader(false).encode(utf8("good"), "g.txt").wire();

    @Test
    void negativeLengthIsCorruptAndTheNextFrameDecodes() {
        Codecs.Fed fed = feedWithMax(new LengthFieldDecoder(false, 1024), concat(intLe(-7), goodLength), 3);
        assertEquals(1, fed.errors().size());
        assertInstanceOf(CorruptedFrameException.class, fed.errors().get(0));
        assertTrue(fed.errors().get(0).getMessage().contains("-7"), fed.errors().get(0).getMessage());
        assertTrue(fed.errors().get(0).getMessage().contains("negative"));
        assertEquals(List.of("good"), texts(fed));
        assertEquals(0, fed.leftover());
    }

    @Test
    void aDataSizeNear2To63IsOneErrorWithTheRealNumberAndNeverANegativeCountOrASecondError() {
        byte[] head = utf8("{\"data_size\": 9223372036854775807}");
        byte[] claim = concat(intLe(head.length), head);
        for (int chunk : new int[] {1, 3, 7, 1000}) {
            Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 4096), concat(claim, goodHeader, goodHeader), chunk);
            assertEquals(1, fed.errors().size(), "in chunks of " + chunk + ": " + fed.errors());
            FrameException e = fed.errors().get(0);
            assertInstanceOf(TooLongFrameException.class, e);
            assertTrue(e.getMessage().contains("9,223,372,036,854,775,807"), e.getMessage());
            assertTrue(e.skipped() > 0, "a count that overflowed would be negative: " + e.skipped());
            assertEquals(List.of(), texts(fed), "what follows a claim no stream can carry is that frame's, not frames");
        }
    }

    @Test
    void tooLongLengthIsDroppedAsItArrivesThenTheNextFrameDecodes() {
        byte[] big = new byte[2000];
        Codecs.Fed fed = feedWithMax(new LengthFieldDecoder(false, 1024), concat(intLe(2000), big, goodLength), 100);
        assertEquals(1, fed.errors().size());
        FrameException e = fed.errors().get(0);
        assertInstanceOf(TooLongFrameException.class, e);
        assertTrue(e.getMessage().contains("2,000") && e.getMessage().contains("1,024"), e.getMessage());
        assertEquals(2004, e.skipped());
        assertEquals(List.of("good"), texts(fed));
    }

    @Test
    void textWhereALengthShouldBeIsNamedAsText() {
        Codecs.Fed fed = feedWithMax(new LengthFieldDecoder(false, 1024), utf8("hello world"), 64);
        FrameException e = fed.errors().get(0);
        assertTrue(e.getMessage().contains("0x6C6C6568"), e.getMessage());
        assertTrue(e.getMessage().contains("\"hello world\""), e.getMessage());
        assertTrue(e.getMessage().contains("not speaking this protocol"), e.getMessage());
        assertEquals(0, fed.leftover());
    }

    @Test
    void bigEndianReadsTheSameBytesAsADifferentNumber() {
        Codecs.Fed fed = feedWithMax(new LengthFieldDecoder(true, 1024), utf8("hello"), 64);
        assertTrue(fed.errors().get(0).getMessage().contains("0x68656C6C"), fed.errors().get(0).getMessage());
    }

    @Test
    void peerClosingMidFrameSaysHowManyBytesArrived() {
        byte[] partial = concat(intLe(8), utf8("abc"));
        StreamDecoder d = new StreamDecoder(new LengthFieldDecoder(false, 1024));
        assertTrue(d.feed(partial).isEmpty());
        assertEquals("the peer closed mid-frame: got 7 of 12 bytes (4 length + 8 body)", d.finish().words());
    }

    @Test
    void malformedJsonHeaderIsReportedAndTheNextFrameDecodes() {
        byte[] bad = utf8("{data_size: 3");
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 1 << 20), concat(intLe(bad.length), bad, goodHeader), 5);
        assertEquals(1, fed.errors().size());
        assertInstanceOf(CorruptedFrameException.class, fed.errors().get(0));
        assertTrue(fed.errors().get(0).getMessage().contains("not valid JSON"), fed.errors().get(0).getMessage());
        assertEquals(List.of("good"), texts(fed));
    }

    @Test
    void headerWithoutDataSizeIsReported() {
        byte[] bad = utf8("{\"filename\": \"a.txt\"}");
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 1 << 20), concat(intLe(bad.length), bad, goodHeader), 7);
        assertTrue(fed.errors().get(0).getMessage().contains("data_size"));
        assertEquals(List.of("good"), texts(fed));
    }

    @Test
    void wrongHashIsDeliveredUnverifiedAndTheNextFrameVerifies() {
        byte[] head = FrameEncoder.pythonJsonHeader(4, "x.txt", JsonHeaderDecoder.sha256Hex(utf8("nope")));
        byte[] lying = concat(intLe(head.length), head, utf8("data"));
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 1 << 20), concat(lying, goodHeader), 9);
        assertEquals(2, fed.frames().size());
        assertEquals(Verdict.WRONG, fed.frames().get(0).verified());
        assertEquals(Verdict.OK, fed.frames().get(1).verified());
    }

    @Test
    void pythonStyleNoneHashIsNotChecked() {
        byte[] head = utf8("{\"data_size\": 2, \"hash\": null, \"filename\": \"a.txt\"}");
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 1 << 20), concat(intLe(head.length), head, utf8("hi")), 4);
        assertEquals(Verdict.UNKNOWN, fed.frames().get(0).verified());
        assertEquals("hi", fed.frames().get(0).textOrNull());
    }

    @Test
    void dataSizeAboveTheMaximumIsDroppedThenTheNextFrameDecodes() {
        byte[] head = FrameEncoder.pythonJsonHeader(5000, "big.bin", null);
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 4096),
                concat(intLe(head.length), head, new byte[5000], goodHeader), 256);
        assertInstanceOf(TooLongFrameException.class, fed.errors().get(0));
        assertTrue(fed.errors().get(0).getMessage().contains("5,000"), fed.errors().get(0).getMessage());
        assertEquals(List.of("good"), texts(fed));
    }

    @Test
    void zeroAndNegativeHeaderLengthsAreCorrupt() {
        Codecs.Fed fed = feedWithMax(new JsonHeaderDecoder(false, 1024, 4096), concat(intLe(0), intLe(-3), goodHeader), 2);
        assertEquals(2, fed.errors().size());
        assertTrue(fed.errors().get(0).getMessage().contains("zero"));
        assertTrue(fed.errors().get(1).getMessage().contains("negative"));
        assertEquals(List.of("good"), texts(fed));
    }

    @Test
    void peerClosingMidHeaderSaysWhereItStopped() {
        byte[] whole = goodHeader;
        StreamDecoder d = new StreamDecoder(new JsonHeaderDecoder(false, 1024, 4096));
        d.feed(java.util.Arrays.copyOf(whole, whole.length - 2));
        String msg = d.finish().words();
        assertTrue(msg.startsWith("the peer closed mid-frame: got " + (whole.length - 2) + " of " + whole.length), msg);
    }

    @Test
    void jsonHeaderMatchesPythonJsonDumpsByteForByte() {
        // json.dumps({'data_size': 5, 'filename': '报告.txt', 'hash': None}).encode('utf8')
        String python = "{\"data_size\": 5, \"filename\": \"\\u62a5\\u544a.txt\", \"hash\": null}";
        assertEquals(python, new String(FrameEncoder.pythonJsonHeader(5, "报告.txt", null), StandardCharsets.US_ASCII)
                .replace("\\u62A5", "\\u62a5").replace("\\u544A", "\\u544a"));
        byte[] wire = FrameEncoder.jsonHeader(false).encode(utf8("hello"), "a.txt").wire();
        int headLen = (wire[0] & 0xFF) | (wire[1] & 0xFF) << 8;
        assertEquals(wire.length - 4 - 5, headLen, "struct.pack('i', len(head_bytes)) in front");
    }

    @Test
    void fixedLengthRefusesALongerMessageWithBothSizes() {
        MessageTooLongException e = assertThrows(MessageTooLongException.class,
                () -> FrameEncoder.fixed(8).encode(utf8("hello world"), null));
        assertTrue(e.getMessage().contains("11") && e.getMessage().contains("8"), e.getMessage());
    }

    @Test
    void lineLongerThanTheMaximumIsDroppedUpToTheNextNewline() {
        byte[] s = concat(utf8("x".repeat(50)), utf8("\nok\n"));
        Codecs.Fed fed = feedWithMax(new LineDecoder(16), s, 10);
        assertEquals(1, fed.errors().size());
        assertInstanceOf(TooLongFrameException.class, fed.errors().get(0));
        assertEquals(List.of("ok"), texts(fed));
    }

    @Test
    void naiveDecoderTakesEachChunkAsOneMessage() {
        StreamDecoder d = new StreamDecoder(new NaiveDecoder());
        List<StreamDecoder.Result> r = d.feed(utf8("hello worldhaha"));
        assertEquals(1, r.size());
        assertFalse(d.feed(utf8("x")).isEmpty());
    }

    @Test
    void unknownFramingNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Framing.parse("lenght"));
        assertTrue(e.getMessage().contains("length[:le|be]"), e.getMessage());
        assertEquals("header:be", Framing.parse("HEADER:be").spec());
        assertThrows(IllegalArgumentException.class, () -> Framing.parse("fixed:0"));
    }

    static List<String> texts(Codecs.Fed fed) {
        return fed.frames().stream().map(Frame::textOrNull).toList();
    }

    @Test
    void aDecoderWithNoRoomForAFrameIsRefusedWithTheNumberItWasGiven() {
        for (int bad : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LengthFieldDecoder(false, bad));
            assertTrue(e.getMessage().contains("maxFrameLength") && e.getMessage().endsWith("got " + bad), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new LineDecoder(bad));
            assertThrows(IllegalArgumentException.class, () -> new JsonHeaderDecoder(false, 1024, bad));
            e = assertThrows(IllegalArgumentException.class, () -> new JsonHeaderDecoder(false, bad, 1024));
            assertTrue(e.getMessage().contains("maxHeaderLength"), e.getMessage());
        }
    }
}
