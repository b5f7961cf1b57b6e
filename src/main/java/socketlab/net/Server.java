package socketlab.net;

/** What the lab's TCP and UDP servers have in common: start, wait until stopped, stop. */
public interface Server extends AutoCloseable {

    /** Binds and starts serving; returns the port. */
    int start() throws LabException;

    /** Waits until the server has stopped; false on timeout. */
    boolean awaitStopped(long timeoutMs) throws InterruptedException;

    @Override
    void close();
}
