package socketlab.ui.timeline;

import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;

/**
 * A pair of lanes for one direction of a row, the sender's above the receiver's, each named on
 * its left: shown when the sender sent or the receiver received something of its kind, hidden otherwise;
 * the lane of an end that was not traced is left out.
 * A kind may put lanes between the two ({@link #middleLanes}: a stream's wire).
 */
abstract class DirectedLanes implements LaneRenderer {
    /** How much an end sent ({@code sent}) or received, in a kind's units; 0 for a missing end. */
    @FunctionalInterface
    interface Amount {
        long of(Conn end, boolean sent);
    }

    final Direction dir;
    private final String sendKey;
    private final String recvKey;
    private final Amount amount;

    /** {@code sendKey} and {@code recvKey} name the two lanes (keys of the window's words). */
    DirectedLanes(Direction dir, String sendKey, String recvKey, Amount amount) {
        this.dir = dir;
        this.sendKey = sendKey;
        this.recvKey = recvKey;
        this.amount = amount;
    }

    /**
     * Draws into the two lanes, already named and laid: the sender's at {@code y}, the receiver's at
     * {@code yRecv}. A lane whose end is null is not shown: nothing may be drawn at its place.
     */
    abstract void drawLanes(Painter p, TraceIndex idx, Conn sender, Conn receiver,
                            double lx, double y, double yRecv, double lw);

    /**
     * A lane's name: the call its end made, as the program wrote it — a traced Python program's
     * {@code sendall} or {@code recv_into} is named so, not "send()" — else the lane's own words.
     */
    private static String label(TraceIndex idx, Conn end, boolean sends, String key) {
        if (end != null) {
            socketlab.trace.IntList calls = sends ? end.sends : end.recvs;
            String call = calls.isEmpty() ? null : idx.log().call(calls.get(0));
            if (call != null && !call.equals(sends ? "send" : "recv")) {
                return I18n.tr(end.side == socketlab.trace.Side.CLIENT ? "timeline.lane.clientNamed" : "timeline.lane.serverNamed", call);
            }
        }
        return I18n.tr(key);
    }

    /** Lanes between the sender's and the receiver's (a stream's wire): none unless a kind says. */
    int middleLanes(ConnectionRow row) {
        return 0;
    }

    /** The name of the lane between (a key of the window's words), when there is one. */
    String middleKey() {
        return null;
    }

    /**
     * The sender's lane, the lanes between, the receiver's lane — without the lane of an end nobody traced
     * (a peer outside the lab, or a side a lesson did not record): an empty grey lane says nothing true.
     */
    @Override
    public final int lanes(ConnectionRow row) {
        Conn sender = dir.sender(row);
        Conn receiver = dir.receiver(row);
        if (amount.of(sender, true) + amount.of(receiver, false) == 0) {
            return 0;
        }
        return (sender != null ? 1 : 0) + middleLanes(row) + (receiver != null ? 1 : 0);
    }

    @Override
    public final void draw(Painter p, TraceIndex idx, ConnectionRow row, double x, double lx, double y, double lw) {
        Conn sender = dir.sender(row);
        Conn receiver = dir.receiver(row);
        int middle = middleLanes(row);
        double step = p.m.laneStep();
        // an untraced sender's lane is not drawn: the lanes below it move up one (its place is above the row)
        double ySend = sender != null ? y : y - step;
        double yRecv = ySend + step * (1 + middle);
        if (sender != null) {
            p.laneLabel(label(idx, sender, true, sendKey), x, ySend);
            p.g.setFill(p.ink(TimelineView.Ink.LANE));
            p.g.fillRect(lx, ySend, lw, p.m.laneH());
        }
        if (receiver != null) {
            p.laneLabel(label(idx, receiver, false, recvKey), x, yRecv);
            p.g.setFill(p.ink(TimelineView.Ink.LANE));
            p.g.fillRect(lx, yRecv, lw, p.m.laneH());
        }
        if (middle > 0) {
            p.laneLabel(I18n.tr(middleKey()), x, ySend + step);
            p.g.setFill(p.ink(TimelineView.Ink.LANE));
            p.g.fillRect(lx, ySend + step, lw, p.m.laneH());
        }
        drawLanes(p, idx, sender, receiver, lx, ySend, yRecv, lw);
    }
}
