package socketlab.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HexFormat;
import java.util.Locale;
import socketlab.codec.Verdict;
import socketlab.text.Said;

/**
 * A saved run: the JSON-lines trace of the CLI, with one {@code settings} line first (what the
 * panes were set to), and payloads as captured (up to {@link TraceLog#capturePerEvent()} bytes
 * per event, not the CLI's shorter cap), so that opening it gives back the same events.
 * Traces written by the CLI open too (no settings line; a final {@code summary} line is skipped).
 */
public final class TraceFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A trace's times: within 2^55 ns (over a year), what a row holds. */
    static final long MAX_NS = (1L << 55) - 1;
    /** A stream position: far past anything a run moves, with room to add a call's bytes without overflow. */
    static final long MAX_OFFSET = 1L << 62;
    /** How far a traced program's clock may lead the lab's (both read CLOCK_MONOTONIC; this is rounding). */
    static final long CLOCK_SLACK_NS = 1_000_000_000L;

    private TraceFile() {
    }

    /** A trace read back, with the settings line (an empty object when there was none). */
    public record Loaded(TraceLog log, ObjectNode settings) {}

    /** A line that could not be read: its number and what was wrong with it. */
    public static final class BadTraceException extends IOException {
        private final int line;

        public BadTraceException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static void write(TraceLog log, ObjectNode settings, Writer out) throws IOException {
        BufferedWriter w = new BufferedWriter(out);
        ObjectNode head = JSON.createObjectNode();
        head.put("op", "settings");
        head.put("side", "both");
        head.put("conn", 0);
        head.put("t_ns", 0);
        head.put("format", "socketlab-trace/1");
        head.set("settings", settings == null ? JSON.createObjectNode() : settings);
        w.write(head.toString());
        w.write('\n');
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        java.util.Map<Integer, Integer> rows = ConnectionRow.numbers(idx); // the window's numbering, beside each end's own
        int n = log.size();
        try (com.fasterxml.jackson.core.JsonGenerator g = TraceJson.generator(w)) {
            for (int i = 0; i < n; i++) {
                TraceEvent e = log.get(i);
                TraceJson.write(e, log.capturePerEvent(), rows.getOrDefault(e.conn(), 0), g);
            }
        }
        w.flush();
    }

    /** Reads a trace file: UTF-8 (a byte-order mark skipped), a line with bytes that are not named by its number. */
    public static Loaded read(java.nio.file.Path file) throws IOException {
        try (socketlab.text.Utf8Text.Lines lines = socketlab.text.Utf8Text.lines(java.nio.file.Files.newInputStream(file))) {
            return read(lines::next);
        }
    }

    public static Loaded read(Reader in) throws IOException {
        return read(new BufferedReader(in)::readLine);
    }

    /** Where lines come from: the next one, or null at the end. */
    @FunctionalInterface
    private interface LineSource {
        String next() throws IOException;
    }

    private static Loaded read(LineSource r) throws IOException {
        TraceLog log = new TraceLog();
        TraceLog.Lane lane = log.newLane();
        ObjectNode settings = JSON.createObjectNode();
        int lineNo = 0;
        int events = 0;
        while (true) {
            String line;
            try {
                line = r.next();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new BadTraceException(lineNo + 1, socketlab.text.Words.tr("file.notUtf8Line"));
            }
            if (line == null) {
                break;
            }
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark, from a reader that kept it
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadTraceException(lineNo, "not JSON (" + e.getOriginalMessage() + ")");
            }
            if (!(n instanceof ObjectNode o)) {
                throw new BadTraceException(lineNo, "expected a JSON object, one event per line");
            }
            String op = text(o, "op", lineNo).toLowerCase(Locale.ROOT);
            if (op.equals("settings")) {
                if (o.get("settings") instanceof ObjectNode s) {
                    settings = s;
                }
                continue;
            }
            if (op.equals("summary") || op.equals("nagle") || op.equals("lesson")) { // a run's closing figures: made again from the events
                continue;
            }
            TraceEvent e = event(o, op, lineNo);
            if (e.origin() != null && log.origin(e.conn()) == null) {
                log.origin(e.conn(), e.origin());
            }
            lane.append(e);
            events++;
        }
        if (events == 0 && lineNo == 0) {
            throw new BadTraceException(0, "the file is empty");
        }
        log.size(); // the log puts its lanes' events in order when first asked: here, on the reading thread, not in a pulse
        return new Loaded(log, settings);
    }

    private static TraceEvent event(ObjectNode o, String opName, int line) throws BadTraceException {
        Op op;
        Side side;
        try {
            op = Op.parse(opName);
        } catch (IllegalArgumentException e) {
            throw new BadTraceException(line, "unknown op \"" + opName + "\"");
        }
        String sideName = text(o, "side", line).toLowerCase(Locale.ROOT);
        try {
            side = Side.parse(sideName);
        } catch (IllegalArgumentException e) {
            throw new BadTraceException(line, "unknown side \"" + sideName + "\" (client or server)");
        }
        int conn = (int) number(o, "conn", line, true, 0, Integer.MAX_VALUE);
        long t = number(o, "t_ns", line, true, 0, MAX_NS);
        long offset = number(o, "offset", line, false, 0, MAX_OFFSET);
        int bytes = (int) number(o, "bytes", line, false, 0, Integer.MAX_VALUE);
        int requested = (int) number(o, "requested", line, false, 0, Integer.MAX_VALUE);
        int available = o.has("available") ? (int) number(o, "available", line, true, -1, Integer.MAX_VALUE) : TraceLog.NOT_MEASURED;
        long dur = number(o, "dur_ns", line, false, 0, MAX_NS);
        if (dur > t + CLOCK_SLACK_NS) {
            throw new BadTraceException(line, "\"dur_ns\" is " + dur + ": a call that ended at t_ns " + t
                    + " cannot have begun before the trace did");
        }
        byte[] payload = null;
        if (o.has("hex")) {
            try {
                payload = HexFormat.of().parseHex(o.get("hex").asText());
            } catch (IllegalArgumentException e) {
                throw new BadTraceException(line, "\"hex\" is not hexadecimal");
            }
        } else if (op == Op.SEND || op == Op.RECV || op == Op.MESSAGE || op == Op.FRAME || op == Op.SENDTO || op == Op.RECVFROM) {
            payload = new byte[0];
        }
        int a = 0;
        int b = 0;
        int wire = 0;
        Verdict verified = Verdict.UNKNOWN;
        long digest = 0;
        String text = null;
        Said said = null;
        switch (op) {
            case LISTEN -> {
                a = (int) number(o, "port", line, false, 0, 65535);
                text = o.has("settings") ? o.get("settings").asText() : null;
                said = SaidJson.readNote(o);
            }
            case ACCEPT, CONNECT -> {
                a = (int) number(o, "local_port", line, true, 0, 65535);
                b = (int) number(o, "remote_port", line, true, 0, 65535);
                text = o.has("settings") ? o.get("settings").asText() : null;
                said = SaidJson.readNote(o);
            }
            case CLOSE -> {
                a = (int) number(o, "local_port", line, false, 0, 65535);
                said = SaidJson.readNote(o);
            }
            case SENDTO, RECVFROM -> {
                a = (int) number(o, "local_port", line, false, 0, 65535);
                b = (int) number(o, op == Op.SENDTO ? "to_port" : "from_port", line, false, 0, 65535);
            }
            case ERROR -> {
                text = text(o, "message", line);
                said = SaidJson.readPhrase(o);
            }
            case SELECT -> {
                bytes = (int) number(o, "ready", line, false, 0, Integer.MAX_VALUE);
                text = o.has("ready_list") ? o.get("ready_list").asText() : null;
            }
            case MESSAGE, FRAME -> {
                a = (int) number(o, "index", line, true, 0, Integer.MAX_VALUE);
                b = (int) number(o, "header_bytes", line, false, 0, Integer.MAX_VALUE);
                wire = (int) number(o, "wire_bytes", line, false, 0, Integer.MAX_VALUE);
                digest = number(o, "digest", line, false);
                JsonNode v = o.get("verified");
                verified = v == null || v.isNull() ? Verdict.UNKNOWN : Verdict.of(v.asBoolean());
                JsonNode h = o.get("header");
                text = h == null || h.isNull() ? null : h.isTextual() ? h.asText() : h.toString();
            }
            case UNRECORDED -> {
                String of = text(o, "of", line);
                try {
                    a = Op.parse(of).ordinal();
                } catch (IllegalArgumentException e) {
                    throw new BadTraceException(line, "unknown op \"" + of + "\" in \"of\"");
                }
                requested = (int) Math.min(Integer.MAX_VALUE, number(o, "calls", line, true, 0, Long.MAX_VALUE));
                bytes = (int) Math.min(Integer.MAX_VALUE, number(o, "bytes", line, true, 0, Long.MAX_VALUE));
            }
            case SEGMENT -> {
                bytes = (int) number(o, "len", line, true, 0, 1 << 20);
                requested = (int) number(o, "src_port", line, true, 0, 65535);
                available = (int) number(o, "dst_port", line, true, 0, 65535);
                if ("udp".equals(o.path("proto").asText("tcp"))) {
                    a = Segments.UDP;
                } else {
                    a = Segments.parse(text(o, "flags", line));
                    if (a < 0 || (a & Segments.UDP) != 0) {
                        throw new BadTraceException(line, "\"flags\" " + o.get("flags") + " names a flag TCP does not have");
                    }
                    b = (int) number(o, "win", line, false, 0, Integer.MAX_VALUE);
                    digest = number(o, "ack", line, false, 0, MAX_OFFSET);
                }
                if (payload == null) {
                    payload = new byte[0];
                }
            }
            case CALL -> {
                a = (int) number(o, "local_port", line, false, 0, 65535);
                text = o.path("detail").isTextual() ? o.get("detail").asText() : null;
            }
            default -> { }
        }
        String call = o.path("call").isTextual() ? o.get("call").asText() : null;
        TraceEvent.Origin origin = o.path("program").isTextual()
                ? new TraceEvent.Origin(o.get("program").asText(), o.path("pid").asLong(0)) : null;
        return new TraceEvent(0, t, op, side, conn, offset, bytes, requested, available, a, b, wire, verified, digest, dur,
                payload, text, said, call, origin, tcp(o.get("tcp")));
    }

    /** A send's or receive's {@code tcp} object, or null (none, or not one this lab writes). */
    private static Tcp tcp(JsonNode t) {
        if (!(t instanceof ObjectNode o)) {
            return null;
        }
        return new Tcp(Tcp.state(o.path("state").asText("")), o.path("segs_out").asLong(), o.path("segs_in").asLong(),
                o.path("unacked").asLong(), o.path("notsent").asLong(), o.path("rtt_us").asLong(), o.path("cwnd").asLong(),
                o.path("rcv_queue").asInt(-1), o.path("source").asText("?"));
    }

    private static String text(ObjectNode o, String field, int line) throws BadTraceException {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new BadTraceException(line, "missing \"" + field + "\" (text)");
        }
        return n.asText();
    }

    /**
     * A whole number from {@code min} to {@code max}: a file's values are drawn and added up, so one out of
     * range (a recv() of -5 bytes, a port of 70000, a duration of a year) is refused with its field and line.
     */
    private static long number(ObjectNode o, String field, int line, boolean required, long min, long max)
            throws BadTraceException {
        long v = number(o, field, line, required);
        if (v < min || v > max) {
            throw new BadTraceException(line, "\"" + field + "\" must be " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    private static long number(ObjectNode o, String field, int line, boolean required) throws BadTraceException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadTraceException(line, "missing \"" + field + "\" (a number)");
            }
            return 0;
        }
        if (!n.isIntegralNumber()) {
            throw new BadTraceException(line, "\"" + field + "\" must be a whole number, got " + n);
        }
        if (!n.canConvertToLong()) {
            throw new BadTraceException(line, "\"" + field + "\" is " + n + ", far too large for a trace");
        }
        return n.asLong();
    }
}
