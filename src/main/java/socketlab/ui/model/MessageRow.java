package socketlab.ui.model;

import socketlab.codec.Verdict;
import socketlab.text.Phrase;

/**
 * One line of a pane's message list: a decoded message marked ✓/✗ against what the peer meant to
 * send (or unmarked when the peer is outside the lab), or an error in words.
 *
 * @param row     the timeline's number of the connection it came on ("#3": one numbering everywhere), -1 when none
 * @param run     which run (from 0) the message belongs to ({@link socketlab.trace.Runs}): after several runs, the
 *                list says which one each message came from
 * @param words   the message's text, or the error, worded when shown (so F7 rewords the lists too)
 * @param verdict ✓, ✗, or unknown (· — the peer is outside the lab, or the row is an error)
 * @param event   the trace event behind the row (for the inspector)
 */
public record MessageRow(int conn, int row, int run, Phrase words, Verdict verdict, boolean error, int event, int bytes) {

    /** A row whose connection number and run are not known (tests of the list's bounds). */
    public MessageRow(int conn, Phrase words, Verdict verdict, boolean error, int event, int bytes) {
        this(conn, -1, 0, words, verdict, error, event, bytes);
    }
    /** The most rows a message list holds: the last ones; the timeline and the trace keep every message. */
    public static final int LISTED_MOST = 2_000;


    /** The row's words in the window's language now. */
    public String text() { return words.words(); }

    public String mark() {
        if (error) {
            return "⚠";
        }
        return verdict.mark();
    }
}
