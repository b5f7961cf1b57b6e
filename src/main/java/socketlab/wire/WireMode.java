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
import socketlab.text.Phrase;

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
    private static volatile Phrase refusedWindow;
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

    /** Why the wire cannot be captured on this system, as words with their values, or empty when it can. */
    public static Optional<Phrase> refusal(String python) {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of(Phrase.of("wire.notLinux", os));
        }
        if (ProcessHandle.current().info().arguments().isEmpty()) {
            return Optional.of(Phrase.of("wire.noCommandLine"));
        }
        Path helper;
        try {
            helper = helper();
        } catch (IOException e) {
            return Optional.of(Phrase.of("wire.noHelper", Phrase.of(e)));
        }
        List<String> cmd = List.of(unshare(), "-Urn", python, helper.toString(), "--check");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] said = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of(Phrase.of("wire.noAnswer", String.join(" ", cmd)));
            }
            if (p.exitValue() == 0) {
                return Optional.empty();
            }
            String why = new String(said, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
            return Optional.of(Phrase.of("wire.refusedBySystem", why.isEmpty() ? Phrase.of("wire.exitStatus", p.exitValue())
                    : Phrase.verbatim(why)));
        } catch (IOException e) {
            return Optional.of(Phrase.of("wire.cannotRun", unshare(), python, Phrase.of(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Phrase.of("wire.interrupted"));
        } finally {
            try {
                Files.deleteIfExists(helper);
                Files.deleteIfExists(helper.getParent());
            } catch (IOException ignored) {
                // a temporary file left behind
            }
        }
    }

    /** Says that the window asked for the wire and was refused (the launcher does, before the window opens). */
    public static void refused(Phrase why) {
        refusedWindow = why;
    }

    /** Why the window's wire was refused, or null when it was not asked for or not refused. */
    public static Phrase refusedWindow() {
        return refusedWindow;
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
