package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceFile;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;
import socketlab.ui.style.Css;

/** After several runs the older runs' rows fold to their header line; a click on a header opens a row, or folds it. */
@ExtendWith(ApplicationExtension.class)
class RunFoldTest {

    @Start
    void start(Stage stage) {
        // the toolkit is up; each test lays out a timeline of its own
    }

    private static TraceIndex index(TraceLog log) {
        TraceIndex idx = new TraceIndex(log);
        idx.update();
        return idx;
    }

    /** The height all rows of {@code idx} take, laid out 1600 wide and tall enough for all of them. */
    private static double contentHeight(TimelineView view) {
        view.applyCss();
        view.resize(1600, 3000);
        view.layout();
        ((TimelineSkin) view.getSkin()).drawNow();
        return ((TimelineSkin) view.getSkin()).contentHeight();
    }

    private static TimelineView view(TraceIndex idx) {
        TimelineView view = new TimelineView();
        view.indexProperty().set(idx);
        new Scene(new Group(view)).getStylesheets().add(Css.stylesheet(Css.THEME));
        return view;
    }

    @Test
    void theOlderRunsRowsFoldToTheirHeaderAndAClickOnOneOpensIt() throws Exception {
        TraceIndex one = index(TraceFile.read(socketlab.trace.RunsTest.COMPARISON).log());
        TraceIndex two = index(socketlab.trace.RunsTest.twice(10_000_000_000L));
        WaitForAsyncUtils.asyncFx(() -> {
            double oneRun = contentHeight(view(one)); // two rows, open
            TimelineView view = view(two);
            double folded = contentHeight(view); // the first run's two rows folded, the second's two open
            assertTrue(folded > oneRun && folded < oneRun * 1.5,
                    "the second run's rows open, the first's folded to a header each: " + folded + " vs " + oneRun);
            int firstRowConn = ConnectionRow.of(two).get(0).any().id;
            view.toggleRow(firstRowConn); // as a click on its header does
            double opened = contentHeight(view);
            assertTrue(opened > folded + 50, "the row opened takes its lanes again: " + opened + " vs " + folded);
            view.toggleRow(firstRowConn);
            assertEquals(folded, contentHeight(view), 0.5, "and folds again");
            return null;
        }).get();
    }
}
