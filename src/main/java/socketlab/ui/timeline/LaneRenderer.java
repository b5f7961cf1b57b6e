package socketlab.ui.timeline;

import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;

/**
 * One kind of lane in a connection's row (a byte stream one way, datagrams one way, the time
 * axis). The skin asks each kind how many lanes it needs in a row, stacks them, and has each draw
 * its own; a new kind of lane is a new class in {@link TimelineSkin#LANES}, not a new branch.
 */
interface LaneRenderer {

    /** How many lanes this kind takes in {@code row}: 0 when the row has nothing to show in it (the lanes are hidden). */
    int lanes(ConnectionRow row);

    /**
     * True for a kind that only adds detail (the kernel's buffers): where a comparison's two rows would not
     * otherwise be in view together, its lanes give way first.
     */
    default boolean optional() {
        return false;
    }

    /**
     * Draws this kind's lanes of {@code row}: their labels from {@code x}, the lanes themselves
     * from {@code lx}, {@code lw} wide, the first one's top at {@code y}, one lane every
     * {@link RowMetrics#laneStep()}.
     */
    void draw(Painter p, TraceIndex idx, ConnectionRow row, double x, double lx, double y, double lw);
}
