package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.scenario.Scenario;
import socketlab.trace.TraceIndex;
import socketlab.ui.style.Css;

/** The overview strip under a zoomed timeline: it shows the part in view, and dragging it moves and zooms the view. */
@ExtendWith(ApplicationExtension.class)
class ZoomStripTest {

    @Start
    void start(Stage stage) {
        // the toolkit is up; each test lays out a timeline of its own
    }

    @Property
    void aRangeTakenFromTheViewGivesTheSameViewBack(@ForAll @DoubleRange(min = 1, max = 100_000) double zoom,
                                                    @ForAll @DoubleRange(min = 0, max = 1) double pan) {
        double[] r = ZoomStrip.range(zoom, pan);
        assertTrue(r[0] >= 0 && r[1] <= 1 + 1e-12 && r[0] <= r[1], "inside the run: " + r[0] + ".." + r[1]);
        assertEquals(1 / zoom, r[1] - r[0], 1e-9, "the range is as wide as the part in view");
        double[] v = ZoomStrip.view(r[0], r[1]);
        assertEquals(zoom, v[0], zoom * 1e-6);
        if (zoom > 1.0001) { // at (almost) fit-to-width every pan shows the same: the strip says pan 0
            assertEquals(pan, v[1], 1e-6);
        }
    }

    @Test
    void theRangeIsTheVisiblePartOfTheRun() {
        double[] r = ZoomStrip.range(4, 1);
        assertEquals(0.75, r[0], 1e-12, "zoomed 4x and panned to the end: the last quarter");
        assertEquals(1.0, r[1], 1e-12);
        double[] v = ZoomStrip.view(0.5, 0.75);
        assertEquals(4, v[0], 1e-12);
        assertEquals(2.0 / 3, v[1], 1e-12, "the quarter from 0.5: two thirds of the way along the panning room");
    }

    private static TimelineView laidOut(TraceIndex idx) {
        TimelineView view = new TimelineView();
        view.indexProperty().set(idx);
        new Scene(new Group(view)).getStylesheets().add(Css.stylesheet(Css.THEME));
        view.applyCss();
        view.resize(1280, 500);
        view.layout();
        return view;
    }

    private static RangeSlider strip(TimelineView view) {
        Node n = view.lookup("#" + ZoomStrip.STYLE);
        return n instanceof RangeSlider r ? r : null;
    }

    @Test
    void noStripUntilTheTimelineIsZoomedInThenItShowsThePartInView() throws Exception {
        TraceIndex idx = TimelineDrawTest.run(Scenario.STICKY);
        WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = laidOut(idx);
            assertNull(strip(view), "at fit-to-width nothing lies outside the view: no strip (and no ControlsFX made)");
            view.setZoom(4);
            view.setPan(0.5);
            view.layout();
            RangeSlider s = strip(view);
            assertNotNull(s, "zoomed in: the strip");
            assertTrue(s.isVisible());
            assertEquals(0.375, s.getLowValue(), 1e-9, "the middle quarter of the run");
            assertEquals(0.625, s.getHighValue(), 1e-9);
            assertTrue(s.getLayoutY() + s.getHeight() <= view.getHeight() + 0.5, "under the rows, inside the timeline");
            assertTrue(s.getHeight() >= 12, "tall enough to grab: " + s.getHeight());
            view.setZoom(1);
            view.layout();
            assertFalse(s.isVisible(), "back at fit-to-width the strip gives its room back");
            return null;
        }).get();
    }

    @Test
    void draggingTheRangeOrItsEndsMovesAndZoomsTheView() throws Exception {
        TraceIndex idx = TimelineDrawTest.run(Scenario.STICKY);
        WaitForAsyncUtils.asyncFx(() -> {
            TimelineView view = laidOut(idx);
            view.setZoom(2);
            view.layout();
            RangeSlider s = strip(view);
            s.setHighValue(1.0); // the range dragged to the end: [0.5, 1]
            s.setLowValue(0.5);
            assertEquals(2, view.getZoom(), 1e-9);
            assertEquals(1, view.getPan(), 1e-9, "panned to the end of the run");
            s.setLowValue(0.75); // the left end dragged in: the last quarter
            assertEquals(4, view.getZoom(), 1e-9, "zoomed in");
            assertEquals(1, view.getPan(), 1e-9);
            return null;
        }).get();
    }
}
