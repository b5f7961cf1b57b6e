package socketlab.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine says of a connection when it opens (its framing, its server model, a lesson's
 * setup), as words with their values — not as text. It has two renderings: {@link #trace()}, the
 * fixed English phrase the trace file carries for scripts ("framing header:le · echo"), and
 * {@link #words()}, in the window's language at the moment it is shown ("分帧 header:le · 回显").
 *
 * <pre>
 *   Note.of(Word.FRAMING, "header:le").and(Word.ECHO)   →   trace(): "framing header:le · echo"
 * </pre>
 */
public record Note(List<Part> parts) implements Said {

    /** One thing said: a word, and the value it names (an address, a spec, a path), or null. */
    public record Part(Word word, String value) {}

    /**
     * The words a note is made of. {@code phrase} is the trace's English (part of the trace format:
     * never change one); {@code key} names the window's words for it, or is null where the phrase is
     * a name that reads the same in every language (an option, an address, a path).
     */
    public enum Word {
        FRAMING("framing {0}", "note.framing"),
        ECHO("echo", "note.echo"),
        COMMANDS("commands", "note.commands"),
        ITERATIVE("iterative", "note.iterative"),
        SELECTOR("selector", "note.selector"),
        TCP_NODELAY("TCP_NODELAY", null),
        REUSE_OFF("SO_REUSEADDR off", "note.reuseOff"),
        ADDRESS("{0}", null),
        AF_UNIX("AF_UNIX {0}", null),
        UDP("udp {0}", "note.udp"),
        UDP_BARE("udp", "note.udpBare"),
        UDP_CONNECTED("udp connected", "note.udpConnected"),
        REQUEST_ANSWER("one request, then its answer", "note.requestAnswer"),
        NOT_READING("not reading until the client's first send() returns", "note.notReading"),
        NON_BLOCKING("non-blocking", "note.nonBlocking"),
        SO_SNDBUF("SO_SNDBUF {0}", null),
        SO_RCVBUF("SO_RCVBUF {0}", null),
        LENGTH_ACK("length, ack, data", "note.lengthAck"),
        WRITE_WRITE_READ("write-write-read", "note.writeWriteRead"),
        NAGLE_ON("Nagle on", "note.nagleOn"),
        /** Nagle on at the sender, and the receiver asks for an immediate ACK before every read. */
        QUICKACK("Nagle on · receiver TCP_QUICKACK", "note.quickAck"),
        LINGER_RST("SO_LINGER 0 → RST", "note.lingerRst"),
        SENDALL_DONE("sendall() done", "note.sendallDone"),
        /** A traced program's socket: its script's name, and its process id. */
        PROGRAM("{0}", null),
        PID("pid {0}", null);

        final String phrase;
        final String key;

        Word(String phrase, String key) {
            this.phrase = phrase;
            this.key = key;
        }

        /** The word by its name, as a saved trace spells it ({@code "FRAMING"}); null when unknown. */
        public static Word named(String name) {
            for (Word w : values()) {
                if (w.name().equals(name)) {
                    return w;
                }
            }
            return null;
        }
    }

    public Note {
        parts = List.copyOf(parts);
    }

    public static Note of(Word word) {
        return of(word, null);
    }

    public static Note of(Word word, String value) {
        return new Note(List.of(new Part(word, value)));
    }

    public Note and(Word word) {
        return and(word, null);
    }

    public Note and(Word word, String value) {
        List<Part> more = new ArrayList<>(parts);
        more.add(new Part(word, value));
        return new Note(more);
    }

    /** The value of the first part that is {@code word}, or null (e.g. an AF_UNIX end's path). */
    public String valueOf(Word word) {
        for (Part p : parts) {
            if (p.word() == word) {
                return p.value();
            }
        }
        return null;
    }

    /** The trace file's English: each part's phrase, joined with " · ". */
    @Override
    public String trace() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            s.append(s.length() > 0 ? " · " : "").append(fill(p.word().phrase, p.value()));
        }
        return s.toString();
    }

    /** The window's words, in its language now: each part's words (or its phrase, for a name), joined with " · ". */
    @Override
    public String words() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            String one = p.word().key == null ? fill(p.word().phrase, p.value())
                    : p.value() == null ? I18n.tr(p.word().key) : I18n.tr(p.word().key, p.value());
            s.append(s.length() > 0 ? " · " : "").append(one);
        }
        return s.toString();
    }

    private static String fill(String phrase, String value) {
        return value == null ? phrase : phrase.replace("{0}", value);
    }
}
