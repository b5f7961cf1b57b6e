package socketlab.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.HexFormat;
import socketlab.codec.Frame;
import socketlab.codec.Verdict;

/**
 * The events as CSV (RFC 4180: CRLF, a header row, fields quoted only where they must be), one
 * row each, for a spreadsheet or a grading script. The quoting is Jackson's
 * ({@code jackson-dataformat-csv}), not ours.
 */
public final class TraceCsv {
    private static final String[] COLUMNS = {"index", "t_ns", "t_ms", "op", "side", "conn", "row", "offset", "bytes", "requested",
        "available", "dur_ns", "dur_ms", "message_index", "header_bytes", "wire_bytes", "verified", "local_port", "remote_port",
        "text", "hex"};
    public static final String HEADER = String.join(",", COLUMNS);
    private static final int HEX_CAP = 64;
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING) // quote a field only when it holds , " CR or LF
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET) // the caller owns the writer
            .build();
    private static final CsvSchema SCHEMA = schema();

    private TraceCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String c : COLUMNS) {
            b.addColumn(c);
        }
        return b.build();
    }

    /**
     * {@code conn} is each end's own id, as in the trace; {@code row} is the window's number for the
     * connection (its timeline row, "#2", the inspector's) — both ends share it; empty for a listener.
     */
    public static void write(TraceLog log, Writer out) throws IOException {
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        java.util.Map<Integer, Integer> rows = ConnectionRow.numbers(idx);
        try (SequenceWriter w = CSV.writerFor(String[].class).with(SCHEMA).writeValues(out)) {
            int n = log.size();
            for (int i = 0; i < n; i++) {
                TraceEvent e = log.get(i);
                w.write(row(i, e, rows.get(e.conn())));
            }
        }
        out.flush();
    }

    /** Nanoseconds as milliseconds with three decimals, a spreadsheet's unit ("102.345"); the ns column stays exact. */
    static String ms(long ns) {
        return java.math.BigDecimal.valueOf(ns, 6).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String[] row(int i, TraceEvent e, Integer row) {
        boolean msg = e.op() == Op.MESSAGE || e.op() == Op.FRAME;
        boolean life = e.op() == Op.LISTEN || e.op() == Op.ACCEPT || e.op() == Op.CONNECT || e.op() == Op.CLOSE;
        String text = e.text();
        if (msg && e.payload() != null) {
            String body = Frame.utf8OrNull(e.payload());
            text = body != null ? body : text;
        }
        String hex = e.payload() == null ? "" : HexFormat.of().formatHex(e.payload(), 0, Math.min(HEX_CAP, e.payload().length));
        return new String[] {
            String.valueOf(i), String.valueOf(e.tNs()), ms(e.tNs()), e.op().wire(), e.side().wire(), String.valueOf(e.conn()),
            row == null ? "" : String.valueOf(row), String.valueOf(e.offset()), String.valueOf(e.bytes()), String.valueOf(e.requested()),
            e.available() < 0 ? "" : String.valueOf(e.available()), String.valueOf(e.durNs()), ms(e.durNs()),
            msg ? String.valueOf(e.messageIndex()) : "", msg ? String.valueOf(e.headerBytes()) : "",
            msg ? String.valueOf(e.wire()) : "", e.verified().isKnown() ? String.valueOf(e.verified() == Verdict.OK) : "",
            life ? String.valueOf(e.localPort()) : "", life ? String.valueOf(e.remotePort()) : "",
            text == null ? "" : text, hex,
        };
    }
}
