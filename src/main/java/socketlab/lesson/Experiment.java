package socketlab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.net.AddressFamilies;
import socketlab.net.LabException;
import socketlab.net.LengthAckExchange;
import socketlab.net.PartialSend;
import socketlab.net.ServerSettings;
import socketlab.net.UdpClient;
import socketlab.net.UdpServer;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * What a lesson runs on real loopback sockets: one type per kind, each knowing how to run into a
 * {@link TraceLog} (returning the facts it measured) and which settings it puts into the panes.
 * The lesson file's {@code "kind"} is read once, in {@link #fromJson}; nothing else switches on it.
 *
 * <pre>
 *   "experiment": {"kind": "quit", "options": {"how": "reset"}}   →   new Quit("reset")
 * </pre>
 */
public sealed interface Experiment {

    /** Runs into {@code log} (which may hold other runs) and returns what it measured, by name. */
    Map<String, String> run(TraceLog log) throws LabException, InterruptedException;

    /** What the run uses, as the panes hold it; most kinds use both ends' plain stream. */
    default PaneSettings panes() {
        return PaneSettings.NONE.with(PaneSettings.FRAMING, "none");
    }

    /** A built-in scenario, in its own framing or {@code framing} (null: the scenario's). */
    record Tcp(String scenario, String framing) implements Experiment {
        Scenario resolved() {
            Scenario sc = Scenario.byId(scenario);
            return framing == null ? sc : sc.withFraming(Framing.parse(framing));
        }

        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            new ScenarioRunner(log, TaskRunner.threads()).run(resolved());
            return Map.of();
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.of(resolved());
        }
    }

    /** Each message one datagram, to a UDP server reading with recvfrom({@code recvBuffer}) after {@code recvDelayMs}. */
    record Udp(List<String> messages, int recvBuffer, int recvDelayMs) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            ServerSettings s = ServerSettings.defaults().withPort(0).withRecv(recvBuffer, recvDelayMs, List.of())
                    .withMaxConns(messages.size());
            int before = Experiments.count(log, Op.RECVFROM, Side.SERVER, 0);
            try (UdpServer server = new UdpServer(log, s, TaskRunner.threads());
                 UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, server.start(), false)) {
                for (String m : messages) {
                    client.sendto(m.getBytes(StandardCharsets.UTF_8));
                }
                if (!log.await(Op.RECVFROM, Side.SERVER, before + messages.size(), 10_000)) {
                    throw new LabException(Phrase.of("lesson.noDatagrams"));
                }
            }
            return Map.of();
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE; // the panes are TCP's
        }
    }

    /** Chapters 1–4: listen/accept against connect, and the port the OS picks for the client. */
    record CallSequence() implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.sequence(log);
        }
    }

    /** Chapter 3: an AF_UNIX server binds a path, not an address and a port. */
    record Families() implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return AddressFamilies.run(log);
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE; // AF_UNIX: the panes are TCP's
        }
    }

    /** Chapter 5: send(b'') sends nothing; the server's recv() is still waiting {@code waitMs} later. */
    record EmptySend(int waitMs) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.emptySend(log, waitMs);
        }
    }

    /** Chapter 6: a client that quits, {@code how} = "close" (FIN → EOF) or "reset" (SO_LINGER 0 → RST). */
    record Quit(String how) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.quit(log, how);
        }
    }

    /** Chapters 6 and 10: {@code clients} clients at once against a server of {@code model}. */
    record Models(ServerSettings.Model model, int clients, int recvDelayMs) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.models(log, model, clients, recvDelayMs);
        }

        @Override
        public PaneSettings panes() {
            return Experiment.super.panes().with(PaneSettings.MODEL, model).with(PaneSettings.RECV_DELAY_MS, recvDelayMs);
        }
    }

    /** Chapter 7: a server restarted on its port, with or without SO_REUSEADDR. */
    record TimeWait(boolean reuse) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.timeWait(log, reuse);
        }

        @Override
        public PaneSettings panes() {
            return Experiment.super.panes().with(PaneSettings.REUSE_ADDRESS, reuse);
        }
    }

    /**
     * Chapter 8: write-write-read {@code rounds} times with Nagle on, then with TCP_NODELAY, then (where
     * the system has it) with Nagle on and the receiver's TCP_QUICKACK.
     */
    record Nagle(int rounds) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException {
            return Experiments.nagle(log, rounds);
        }

        @Override
        public PaneSettings panes() {
            return Experiment.super.panes().with(PaneSettings.NO_DELAY, false);
        }
    }

    /** Chapter 9: a non-blocking send() of {@code bytes} takes only part; sendall() loops. */
    record SendPartial(int bytes) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return PartialSend.run(log, bytes);
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE; // a non-blocking channel: no pane does that
        }
    }

    /** Chapter 9: the length, an ack, then the data — a round trip per message. */
    record LengthAck(List<String> messages) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return LengthAckExchange.run(log, messages);
        }
    }

    /** Chapter 9: the remote-command server (a fixed, harmless set), in {@code framing}, read with recv({@code recvBuffer}). */
    record Commands(String framing, int recvBuffer, List<String> asked) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.commands(log, Framing.parse(framing), recvBuffer, asked);
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE.with(PaneSettings.ANSWER_COMMANDS, true).with(PaneSettings.RECV_BUFFER, recvBuffer)
                    .with(PaneSettings.FRAMING, framing) // as the lesson spells it: the pane's field reads it the same way
                    .with(PaneSettings.RECV_DELAY_MS, 0).with(PaneSettings.MESSAGES, String.join("\n", asked));
        }
    }

    /** Chapter 9: a file with the JSON header, its sha256 checked on arrival; {@code alter} changes a byte after hashing. */
    record FileTransfer(String file, boolean alter) implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
            return Experiments.file(log, file, alter);
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE.with(PaneSettings.FRAMING, "header:le").with(PaneSettings.ALTER_FILE, alter);
        }
    }

    /** Chapter 11: one datagram to a closed port, unconnected and then connected. */
    record UdpNoServer() implements Experiment {
        @Override
        public Map<String, String> run(TraceLog log) throws LabException {
            return Experiments.udpNoServer(log);
        }

        @Override
        public PaneSettings panes() {
            return PaneSettings.NONE; // the panes are TCP's
        }
    }

    /** {@code spec} as the lesson file spells it, once it is known to be a framing (a bad one fails the lesson's load). */
    private static String framing(String spec) {
        Framing.parse(spec);
        return spec;
    }

    /** The lesson file's {@code "experiment"} object as its type: the one place its {@code "kind"} is read. */
    static Experiment fromJson(JsonNode x) {
        List<String> messages = new ArrayList<>();
        x.path("messages").forEach(m -> messages.add(m.asText()));
        Map<String, String> o = new LinkedHashMap<>();
        x.path("options").fields().forEachRemaining(e -> o.put(e.getKey(), e.getValue().asText()));
        int recvBuffer = x.path("recv_buffer").asInt(1024);
        int recvDelayMs = x.path("recv_delay_ms").asInt(0);
        String kind = x.path("kind").asText();
        return switch (kind) {
            case "tcp" -> new Tcp(x.path("scenario").asText(null), x.path("framing").asText(null));
            case "udp" -> new Udp(List.copyOf(messages), recvBuffer, recvDelayMs);
            case "sequence" -> new CallSequence();
            case "families" -> new Families();
            case "empty-send" -> new EmptySend(Integer.parseInt(o.getOrDefault("wait_ms", "500")));
            case "quit" -> new Quit(o.getOrDefault("how", "close"));
            case "models" -> new Models(ServerSettings.Model.parse(o.getOrDefault("model", "threaded")),
                    Integer.parseInt(o.getOrDefault("clients", "3")), recvDelayMs);
            case "time-wait" -> new TimeWait(Boolean.parseBoolean(o.getOrDefault("reuse", "false")));
            case "nagle" -> new Nagle(Integer.parseInt(o.getOrDefault("rounds", "9")));
            case "send-partial" -> new SendPartial(Integer.parseInt(o.getOrDefault("bytes", String.valueOf(4 << 20))));
            case "length-ack" -> new LengthAck(List.copyOf(messages));
            case "commands" -> new Commands(framing(o.getOrDefault("framing", "none")), recvBuffer, List.copyOf(messages));
            case "file" -> new FileTransfer(o.getOrDefault("file", "icon.png"), Boolean.parseBoolean(o.getOrDefault("alter", "false")));
            case "udp-no-server" -> new UdpNoServer();
            default -> throw new IllegalArgumentException("unknown experiment kind \"" + kind + "\"");
        };
    }
}
