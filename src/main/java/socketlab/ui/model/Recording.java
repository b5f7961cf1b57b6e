package socketlab.ui.model;

import socketlab.net.Stepper;
import socketlab.trace.MemoryBudget;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * The run the panes record into: the trace log (a new one on Clear, a loaded one when a trace is
 * opened), its live index, and the step gate every socket call of the window passes. The view
 * models share it instead of reaching back into each other.
 */
final class Recording {
    private final MemoryBudget budget;
    private TraceLog log;
    private TraceIndex index;
    private final Stepper stepper = new Stepper();
    /** The wire's capture when the window runs in wire mode, recording into {@link #log}; else null. */
    private socketlab.wire.WireCapture wire;

    /** Runs recorded within {@code budget}, each new log (Clear) too. */
    Recording(MemoryBudget budget) {
        this.budget = budget;
        this.log = new TraceLog(budget);
        this.index = new TraceIndex(log);
    }

    /** A new, empty log within the window's budget. */
    TraceLog newLog() {
        return new TraceLog(budget);
    }

    TraceLog log() { return log; }

    /** The index of everything recorded so far. */
    TraceIndex index() { return index; }

    Stepper stepper() { return stepper; }

    /** How many events the log had when it was opened from a file; -1 for a log the window records. */
    private int savedEvents = -1;

    /** Records into {@code next} from now on (Clear, or a trace opened). */
    void replace(TraceLog next) {
        replace(next, false);
    }

    /** As {@link #replace(TraceLog)}; {@code saved}: {@code next} was read from a file, not recorded here. */
    void replace(TraceLog next, boolean saved) {
        savedEvents = saved ? next.size() : -1;
        log = next;
        if (wire != null) {
            wire.recordInto(next);
        }
        index = new TraceIndex(next);
    }

    /** From now on the wire's segments go into the log, and into each next one. */
    void wire(socketlab.wire.WireCapture capture) {
        wire = capture;
        capture.recordInto(log);
    }

    /** The wire's capture in wire mode, else null. */
    socketlab.wire.WireCapture wire() {
        return wire;
    }

    /** True while the log is a trace opened from a file and nothing has been recorded into it since. */
    boolean showsSaved() {
        return savedEvents >= 0 && log.size() == savedEvents;
    }

    /** A fresh index of the same log (back to live after a replay). */
    void reindex() {
        index = new TraceIndex(log);
    }
}
