package socketlab.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import socketlab.codec.Verdict;

/** The events as CSV (RFC 4180), one row each, for a spreadsheet or a grading script. */
public final class TraceCsv {
    public static final String HEADER = "index,t_ns,op,side,conn,offset,bytes,requested,available,dur_ns,"
            + "message_index,header_bytes,wire_bytes,verified,local_port,remote_port,text,hex";
    private static final int HEX_CAP = 64;

    private TraceCsv() {
    }

    public static void write(TraceLog log, Writer out) throws IOException {
        BufferedWriter w = new BufferedWriter(out);
        w.write(HEADER);
        w.write("\r\n");
        int n = log.size();
        for (int i = 0; i < n; i++) {
            TraceEvent e = log.get(i);
            boolean msg = e.op() == Op.MESSAGE || e.op() == Op.FRAME;
            boolean life = e.op() == Op.LISTEN || e.op() == Op.ACCEPT || e.op() == Op.CONNECT || e.op() == Op.CLOSE;
            String text = e.text();
            if (msg && e.payload() != null) {
                String body = socketlab.codec.Frame.utf8OrNull(e.payload());
                text = body != null ? body : text;
            }
            String hex = e.payload() == null ? "" : HexFormat.of().formatHex(e.payload(), 0, Math.min(HEX_CAP, e.payload().length));
            w.write(String.join(",",
                    String.valueOf(i), String.valueOf(e.tNs()), e.op().wire(), e.side().wire(), String.valueOf(e.conn()),
                    String.valueOf(e.offset()), String.valueOf(e.bytes()), String.valueOf(e.requested()),
                    e.available() < 0 ? "" : String.valueOf(e.available()), String.valueOf(e.durNs()),
                    msg ? String.valueOf(e.messageIndex()) : "", msg ? String.valueOf(e.headerBytes()) : "",
                    msg ? String.valueOf(e.wire()) : "", e.verified().isKnown() ? String.valueOf(e.verified() == Verdict.OK) : "",
                    life ? String.valueOf(e.localPort()) : "", life ? String.valueOf(e.remotePort()) : "",
                    quote(text), hex));
            w.write("\r\n");
        }
        w.flush();
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
