package socketlab.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.net.ClientSettings;
import socketlab.net.Explain;
import socketlab.net.LabClient;
import socketlab.net.LabException;
import socketlab.net.Server;
import socketlab.net.ServerSettings;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.text.Words;
import socketlab.trace.JsonLinesWriter;
import socketlab.trace.Side;
import socketlab.trace.TraceJson;
import socketlab.trace.TraceLog;

/**
 * The headless lab: the same engine as the window, its trace written to stdout as JSON lines.
 * Exit codes: 0 done, 1 a socket problem (explained on stderr and as an {@code error} line),
 * 2 bad arguments.
 */
@Command(name = "socketlab", mixinStandardHelpOptions = true, version = "Socket Lab 0.1",
        description = "Watch TCP sockets glue and split messages. With no subcommand the window opens.",
        subcommands = {Cli.Serve.class, Cli.Connect.class, Cli.Run.class, TraceCommand.class, Cli.Nagle.class, LessonCommand.class,
                Cli.SelfCheck.class})
public final class Cli implements Callable<Integer> {

    static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Cli())
                .registerConverter(Framing.class, spec -> {
                    try {
                        return Framing.parse(spec);
                    } catch (IllegalArgumentException e) { // the words, without a Java class name
                        throw new CommandLine.TypeConversionException(e.getMessage());
                    }
                })
                .setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintStream err = System.err;
            err.println("socketlab: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try 'socketlab " + (ex.getCommandLine().getCommandName().equals("socketlab") ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /**
     * Converts a port with the same words the window uses; on the command line a port is its digits
     * exactly (a script that passes " 80" has a bug worth hearing about; a person typing into the window
     * is forgiven the spaces).
     */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (!value.isBlank() && !value.equals(value.trim())) {
                throw new CommandLine.TypeConversionException(Words.tr("port.notNumber", value));
            }
            try {
                return Explain.port(value);
            } catch (LabException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static int fail(JsonLinesWriter w, String message) {
        if (w != null) {
            w.flush();
        }
        System.err.println("socketlab: " + message);
        return 1;
    }

    /** The --framing option of the commands that speak one framing at both ends of their sockets. */
    static final class FramingOption {
        @Option(names = "--framing", defaultValue = "none",
                description = "none|sleep[:MS]|fixed:N|length[:le|be]|header[:le|be]|line (default ${DEFAULT-VALUE})")
        Framing framing;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the server alone; print every call as a JSON line. Runs until killed or --max-conns.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", required = true, converter = PortConverter.class, description = "0-65535; 0 = any free port")
        int port;
        @Mixin
        FramingOption framing;
        @Option(names = "--udp", description = "a UDP server: bind, then recvfrom in a loop (framing does not apply)")
        boolean udp;
        @Mixin
        ServerOptions options;
        @Mixin
        MemoryOption memory;
        @Mixin
        WireOption wire;
        @Mixin
        KernelOption kernel;

        @Override
        public Integer call() throws InterruptedException {
            java.util.Optional<Integer> inNamespace = wire.elsewhere("serve", null);
            if (inNamespace.isPresent()) {
                return inNamespace.get();
            }
            kernel.apply("serve");
            ServerSettings s;
            try {
                s = options.settings(port, framing.framing);
            } catch (IllegalArgumentException e) {
                System.err.println("socketlab serve: " + e.getMessage());
                return 2;
            }
            TraceLog log = memory.newLog();
            socketlab.wire.WireCapture capture = wire.attach("serve", log);
            JsonLinesWriter w = JsonLinesWriter.streaming(log, OUT); // runs for hours: keeps only what is not yet written
            Server server = udp ? new socketlab.net.UdpServer(log, s, TaskRunner.threads()) : options.server(log, s);
            try {
                server.start();
            } catch (LabException e) {
                log.error(Side.SERVER, 0, 0, e.words());
                w.close();
                return fail(null, e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                WireOption.finish("serve", capture);
                w.close();
            }));
            server.awaitStopped(Long.MAX_VALUE);
            WireOption.finish("serve", capture);
            w.close();
            return 0;
        }
    }

    @Command(name = "connect", mixinStandardHelpOptions = true,
            description = "Run the client alone: connect, send each MSG, half-close, print every call as a JSON line.")
    static final class Connect implements Callable<Integer> {
        @Option(names = "--port", required = true, converter = PortConverter.class)
        int port;
        @Option(names = "--host", defaultValue = ServerSettings.LOOPBACK)
        String host;
        @Mixin
        FramingOption framing;
        @Option(names = "--gap", defaultValue = "0", description = "ms between two sends (default ${DEFAULT-VALUE})")
        int gap;
        @Option(names = "--nodelay", description = "set TCP_NODELAY (Nagle off)")
        boolean noDelay;
        @Option(names = "--wait", defaultValue = "10000", description = "ms to wait for the server to close after sending")
        int waitMs;
        @Option(names = "--udp", description = "send each MSG as one datagram (sendto), then recvfrom the replies")
        boolean udp;
        @Option(names = "--connected", description = "with --udp: connect() the datagram socket (hears 'port unreachable')")
        boolean connectedUdp;
        @Parameters(arity = "1..*", paramLabel = "MSG", description = "messages to send (UTF-8)")
        List<String> messages;
        @Mixin
        MemoryOption memory;
        @Mixin
        WireOption wire;
        @Mixin
        KernelOption kernel;

        @Override
        public Integer call() throws InterruptedException {
            java.util.Optional<Integer> inNamespace = wire.elsewhere("connect", null);
            if (inNamespace.isPresent()) {
                return inNamespace.get();
            }
            kernel.apply("connect");
            ClientSettings cs;
            try {
                cs = new ClientSettings(host, port, framing.framing, gap, noDelay, ServerSettings.DEFAULT_RECV_BUFFER);
            } catch (IllegalArgumentException e) {
                System.err.println("socketlab connect: " + e.getMessage());
                return 2;
            }
            TraceLog log = memory.newLog();
            socketlab.wire.WireCapture capture = wire.attach("connect", log);
            if (udp) {
                try (JsonLinesWriter w = JsonLinesWriter.streaming(log, OUT)) {
                    try (socketlab.net.UdpClient c = new socketlab.net.UdpClient(log, host, port, connectedUdp)) {
                        for (String m : messages) {
                            c.sendto(m.getBytes(StandardCharsets.UTF_8));
                        }
                        for (int i = 0; i < messages.size(); i++) { // replies, if the server answers
                            if (c.recvfrom(ServerSettings.DEFAULT_RECV_BUFFER, Math.min(waitMs, 2000)) == null) {
                                break;
                            }
                        }
                    } catch (LabException e) {
                        return fail(w, e.getMessage());
                    } finally {
                        WireOption.finish("connect", capture);
                    }
                }
                return 0;
            }
            try (JsonLinesWriter w = JsonLinesWriter.streaming(log, OUT); LabClient c = new LabClient(log, cs, TaskRunner.threads())) {
                try {
                    c.connect();
                    c.send(Scenario.texts(messages.toArray(String[]::new)));
                } catch (LabException e) {
                    c.close();
                    WireOption.finish("connect", capture); // a refused connect's RST is on the wire too
                    return fail(w, e.getMessage());
                }
                c.finishSending();
                c.awaitServerClose(waitMs);
                c.close();
                WireOption.finish("connect", capture);
            }
            return 0;
        }
    }

    /**
     * What the image build runs on the finished image (jlink leaves parts of java.desktop out): the
     * lessons and scenarios parse, a lesson runs on real sockets, and a PNG is written and read back
     * through javax.imageio, headless. Prints "selfcheck ok" or says what broke.
     */
    @Command(name = "selfcheck", hidden = true, description = "check that this runtime image has everything the lab uses")
    static final class SelfCheck implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                int lessons = socketlab.lesson.Lessons.all().size();
                int scenarios = socketlab.scenario.Scenario.builtIn().size();
                socketlab.lesson.Lesson first = socketlab.lesson.Lessons.all().get(0);
                String answer = socketlab.lesson.Lessons.run(first, new TraceLog()).answer();
                java.nio.file.Path png = java.nio.file.Files.createTempFile("socketlab-selfcheck", ".png");
                try {
                    int[] argb = new int[64 * 32];
                    java.util.Arrays.fill(argb, 0xFF3366CC);
                    socketlab.export.Png.write(64, 32, argb, png);
                    java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(png.toFile());
                    if (back == null || back.getWidth() != 64 || back.getHeight() != 32 || back.getRGB(5, 5) != 0xFF3366CC) {
                        System.err.println("selfcheck: the PNG did not read back as written");
                        return 1;
                    }
                } finally {
                    java.nio.file.Files.deleteIfExists(png);
                }
                OUT.println("selfcheck ok: " + lessons + " lessons, " + scenarios + " scenarios, lesson " + first.id() + " answered "
                        + answer + ", PNG written and read back");
                OUT.flush();
                return 0;
            } catch (Exception | LinkageError e) {
                System.err.println("selfcheck: " + e);
                return 1;
            }
        }
    }

    @Command(name = "nagle", mixinStandardHelpOptions = true,
            description = "Measure write-write-read rounds on loopback with Nagle on, then with TCP_NODELAY; ends with a nagle line.")
    static final class Nagle implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "20", description = "rounds per setting, 1–1000 (default ${DEFAULT-VALUE})")
        int rounds;
        @Mixin
        WireOption wire;
        @Mixin
        KernelOption kernel;

        @Override
        public Integer call() throws InterruptedException {
            if (rounds < 1 || rounds > 1000) {
                System.err.println("socketlab nagle: --rounds must be 1–1000, got " + rounds);
                return 2;
            }
            java.util.Optional<Integer> inNamespace = wire.elsewhere("nagle", null);
            if (inNamespace.isPresent()) {
                return inNamespace.get();
            }
            kernel.apply("nagle");
            TraceLog log = new TraceLog();
            socketlab.wire.WireCapture capture = wire.attach("nagle", log);
            try (JsonLinesWriter w = new JsonLinesWriter(log, OUT)) {
                socketlab.net.NagleProbe.Result on;
                socketlab.net.NagleProbe.Result off;
                socketlab.net.NagleProbe.Result quick = null;
                try {
                    on = socketlab.net.NagleProbe.run(log, socketlab.net.NagleProbe.Setup.NAGLE, rounds);
                    off = socketlab.net.NagleProbe.run(log, socketlab.net.NagleProbe.Setup.NODELAY, rounds);
                    if (socketlab.net.NagleProbe.Setup.QUICKACK.available()) {
                        quick = socketlab.net.NagleProbe.run(log, socketlab.net.NagleProbe.Setup.QUICKACK, rounds);
                    } else {
                        System.err.println("socketlab nagle: " + socketlab.text.Phrase.of("nagle.noQuickAck").trace());
                    }
                } catch (LabException e) {
                    return fail(w, e.getMessage());
                } finally {
                    WireOption.finish("nagle", capture);
                }
                w.flush();
                OUT.printf(java.util.Locale.ROOT, "{\"op\":\"nagle\",\"side\":\"both\",\"conn\":0,\"t_ns\":%d,"
                        + "\"rounds\":%d,\"median_ms_nagle\":%.3f,\"median_ms_nodelay\":%.3f%s}%n",
                        log.now(), rounds, on.medianNs() / 1e6, off.medianNs() / 1e6,
                        quick == null ? "" : String.format(java.util.Locale.ROOT, ",\"median_ms_quickack\":%.3f", quick.medianNs() / 1e6));
                OUT.flush();
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a scenario with client and server in this process; ends with a summary line.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO", description = "sticky, partial, big, sleep-too-short, chinese")
        String scenario;
        @Option(names = "--framing", description = "framing for both sides (default: the scenario's)")
        Framing framing;
        @Mixin
        MemoryOption memory;
        @Mixin
        WireOption wire;
        @Mixin
        KernelOption kernel;

        @Override
        public Integer call() throws InterruptedException {
            java.util.Optional<Integer> inNamespace = wire.elsewhere("run", null);
            if (inNamespace.isPresent()) {
                return inNamespace.get();
            }
            kernel.apply("run");
            Scenario s;
            try {
                s = Scenario.byId(scenario);
            } catch (IllegalArgumentException e) {
                System.err.println("socketlab run: " + e.getMessage());
                return 2;
            }
            if (framing != null) {
                s = s.withFraming(framing);
            }
            TraceLog log = memory.newLog(); // the summary reads it at the end: kept whole, within the budget
            socketlab.wire.WireCapture capture = wire.attach("run", log);
            try (JsonLinesWriter w = new JsonLinesWriter(log, OUT)) {
                ScenarioRunner.Result r;
                try {
                    r = new ScenarioRunner(log, TaskRunner.threads()).run(s);
                } catch (LabException e) {
                    return fail(w, e.getMessage());
                } finally {
                    WireOption.finish("run", capture);
                }
                w.flush();
                OUT.println(TraceJson.summaryLine(r.summary(), log.now()));
                OUT.flush();
            }
            return 0;
        }
    }
}
