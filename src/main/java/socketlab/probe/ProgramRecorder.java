package socketlab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlab.codec.Framing;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Digests;
import socketlab.trace.FrameRecorder;
import socketlab.trace.Op;
import socketlab.trace.ProgramLine;
import socketlab.trace.Side;
import socketlab.trace.Tcp;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/**
 * One traced program's calls, as the probe reports them, recorded as the lab records its own: a
 * connection per socket (numbered by the lab, like its own), each call an event with the Python
 * method's name as its {@code call}, sends and receives at their offsets in the stream, and —
 * through the framing the user chose — the messages the program's bytes meant and the frames its
 * receiver could have decoded, so glued and split read as they do for the lab's sockets.
 *
 * <pre>
 *   probe:  {"call":"sendall","sid":3,"t0":…,"t1":…,"n":11,"len":11} + 11 bytes
 *   trace:  {"op":"send","side":"client","conn":7,"call":"sendall","program":"client.py","pid":4242,
 *            "bytes":11,"offset":0,"dur_ns":…,"hex":"68656c6c6f…"}
 * </pre>
 *
 * A socket's side is known once it listens or accepts (server), or connects or sends a datagram
 * first (client); what it did before that (socket(), setsockopt(), bind()) waits and is recorded
 * then, with that side. Not thread-safe: one reader thread per program feeds it.
 */
final class ProgramRecorder {
    private final TraceLog log;
    private final TraceLog.Lane lane;
    private final TraceEvent.Origin origin;
    private final Framing framing;
    /** Nanoseconds to add to a probe time to get a trace time. */
    private final long shift;
    private final Map<Integer, Sock> socks = new LinkedHashMap<>(); // in the order the program made them
    /** The trace time of the last call reported. */
    private long last;
    /** Lines printed before the program had a socket with a side: they go with its first. */
    private final List<TraceEvent> unplaced = new ArrayList<>();

    /** One socket of the program's. */
    private static final class Sock {
        int conn = -1;
        Side side;
        boolean datagram;
        /** It called listen(): select() finding it ready means a client to accept. */
        boolean listening;
        int localPort;
        int remotePort;
        long sent;
        long received;
        int messages;
        FrameRecorder frames;
        FrameRecorder meant;
        final List<TraceEvent> waiting = new ArrayList<>();
    }

    /**
     * @param probeNanos the program's monotonic clock when it said hello, {@code labNanos} the lab's
     *                   {@link System#nanoTime()} when the hello arrived: the two clocks are the
     *                   same one on every OS Java and Python run on, and then the probe's times
     *                   are used as they are; when they are not (they differ by more than a second),
     *                   the hello's arrival sets the offset.
     */
    ProgramRecorder(TraceLog log, TraceEvent.Origin origin, Framing framing, long probeNanos, long labNanos) {
        this.log = log;
        this.lane = log.newLane();
        this.origin = origin;
        this.framing = framing;
        long labToTrace = log.now() - System.nanoTime();
        long clocks = Math.abs(labNanos - probeNanos) < 1_000_000_000L ? 0 : labNanos - probeNanos;
        this.shift = clocks + labToTrace;
    }

    TraceEvent.Origin origin() {
        return origin;
    }

    /** A call the program's probe holds until the lab lets it run (step mode): whose it is, what, and its ask number. */
    record Hold(Side side, int conn, String what, int waiting, long ask) {}

    /**
     * A probe's {@code before} report: the call it holds, as the step gate names it. Nothing is recorded: the
     * call is, once it has run. A socket not yet a server's or a client's is the side its call makes it.
     */
    Hold before(JsonNode r) {
        String call = r.path("before").asText("");
        Sock s = socks.get(r.path("sid").asInt());
        Side side = s != null && s.side != null ? s.side : call.equals("accept") ? Side.SERVER : Side.CLIENT;
        int conn = s != null && s.conn > 0 ? s.conn : 0;
        return new Hold(side, conn, r.path("what").asText(call), r.path("waiting").asInt(-1), r.path("ask").asLong());
    }

