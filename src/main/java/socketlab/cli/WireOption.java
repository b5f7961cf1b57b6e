package socketlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import socketlab.probe.TracedRun;
import socketlab.trace.TraceLog;
import socketlab.wire.WireCapture;
import socketlab.wire.WireMode;

/**
 * The --wire and --pcap options: the segments on the wire as {@code segment} lines, and as a pcapng
 * file. A command with them first runs itself again inside a network namespace ({@link WireMode});
 * where the system refuses one, it says why in one line and runs without the wire.
 */
final class WireOption {
    @Option(names = "--wire", description = "also record every TCP segment and UDP datagram on the wire (Linux: the lab"
            + " runs in a network namespace of its own, so only its own sockets and programs reach it)")
    boolean wire;
    @Option(names = "--pcap", paramLabel = "FILE", description = "write the packets on the wire to FILE as pcapng"
            + " (Wireshark, tshark); implies --wire")
    Path pcap;

    boolean wanted() {
        return wire || pcap != null;
    }

    /**
     * Outside the namespace with the wire wanted: the exit status of this command run inside one — the
     * caller returns it — or empty when the wire is not wanted, is captured here already, or was refused
     * (then said on stderr, and the command runs here without it).
     */
    Optional<Integer> elsewhere(String command, String python) throws InterruptedException {
        if (!wanted() || WireMode.inside()) {
            return Optional.empty();
        }
        Optional<socketlab.text.Phrase> refused = WireMode.refusal(python != null ? python : TracedRun.defaultPython());
        if (refused.isPresent()) {
            System.err.println("socketlab " + command + ": " + refused.get().trace());
            return Optional.empty();
        }
        try {
            return Optional.of(WireMode.relaunch(python != null ? python : TracedRun.defaultPython()));
        } catch (IOException e) {
            System.err.println("socketlab " + command + ": " + socketlab.text.Phrase.of("wire.noRelaunch", socketlab.text.Phrase.of(e)).trace());
            return Optional.empty();
        }
    }

    /** Inside the namespace, the wire wanted: the capture, recording into {@code log}; else null. */
    WireCapture attach(String command, TraceLog log) {
        if (!wanted() || !WireMode.inside()) {
            return null;
        }
        if (command.equals("serve") || command.equals("connect")) {
            System.err.println("socketlab " + command + ": in wire mode the lab's sockets live in a network namespace of their own:"
                    + (command.equals("serve") ? " only programs the lab runs (trace --wire --serve -- PROGRAM) reach this server."
                    : " this client reaches only a server inside it (trace --wire --serve, run --wire)."));
        }
        try {
            return WireCapture.attach(log, pcap);
        } catch (IOException e) {
            System.err.println("socketlab " + command + ": the wire capture could not start (" + e.getMessage()
                    + "); the run goes on without it.");
            return null;
        }
    }

    /** Takes in the last packets before the trace is written; says what the capture missed, if anything. */
    static void finish(String command, WireCapture capture) {
        if (capture == null) {
            return;
        }
        try {
            long dropped = capture.catchUp();
            if (dropped > 0) {
                System.err.println("socketlab " + command + ": the capture missed " + dropped
                        + " packets (its buffer was full): the wire lane has gaps there.");
            }
            if (capture.pcapFailure() != null) {
                System.err.println("socketlab " + command + ": the pcapng file stopped being written: " + capture.pcapFailure().getMessage());
            }
            capture.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("socketlab " + command + ": the pcapng file could not be finished: " + e.getMessage());
        }
    }
}
