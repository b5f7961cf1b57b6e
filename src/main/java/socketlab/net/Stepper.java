package socketlab.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import socketlab.trace.Side;

/**
 * Step mode: while enabled, every socket call waits in line until {@link #step()} lets the
 * first one run — one real call per step, in the order the calls became ready. The sockets stay
 * real: while a call waits, the kernel goes on buffering what the other side sent, which is
 * exactly how two sends end up glued in one recv.
 *
 * <p>A receive joins the line once data is waiting and the receiver's delay has passed, so a
 * client that sends twice without pausing queues both sends ahead of the recv (they glue); with
 * a long enough pause between sends, the recv comes between them.
 */
public final class Stepper implements CallGate {

    /** A call waiting for its step. */
    /** A call waiting for its step; {@code waiting}: bytes in the receive buffer when it joined the line, or -1. */
    public record Pending(long seq, Side side, int conn, String call, int waiting) {}

    private static final class Ticket {
        final Pending pending;
        final CountDownLatch go = new CountDownLatch(1);

        Ticket(Pending p) {
            this.pending = p;
        }
    }

    private final Deque<Ticket> line = new ArrayDeque<>();
    private volatile boolean enabled;
    private volatile int version;
    private long seq;

    @Override
    public boolean holds() {
        return isEnabled();
    }

    public boolean isEnabled() {
        return enabled;
    }

    private final List<Runnable> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Turns stepping on or off; turning it off lets every waiting call run. */
    public void setEnabled(boolean on) {
        synchronized (this) {
            enabled = on;
            if (!on) {
                while (!line.isEmpty()) {
                    line.poll().go.countDown();
                }
            }
            version++;
        }
        for (Runnable w : watchers) {
            w.run();
        }
    }

    @Override
    public Runnable whenHoldsChanges(Runnable changed) {
        watchers.add(changed);
        return () -> watchers.remove(changed);
    }

    @Override
    public void before(Side side, int conn, String call, IntSupplier waiting, BooleanSupplier cancelled)
            throws InterruptedException {
        if (!enabled) {
            return;
        }
        int w = waiting.getAsInt();
        Ticket t;
        synchronized (this) {
            if (!enabled) {
                return;
            }
            t = new Ticket(new Pending(++seq, side, conn, call, w));
            line.add(t);
            version++;
            notifyAll();
        }
        while (!t.go.await(50, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
                synchronized (this) {
                    line.remove(t);
                    version++;
                }
                return;
            }
        }
    }

    /** Lets the first waiting call run. Returns it, or null when none was waiting. */
    public synchronized Pending step() {
        Ticket t = line.poll();
        if (t == null) {
            return null;
        }
        version++;
        t.go.countDown();
        return t.pending;
    }

    /** The calls waiting, first in line first. */
    public synchronized List<Pending> pending() {
        List<Pending> out = new ArrayList<>(line.size());
        for (Ticket t : line) {
            out.add(t.pending);
        }
        return out;
    }

    /** Waits until at least {@code n} calls are waiting; false on timeout. */
    public synchronized boolean awaitPending(int n, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (line.size() < n) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Changes whenever the line changes: readers poll it. */
    public int version() {
        return version;
    }
}
