package socketlab.cli;

import picocli.CommandLine.Option;
import socketlab.net.KernelReader;

/** The --kernel option: the kernel's TCP state after each send and recv of the lab's own sockets, as {@code tcp}. */
final class KernelOption {
    @Option(names = "--kernel", description = "after each send and recv read the socket's TCP state from the kernel"
            + " (getsockopt TCP_INFO, Linux) into the event's tcp object")
    boolean kernel;

    /** Turns reading on when asked; where the system gives none, says why in one line and goes on. */
    void apply(String command) {
        if (!kernel) {
            return;
        }
        KernelReader.enable(true);
        socketlab.text.Phrase why = KernelReader.system().unavailable();
        if (why != null) {
            System.err.println("socketlab " + command + ": " + why.trace());
        }
    }
}
