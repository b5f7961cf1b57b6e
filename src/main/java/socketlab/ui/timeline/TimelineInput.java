package socketlab.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The timeline's mouse and keys: a click picks the event drawn under it, ← → step through the
 * events in view, + − 0 and Ctrl+wheel zoom (about the pointer), Shift+wheel or a sideways swipe
 * pans, the wheel scrolls the rows. It changes the view's properties; the skin redraws from them.
 */
final class TimelineInput {
    static final double MAX_ZOOM = 100_000;

    private final TimelineView view;
    private final Canvas canvas;
    private final HitMap hits;
    private final RowMetrics metrics;

    /** Listens on {@code view} and its {@code canvas}; clicks and arrows look events up in {@code hits}. */
    static void install(TimelineView view, Canvas canvas, ScrollBar scroll, HitMap hits, RowMetrics metrics) {
        TimelineInput in = new TimelineInput(view, canvas, hits, metrics);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            int ev = hits.eventAt(e.getX(), e.getY());
            if (ev >= 0) {
                view.pickWithPointer(ev);
            } else if (hits.headerAt(e.getX(), e.getY()) >= 0) { // a row's header: fold it, or open it
                view.toggleRow(hits.headerAt(e.getX(), e.getY()));
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> in.scrolled(e, scroll));
        view.addEventHandler(KeyEvent.KEY_PRESSED, in::key);
    }

    private TimelineInput(TimelineView view, Canvas canvas, HitMap hits, RowMetrics metrics) {
        this.view = view;
        this.canvas = canvas;
        this.hits = hits;
        this.metrics = metrics;
    }

    private void scrolled(ScrollEvent e, ScrollBar scroll) {
        if (e.isControlDown()) {
            zoomAt(e.getDeltaY() > 0 ? 1.5 : 1 / 1.5, e.getX());
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
            panBy(-d / Math.max(1, canvas.getWidth() * (zoom() - 1)));
        } else {
            scroll.setValue(clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax()));
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.RIGHT || k == KeyCode.LEFT) {
            int next = hits.step(view.getSelectedEvent(), k == KeyCode.RIGHT ? 1 : -1);
            if (next >= 0) {
                view.select(next);
            }
            e.consume();
        } else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            zoomAt(2, canvas.getWidth() / 2);
            e.consume();
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            zoomAt(0.5, canvas.getWidth() / 2);
            e.consume();
        } else if (k == KeyCode.H && !e.isShortcutDown() && !e.isAltDown()) {
            view.setSqueezeHeaders(!view.isSqueezeHeaders());
            e.consume();
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            view.setZoom(1);
            view.setPan(0);
            e.consume();
        }
    }

    private double zoom() {
        return Math.max(1, view.getZoom());
    }

    /** Zooms by {@code factor}, keeping the point under {@code x} where it is. */
    private void zoomAt(double factor, double x) {
        double lw = canvas.getWidth() - 16 - metrics.labelW();
        double lx = 8 + metrics.labelW();
        double before = zoom();
        double after = clamp(before * factor, 1, MAX_ZOOM);
        if (after == before) {
            return;
        }
        double pan = clamp(view.getPan(), 0, 1);
        // fraction of the whole extent under the mouse, before and after
        double extentBefore = lw * before;
        double at = (x - lx + pan * Math.max(0, extentBefore - lw)) / extentBefore;
        double extentAfter = lw * after;
        double newPan = after == 1 ? 0 : clamp((at * extentAfter - (x - lx)) / (extentAfter - lw), 0, 1);
        view.setZoom(after);
        view.setPan(newPan);
    }

    private void panBy(double fraction) {
        if (zoom() > 1) {
            view.setPan(clamp(clamp(view.getPan(), 0, 1) + fraction, 0, 1));
        }
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
