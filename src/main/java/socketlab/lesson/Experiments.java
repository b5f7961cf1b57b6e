package socketlab.lesson;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.exec.TaskRunner;
import socketlab.net.ClientSettings;
import socketlab.net.Commands;
import socketlab.net.LabClient;
import socketlab.net.LabException;
import socketlab.net.LabServer;
import socketlab.net.NagleProbe;
import socketlab.net.RequestClient;
import socketlab.net.ServerSettings;
import socketlab.net.TcpStates;
import socketlab.net.UdpClient;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * The lessons' experiments beyond a scenario: each runs on real loopback sockets, records every
 * call into the trace, and returns the facts it measured (what the lesson's question is answered
 * from, and what its result sentence quotes). Nothing here is scripted to look right: a fact is
 * read from the sockets or from the trace they wrote.
 */
final class Experiments {
    private static final long WAIT_MS = 10_000;
    private static final long ALL_ACCEPTED_MS = 500;

    private Experiments() {
    }

    // --- chapters 1–4: the call sequence, and the port the OS gives the client

    static Map<String, String> sequence(TraceLog log) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        int from = log.size();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withMaxConns(1))) {
            int port = server.start();
            LabClient client = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
            client.connect();
            client.send(List.of("hello".getBytes(StandardCharsets.UTF_8)));
            client.finishSending();
            client.awaitServerClose(WAIT_MS);
            int clientPort = client.localPort();
            client.close();
            server.awaitStopped(WAIT_MS);
            int[] range = ephemeralRange();
            f.put("server_port", String.valueOf(port));
            f.put("client_port", String.valueOf(clientPort));
            f.put("range", range[0] + "–" + range[1]);
            f.put("client_port_kind", portKind(clientPort, port));
            f.put("server_sockets", String.valueOf(count(log, Op.LISTEN, Side.SERVER, from) + count(log, Op.ACCEPT, Side.SERVER, from)));
        }
        return f;
    }

    /** Which port a client that never called bind() got: {@code os} (one of the system's ephemeral ports), {@code same} or {@code other}. */
    static String portKind(int clientPort, int serverPort) {
        int[] range = ephemeralRange();
        boolean picked = clientPort != serverPort && clientPort >= range[0] && clientPort <= range[1];
        return picked ? "os" : clientPort == serverPort ? "same" : "other";
    }

    /** The kernel's range for ports it picks (Linux tells; elsewhere the IANA range is a fair guess). */
    static int[] ephemeralRange() {
        try {
            // readAllLines, not readString: procfs reports a size of 0 and readString trusts it
            String[] p = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {1024, 65535};
        }
    }

    // --- chapter 5: send(b'') sends nothing, so the server's recv() has nothing to return

    static Map<String, String> emptySend(TraceLog log, int waitMs) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0));
             LabClient client = new LabClient(log, ClientSettings.to(server.start()), TaskRunner.threads())) {
            client.connect();
            int sends = count(log, Op.SEND, Side.CLIENT);
            int recvs = count(log, Op.RECV, Side.SERVER);
            client.send(List.of(new byte[0]));
            log.await(Op.SEND, Side.CLIENT, sends + 1, WAIT_MS);
            boolean returned = log.await(Op.RECV, Side.SERVER, recvs + 1, waitMs);
            f.put("sent", String.valueOf(last(log, Op.SEND, Side.CLIENT).bytes()));
            f.put("waited_ms", String.valueOf(waitMs));
            f.put("server_recv", returned ? "returned" : "waits");
        }
        return f;
    }

    // --- chapter 6: a client that quits, politely (FIN → EOF) or abruptly (RST → reset)

    static Map<String, String> quit(TraceLog log, String how) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        int errorsBefore = count(log, Op.ERROR, Side.SERVER);
        int eofsBefore = count(log, Op.EOF, Side.SERVER);
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0))) {
            LabClient client = new LabClient(log, ClientSettings.to(server.start()), TaskRunner.threads());
            client.connect();
            int recvs = count(log, Op.RECV, Side.SERVER);
            client.send(List.of("bye".getBytes(StandardCharsets.UTF_8)));
            log.await(Op.RECV, Side.SERVER, recvs + 1, WAIT_MS);
            if (how.equals("reset")) {
                client.abort();
            } else {
                client.close();
            }
            server.awaitClosedConnections(1, WAIT_MS);
        }
        if (count(log, Op.ERROR, Side.SERVER) > errorsBefore) {
            f.put("server_saw", "reset");
            f.put("message", last(log, Op.ERROR, Side.SERVER).text());
        } else if (count(log, Op.EOF, Side.SERVER) > eofsBefore) {
            f.put("server_saw", "eof");
            f.put("message", "recv() → b''");
        } else {
            f.put("server_saw", "nothing");
            f.put("message", "");
        }
        return f;
    }

    // --- chapters 6 and 10: the connection loop, and iterative / threaded / selector servers

    static Map<String, String> models(TraceLog log, ServerSettings.Model model, int n, int delayMs)
            throws LabException, InterruptedException {
        int from = log.size();
        ServerSettings s = ServerSettings.defaults().withPort(0).withRecv(1024, delayMs, List.of()).withModel(model).withMaxConns(n);
        try (LabServer server = new LabServer(log, s)) {
            int port = server.start();
            List<LabClient> clients = new ArrayList<>();
            try {
                int acceptsBefore = count(log, Op.ACCEPT, Side.SERVER);
                for (int i = 1; i <= n; i++) {
                    LabClient c = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
                    clients.add(c);
                    c.connect();
                    c.send(List.of(("client " + i).getBytes(StandardCharsets.UTF_8)));
                }
                // give the server the chance to accept everyone while all stay connected: a concurrent one
                // does at once; an iterative one cannot, however long it is given (here half a second)
                log.await(Op.ACCEPT, Side.SERVER, acceptsBefore + n, ALL_ACCEPTED_MS);
                for (LabClient c : clients) { // they leave one after the other, first come first
                    c.finishSending();
                    c.awaitServerClose(WAIT_MS);
                    c.close();
                }
            } finally {
                clients.forEach(LabClient::close);
            }
            server.awaitStopped(WAIT_MS);
        }
        return modelFacts(log, from);
    }

    /**
     * What a server model did, read from the server side's events since {@code from}: how many clients it accepted
     * before it closed the first one's connection ({@code served_at_once}), when it accepted the second, and how
     * many connections one select() reported ready. The lab's own models and a listing's Python servers alike.
     */
    static Map<String, String> modelFacts(TraceLog log, int from) {
        List<TraceEvent> accepts = new ArrayList<>();
        List<TraceEvent> closes = new ArrayList<>();
        int maxReady = 0;
        for (int i = from; i < log.size(); i++) {
            if (log.side(i) != Side.SERVER) {
                continue;
            }
            if (log.op(i) == Op.ACCEPT) {
                accepts.add(log.get(i));
            } else if (log.op(i) == Op.CLOSE) {
                closes.add(log.get(i));
            } else if (log.op(i) == Op.SELECT) {
                maxReady = Math.max(maxReady, log.get(i).text().split("#").length - 1);
            }
        }
        Map<String, String> f = new LinkedHashMap<>();
        long firstClose = closes.stream().filter(c -> !accepts.isEmpty() && c.conn() == accepts.get(0).conn())
                .mapToLong(TraceEvent::tNs).findFirst().orElse(Long.MAX_VALUE);
        f.put("accepts", String.valueOf(accepts.size()));
        f.put("second_accept", accepts.size() < 2 ? "never" : accepts.get(1).tNs() > firstClose ? "after_close" : "before_close");
        f.put("served_at_once", String.valueOf(accepts.stream().filter(a -> a.tNs() < firstClose).count()));
        f.put("max_ready", String.valueOf(maxReady));
        f.put("select_ready", maxReady >= 2 ? "several" : maxReady == 1 ? "one" : "none");
        f.put("wait_ms", accepts.size() < 2 ? "0" : ms(accepts.get(1).tNs() - accepts.get(0).tNs()));
        return f;
    }

    // --- chapter 7: TIME_WAIT and SO_REUSEADDR

    static Map<String, String> timeWait(TraceLog log, boolean reuse) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        LabServer first = new LabServer(log, ServerSettings.defaults().withPort(0)).reuseAddress(reuse);
        int port = first.start();
        LabClient client = new LabClient(log, ClientSettings.to(port), TaskRunner.threads());
        int accepts = count(log, Op.ACCEPT, Side.SERVER);
        try {
            client.connect();
            log.await(Op.ACCEPT, Side.SERVER, accepts + 1, WAIT_MS);
            first.close(); // the server closes first: its side of the connection waits in TIME_WAIT
            client.awaitServerClose(WAIT_MS);
        } finally {
            client.close();
            first.close();
        }
        int waiting = TcpStates.timeWait(port);
        f.put("port", String.valueOf(port));
        f.put("time_wait", waiting < 0 ? "?" : String.valueOf(waiting));
        List<String> sockets = TcpStates.timeWaitSockets(port);
        f.put("sockets", sockets.isEmpty() ? "—" : String.join("; ", sockets));
        try (LabServer again = new LabServer(log, ServerSettings.defaults().withPort(port)).reuseAddress(reuse)) {
            again.start();
            f.put("restart", "ok");
            f.put("message", "bind(('127.0.0.1', " + port + ")) ✓");
        } catch (LabException e) {
            log.error(Side.SERVER, 0, 0, e.words());
            f.put("restart", "in_use");
            f.put("message", e.getMessage());
        }
        return f;
    }

    // --- chapter 8: Nagle's algorithm and delayed ACK

    static Map<String, String> nagle(TraceLog log, int rounds) throws LabException {
        NagleProbe.Result on = NagleProbe.run(log, NagleProbe.Setup.NAGLE, rounds);
        NagleProbe.Result off = NagleProbe.run(log, NagleProbe.Setup.NODELAY, rounds);
        Map<String, String> f = new LinkedHashMap<>();
        double onMs = on.medianNs() / 1e6;
        f.put("nagle_ms", String.format(Locale.ROOT, "%.2f", onMs));
        f.put("nodelay_ms", String.format(Locale.ROOT, "%.3f", off.medianNs() / 1e6));
        if (NagleProbe.Setup.QUICKACK.available()) {
            NagleProbe.Result quick = NagleProbe.run(log, NagleProbe.Setup.QUICKACK, rounds);
            f.put("quickack_ms", String.format(Locale.ROOT, "%.3f", quick.medianNs() / 1e6));
        } else {
            f.put("quickack_ms", "—"); // TCP_QUICKACK is Linux's: not measured, and the row is not drawn
        }
        f.put("rounds", String.valueOf(rounds));
        f.put("nagle_round", onMs < 1 ? "fast" : onMs < 500 ? "stall" : "second");
        return f;
    }

    // --- chapter 9: "send the length, wait for an ack, then send the data" — one extra round trip per message

    // --- chapter 9: the remote-command server (a fixed, harmless command set), with and without a header

    static Map<String, String> commands(TraceLog log, Framing framing, int recvSize, List<String> asked)
            throws LabException {
        Map<String, String> f = new LinkedHashMap<>();
        ServerSettings s = ServerSettings.defaults().withPort(0).withFraming(framing).withMaxConns(1);
        List<byte[]> answers = new ArrayList<>();
        try (LabServer server = new LabServer(log, s).answerCommands(true)) {
            try (RequestClient client = new RequestClient(log, server.start(), framing, recvSize)) {
                for (String command : asked) {
                    answers.add(client.ask(command.getBytes(StandardCharsets.UTF_8)));
                }
                client.finish(WAIT_MS);
            }
        }
        byte[] full = Commands.answer(asked.get(0).getBytes(StandardCharsets.UTF_8));
        byte[] own = Commands.answer(asked.get(1).getBytes(StandardCharsets.UTF_8));
        byte[] first = answers.get(0);
        byte[] second = answers.get(1);
        boolean rest = second.length > 0 && first.length < full.length && Arrays.equals(second, 0, Math.min(second.length,
                full.length - first.length), full, first.length, Math.min(full.length, first.length + second.length));
        f.put("answer_bytes", String.valueOf(full.length));
        f.put("first_bytes", String.valueOf(first.length));
        f.put("second_text", abbreviate(new String(second, StandardCharsets.UTF_8)));
        f.put("second_answer", Arrays.equals(second, own) ? "own" : rest ? "rest" : "other");
        return f;
    }

    private static String abbreviate(String text) {
        String one = text.strip().replace("\n", " ⏎ ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }

    // --- chapter 9: a file with the JSON header (filename, data_size, sha256), checked on arrival

    static Map<String, String> file(TraceLog log, String name, boolean alter) throws LabException, InterruptedException {
        byte[] content;
        try (java.io.InputStream in = Experiments.class.getResourceAsStream("/socketlab/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the lab's file " + name + " is missing from the build");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the lab's file " + name + " cannot be read", e);
        }
        Framing header = Framing.HEADER;
        int from = log.size();
        try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(header));
             LabClient client = new LabClient(log, ClientSettings.to(server.start()).withFraming(header), TaskRunner.threads())) {
            int frames = count(log, Op.FRAME, Side.SERVER);
            client.connect();
            client.sendFile(content, name, alter);
            log.await(Op.FRAME, Side.SERVER, frames + 1, WAIT_MS);
        }
        Map<String, String> f = new LinkedHashMap<>();
        TraceEvent frame = null;
        for (int i = from; i < log.size(); i++) {
            if (log.op(i) == Op.FRAME && log.side(i) == Side.SERVER) {
                frame = log.get(i);
            }
        }
        f.put("file", name);
        f.put("data_size", String.valueOf(content.length));
        f.put("sha256", sha256(content).substring(0, 16) + "…");
        Verdict ok = frame == null ? Verdict.UNKNOWN : frame.verified();
        f.put("check", ok == Verdict.UNKNOWN ? "none" : ok == Verdict.OK ? "verified" : "mismatch");
        f.put("mark", ok == Verdict.UNKNOWN ? "?" : ok.mark());
        return f;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- chapter 11: UDP with nobody listening

    /** Sends one datagram to a closed port twice: from an unconnected socket, then from a connected one. */
    static Map<String, String> udpNoServer(TraceLog log) throws LabException {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // a port that was free a moment ago, and is closed now
        } catch (IOException e) {
            throw new LabException(Phrase.of("udp.noFreePort", e.getMessage()), e);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("port", String.valueOf(port));
        for (boolean connected : new boolean[] {false, true}) {
            String outcome;
            String message;
            try (UdpClient client = new UdpClient(log, ServerSettings.LOOPBACK, port, connected)) {
                client.sendto("anyone there?".getBytes(StandardCharsets.UTF_8));
                byte[] reply = client.recvfrom(1024, 500);
                outcome = reply == null ? "silence" : "reply";
                message = reply == null ? "recvfrom(1024) … 500 ms … —" : new String(reply, StandardCharsets.UTF_8);
            } catch (LabException e) {
                outcome = "refused";
                message = e.getMessage();
            }
            String which = connected ? "connected" : "unconnected";
            f.put(which, outcome);
            f.put(which + "_message", message);
        }
        return f;
    }

    // --- reading the trace

    private static int count(TraceLog log, Op op, Side side) {
        return count(log, op, side, 0);
    }

    /** How many {@code op} calls of {@code side} the trace holds from event {@code from} on. */
    static int count(TraceLog log, Op op, Side side, int from) {
        int n = 0;
        for (int i = from; i < log.size(); i++) {
            if (log.op(i) == op && log.side(i) == side) {
                n++;
            }
        }
        return n;
    }

    private static TraceEvent last(TraceLog log, Op op, Side side) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.op(i) == op && log.side(i) == side) {
                return log.get(i);
            }
        }
        throw new IllegalStateException("no " + op + " in the trace");
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%.0f", ns / 1e6);
    }
}
