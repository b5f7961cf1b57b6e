package socketlab.net;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import socketlab.trace.Side;

/**
 * Asked before every socket call the lab makes (connect, accept, send, recv): may hold the
 * calling thread until the call is allowed to run. {@link #OPEN} lets every call through at once;
 * a {@link Stepper} lets them through one at a time, for a presenter.
 */
@FunctionalInterface
public interface CallGate {

    IntSupplier NOTHING_WAITING = () -> -1;

    CallGate OPEN = (side, conn, call, waiting, cancelled) -> { };

    /**
     * Returns when the call may run.
     *
     * @param call      what is about to happen, e.g. "recv(1024)"
     * @param waiting   bytes waiting in the receive buffer (FIONREAD), asked only when needed; -1 when not a receive
     * @param cancelled true once the socket is closing: stop waiting
     */
    void before(Side side, int conn, String call, IntSupplier waiting, BooleanSupplier cancelled) throws InterruptedException;

    /** Whether it holds calls for as long as a presenter likes (step mode on): then a run has no time limit. */
    default boolean holds() {
        return false;
    }

    /**
     * Calls {@code changed} each time {@link #holds()} may have changed, from the thread that changed it, until
     * the returned handle is run: a traced program's probe is told so it holds its calls too, or stops.
     */
    default Runnable whenHoldsChanges(Runnable changed) {
        return () -> { };
    }
}