    /**
     * Records one report; {@code data} is the bytes the call moved (or null). True when the program
     * is now ready for the next one to start: it listens, bound a UDP socket, or reached out.
     */
    boolean take(JsonNode r, byte[] data) {
        String call = r.path("call").asText("");
        ProgramLine line = ProgramLine.of(call);
        if (line != null) {
            said(r, line);
            return false;
        }
        Sock s = socks.computeIfAbsent(r.path("sid").asInt(), k -> new Sock());
        long t1 = r.path("t1").asLong() + shift;
        last = Math.max(last, t1);
        long dur = Math.max(0, r.path("t1").asLong() - r.path("t0").asLong());
        boolean ready = call.equals("listen") || call.equals("connect") || call.equals("connect_ex")
                || call.equals("sendto") || call.equals("bind") && s.datagram;
        if (r.has("err")) {
            failed(s, call, r, t1);
            return ready;
        }
        switch (call) {
            case "socket" -> {
                s.datagram = r.path("type").asText().contains("DGRAM");
                early(s, t1, call, 0, r.path("family").asText() + " " + r.path("type").asText());
            }
            case "setsockopt" -> early(s, t1, call, 0, r.path("option").asText() + " " + r.path("value").asText("?"));
            case "bind" -> {
                s.localPort = port(r.path("local"));
                if (s.datagram) { // a UDP socket that binds is a server: it waits for datagrams on its port
                    sided(s, Side.SERVER);
                    life(s, Op.LISTEN, t1, s.localPort, 0, call);
                } else { // an AF_UNIX bind names its path as a note's value, which the lessons read (no port to read)
                    String path = unixPath(r.path("local"));
                    early(s, t1, call, s.localPort, address(r.path("local")), path == null ? null : Note.of(Note.Word.AF_UNIX, path));
                }
            }
            case "listen" -> {
                s.listening = true;
                sided(s, Side.SERVER);
                life(s, Op.LISTEN, t1, port(r.path("local")), 0, call);
            }
            case "accept" -> {
                Sock a = socks.computeIfAbsent(r.path("new").asInt(), k -> new Sock());
                a.localPort = port(r.path("local"));
                a.remotePort = port(r.path("remote"));
                sided(a, Side.SERVER);
                life(a, Op.ACCEPT, t1, a.localPort, a.remotePort, call, unixPath(r.path("local")));
            }
            case "connect", "connect_ex" -> {
                sided(s, Side.CLIENT);
                s.localPort = port(r.path("local"));
                s.remotePort = port(r.path("remote"));
                if (r.path("result").asInt(0) != 0) {
                    error(s, t1, Phrase.of("probe.connectEx", r.path("result").asInt()), call);
                } else if (s.datagram) {
                    call(s, t1, call, s.localPort, "→ " + address(r.path("remote")));
                } else {
                    life(s, Op.CONNECT, t1, s.localPort, s.remotePort, call, unixPath(r.path("remote")));
                }
            }
            case "send", "sendall" -> sent(s, t1, dur, call, data, r.path("n").asInt(), r.path("asked").asInt(), null);
            case "recv", "recv_into" -> received(s, t1, dur, call, data, r.path("n").asInt(), r.path("asked").asInt(),
                    r.path("waiting").asInt(-1), null);
            case "sendto" -> {
                if (s.side == null) {
                    sided(s, Side.CLIENT);
                }
                int to = port(r.path("to"));
                if (s.localPort == 0) { // an unbound socket's first sendto() bound it: the port the kernel picked
                    s.localPort = port(r.path("local"));
                }
                put(s, Op.SENDTO, t1, 0, data.length, 0, -1, s.localPort, to, dur, data, null, call);
            }
            case "recvfrom", "recvfrom_into" -> {
                if (s.side == null) {
                    sided(s, Side.CLIENT);
                }
                put(s, Op.RECVFROM, t1, 0, data.length, r.path("asked").asInt(), -1, s.localPort, port(r.path("frm")), dur, data,
                        null, call);
            }
            case "shutdown" -> call(s, t1, call, 0, r.path("how").asText());
            case "select" -> selected(r, t1, dur);
            case "close" -> {
                if (s.side == null) {
                    sided(s, Side.CLIENT);
                }
                put(s, Op.CLOSE, t1, s.received, 0, 0, -1, s.localPort, 0, 0, null, null, call);
            }
            default -> { } // a call this lab does not know yet: the program's own business
        }
        return ready;
    }

