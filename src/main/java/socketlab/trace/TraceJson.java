package socketlab.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HexFormat;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.text.Phrase;

/**
 * The JSON-lines trace format: one event per line. Documented in the README; also the file
 * format of a saved trace. {@code hex} holds at most {@link #HEX_CAP} bytes of a call's payload;
 * {@code hex_truncated} says when the call carried more.
 */
public final class TraceJson {
    public static final int HEX_CAP = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceJson() {
    }

    public static String line(TraceEvent e) {
        return line(e, HEX_CAP);
    }

    /** The event as one JSON line, with at most {@code hexCap} payload bytes in {@code hex}. */
    public static String line(TraceEvent e, int hexCap) {
        return line(e, hexCap, 0);
    }

    /** As {@link #line(TraceEvent, int)}, with {@code row}: the window's number of its connection (0: none, left out). */
    public static String line(TraceEvent e, int hexCap, int row) {
        return node(e, hexCap, row).toString();
    }

    /**
     * Writes the event's line (and its newline) straight into {@code out}. A frame's {@code text} can be a
     * 16 MiB string: made into a line first, it took four more copies of itself (the writer's segments,
     * a builder, the string, the encoder's), and three such frames at once ran a 256 MiB server out of
     * memory in its trace writer; written through, it takes none.
     */
    public static void write(TraceEvent e, int hexCap, int row, JsonGenerator out) throws IOException {
        out.writeTree(node(e, hexCap, row));
        out.writeRaw('\n');
    }

