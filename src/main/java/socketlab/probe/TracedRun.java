package socketlab.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import socketlab.codec.Framing;
import socketlab.text.Phrase;
import socketlab.trace.TraceLog;

/**
 * Runs the user's programs, in order, each Python one under the probe: each is started once the
 * one before it listens (or reached out, or ended; at most {@link #READY_MS} later), stdin goes to
 * the last, every program's output to {@code console}. When the last ends, those still running (a
 * server that serves forever) are stopped — terminated, then killed {@link #STOP_MS} later, with
 * their children — and their reports are waited for, so the trace is whole.
 *
 * <pre>
 *   new TracedRun(log, Framing.NONE, "python3", System.err).run(List.of(
 *       List.of("server.py"), List.of("client.py", "hello")))        → client.py's exit status
 * </pre>
 *
 * Only programs the user named are run, with the arguments the user gave; nothing received from
 * a network is ever run.
 */
public final class TracedRun {
    static final long READY_MS = 10_000;
    static final long STOP_MS = 2_000;
    /** How long a program's probe must have sent nothing before it is stopped: three of its 20 ms batches. */
    static final long QUIET_MS = 60;
    /** How long an untraced program is given to get going before the next one starts: it cannot say. */
    static final long UNTRACED_START_MS = 300;
    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*(\\.exe)?", Pattern.CASE_INSENSITIVE);

    private final TraceLog log;
    private final Framing framing;
    private final String python;
    private final PrintStream console;
    private ProcessBuilder.Redirect stdin = ProcessBuilder.Redirect.INHERIT;
    private final List<Process> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile OutputStream lastInput;
    private boolean kernel;
    private socketlab.net.CallGate gate = socketlab.net.CallGate.OPEN;
    private long othersMayFinishMs;

    /** {@code python}: the interpreter for .py programs ("python3"). */
    public TracedRun(TraceLog log, Framing framing, String python, PrintStream console) {
        this.log = log;
        this.framing = framing;
        this.python = python;
        this.console = console;
    }

    /** Where the last program's stdin comes from (the lab's own stdin unless said otherwise: a test's file). */
    public TracedRun stdin(ProcessBuilder.Redirect from) {
        this.stdin = from;
        return this;
    }

    /**
     * Asks each probe to read the kernel's TCP state after every send and receive (getsockopt
     * TCP_INFO; Linux): events gain a {@code tcp} object. Where the OS has none, one line says so.
     */
    public TracedRun kernel(boolean on) {
        this.kernel = on;
        return this;
    }

    /**
     * The step gate the programs' calls wait at while it holds them (the window's step mode): each probe holds its
     * program's connect, accept, send and receive until the gate lets them run, as the lab's own calls wait.
     */
    public TracedRun gate(socketlab.net.CallGate g) {
        this.gate = g;
        return this;
    }

    /**
     * When the last program ends, gives the others up to {@code ms} to end by themselves before they are stopped:
     * for programs that finish (a lesson's listing, whose server reads what the client sent after it has gone),
     * not for a server that serves forever (the default, 0, stops those at once).
     */
    public TracedRun othersMayFinish(long ms) {
        this.othersMayFinishMs = ms;
        return this;
    }

