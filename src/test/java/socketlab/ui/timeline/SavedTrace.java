package socketlab.ui.timeline;

import java.io.IOException;
import java.io.StringReader;
import javafx.scene.Group;
import javafx.scene.Scene;
import socketlab.trace.TraceFile;
import socketlab.trace.TraceIndex;
import socketlab.ui.style.Css;

/** The timeline tests' set-up: a trace written as its saved JSON lines, read as "open" reads it, and a view of it. */
final class SavedTrace {
    private SavedTrace() {
    }

    /** The trace of {@code jsonLines}, indexed. */
    static TraceIndex index(String jsonLines) throws IOException {
        TraceIndex idx = new TraceIndex(TraceFile.read(new StringReader(jsonLines)).log());
        idx.update();
        return idx;
    }

    /**
     * A timeline of {@code idx} in the theme's colours, {@code w} × {@code h}, laid out (and so drawn) as the window
     * does it; it keeps that size through a snapshot's layout pass. Call on the FX thread.
     */
    static TimelineView laidOut(TraceIndex idx, double w, double h) {
        TimelineView view = new TimelineView();
        view.indexProperty().set(idx);
        Group root = new Group(view);
        root.setAutoSizeChildren(false);
        new Scene(root).getStylesheets().add(Css.stylesheet(Css.THEME));
        view.applyCss();
        view.resize(w, h);
        view.layout();
        return view;
    }
}
