package socketlab.ui.timeline;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.RangeSlider;
import socketlab.text.I18n;

/**
 * The overview under a zoomed-in timeline: ControlsFX's {@link RangeSlider} across the whole width of
 * the rows (0 their start, 1 their end), its range the part in view. Drag the range to pan, drag either
 * end to zoom in or out — Wireshark's I/O graph overview, for the byte streams.
 *
 * <pre>
 *   whole row   0 ├──────────────────────────────────────────────┤ 1
 *   in view               ├────────────┤
 *                        low          high        width = high − low = 1 / zoom
 *                                                  low   = pan × (1 − width)
 * </pre>
 *
 * Like a scroll bar it shows only while there is something outside the view (zoom above 1), or while
 * an end is being dragged; it is made at the first zoom, so the window's first frame carries none of
 * ControlsFX. The view's zoom and pan stay the one truth: the strip follows them, and a drag sets them.
 */
final class ZoomStrip {
    static final String STYLE = "zoom-strip";
    /** The narrowest range the strip sets: the timeline's own zoom limit. */
    static final double MIN_WIDTH = 1.0 / TimelineInput.MAX_ZOOM;

    private final TimelineView view;
    private final RangeSlider slider = new RangeSlider(0, 1, 0, 1);
    private boolean updating;

    ZoomStrip(TimelineView view) {
        this.view = view;
        slider.getStyleClass().add(STYLE);
        slider.setId(STYLE);
        slider.setFocusTraversable(false); // the timeline's own keys zoom (+ −) and pan (Shift+wheel, arrows)
        Tooltip tip = new Tooltip(I18n.tr("timeline.zoomStrip"));
        tip.setShowDelay(Duration.millis(400));
        slider.setTooltip(tip);
        follow();
        view.zoomProperty().addListener(o -> follow());
        view.panProperty().addListener(o -> follow());
        slider.lowValueProperty().addListener(o -> drive());
        slider.highValueProperty().addListener(o -> drive());
    }

    RangeSlider node() {
        return slider;
    }

    /** True while the strip has something to show: the view is zoomed in, or an end is being dragged. */
    boolean wanted() {
        return view.getZoom() > 1 || slider.isLowValueChanging() || slider.isHighValueChanging();
    }

    /** The strip's range for the view's zoom and pan: {low, high}. */
    static double[] range(double zoom, double pan) {
        double width = 1 / Math.max(1, zoom);
        double low = TimelineInput.clamp(pan, 0, 1) * (1 - width);
        return new double[] {low, Math.min(1, low + width)};
    }

    /** The view's zoom and pan for a range of the strip: {zoom, pan}. */
    static double[] view(double low, double high) {
        double width = TimelineInput.clamp(high - low, MIN_WIDTH, 1);
        double lo = TimelineInput.clamp(low, 0, 1 - width);
        return new double[] {1 / width, width >= 1 ? 0 : lo / (1 - width)};
    }

    private void follow() {
        if (updating) {
            return;
        }
        double[] r = range(view.getZoom(), view.getPan());
        updating = true;
        try {
            if (r[0] > slider.getHighValue()) { // never low above high on the way
                slider.setHighValue(r[1]);
                slider.setLowValue(r[0]);
            } else {
                slider.setLowValue(r[0]);
                slider.setHighValue(r[1]);
            }
        } finally {
            updating = false;
        }
    }

    private void drive() {
        if (updating) {
            return;
        }
        double[] v = view(slider.getLowValue(), slider.getHighValue());
        updating = true;
        try {
            view.setZoom(v[0]);
            view.setPan(v[1]);
        } finally {
            updating = false;
        }
    }
}
