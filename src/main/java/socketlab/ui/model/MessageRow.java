package socketlab.ui.model;

/**
 * One line of a pane's message list: a decoded message marked ✓/✗ against what the peer meant to
 * send (or unmarked when the peer is outside the lab), or an error in words.
 *
 * @param ok      TRUE ✓, FALSE ✗, null unknown
 * @param event   the trace event behind the row (for the inspector)
 */
public record MessageRow(int conn, String text, Boolean ok, boolean error, int event, int bytes) {

    public String mark() {
        if (error) {
            return "⚠";
        }
        return ok == null ? "·" : ok ? "✓" : "✗";
    }
}
