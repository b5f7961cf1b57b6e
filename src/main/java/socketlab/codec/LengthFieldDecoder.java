package socketlab.codec;

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
    private long bytesToDiscard;

    public LengthFieldDecoder(boolean bigEndian, int maxFrameLength) {
        this.bigEndian = bigEndian;
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public Frame decode(Cumulation in) {
        if (bytesToDiscard > 0) {
            int n = (int) Math.min(bytesToDiscard, in.readable());
            in.skip(n);
            bytesToDiscard -= n;
            return null;
        }
        if (in.readable() < FIELD) {
            return null;
        }
        int length = in.getInt(0, bigEndian);
        long start = in.streamOffset();
        if (length < 0 || length > maxFrameLength) {
            if (LengthFields.looksLikeText(in, 0)) {
                String msg = LengthFields.notThisProtocol(length, in, 0, bigEndian);
                int n = in.readable();
                in.skip(n);
                throw new CorruptedFrameException(msg, start, n);
            }
            if (length < 0) {
                String msg = LengthFields.describe(length, in, 0, bigEndian)
                        + " is negative; a length can't be. Dropped those 4 bytes.";
                in.skip(FIELD);
                throw new CorruptedFrameException(msg, start, FIELD);
            }
            String msg = LengthFields.describe(length, in, 0, bigEndian) + " is larger than the maximum frame of "
                    + String.format("%,d", maxFrameLength) + " bytes; dropping the " + String.format("%,d", FIELD + (long) length)
                    + " bytes of this frame as they arrive.";
            bytesToDiscard = FIELD + (long) length;
            int n = (int) Math.min(bytesToDiscard, in.readable());
            in.skip(n);
            bytesToDiscard -= n;
            throw new TooLongFrameException(msg, start, FIELD + (long) length);
        }
        if (in.readable() < FIELD + length) {
            return null;
        }
        Frame f = Frame.plain(start, FIELD + length, FIELD, in.copy(FIELD, length));
        in.skip(FIELD + length);
        return f;
    }

    @Override
    public String describeIncomplete(Cumulation in) {
        if (bytesToDiscard > 0) {
            return "the peer closed while an oversized frame was being dropped (" + bytesToDiscard + " bytes still to come)";
        }
        if (in.readable() < FIELD) {
            return "the peer closed mid-frame: got " + in.readable() + " of the " + FIELD + " length bytes";
        }
        int length = in.getInt(0, bigEndian);
        return "the peer closed mid-frame: got " + in.readable() + " of " + (FIELD + length)
                + " bytes (4 length + " + length + " body)";
    }
}