    /** Stops the run from another thread (the window's Stop): every program is stopped as if the last had ended. */
    public void stop() {
        stopped = true;
        for (Process p : running) {
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    /**
     * Writes a line to the last program's stdin when it reads a pipe ({@link #stdin} PIPE); false when it
     * has not started yet, or has gone.
     */
    public boolean type(String line) {
        OutputStream in = lastInput;
        if (in == null) {
            return false;
        }
        try {
            in.write((line + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The interpreter to use when the user names none: $SOCKETLAB_PYTHON, else python3 (python on Windows). */
    public static String defaultPython() {
        String env = System.getenv("SOCKETLAB_PYTHON");
        if (env != null && !env.isBlank()) {
            return env;
        }
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "python" : "python3";
    }

    /** Runs {@code programs} (each a command and its arguments) and returns the last one's exit status. */
    public int run(List<List<String>> programs) throws IOException, InterruptedException, ProbeException {
        if (programs.isEmpty()) {
            throw new IllegalArgumentException("no program to run");
        }
        Path probe = ProbeScript.extract();
        List<Process> started = new ArrayList<>();
        List<Process> traced = new ArrayList<>(); // those under the probe: their reports are waited for
        try (ProbeListener listener = new ProbeListener(log, framing, gate, line -> console.println("socketlab trace: " + line))) {
            int status = 0;
            try {
                for (int i = 0; i < programs.size(); i++) {
                    boolean last = i == programs.size() - 1;
                    List<String> program = programs.get(i);
                    List<String> command = command(program, probe);
                    boolean probed = command != program;
                    if (!probed) {
                        console.println("socketlab trace: " + Phrase.of("probe.untraced", program.get(0)).words());
                    }
                    if (stopped) {
                        break;
                    }
                    Process p = start(command, program, listener, last);
                    started.add(p);
                    running.add(p);
                    if (probed) {
                        traced.add(p);
                    }
                    if (!last) {
                        if (!probed) {
                            p.waitFor(UNTRACED_START_MS, TimeUnit.MILLISECONDS);
                        } else if (!listener.awaitReady(p.pid(), READY_MS) && p.isAlive()) {
                            console.println("socketlab trace: "
                                    + Phrase.of("probe.notReady", name(program), READY_MS / 1000).words());
                        }
                    } else {
                        status = p.waitFor();
                    }
                }
            } finally {
                long until = System.nanoTime() + othersMayFinishMs * 1_000_000;
                for (Process p : started) { // programs that finish by themselves: given their time to
                    long left = until - System.nanoTime();
                    if (left > 0 && !stopped) {
                        p.waitFor(left, TimeUnit.NANOSECONDS);
                    }
                }
                for (int i = 0; i < started.size() - 1; i++) { // what the others did last is on its way
                    listener.awaitQuiet(started.get(i).pid(), QUIET_MS, STOP_MS);
                }
                for (Process p : started) {
                    stop(p);
                }
                for (Process p : traced) { // the last reports may still be on their way
                    listener.awaitEnded(p.pid(), STOP_MS);
                }
            }
            return status;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * The command that runs {@code program}: a .py file (or "python3 x.py") under the probe, or — any
     * other program — {@code program} itself, the same list, untraced.
     */
    List<String> command(List<String> program, Path probe) {
        String first = program.get(0);
        List<String> c = new ArrayList<>();
        if (first.toLowerCase(Locale.ROOT).endsWith(".py")) {
            c.add(python);
            c.add(probe.toString());
            c.addAll(program);
            return c;
        }
        String base = Path.of(first).getFileName().toString();
        if (PYTHON.matcher(base).matches() && program.size() > 1 && program.get(1).toLowerCase(Locale.ROOT).endsWith(".py")) {
            c.add(first);
            c.add(probe.toString());
            c.addAll(program.subList(1, program.size()));
            return c;
        }
        return program;
    }

    private Process start(List<String> command, List<String> program, ProbeListener listener, boolean last)
            throws ProbeException {
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().putAll(listener.environment());
        b.environment().put("PYTHONUNBUFFERED", "1"); // its prints show when made, as in a terminal
        if (kernel) {
            b.environment().put("SOCKETLAB_PROBE_KERNEL", "1");
        }
        b.redirectInput(last ? stdin : ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = b.start();
        } catch (IOException e) {
            throw new ProbeException(command != program ? Phrase.of("probe.noPython", name(program), command.get(0), e.getMessage())
                    : Phrase.of("probe.cannotStart", program.get(0), e.getMessage()), e);
        }
        if (last && stdin == ProcessBuilder.Redirect.PIPE) {
            lastInput = p.getOutputStream();
        } else if (!last) {
            try {
                p.getOutputStream().close(); // stdin is the last program's
            } catch (IOException ignored) {
                // it has no stdin then either
            }
        }
        pump(p.getInputStream(), name(program));
        pump(p.getErrorStream(), name(program));
        return p;
    }

    /** Copies a program's output to the console as it comes (a prompt without a newline included). */
    private void pump(InputStream from, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (from) {
                for (int n; (n = from.read(buf)) > 0; ) {
                    synchronized (console) {
                        console.write(buf, 0, n);
                        console.flush();
                    }
                }
            } catch (IOException ignored) {
                // the program is gone
            }
        }, "socketlab-output-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Terminates {@code p} and its children, and kills what is left after {@link #STOP_MS}. */
    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        family.add(p.toHandle());
        family.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + STOP_MS * 1_000_000;
        for (ProcessHandle h : family) {
            long left = Math.max(0, until - System.nanoTime());
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
        try (OutputStream ignored = p.getOutputStream()) {
            // closed with it
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static String name(List<String> program) {
        for (String w : program) {
            if (w.toLowerCase(Locale.ROOT).endsWith(".py")) {
                return Path.of(w).getFileName().toString();
            }
        }
        return Path.of(program.get(0)).getFileName().toString();
    }

    /** A command line as its words (a --run value, the window's arguments field): split at spaces, except inside '…' or "…" ({@code "x.py 'a b'"} → x.py, a b). */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
