package socketlab.ui.timeline;

/**
 * Rectangles a frame drew of one kind — the characters of bytes, the words about them — kept so a test can
 * ask whether a word was drawn over a byte. One flat array, reused from frame to frame, and capped: past
 * {@link #CAP} boxes a frame records no more (a test's runs are small; a flood's frame pays nothing more).
 */
final class Boxes {
    static final int CAP = 4096;
    private final double[] xy = new double[CAP * 4];
    private int n;

    void clear() {
        n = 0;
    }

    void add(double x0, double y0, double x1, double y1) {
        if (n < CAP) {
            int i = n++ * 4;
            xy[i] = x0;
            xy[i + 1] = y0;
            xy[i + 2] = x1;
            xy[i + 3] = y1;
        }
    }

    int size() {
        return n;
    }

    /** How many of these boxes overlap one of {@code other}'s (by more than a pixel each way). */
    int overlapping(Boxes other) {
        int count = 0;
        for (int i = 0; i < n * 4; i += 4) {
            for (int j = 0; j < other.n * 4; j += 4) {
                if (Math.min(xy[i + 2], other.xy[j + 2]) - Math.max(xy[i], other.xy[j]) > 1
                        && Math.min(xy[i + 3], other.xy[j + 3]) - Math.max(xy[i + 1], other.xy[j + 1]) > 1) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
