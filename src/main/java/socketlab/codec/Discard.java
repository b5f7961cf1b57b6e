package socketlab.codec;

import socketlab.text.Phrase;

/**
 * The rest of a frame refused as too long, dropped as it arrives — over as many {@code recv()}
 * chunks as it takes — so the next frame decodes (Netty's {@code discardingTooLongFrame}).
 *
 * <pre>
 *   | len = 1 MiB | 300 bytes of it |  |  … 700 KiB more … |  | next frame |
 *    └ refused: start(4 + 1 MiB)      └ skip() drops them    └ decodes as usual
 * </pre>
 */
final class Discard {
    private long left;

    /** Starts dropping {@code bytes} from the front of {@code in} (what is there now goes at once). */
    void start(long bytes, Cumulation in) {
        left = bytes;
        drop(in);
    }

    /** Drops what is readable of the refused frame; false when there was nothing left to drop. */
    boolean skip(Cumulation in) {
        if (left == 0) {
            return false;
        }
        drop(in);
        return true;
    }

    private void drop(Cumulation in) {
        int n = (int) Math.min(left, in.readable());
        in.skip(n);
        left -= n;
    }

    /** At EOF: the bytes of the refused frame that never came, or null when none are owed. */
    Phrase incomplete() {
        return left > 0 ? Phrase.of("incomplete.discarding", left) : null;
    }
}
