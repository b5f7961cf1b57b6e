package socketlab.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import socketlab.codec.Framing;
import socketlab.net.LabServer;
import socketlab.net.ServerSettings;
import socketlab.text.Phrase;
import socketlab.trace.TraceLog;

/** The lab server's options, for {@code serve} and for {@code trace --serve}: how it reads, answers and stops. */
final class ServerOptions {
    @Option(names = "--bind", defaultValue = ServerSettings.LOOPBACK,
            description = "address to listen on (default ${DEFAULT-VALUE}: loopback only)")
    String bind;
    @Option(names = "--recv-buffer", defaultValue = "1024", description = "bytes asked of each recv() (default ${DEFAULT-VALUE})")
    int recvBuffer;
    @Option(names = "--recv-sizes", split = ",", description = "sizes of the first recv() calls, e.g. 2,20")
    List<Integer> recvSizes = new ArrayList<>();
    @Option(names = "--recv-delay", defaultValue = "0", description = "ms to wait before each recv() (default ${DEFAULT-VALUE})")
    int recvDelay;
    @Option(names = "--echo", description = "send each message back upper-cased")
    boolean echo;
    @Option(names = "--commands", description = "answer each message as a command of a fixed, harmless set"
            + " (help, ls, dir, pwd, date, text N) — the tutorial's remote-command server; nothing received is ever run")
    boolean commands;
    @Option(names = "--max-conns", defaultValue = "0",
            description = "stop after N connections closed (with --udp: N datagrams received); 0 = never")
    int maxConns;
    @Option(names = "--reuse-address", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "SO_REUSEADDR on the listener (default on; --no-reuse-address to see TIME_WAIT block a restart)")
    boolean reuseAddress;
    @Option(names = "--backlog", defaultValue = "128",
            description = "connections the kernel holds for accept() (listen's backlog; default ${DEFAULT-VALUE}, Python's own)")
    int backlog;
    @Option(names = "--model", defaultValue = "threaded",
            description = "iterative (one client at a time) | threaded (a thread per connection) | selector (one thread, select())")
    String model;

    /** The settings these options make on {@code port} with {@code framing}; IllegalArgumentException names a bad one. */
    ServerSettings settings(int port, Framing framing) {
        if (backlog < 1 || backlog > 65535) {
            throw new socketlab.text.WordedArgumentException(Phrase.of("server.backlog", backlog));
        }
        return new ServerSettings(bind, port, recvBuffer, recvDelay, recvSizes, framing, echo, maxConns,
                Framing.DEFAULT_MAX_FRAME, ServerSettings.Model.parse(model));
    }

    /** A TCP server with these options (not yet started). */
    LabServer server(TraceLog log, ServerSettings s) {
        return new LabServer(log, s).reuseAddress(reuseAddress).answerCommands(commands).backlog(backlog);
    }
}
