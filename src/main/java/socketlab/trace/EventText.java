package socketlab.trace;

import socketlab.text.Note;

/** What an index reads out of an event's words rather than its numbers: an AF_UNIX end's path, a select()'s list. */
final class EventText {
    private EventText() {
    }

    /** The path an AF_UNIX end was opened on: from its note's words, or (a trace from before notes) its text. */
    static String unixPath(TraceEvent e) {
        if (e.said() instanceof Note n) {
            return n.valueOf(Note.Word.AF_UNIX);
        }
        String text = e.text();
        return text != null && text.startsWith("AF_UNIX ") ? text.substring(8) : null;
    }

    /** The connection a select() names ("#3" → 3), or -1 for "accept" and for anything a file made up ("#abc", "#99999999999"). */
    static int connId(String token) {
        if (token.length() < 2 || token.length() > 10 || token.charAt(0) != '#') {
            return -1;
        }
        long n = 0;
        for (int k = 1; k < token.length(); k++) {
            char d = token.charAt(k);
            if (d < '0' || d > '9') {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n > Integer.MAX_VALUE ? -1 : (int) n;
    }
}
