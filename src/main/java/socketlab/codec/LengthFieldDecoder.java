package socketlab.codec;

import socketlab.text.Phrase;

/**
 * A 4-byte signed length, then that many body bytes: Python's {@code struct.pack('i', n)}
 * (little-endian on x86) or {@code struct.pack('!i', n)} (big-endian, network order).
 *
 * <pre>
 * BEFORE (little-endian)                       AFTER
 * +-------------+-------+-------------+------+    +---------+ +--------+
 * | 05 00 00 00 | hello | 04 00 00 00 | haha | -> | "hello" | | "haha" |
 * +-------------+-------+-------------+------+    +---------+ +--------+
 * </pre>
 *
 * <ul>
 * <li>a negative length is corrupt: its 4 bytes are dropped;</li>
 * <li>a length above {@code maxFrameLength} is too long: the whole frame (4 + length bytes) is
 *     dropped as it arrives, then decoding resumes;</li>
 * <li>a length whose bytes are printable text (e.g. {@code 0x6C6C6568} from "hell") means the
 *     peer is not using length framing; that is said in words and the bytes on hand are dropped.</li>
 * </ul>
 */
public final class LengthFieldDecoder implements FrameDecoder {
    public static final int FIELD = 4;

    private final boolean bigEndian;
    private final int maxFrameLength;
    private final Discard discard = new Discard();

    public LengthFieldDecoder(boolean bigEndian, int maxFrameLength) {
        this.bigEndian = bigEndian;
        this.maxFrameLength = FrameDecoder.positive("maxFrameLength", maxFrameLength);
    }

    @Override
    public Frame decode(Cumulation in) {
        if (discard.skip(in) || in.readable() < FIELD) {
            return null; // still dropping a refused frame, or the length field is not all here yet
        }
        int length = in.getInt(0, bigEndian);
        long start = in.streamOffset();
        if (length < 0 || length > maxFrameLength) {
            if (LengthFields.looksLikeText(in, 0)) {
                Phrase msg = LengthFields.notThisProtocol(length, in, 0, bigEndian);
                int n = in.readable();
                in.skip(n);
                throw new CorruptedFrameException(msg, start, n);
            }
            if (length < 0) {
                Phrase msg = Phrase.of("len.negative", LengthFields.describe(length, in, 0, bigEndian));
                in.skip(FIELD);
                throw new CorruptedFrameException(msg, start, FIELD);
            }
            Phrase msg = Phrase.of("len.tooLong", LengthFields.describe(length, in, 0, bigEndian),
                    String.format("%,d", maxFrameLength), String.format("%,d", FIELD + (long) length));
            discard.start(FIELD + (long) length, in);
            throw new TooLongFrameException(msg, start, FIELD + (long) length);
        }
        if (in.readable() < FIELD + length) {
            in.expect(FIELD + (long) length);
            return null;
        }
        Frame f = Frame.plain(start, FIELD + length, FIELD, in.copy(FIELD, length));
        in.skip(FIELD + length);
        return f;
    }

    @Override
    public Phrase describeIncomplete(Cumulation in) {
        if (discard.incomplete() != null) {
            return discard.incomplete();
        }
        if (in.readable() < FIELD) {
            return Phrase.of("incomplete.lengthField", in.readable());
        }
        int length = in.getInt(0, bigEndian);
        return Phrase.of("incomplete.lengthBody", in.readable(), FIELD + length, length);
    }
}
