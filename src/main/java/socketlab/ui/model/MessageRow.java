package socketlab.ui.model;

import socketlab.codec.Verdict;
/**
 * One line of a pane's message list: a decoded message marked ✓/✗ against what the peer meant to
 * send (or unmarked when the peer is outside the lab), or an error in words.
 *
 * @param verdict ✓, ✗, or unknown (· — the peer is outside the lab, or the row is an error)
 * @param event   the trace event behind the row (for the inspector)
 */
public record MessageRow(int conn, String text, Verdict verdict, boolean error, int event, int bytes) {

    public String mark() {
        if (error) {
            return "⚠";
        }
        return verdict.mark();
    }
}
