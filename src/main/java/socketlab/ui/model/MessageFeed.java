package socketlab.ui.model;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import socketlab.codec.Verdict;
import socketlab.text.I18n;
import socketlab.text.Phrase;
import socketlab.trace.Conn;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Moves what each connection decoded — frames (✓/✗) and errors — into the server's and the
 * client's message lists as it arrives, or as a replay reaches it, and feeds the server's buffer
 * gauge. Each row is made once: the feed remembers how far into each connection it has listed.
 */
final class MessageFeed {
    /** Text for a list row: the message as UTF-8 (� where it is not), shortened. */
    private static final Pattern FILENAME = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]{1,120})\"");

    private final ServerViewModel server;
    private final ClientViewModel client;
    /** Per connection: how many of its frames and errors are already in the lists. */
    private final Map<Integer, int[]> listed = new HashMap<>();

    MessageFeed(ServerViewModel server, ClientViewModel client) {
        this.server = server;
        this.client = client;
    }

    /** Empties the lists, to fill them again from the start (Clear, replay, back to live). */
    void restart() {
        listed.clear();
        server.reset();
        client.reset();
    }

    /** Lists what {@code idx} holds that is not listed yet; {@code limit} events are shown; {@code live} when not replaying. */
    void publish(TraceIndex idx, int limit, boolean live) {
        TraceLog log = idx.log();
        List<Listed> toServer = new java.util.ArrayList<>();
        List<Listed> toClient = new java.util.ArrayList<>();
        for (Conn c : idx.conns()) {
            int[] seen = listed.computeIfAbsent(c.id, k -> new int[2]);
            List<Listed> target = c.side == Side.SERVER ? toServer : toClient;
            for (int k = seen[0]; k < c.frames.size(); k++) {
                target.add(new Listed(c, k, false));
            }
            seen[0] = c.frames.size();
            for (int k = seen[1]; k < c.errors.size(); k++) {
                target.add(new Listed(c, k, true));
            }
            seen[1] = c.errors.size();
            if (live && c.side == Side.CLIENT && c.eofEvent >= 0) {
                client.noticeClosed(c.id);
            }
        }
        append(server.messages, rows(idx, log, toServer, server.earlier), server.earlier);
        append(client.replies, rows(idx, log, toClient, client.earlier), client.earlier);
        // the gauge: FIONREAD before the most recent server recv() shown
        for (int i = limit - 1; i >= 0 && i >= limit - 4096; i--) {
            if (log.op(i) == Op.RECV && log.side(i) == Side.SERVER) {
                server.showWaiting(log.available(i));
                break;
            }
        }
    }

    /** A frame ({@code k} into the connection's frames) or an error ({@code k} into its errors) not listed yet. */
    private record Listed(Conn conn, int k, boolean error) {}

    /**
     * The rows for {@code pending}: only the last {@link MessageRow#LISTED_MOST} are made (each reads its event and
     * words its text; a flood brings tens of thousands a pulse, which the list would let go at once), the rest
     * counted in {@code earlier}.
     */
    private static List<MessageRow> rows(TraceIndex idx, TraceLog log, List<Listed> pending,
                                         javafx.beans.property.IntegerProperty earlier) {
        int skip = Math.max(0, pending.size() - MessageRow.LISTED_MOST);
        if (skip > 0) {
            earlier.set(earlier.get() + skip);
        }
        List<MessageRow> rows = new java.util.ArrayList<>(pending.size() - skip);
        if (pending.size() == skip) {
            return rows;
        }
        Map<Integer, Integer> numbers = socketlab.trace.ConnectionRow.numbers(idx); // the timeline's "#3"
        int[] runs = socketlab.trace.Runs.starts(idx); // a flood of connections is one run (Runs.MAX_CONNS)
        for (Listed m : pending.subList(skip, pending.size())) {
            Conn c = m.conn();
            int row = numbers.getOrDefault(c.id, -1);
            int ev0 = m.error() ? c.errors.get(m.k()) : c.frames.get(m.k());
            int found = java.util.Arrays.binarySearch(runs, ev0);
            int run = runs.length == 0 ? 0 : found >= 0 ? found : Math.max(0, -found - 2);
            if (m.error()) {
                int ev = c.errors.get(m.k());
                TraceEvent e = log.get(ev);
                Phrase words = e.said() instanceof Phrase p ? p : Phrase.verbatim(e.text());
                rows.add(new MessageRow(c.id, row, run, words, Verdict.UNKNOWN, true, ev, 0));
            } else {
                int ev = c.frames.get(m.k());
                TraceEvent f = log.get(ev);
                rows.add(new MessageRow(c.id, row, run, preview(f.payload(), f.bytes(), f.text()), idx.frameVerdict(c, m.k()), false,
                        ev, f.bytes()));
            }
        }
        return rows;
    }

    /**
     * Adds a pulse's rows to {@code list} in one change (a flood decodes thousands of frames a pulse; one
     * change each made the list lay itself out thousands of times, and the window stopped), keeping the last
     * {@link MessageRow#LISTED_MOST}; {@code earlier} counts the rows that gave way.
     */
    static void append(javafx.collections.ObservableList<MessageRow> list, List<MessageRow> rows,
                       javafx.beans.property.IntegerProperty earlier) {
        if (rows.isEmpty()) {
            return;
        }
        int over = list.size() + rows.size() - MessageRow.LISTED_MOST;
        if (over <= 0) {
            list.addAll(rows);
            return;
        }
        earlier.set(earlier.get() + over);
        if (rows.size() >= MessageRow.LISTED_MOST) {
            list.setAll(rows.subList(rows.size() - MessageRow.LISTED_MOST, rows.size()));
        } else {
            list.remove(0, over);
            list.addAll(rows);
        }
    }

    /**
     * A message as the list shows it: its text, or — for bytes that are not text (a picture, a
     * file) — its name from the header when there is one and its size, never a row of � glyphs.
     */
    static Phrase preview(byte[] payload, int bytes, String header) {
        if (payload != null && !isText(payload)) {
            Matcher m = header == null ? null : FILENAME.matcher(header);
            return m != null && m.find() ? Phrase.window("bytes.binaryNamed", m.group(1), bytes) : Phrase.window("bytes.binary", bytes);
        }
        return Phrase.verbatim(preview(payload, bytes));
    }

    /** Valid UTF-8 with no control characters but line breaks and tabs (a cut multi-byte character at the end is fine). */
    static boolean isText(byte[] b) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.min(b.length, 4096) + 1);
        java.nio.charset.CoderResult r = d.decode(java.nio.ByteBuffer.wrap(b, 0, Math.min(b.length, 4096)), out, false);
        if (r.isError()) {
            return false;
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static String preview(byte[] payload, int bytes) {
        if (payload == null) {
            return "";
        }
        String s = new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8)
                .replace("\n", "⏎").replace("\r", "");
        if (bytes > 200) {
            s = s + "… (" + I18n.tr("bytes.count", bytes) + ")";
        }
        return s;
    }
}