    /** A generator for {@link #write} lines into {@code out}, which it flushes but never closes. */
    public static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return lines(JSON.getFactory().createGenerator(out));
    }

    /** As {@link #generator(java.io.OutputStream)}, into characters. */
    public static JsonGenerator generator(java.io.Writer out) throws IOException {
        return lines(JSON.getFactory().createGenerator(out));
    }

    /** One line a value: no separator of Jackson's between root values (a space by default), the caller's newline. */
    private static JsonGenerator lines(JsonGenerator g) {
        g.setRootValueSeparator(null);
        return g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static ObjectNode node(TraceEvent e, int hexCap, int row) {
        ObjectNode o = JSON.createObjectNode();
        o.put("op", e.op().wire());
        o.put("side", e.side().wire());
        o.put("conn", e.conn());
        if (row > 0) {
            o.put("row", row);
        }
        o.put("t_ns", e.tNs());
        if (e.origin() != null) {
            o.put("program", e.origin().program());
            o.put("pid", e.origin().pid());
        }
        if (e.call() != null) {
            o.put("call", e.call());
        }
        switch (e.op()) {
            case LISTEN -> {
                o.put("port", e.localPort());
                settings(o, e);
            }
            case ACCEPT, CONNECT -> {
                o.put("local_port", e.localPort());
                o.put("remote_port", e.remotePort());
                settings(o, e);
            }
            case SEND, RECV -> {
                o.put("bytes", e.bytes());
                o.put("offset", e.offset());
                if (e.op() == Op.RECV) {
                    o.put("requested", e.requested());
                    if (e.available() >= 0) {
                        o.put("available", e.available());
                    }
                }
                o.put("dur_ns", e.durNs());
                hex(o, e, hexCap);
                if (e.tcp() != null) {
                    tcp(o.putObject("tcp"), e.tcp());
                }
            }
            case SENDTO, RECVFROM -> {
                if (e.localPort() != 0) {
                    o.put("local_port", e.localPort());
                }
                o.put("bytes", e.bytes());
                if (e.op() == Op.RECVFROM) {
                    o.put("requested", e.requested());
                    o.put("from_port", e.remotePort());
                } else {
                    o.put("to_port", e.remotePort());
                }
                o.put("dur_ns", e.durNs());
                hex(o, e, hexCap);
            }
            case SELECT -> {
                o.put("ready", e.bytes());
                o.put("ready_list", e.text());
            }
            case CALL -> {
                if (e.localPort() != 0) {
                    o.put("local_port", e.localPort());
                }
                if (e.text() != null) {
                    o.put("detail", e.text());
                }
            }
            case EOF -> {
                o.put("offset", e.offset());
                o.put("requested", e.requested());
                if (e.available() >= 0) {
                    o.put("available", e.available());
                }
                o.put("dur_ns", e.durNs());
            }
            case CLOSE -> {
                if (e.localPort() != 0) {
                    o.put("local_port", e.localPort());
                }
                if (e.offset() != 0) {
                    o.put("offset", e.offset());
                }
                if (e.said() instanceof Note n) {
                    SaidJson.writeNote(o, n);
                }
            }
            case ERROR -> {
                o.put("message", e.text());
                if (e.said() instanceof Phrase p) {
                    SaidJson.writePhrase(o, p);
                }
                o.put("offset", e.offset());
            }
            case FRAME, MESSAGE -> {
                o.put("index", e.messageIndex());
                o.put("bytes", e.bytes());
                o.put("offset", e.offset());
                o.put("wire_bytes", e.wire());
                o.put("header_bytes", e.headerBytes());
                String text = e.payload() != null && !e.payloadTruncated() ? socketlab.codec.Frame.utf8OrNull(e.payload()) : null;
                if (text != null) {
                    o.put("text", text);
                } else {
                    o.putNull("text");
                }
                if (e.op() == Op.FRAME) {
                    if (e.text() != null) {
                        o.set("header", parse(e.text()));
                    }
                    Verdict v = e.verified();
                    if (v.isKnown()) {
                        o.put("verified", v == Verdict.OK);
                    } else {
                        o.putNull("verified");
                    }
                }
                o.put("digest", e.digest());
                hex(o, e, hexCap);
            }
            case SEGMENT -> {
                o.put("from", e.side().wire());
                boolean udp = (e.flags() & Segments.UDP) != 0;
                o.put("proto", udp ? "udp" : "tcp");
                o.put("src_port", e.srcPort());
                o.put("dst_port", e.dstPort());
                if (!udp) {
                    o.put("seq", e.seq());
                    o.put("ack", e.ack());
                    o.put("flags", Segments.names(e.flags()));
                    o.put("win", e.window());
                    o.put("offset", e.offset());
                }
                o.put("len", e.bytes());
                hex(o, e, hexCap);
            }
            case UNRECORDED -> {
                o.put("of", e.unrecordedOp().wire());
                o.put("calls", e.unrecordedCalls());
                o.put("bytes", e.bytes());
                o.put("offset", e.offset());
                o.put("dur_ns", e.durNs());
            }
            default -> { }
        }
        return o;
    }

    /**
     * A lane's count still open when the trace ends (its connection was still going): the same line as
     * an {@code unrecorded} event's, with {@code "open": true}; its counts are longs.
     */
    public static String unrecordedLine(Unrecorded u) {
        ObjectNode o = JSON.createObjectNode();
        o.put("op", Op.UNRECORDED.wire());
        o.put("side", u.side().wire());
        o.put("conn", u.conn());
        o.put("t_ns", u.toNs());
        o.put("of", u.op().wire());
        o.put("calls", u.calls());
        o.put("bytes", u.bytes());
        o.put("offset", u.offset());
        o.put("dur_ns", u.toNs() - u.fromNs());
        o.put("open", true);
        return o.toString();
    }

    /**
     * A line that closes a command's trace ({@code summary}, {@code lesson}): {@code op}, {@code side} "both",
     * {@code conn} 0 and {@code t_ns}, as every line has; the caller adds its figures.
     */
    public static ObjectNode closingLine(String op, long tNs) {
        ObjectNode o = JSON.createObjectNode();
        o.put("op", op);
        o.put("side", "both");
        o.put("conn", 0);
        o.put("t_ns", tNs);
        return o;
    }

    public static String summaryLine(TraceIndex.Summary s, long tNs) {
        ObjectNode o = closingLine("summary", tNs);
        o.put("sends", s.sends());
        o.put("recvs", s.recvs());
        o.put("glued", s.glued());
        o.put("split", s.split());
        o.put("frames", s.frames());
        o.put("frames_ok", s.framesOk());
        o.put("messages", s.messages());
        if (s.unrecorded() > 0) {
            o.put("unrecorded_calls", s.unrecorded());
        }
        return o.toString();
    }

    /** {@code settings}: the engine's note as text (for scripts); {@code note}: the same as words, [{"word", "value"}…]. */
    private static void settings(ObjectNode o, TraceEvent e) {
        if (e.text() != null) {
            o.put("settings", e.text());
        }
        if (e.said() instanceof Note n) {
            SaidJson.writeNote(o, n);
        }
    }

    private static void tcp(ObjectNode o, Tcp t) {
        o.put("segs_out", t.segsOut());
        o.put("segs_in", t.segsIn());
        o.put("unacked", t.unacked());
        o.put("notsent", t.notsent());
        o.put("rcv_queue", t.rcvQueue());
        o.put("rtt_us", t.rttUs());
        o.put("cwnd", t.cwnd());
        o.put("state", t.stateName());
        o.put("source", t.source());
    }

    private static void hex(ObjectNode o, TraceEvent e, int cap) {
        byte[] p = e.payload();
        if (p == null) {
            return;
        }
        int n = Math.min(p.length, cap);
        o.put("hex", HexFormat.of().formatHex(p, 0, n));
        if (n < e.bytes()) {
            o.put("hex_truncated", true);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException ex) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
