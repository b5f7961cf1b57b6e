package socketlab.ui.model;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import socketlab.trace.TraceIndex;

/**
 * Replay: the run as it stood after its first k events — timeline, lists, gauge and counts — while
 * the sockets go on recording; {@link #live()} returns to them.
 */
public final class ReplayViewModel {

    /** Shows an index in the window: {@code limit} events of it, {@code live} when not replaying. */
    @FunctionalInterface
    interface Show {
        void show(TraceIndex idx, int limit, boolean live);
    }

    private final Recording recording;
    private final MessageFeed feed;
    private final Show show;
    /** Replay: how many events of the run are shown; -1 while live. */
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(-1);

    ReplayViewModel(Recording recording, MessageFeed feed, Show show) {
        this.recording = recording;
        this.feed = feed;
        this.show = show;
    }

    /** Events shown during replay, or -1 while live. */
    public ReadOnlyIntegerProperty replayProperty() { return position.getReadOnlyProperty(); }

    public boolean isReplaying() { return position.get() >= 0; }

    /**
     * Replay plays a pause longer than this (of the run's own time) as {@link #IDLE_LEAD_NS}: a run started
     * minutes after the window, or a class discussing between two sends, is not waited out in real time.
     */
    public static final long IDLE_NS = 1_000_000_000L;
    /** How much of a skipped pause is still played before the next event: enough to see that something comes. */
    public static final long IDLE_LEAD_NS = 250_000_000L;

    private final javafx.beans.property.ReadOnlyLongWrapper skipped = new javafx.beans.property.ReadOnlyLongWrapper();

    /**
     * Where playing at run time {@code t} goes on from, the next event being at {@code nextNs}: {@code t}, or, when
     * more than {@link #IDLE_NS} of nothing lies ahead, {@link #IDLE_LEAD_NS} before the next event.
     */
    public static long skipIdle(long t, long nextNs) {
        return nextNs - t > IDLE_NS ? nextNs - IDLE_LEAD_NS : t;
    }

    /** The pause the player skipped last (ns of run time; 0 when it played the last stretch as it was). */
    public javafx.beans.property.ReadOnlyLongProperty skippedProperty() { return skipped.getReadOnlyProperty(); }

    /** Says that the player skipped {@code ns} of an idle pause (0: none). */
    public void skipped(long ns) {
        skipped.set(ns);
    }

    /** True when the window shows a trace opened from a file (nothing recorded into it since): nothing is live. */
    public boolean saved() {
        return recording.showsSaved();
    }

    /** The first position that shows something: the first event (0 only for an empty log). */
    public int start() {
        return Math.min(1, recording.log().size());
    }

    private TraceIndex runsOf;
    private int runsAt = -1;
    private int[] runStarts = new int[0];

    /** The event index each run begins at ({@link socketlab.trace.Runs}), worked out again when the trace changed. */
    private int[] runStarts() {
        TraceIndex idx = recording.index();
        if (idx != runsOf || idx.changes() != runsAt || runStarts.length == 0 && recording.log().size() > 0) {
            runStarts = socketlab.trace.Runs.starts(idx);
            runsOf = idx;
            runsAt = idx.changes();
        }
        return runStarts;
    }

    /** How many runs the trace holds (0 when it is empty). */
    public int runs() {
        return runStarts().length;
    }

    /** The run (from 0) that replay position {@code k} is in: the run of the last event shown; live, the last run. */
    public int runAt(int k) {
        int[] starts = runStarts();
        if (starts.length == 0) {
            return 0;
        }
        int event = k < 0 ? recording.log().size() - 1 : Math.max(0, Math.min(k, recording.log().size()) - 1);
        int r = java.util.Arrays.binarySearch(starts, event);
        return r >= 0 ? r : -r - 2;
    }

    /** The position that shows run {@code r}'s first event. */
    public int runFirst(int r) {
        int[] starts = runStarts();
        return starts.length == 0 ? 0 : Math.min(recording.log().size(), starts[Math.max(0, Math.min(r, starts.length - 1))] + 1);
    }

    /** The position that shows run {@code r}'s last event. */
    public int runEnd(int r) {
        int[] starts = runStarts();
        return r + 1 < starts.length ? starts[r + 1] : recording.log().size();
    }

    /**
     * Where "to the start" goes from position {@code k} (-1: live): the start of the run it is in, or, already
     * there, the start of the run before — a clicker walks back run by run. Live, the last run's start.
     */
    public int startFrom(int k) {
        int r = runAt(k);
        int first = runFirst(r);
        return k >= 0 && k <= first && r > 0 ? runFirst(r - 1) : first;
    }

    /** Events recorded so far (the end of the replay slider). */
    public int recorded() { return recording.log().size(); }

    /** Time of the event at replay position {@code k} (ns since the trace began). */
    public long timeAt(int k) {
        int n = recording.log().size();
        return k <= 0 || n == 0 ? 0 : recording.log().tNs(Math.min(k, n) - 1);
    }

    /** Shows the run as it stood after its first {@code k} events: timeline, lists, gauge and counts. */
    public void replayTo(int k) {
        int n = Math.max(0, Math.min(k, recording.log().size()));
        position.set(n);
        TraceIndex prefix = new TraceIndex(recording.log(), n);
        prefix.update();
        feed.restart();
        show.show(prefix, n, false);
    }

    /** Back to the live run. */
    public void live() {
        position.set(-1);
        skipped.set(0);
        feed.restart();
        recording.reindex();
        recording.index().update();
        show.show(recording.index(), recording.log().size(), true);
    }

    /** Forgets the replay position (Clear, a trace opened). */
    void stop() {
        position.set(-1);
    }
}