    /**
     * A line the program printed or was typed, on the connection its thread last used, as the probe says: a row
     * shows it when that is a connection's socket, not when it is a listening one (a server's "waiting for a
     * connection" before its first accept() is in the trace, on no row). A line from a thread that has used no
     * socket yet goes with the program's first socket — so every line carries its program — and waits for one.
     */
    private void said(JsonNode r, ProgramLine line) {
        long t = r.path("t1").asLong() + shift;
        last = Math.max(last, t);
        String text = ProgramLine.kept(r.path("prompt").asText("") + r.path("text").asText(""));
        Sock s = socks.get(r.path("sid").asInt());
        if (s == null || s.side == null) {
            s = socks.values().stream().filter(k -> k.side != null).findFirst().orElse(null);
        }
        TraceEvent e = new TraceEvent(0, t, Op.CALL, s == null ? Side.CLIENT : s.side, s == null ? 0 : s.conn, 0, 0, 0, -1, 0,
                0, 0, Verdict.UNKNOWN, 0, 0, null, text, null, line.call(), null, null);
        if (s == null) {
            unplaced.add(e);
        } else {
            lane.append(e);
        }
    }

    /** Records a send or a receive (the records that skip JSON); true when the program is ready (see above). */
    boolean take(Record r) {
        return take(r, null);
    }

    /** A send or receive and the kernel's TCP state just after it ({@code tcp}, or null when not read). */
    boolean take(Record r, Tcp tcp) {
        Sock s = socks.computeIfAbsent(r.sid(), k -> new Sock());
        long t1 = r.t1() + shift;
        last = Math.max(last, t1);
        long dur = Math.max(0, r.t1() - r.t0());
        if (s.datagram) { // send() and recv() on a connected UDP socket: each one datagram, to or from its peer
            datagram(s, t1, dur, r);
        } else if (r.kind() == Record.SEND || r.kind() == Record.SENDALL) {
            sent(s, t1, dur, r.call(), r.data(), (int) r.n(), r.asked(), tcp);
        } else if (r.kind() == Record.RECV || r.kind() == Record.RECV_INTO) {
            received(s, t1, dur, r.call(), r.data(), (int) r.n(), r.asked(), r.waiting(), tcp);
        }
        return false;
    }

    private void datagram(Sock s, long t, long dur, Record r) {
        if (s.side == null) {
            sided(s, Side.CLIENT);
        }
        boolean out = r.kind() == Record.SEND || r.kind() == Record.SENDALL;
        put(s, out ? Op.SENDTO : Op.RECVFROM, t, 0, (int) r.n(), out ? 0 : r.asked(), -1, s.localPort, s.remotePort, dur, r.data(),
                null, r.call());
    }

    /** The program ended: the decoders say what was left unfinished on each connection. */
    void ended() {
        unplaced.forEach(lane::append); // a program that printed and never made a socket: its lines, on no connection
        unplaced.clear();
        for (Sock s : socks.values()) {
            if (s.frames != null) {
                s.frames.ended(last, s.received);
            }
            if (s.meant != null) { // the sender's decoder gives its room back to the process's pool too
                s.meant.release();
            }
        }
    }

    /** A send: {@code n} bytes taken of the {@code asked} the call was given (all of them for sendall). */
    private void sent(Sock s, long t, long dur, String call, byte[] data, int n, int asked, Tcp tcp) {
        if (s.side == null) {
            sided(s, Side.CLIENT);
        }
        lane.append(event(s, Op.SEND, t, s.sent, n, asked, -1, 0, 0, dur, data, null, null, call, tcp));
        if (meant(s) != null) {
            meant(s).feed(t, data, 0, data.length);
        } else { // no framing: each send() is a message, as the program sees it
            lane.messageAt(t, Op.MESSAGE, s.side, s.conn, s.sent, s.messages++, 0, n, data, Digests.crc(data), Verdict.UNKNOWN, null);
        }
        s.sent += n;
    }

