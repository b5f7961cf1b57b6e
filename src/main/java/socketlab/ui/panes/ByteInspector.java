package socketlab.ui.panes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import socketlab.codec.Verdict;
import socketlab.text.I18n;
import socketlab.trace.Conn;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.ui.style.Css;

/**
 * What one event carried, byte by byte: hex, ASCII and UTF-8 side by side, each byte coloured
 * by the message it belongs to, header bytes underlined, and the header decoded (a 4-byte length
 * read both ways; a JSON header pretty-printed).
 */
public final class ByteInspector extends VBox {
    static final int MAX_BYTES = 1024;
    private static final int ROW = 8;

    /** Made when a header is first shown, not when the window is built (Jackson is not in the image's AppCDS archive). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Label title = new Label();
    private final Label detail = new Label();
    private final TextFlow dump = new TextFlow();
    private final TextFlow notes = new TextFlow();

    public ByteInspector() {
        getStyleClass().add(Css.INSPECTOR);
        title.getStyleClass().add(Css.PANE_TITLE);
        title.setWrapText(true);
        detail.setWrapText(true);
        detail.getStyleClass().add(Css.STATUS);
        dump.getStyleClass().add(Css.HEX);
        getChildren().addAll(title, detail); // the hint; the scrolling dump comes with the first event shown
        show(null, null);
    }

    /** From the first event shown on: the facts, the dump and the notes in a scroll pane (none before: 17 nodes less at start). */
    private void scrolling() {
        if (getChildren().size() > 2) {
            return;
        }
        VBox body = new VBox(8, detail, dump, notes);
        ScrollPane sp = new ScrollPane(body);
        sp.setFitToWidth(true);
        VBox.setVgrow(sp, javafx.scene.layout.Priority.ALWAYS);
        getChildren().setAll(title, sp);
    }

    public void show(TraceEvent e, TraceIndex idx) {
        if (e != null) {
            scrolling();
        }
        dump.getChildren().clear();
        notes.getChildren().clear();
        if (e == null) {
            title.setText(I18n.tr("inspector.title"));
            detail.setText(I18n.tr("inspector.hint"));
            return;
        }
        String side = I18n.tr(e.side() == Side.CLIENT ? "side.client" : "side.server");
        socketlab.trace.ProgramLine line = e.op() == Op.CALL ? socketlab.trace.ProgramLine.of(e.call()) : null;
        title.setText(switch (e.op()) {
            case RECV -> I18n.tr("inspector.recv", side, e.requested(), e.bytes());
            case SEND -> I18n.tr("inspector.send", side, e.bytes());
            case FRAME -> I18n.tr("inspector.frame", side, e.messageIndex() + 1, e.bytes());
            case MESSAGE -> I18n.tr("inspector.message", side, e.messageIndex() + 1, e.bytes());
            case ERROR -> I18n.tr("inspector.error", side);
            case SEGMENT -> I18n.tr("inspector.segment", side, socketlab.trace.Segments.names(e.flags()), e.bytes());
            case CALL -> line != null ? I18n.tr("inspector.line." + line.call(), side) : side + " " + e.call();
            default -> side + " " + e.op().wire();
        });
        List<String> facts = new ArrayList<>();
        int number = idx == null ? -1 : socketlab.trace.ConnectionRow.number(idx, e.conn()); // the timeline's "#n"
        facts.add(I18n.tr("inspector.when", number > 0 ? number : e.conn(), String.format(Locale.ROOT, "%.3f", e.tNs() / 1e6)));
        if (e.op() == Op.RECV || e.op() == Op.SEND) {
            facts.add(I18n.tr("inspector.took", String.format(Locale.ROOT, "%.3f", e.durNs() / 1e6)));
            facts.add(I18n.tr("inspector.offset", e.offset(), e.offset() + e.bytes()));
        }
        if (e.op() == Op.SEGMENT && (e.flags() & socketlab.trace.Segments.UDP) == 0) {
            facts.add(I18n.tr("inspector.segmentNumbers", e.seq(), e.ack(), e.window(),
                    String.valueOf(e.srcPort()), String.valueOf(e.dstPort()))); // a port is a name: never grouped
            if (e.bytes() > 0) {
                facts.add(I18n.tr("inspector.offset", e.offset(), e.offset() + e.bytes()));
            }
        }
        if (e.tcp() != null) {
            socketlab.trace.Tcp t = e.tcp();
            facts.add(I18n.tr("inspector.tcp", t.stateName(), t.segsOut(), t.segsIn(), t.unacked(), t.notsent(),
                    t.rcvQueue() < 0 ? "?" : String.valueOf(t.rcvQueue()), t.rttUs(), t.cwnd()));
        }
        if (e.op() == Op.RECV && e.available() >= 0) {
            facts.add(I18n.tr("inspector.waiting", e.available()));
        }
        if (e.op() == Op.FRAME && e.verified().isKnown()) {
            facts.add(I18n.tr(e.verified() == Verdict.OK ? "inspector.verified" : "inspector.notVerified"));
        }
        if (e.op() == Op.ERROR || line != null) { // what went wrong; the line, whole
            facts.add(e.text());
        }
        detail.setText(String.join("  ·  ", facts));
        byte[] p = e.payload();
        if (p == null || p.length == 0) {
            return;
        }
        Conn conn = idx == null ? null : idx.conn(e.conn());
        boolean stream = e.op() == Op.RECV || e.op() == Op.SEND || e.op() == Op.SEGMENT;
        int shown = Math.min(p.length, MAX_BYTES);
        TraceIndex.ByteOwner[] owners = new TraceIndex.ByteOwner[shown];
        for (int i = 0; i < shown; i++) {
            if (stream && conn != null) {
                owners[i] = e.op() == Op.RECV ? idx.owner(conn, e.offset() + i) : idx.ownerSent(conn, e.offset() + i);
            } else {
                owners[i] = new TraceIndex.ByteOwner(e.messageIndex(), false, false);
            }
        }
        hexDump(p, shown, owners, stream ? e.offset() : 0);
        if (p.length > shown || p.length < e.bytes()) {
            notes.getChildren().add(line(I18n.tr("inspector.truncated", shown, e.bytes())));
        }
        notes.getChildren().add(line(I18n.tr("inspector.utf8")));
        Text utf8 = new Text(new String(p, 0, shown, StandardCharsets.UTF_8) + "\n\n");
        utf8.getStyleClass().add(Css.UTF8_TEXT);
        notes.getChildren().add(utf8);
        if (stream) {
            headerNotes(p, shown, owners);
        }
        if (e.op() == Op.FRAME && e.text() != null) {
            notes.getChildren().add(line(I18n.tr("inspector.jsonHeader")));
            notes.getChildren().add(code(pretty(e.text())));
        }
    }

