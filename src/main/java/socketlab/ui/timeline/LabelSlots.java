package socketlab.ui.timeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a lane's words already stand, so a word is drawn only where it does not run into another: two
 * bands (above the line, below it), each a set of taken intervals. A word claims its interval or is not
 * drawn; the words that matter most claim first (the calls' byte counts before the lifecycle's names).
 *
 * <pre>
 *   above  [connect]  [SYN]   [send 11]            [close]
 *   below      [accept] [SYN,ACK]      [recv 15]  [EOF]
 * </pre>
 */
final class LabelSlots {
    static final int ABOVE = 0;
    static final int BELOW = 1;

    private final double gap;
    private final double left;
    private final double right;
    @SuppressWarnings("unchecked")
    private final TreeMap<Double, Double>[] taken = new TreeMap[] {new TreeMap<>(), new TreeMap<>()};

    /** {@code gap}: the room kept free between two words; {@code left}..{@code right}: where the lane's words must stand. */
    LabelSlots(double gap, double left, double right) {
        this.gap = gap;
        this.left = left;
        this.right = right;
    }

    double left() {
        return left;
    }

    double right() {
        return right;
    }

    /** Takes {@code x0}..{@code x1} in {@code band} and returns true, or false (nothing taken) when a word stands there. */
    boolean claim(int band, double x0, double x1) {
        TreeMap<Double, Double> t = taken[band];
        // the intervals never overlap: only the last one starting before x1 + gap can reach into x0 - gap
        Map.Entry<Double, Double> before = t.lowerEntry(x1 + gap);
        if (before != null && before.getValue() + gap > x0) {
            return false;
        }
        t.put(x0, x1);
        return true;
    }
}
