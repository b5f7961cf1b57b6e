package socketlab.codec;

import socketlab.text.Phrase;

/**
 * Messages end with a newline ({@code \n}; a {@code \r} before it is dropped too).
 *
 * <pre>
 * BEFORE                                  AFTER
 * +------------------------+              +---------+ +------+
 * | h e l l o \n h a h a \n |    ---->    | "hello" | | "haha" |
 * +------------------------+              +---------+ +------+
 * </pre>
 * A line longer than {@code maxFrameLength} without a newline is reported once and then
 * discarded up to and including the next newline.
 */
public final class LineDecoder implements FrameDecoder {
    private final int maxFrameLength;
    private boolean discarding;
    private int scanned;

    public LineDecoder(int maxFrameLength) {
        this.maxFrameLength = FrameDecoder.positive("maxFrameLength", maxFrameLength);
    }

    @Override
    public Frame decode(Cumulation in) {
        int nl = in.indexOf((byte) '\n', Math.min(scanned, in.readable()));
        if (discarding) {
            if (nl < 0) {
                in.skip(in.readable());
                scanned = 0;
                return null;
            }
            in.skip(nl + 1);
            discarding = false;
            scanned = 0;
            return null;
        }
        if (nl < 0) {
            if (in.readable() > maxFrameLength) {
                discarding = true;
                long start = in.streamOffset();
                int n = in.readable();
                in.skip(n);
                scanned = 0;
                throw new TooLongFrameException(Phrase.of("line.tooLongSoFar", maxFrameLength, n), start, n);
            }
            scanned = in.readable();
            return null;
        }
        scanned = 0;
        if (nl > maxFrameLength) {
            long start = in.streamOffset();
            in.skip(nl + 1);
            throw new TooLongFrameException(Phrase.of("line.tooLong", nl, maxFrameLength), start, nl + 1);
        }
        int bodyLen = nl > 0 && in.getUnsigned(nl - 1) == '\r' ? nl - 1 : nl;
        Frame f = Frame.plain(in.streamOffset(), nl + 1, 0, in.copy(0, bodyLen));
        in.skip(nl + 1);
        return f;
    }

    @Override
    public Phrase describeIncomplete(Cumulation in) {
        return Phrase.of("line.incomplete", in.readable());
    }
}