    private void hexDump(byte[] p, int shown, TraceIndex.ByteOwner[] owners, long base) {
        for (int row = 0; row < shown; row += ROW) {
            Text off = new Text(String.format(Locale.ROOT, "%08X  ", base + row));
            off.getStyleClass().add(Css.HEX_OFFSET);
            dump.getChildren().add(off);
            for (int i = row; i < row + ROW; i++) {
                Text t = new Text(i < shown ? String.format(Locale.ROOT, "%02X ", p[i] & 0xFF) : "   ");
                if (i < shown) {
                    style(t, owners[i]);
                }
                dump.getChildren().add(t);
                if (i == row + ROW / 2 - 1) {
                    dump.getChildren().add(new Text(" "));
                }
            }
            dump.getChildren().add(new Text(" "));
            for (int i = row; i < Math.min(row + ROW, shown); i++) {
                int b = p[i] & 0xFF;
                Text t = new Text(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : ".");
                style(t, owners[i]);
                dump.getChildren().add(t);
            }
            dump.getChildren().add(new Text("\n"));
        }
    }

    private static void style(Text t, TraceIndex.ByteOwner o) {
        t.getStyleClass().add(Css.HEX_BYTE);
        if (o != null && o.message() >= 0) {
            t.getStyleClass().add(Css.message(o.message()));
            if (o.header()) {
                t.getStyleClass().add(Css.HEADER_BYTE);
            }
        }
    }

    /** For every message whose 4-byte length field lies in this chunk: its value read both ways, and its JSON header. */
    private void headerNotes(byte[] p, int shown, TraceIndex.ByteOwner[] owners) {
        for (int i = 0; i < shown; i++) {
            TraceIndex.ByteOwner o = owners[i];
            boolean starts = o != null && o.header() && (i == 0 || owners[i - 1] == null || owners[i - 1].message() != o.message());
            if (!starts || i + 4 > shown) {
                continue;
            }
            int le = (p[i] & 0xFF) | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF) << 16 | (p[i + 3] & 0xFF) << 24;
            int be = (p[i] & 0xFF) << 24 | (p[i + 1] & 0xFF) << 16 | (p[i + 2] & 0xFF) << 8 | (p[i + 3] & 0xFF);
            notes.getChildren().add(line(I18n.tr("inspector.lengthField", o.message() + 1,
                    String.format(Locale.ROOT, "%02X %02X %02X %02X", p[i], p[i + 1], p[i + 2], p[i + 3]),
                    String.format(Locale.ROOT, "%,d", le), String.format(Locale.ROOT, "%,d", be))));
            int end = i + 4;
            while (end < shown && owners[end] != null && owners[end].header() && owners[end].message() == o.message()) {
                end++;
            }
            if (end > i + 4) {
                notes.getChildren().add(code(pretty(new String(p, i + 4, end - i - 4, StandardCharsets.UTF_8))));
            }
        }
    }

    private static String pretty(String json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private static Text line(String s) {
        Text t = new Text(s + "\n");
        t.getStyleClass().add(Css.INSPECTOR_NOTE);
        return t;
    }

    private static Text code(String s) {
        Text t = new Text(s + "\n\n");
        t.getStyleClass().add(Css.HEX);
        return t;
    }
}