    private void received(Sock s, long t, long dur, String call, byte[] data, int n, int asked, int waiting, Tcp tcp) {
        if (s.side == null) {
            sided(s, Side.CLIENT);
        }
        if (n == 0) {
            put(s, Op.EOF, t, s.received, 0, asked, waiting, 0, 0, dur, null, null, call);
            frames(s).ended(t, s.received);
            return;
        }
        lane.append(event(s, Op.RECV, t, s.received, n, asked, waiting, 0, 0, dur, data, null, null, call, tcp));
        s.received += n;
        frames(s).feed(t, data, 0, data.length);
    }

    private FrameRecorder frames(Sock s) {
        if (s.frames == null) {
            s.frames = new FrameRecorder(framing.newDecoder(Framing.DEFAULT_MAX_FRAME), lane, Op.FRAME, s.side, s.conn);
        }
        return s.frames;
    }

    /** The sender's messages, read from its bytes by the framing; null for no framing (each send() is one). */
    private FrameRecorder meant(Sock s) {
        if (framing.kind() == Framing.Kind.NONE) {
            return null;
        }
        if (s.meant == null) {
            s.meant = new FrameRecorder(framing.newDecoder(Framing.DEFAULT_MAX_FRAME), lane, Op.MESSAGE, s.side, s.conn);
        }
        return s.meant;
    }

    /**
     * A select() (the selectors module's) that found sockets ready: as the lab's own selector server records it —
     * {@code bytes} how many, the text which ("accept" for a listening socket, "#3" for connection 3).
     */
    private void selected(JsonNode r, long t, long dur) {
        List<String> which = new ArrayList<>();
        int conn = 0;
        for (JsonNode n : r.path("ready")) {
            Sock ready = socks.get(n.asInt());
            if (ready != null && ready.listening) {
                which.add("accept");
                conn = ready.conn;
            } else if (ready != null && ready.conn > 0) {
                which.add("#" + ready.conn);
                conn = conn == 0 ? ready.conn : conn;
            }
        }
        if (which.isEmpty()) {
            return;
        }
        lane.append(new TraceEvent(0, t, Op.SELECT, Side.SERVER, conn, 0, which.size(), 0, -1, 0, 0, 0, Verdict.UNKNOWN, 0, dur,
                null, String.join(" ", which), null, "select", null, null));
    }

    private void failed(Sock s, String call, JsonNode r, long t) {
        if (s.side == null) { // a socket that failed before it had a side: one that binds, listens or accepts would have served
            boolean serving = call.equals("bind") || call.equals("listen") || call.equals("accept") || call.startsWith("recv") && s.datagram;
            sided(s, serving ? Side.SERVER : Side.CLIENT);
        }
        JsonNode err = r.path("err");
        String type = err.path("type").asText("Error");
        String text = type + ": " + err.path("text").asText("");
        String doing = call.startsWith("send") ? "doing.sending" : call.startsWith("recv") ? "doing.receiving" : null;
        Phrase why = switch (type) {
            case "ConnectionRefusedError" -> Phrase.of("probe.refused", call, text);
            case "ConnectionResetError" -> doing != null ? Phrase.of("io.reset", Phrase.of(doing)) : Phrase.verbatim(text);
            case "BrokenPipeError" -> doing != null ? Phrase.of("io.brokenPipe", Phrase.of(doing)) : Phrase.verbatim(text);
            case "timeout", "TimeoutError" -> Phrase.of("probe.timeout", call);
            default -> Phrase.of("probe.raised", call, text);
        };
        error(s, t, why, call);
    }

    /** A call made before the socket's side is known: held until it is (see {@link #sided}). */
    private void early(Sock s, long t, String call, int localPort, String detail) {
        early(s, t, call, localPort, detail, null);
    }

