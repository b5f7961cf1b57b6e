package socketlab.codec;

import socketlab.text.Phrase;

/**
 * Every message occupies exactly {@code frameLength} bytes; shorter ones were padded with NUL
 * bytes by {@link FrameEncoder#fixed(int)}, and the padding is stripped here.
 *
 * <pre>
 * frameLength = 8
 * BEFORE (two recv() chunks)            AFTER (two frames)
 * +-----------+-------------------+     +----------+  +----------+
 * | h i 00 00 | 00 00 00 00 y o 00 ...  | "hi"     |  | "yo"     |
 * +-----------+-------------------+     +----------+  +----------+
 * </pre>
 * A body that itself ends in NUL bytes loses them: that is the price of NUL padding.
 */
public final class FixedLengthDecoder implements FrameDecoder {
    private final int frameLength;

    public FixedLengthDecoder(int frameLength) {
        if (frameLength <= 0) {
            throw new IllegalArgumentException("fixed length must be positive, got " + frameLength);
        }
        this.frameLength = frameLength;
    }

    @Override
    public Frame decode(Cumulation in) {
        if (in.readable() < frameLength) {
            in.expect(frameLength);
            return null;
        }
        int end = frameLength;
        while (end > 0 && in.getUnsigned(end - 1) == 0) {
            end--;
        }
        Frame f = Frame.plain(in.streamOffset(), frameLength, 0, in.copy(0, end));
        in.skip(frameLength);
        return f;
    }

    @Override
    public Phrase describeIncomplete(Cumulation in) {
        return Phrase.of("fixed.incomplete", in.readable(), frameLength);
    }
}
