package socketlab.ui.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each event was drawn in the last frame, so a click or ← → picks what the learner sees.
 * Renderers add a box per mark they draw; the last box drawn wins a click (it is on top).
 */
final class HitMap {
    /** A box on the canvas and the trace event it shows. */
    record Hit(double x0, double y0, double x1, double y1, int event) {
        boolean contains(double x, double y) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }
    }

    private final List<Hit> hits = new ArrayList<>();
    /** The row headers drawn, their {@code event} the connection id that names the row (a click folds or opens it). */
    private final List<Hit> headers = new ArrayList<>();

    void clear() {
        hits.clear();
        headers.clear();
    }

    /** A row's header line, for folding: {@code conn} names the row (its first end's connection id). */
    void addHeader(double x0, double y0, double x1, double y1, int conn) {
        headers.add(new Hit(x0, y0, x1, y1, conn));
    }

    /** The connection id naming the row whose header is at {@code (x, y)}, or -1. */
    int headerAt(double x, double y) {
        for (Hit h : headers) {
            if (h.contains(x, y)) {
                return h.event();
            }
        }
        return -1;
    }

    void add(double x0, double y0, double x1, double y1, int event) {
        hits.add(new Hit(x0, y0, x1, y1, event));
    }

    /** Whether {@code event} was drawn where a click finds it (tests). */
    boolean has(int event) {
        return hits.stream().anyMatch(h -> h.event() == event);
    }

    /** The boxes drawn for {@code event}, in drawing order (tests). */
    List<Hit> of(int event) {
        return hits.stream().filter(h -> h.event() == event).toList();
    }

    boolean isEmpty() {
        return hits.isEmpty();
    }

    /** The event drawn on top at {@code (x, y)}, or -1. */
    int eventAt(double x, double y) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).contains(x, y)) {
                return hits.get(i).event();
            }
        }
        return -1;
    }

    /** The event {@code dir} (±1) steps from {@code current} among those in view, in trace order; -1 when none is in view. */
    int step(int current, int dir) {
        if (hits.isEmpty()) {
            return -1;
        }
        List<Integer> events = hits.stream().map(Hit::event).distinct().sorted().toList();
        int pos = events.indexOf(current);
        int next = pos < 0 ? (dir > 0 ? 0 : events.size() - 1) : Math.max(0, Math.min(events.size() - 1, pos + dir));
        return events.get(next);
    }
}