    private void early(Sock s, long t, String call, int localPort, String detail, Note note) {
        TraceEvent e = event(s, Op.CALL, t, 0, 0, 0, -1, localPort, 0, 0, null, detail, note, call, null);
        if (s.side == null) {
            s.waiting.add(e);
        } else {
            lane.append(e);
        }
    }

    private void call(Sock s, long t, String call, int localPort, String detail) {
        put(s, Op.CALL, t, 0, 0, 0, -1, localPort, 0, 0, null, detail, call);
    }

    /** The socket's side is known now: it gets its connection number and what waited is recorded. */
    private void sided(Sock s, Side side) {
        if (s.side != null) {
            return;
        }
        s.side = side;
        s.conn = log.newConnId();
        log.origin(s.conn, origin);
        for (List<TraceEvent> held : List.of(s.waiting, unplaced)) { // its own early calls, then lines printed before any socket
            for (TraceEvent e : held) {
                lane.append(new TraceEvent(0, e.tNs(), e.op(), side, s.conn, e.offset(), e.bytes(), e.requested(), e.available(),
                        e.a(), e.b(), e.wire(), e.verified(), e.digest(), e.durNs(), e.payload(), e.text(), e.said(), e.call(),
                        null, null));
            }
        }
        s.waiting.clear();
        unplaced.clear();
    }

    private void life(Sock s, Op op, long t, int localPort, int remotePort, String call) {
        life(s, op, t, localPort, remotePort, call, null);
    }

    /** A socket's life event; {@code unixPath}: the path an AF_UNIX end was accepted on or connected to (else null). */
    private void life(Sock s, Op op, long t, int localPort, int remotePort, String call, String unixPath) {
        Note note = Note.of(Note.Word.PROGRAM, origin.program()).and(Note.Word.PID, String.valueOf(origin.pid()));
        if (unixPath != null) { // the index pairs the two ends of an AF_UNIX connection by it: they have no ports
            note = note.and(Note.Word.AF_UNIX, unixPath);
        }
        if (op != Op.LISTEN && framing.kind() != Framing.Kind.NONE) {
            note = note.and(Note.Word.FRAMING, framing.spec());
        }
        lane.append(new TraceEvent(0, t, op, s.side, s.conn, 0, 0, 0, -1, localPort, remotePort, 0, Verdict.UNKNOWN, 0, 0,
                null, null, note, call, null, null));
    }

    private void error(Sock s, long t, Phrase why, String call) {
        lane.append(new TraceEvent(0, t, Op.ERROR, s.side, s.conn, s.received, 0, 0, -1, 0, 0, 0, Verdict.UNKNOWN, 0, 0,
                null, null, why, call, null, null));
    }

    private void put(Sock s, Op op, long t, long offset, int bytes, int requested, int available, int a, int b, long dur,
                     byte[] data, String detail, String call) {
        lane.append(event(s, op, t, offset, bytes, requested, available, a, b, dur, data, detail, null, call, null));
    }

    private TraceEvent event(Sock s, Op op, long t, long offset, int bytes, int requested, int available, int a, int b,
                             long dur, byte[] data, String detail, Note note, String call, Tcp tcp) {
        return new TraceEvent(0, t, op, s.side == null ? Side.CLIENT : s.side, s.conn, offset, bytes, requested, available,
                a, b, 0, Verdict.UNKNOWN, 0, dur, data, detail, note, call, null, tcp); // the log keeps the first bytes only
    }

    private static int port(JsonNode address) {
        return address != null && address.isArray() && address.size() > 1 ? address.get(1).asInt() : 0;
    }

    /** An AF_UNIX address's path (the probe sends it as a string), else null. */
    private static String unixPath(JsonNode a) {
        return a != null && a.isTextual() && !a.asText().isEmpty() ? a.asText() : null;
    }

    /** An address as the program gave it: host:port, or an AF_UNIX socket's path (its file's name). */
    private static String address(JsonNode a) {
        String path = unixPath(a);
        if (path != null) {
            return path;
        }
        return a != null && a.isArray() && a.size() > 1 ? a.get(0).asText() + ":" + a.get(1).asInt() : "?";
    }
}
