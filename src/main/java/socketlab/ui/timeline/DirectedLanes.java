package socketlab.ui.timeline;

import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;

/**
 * A pair of lanes for one direction of a row, the sender's above the receiver's, each named on
 * its left: shown when the sender sent or the receiver received something of its kind, hidden otherwise.
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

    /** Draws into the two lanes, already named and laid: the sender's at {@code y}, the receiver's at {@code yRecv}. */
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

    @Override
    public final int lanes(ConnectionRow row) {
        return amount.of(dir.sender(row), true) + amount.of(dir.receiver(row), false) > 0 ? 2 + middleLanes(row) : 0;
    }

    @Override
    public final void draw(Painter p, TraceIndex idx, ConnectionRow row, double x, double lx, double y, double lw) {
        int middle = middleLanes(row);
        double yRecv = y + p.m.laneStep() * (1 + middle);
        p.laneLabel(label(idx, dir.sender(row), true, sendKey), x, y);
        p.laneLabel(label(idx, dir.receiver(row), false, recvKey), x, yRecv);
        p.g.setFill(p.ink(TimelineView.Ink.LANE));
        p.g.fillRect(lx, y, lw, p.m.laneH());
        p.g.fillRect(lx, yRecv, lw, p.m.laneH());
        if (middle > 0) {
            p.laneLabel(I18n.tr(middleKey()), x, y + p.m.laneStep());
            p.g.setFill(p.ink(TimelineView.Ink.LANE));
            p.g.fillRect(lx, y + p.m.laneStep(), lw, p.m.laneH());
        }
        drawLanes(p, idx, dir.sender(row), dir.receiver(row), lx, y, yRecv, lw);
    }
}
