package socketlab.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import socketlab.net.LabException;
import socketlab.net.LabServer;
import socketlab.net.ServerSettings;
import socketlab.probe.ProbeException;
import socketlab.probe.TracedRun;
import socketlab.trace.JsonLinesWriter;
import socketlab.trace.Side;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceJson;
import socketlab.trace.TraceLog;

/**
 * {@code socketlab trace}: the learner's own programs, run unchanged, every socket call they make
 * in the trace beside the lab's — with the lab's server on the other side ({@code --serve}), or a
 * second program ({@code --run} twice).
 *
 * <pre>
 *   socketlab trace --serve --port 8080 --recv-delay 200 -- python3 client.py
 *   socketlab trace --framing header --run "server.py" --run "client.py"
 * </pre>
 *
 * The trace is JSON lines on stdout, ending with a summary line; the programs' own output goes to
 * stderr. Exit status: the last program's (2 for bad arguments, 1 when a program cannot start).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Run your own programs (Python ones under the lab's probe) and print every socket call they make"
                + " as a JSON line, ending with a summary line. Their output goes to stderr.")
final class TraceCommand implements Callable<Integer> {
    /** How long the lab's server may go on reading after the last program ended, before it is stopped. */
    static final long DRAIN_MS = 10_000;

    @Mixin
    Cli.FramingOption framing;
    @Option(names = "--run", paramLabel = "\"PROGRAM ARGS\"",
            description = "a program to run (repeatable): each starts once the one before it listens; stdin goes to the last")
    List<String> runs = new ArrayList<>();
    @Option(names = "--serve", description = "run the lab's server too (with --port and the serve options), for a client of yours")
    boolean serve;
    @Option(names = "--port", converter = Cli.PortConverter.class,
            description = "with --serve: the port the lab's server listens on (your client's)")
    Integer port;
    @Option(names = "--kernel", description = "read the kernel's TCP state after every send and receive (TCP_INFO, Linux)")
    boolean kernel;
    @Option(names = "--python", description = "the Python to run .py programs with (default: $SOCKETLAB_PYTHON, else python3)")
    String python;
    @Mixin
    ServerOptions server;
    @Mixin
    MemoryOption memory;
    @Mixin
    WireOption wire;
    @Parameters(paramLabel = "PROGRAM", description = "after --: one program and its arguments, e.g. -- python3 client.py")
    List<String> program = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<List<String>> programs = new ArrayList<>();
        for (String r : runs) {
            List<String> words = TracedRun.words(r);
            if (!words.isEmpty()) {
                programs.add(words);
            }
        }
        if (!program.isEmpty()) {
            programs.add(program);
        }
        if (programs.isEmpty()) {
            System.err.println("socketlab trace: name a program: -- PROGRAM ARGS, or --run \"PROGRAM ARGS\"");
            return 2;
        }
        if (serve && port == null) {
            System.err.println("socketlab trace: --serve needs --port, the port your client connects to");
            return 2;
        }
        java.util.Optional<Integer> inNamespace = wire.elsewhere("trace", python);
        if (inNamespace.isPresent()) {
            return inNamespace.get();
        }
        if (kernel && serve) {
            socketlab.net.KernelReader.enable(true); // the lab's own server's sockets too
        }
        TraceLog log = memory.newLog(); // the summary reads it at the end: kept whole, within the budget
        socketlab.wire.WireCapture capture = wire.attach("trace", log);
        LabServer lab = null;
        try (JsonLinesWriter w = new JsonLinesWriter(log, Cli.OUT)) {
            if (serve) {
                ServerSettings s;
                try {
                    s = server.settings(port, framing.framing);
                } catch (IllegalArgumentException e) {
                    System.err.println("socketlab trace: " + e.getMessage());
                    return 2;
                }
                lab = server.server(log, s);
                try {
                    lab.start();
                } catch (LabException e) {
                    log.error(Side.SERVER, 0, 0, e.words());
                    return Cli.fail(w, e.getMessage());
                }
            }
            int status;
            try {
                status = new TracedRun(log, framing.framing, python != null ? python : TracedRun.defaultPython(), System.err)
                        .kernel(kernel).run(programs);
            } catch (ProbeException | IOException e) {
                return Cli.fail(w, e.getMessage());
            } finally {
                if (lab != null) {
                    long until = System.nanoTime() + DRAIN_MS * 1_000_000;
                    while (lab.openConnections() > 0 && System.nanoTime() < until) {
                        Thread.sleep(10); // the lab's server finishes reading what the program sent (its recv delay)
                    }
                    lab.close();
                    lab.awaitStopped(2_000);
                }
                WireOption.finish("trace", capture);
            }
            w.flush();
            TraceIndex index = new TraceIndex(log);
            index.update();
            Cli.OUT.println(TraceJson.summaryLine(index.summary(), log.now()));
            Cli.OUT.flush();
            return status;
        }
    }
}
