package socketlab.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Wire mode: the lab runs again inside a user and network namespace of its own, where it may capture
 * the packets on loopback without root. A process with threads cannot enter a new user namespace
 * (unshare(2): EINVAL), and a JVM always has threads, so the lab starts itself anew under
 * {@code unshare -Urn}, with the capture helper ({@code assets/wire/socketlab_wire.py}) as the new
 * process's parent:
 *
 * <pre>
 *   socketlab run sticky --wire                       (this JVM: outside, waits, passes on the exit status)
 *     └ unshare -Urn python3 socketlab_wire.py S --   (a namespace: its own lo, brought up; a packet socket on it)
 *         └ socketlab run sticky --wire               (the same command line; $SOCKETLAB_WIRE_SOCKET = S)
 * </pre>
 *
 * Sockets inside reach only the namespace's loopback: a program outside cannot connect to the lab
 * there (the programs the lab runs itself are inside with it). Where the namespace is refused
 * (AppArmor on Ubuntu 23.10+, {@code kernel.unprivileged_userns_clone=0}, another OS) or Python is
 * missing, {@link #refusal} says so in one sentence and the lab runs without the wire.
 */
public final class WireMode {
    /** Set inside the namespace: where the capture's Unix socket is. */
    public static final String ENV = "SOCKETLAB_WIRE_SOCKET";
    /** Set by the launcher when the window asked for the wire and was refused: the sentence why. */
    public static final String REFUSED_PROPERTY = "socketlab.wire.refused";
    static final String HELPER = "/socketlab/assets/wire/socketlab_wire.py";

    private WireMode() {
    }

    /** True in the lab that runs inside the namespace. */
    public static boolean inside() {
        return System.getenv(ENV) != null;
    }

    /** The command that makes the namespace: $SOCKETLAB_UNSHARE or -Dsocketlab.unshare, else {@code unshare}. */
    static String unshare() {
        String s = System.getProperty("socketlab.unshare");
        if (s == null) {
            s = System.getenv("SOCKETLAB_UNSHARE");
        }
        return s != null && !s.isBlank() ? s : "unshare";
    }

    /** Why the wire cannot be captured on this system, as one sentence, or empty when it can. */
    public static Optional<String> refusal(String python) {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("No wire capture on " + os + ": it needs Linux's user and network namespaces.");
        }
        if (ProcessHandle.current().info().arguments().isEmpty()) {
            return Optional.of("No wire capture: this system does not say how the lab was started, so it cannot start it again"
                    + " inside a network namespace.");
        }
        Path helper;
        try {
            helper = helper();
        } catch (IOException e) {
            return Optional.of("No wire capture: the capture helper could not be written to a temporary file (" + e.getMessage() + ").");
        }
        List<String> cmd = List.of(unshare(), "-Urn", python, helper.toString(), "--check");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] said = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("No wire capture: '" + String.join(" ", cmd) + "' did not answer in 10 s.");
            }
            if (p.exitValue() == 0) {
                return Optional.empty();
            }
            String why = new String(said, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("exit status " + p.exitValue());
            return Optional.of("No wire capture: this system refused a user and network namespace of the lab's own (" + why
                    + "); the lab runs without the wire lane.");
        } catch (IOException e) {
            return Optional.of("No wire capture: '" + unshare() + "' (util-linux) or '" + python + "' could not be run ("
                    + e.getMessage() + "); the lab runs without the wire lane.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("No wire capture: interrupted while asking for a namespace.");
        } finally {
            try {
                Files.deleteIfExists(helper);
                Files.deleteIfExists(helper.getParent());
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }

    /**
     * Runs this same lab again — the same Java, options and arguments — inside a new namespace, its
     * stdin, stdout and stderr this process's; returns its exit status. Ask {@link #refusal} first.
     */
    public static int relaunch(String python) throws IOException, InterruptedException {
        ProcessHandle.Info me = ProcessHandle.current().info();
        Path helper = helper();
        Path socket = helper.resolveSibling("wire.sock");
        List<String> cmd = new ArrayList<>(List.of(unshare(), "-Urn", python, helper.toString(), socket.toString(), "--"));
        cmd.add(me.command().orElseThrow());
        cmd.addAll(List.of(me.arguments().orElseThrow()));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        Thread stop = new Thread(() -> { // the lab outside is stopped (SIGTERM): so is the one inside
            p.destroy();
            try {
                p.waitFor(3, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return p.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            Files.deleteIfExists(socket);
            Files.deleteIfExists(helper);
            Files.deleteIfExists(helper.getParent());
        }
    }

    /** The helper, written to a new private temporary directory (the Unix socket goes beside it). */
    private static Path helper() throws IOException {
        Path dir = Files.createTempDirectory("socketlab-wire");
        Path file = dir.resolve("socketlab_wire.py");
        try (InputStream in = WireMode.class.getResourceAsStream(HELPER)) {
            if (in == null) {
                throw new IOException("the lab's capture helper " + HELPER + " is missing from the build");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
