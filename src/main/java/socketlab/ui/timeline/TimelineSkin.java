package socketlab.ui.timeline;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.ConnectionRow;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Draws {@link TimelineView} on one {@link Canvas} (chart-fx style). The skin owns the canvas, the
 * scroll bar and the frame: a change to the trace, the selection, the zoom or the size marks it
 * dirty and asks for a layout, and the next pulse's layout draws once — no timer runs while nothing
 * changes. Each row stacks the lanes of {@link #LANES}, each kind drawn by its own renderer; only
 * rows in view are drawn. Input is {@link TimelineInput}'s, sizes are {@link RowMetrics}'.
 */
public final class TimelineSkin extends SkinBase<TimelineView> {
    /** The kinds of lane, top to bottom; a kind a row has nothing for takes no room in it. */
    static final List<LaneRenderer> LANES = List.of(
            new StreamLaneRenderer(Direction.CLIENT_TO_SERVER), new StreamLaneRenderer(Direction.SERVER_TO_CLIENT),
            new DatagramLaneRenderer(Direction.CLIENT_TO_SERVER), new DatagramLaneRenderer(Direction.SERVER_TO_CLIENT),
            new KernelLaneRenderer(), new TimeLaneRenderer(), new OutputLaneRenderer());
    private static final RowHeaderRenderer HEADER = new RowHeaderRenderer();
    private static final LegendRenderer LEGEND = new LegendRenderer();
    private static final RulerRenderer RULER = new RulerRenderer();
    /** False in a frame where the optional lanes (the kernel's) gave way so that a comparison's two rows fit. */
    private boolean optionalShown = true;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    /** The overview under the rows while zoomed in; made at the first zoom. */
    private ZoomStrip strip;
    private final HitMap hits = new HitMap();
    private final RowMetrics metrics = new RowMetrics();
    private final Fonts fonts = new Fonts();
    private final Text measure = new Text();
    private boolean dirty = true;
    /**
     * Whether the view follows the newest row: to the bottom, or, where that row is taller than the view, to its
     * top (its title and first lanes, not the lanes under them). A scroll of the user's elsewhere stops it.
     */
    private boolean followNewest = true;
    /** The scroll value that shows the newest row, as the last frame worked it out. */
    private double newestAt;
    /** True while the frame sets the scroll bar itself: that is not the user scrolling. */
    private boolean scrolling;
    private double contentHeight;
    private int glyphs;
    private final Boxes glyphBoxes = new Boxes();
    private final Boxes wordBoxes = new Boxes();
    /** Off for an export of the whole run, which is as tall as its rows need. */
    boolean fitToHeight = true;

    TimelineSkin(TimelineView view) {
        super(view);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setVisible(false);
        getChildren().addAll(canvas, scroll);
        view.versionProperty().addListener((o, a, b) -> invalidate());
        view.indexProperty().addListener((o, a, b) -> {
            followNewest = true;
            invalidate();
        });
        view.selectedEventProperty().addListener((o, a, b) -> invalidate());
        view.zoomProperty().addListener((o, a, b) -> {
            if (strip == null && b.doubleValue() > 1) {
                strip = new ZoomStrip(view);
                strip.node().lowValueChangingProperty().addListener(c -> view.requestLayout());
                strip.node().highValueChangingProperty().addListener(c -> view.requestLayout());
                getChildren().add(strip.node());
            }
            invalidate();
        });
        view.panProperty().addListener((o, a, b) -> invalidate());
        view.squeezeHeadersProperty().addListener((o, a, b) -> invalidate());
        view.flippedRows().addListener((javafx.collections.SetChangeListener<Integer>) c -> {
            flips++;
            invalidate();
        });
        scroll.valueProperty().addListener((o, a, b) -> {
            if (!scrolling) {
                followNewest = Math.abs(scroll.getValue() - newestAt) < 1;
            }
            invalidate();
        });
        TimelineInput.install(view, canvas, scroll, hits, metrics);
    }

    /** Marks the canvas dirty and asks for one layout, in which it is drawn (at most once a pulse). */
    private void invalidate() {
        if (!dirty) {
            dirty = true;
            getSkinnable().requestLayout();
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        for (int pass = 0; pass < 2; pass++) { // a second pass when the frame showed or hid the scroll bar
            boolean scrollShown = scroll.isVisible();
            double sw = scrollShown ? scroll.prefWidth(-1) : 0;
            double sh = layoutStrip(x, y, w - sw, h);
            if (canvas.getWidth() != w - sw || canvas.getHeight() != h - sh) {
                canvas.setWidth(Math.max(1, w - sw));
                canvas.setHeight(Math.max(1, h - sh));
                dirty = true;
            }
            canvas.relocate(x, y);
            scroll.resizeRelocate(x + w - sw, y, sw, h - sh);
            if (!dirty || getSkinnable().getScene() == null) {
                return;
            }
            dirty = false;
            long t0 = System.nanoTime();
            draw();
            getSkinnable().drawn(System.nanoTime() - t0);
            if (scroll.isVisible() == scrollShown) {
                return;
            }
        }
    }

    /**
     * Places the zoom strip under the rows, as wide as their byte axis (its ends are the rows' ends), and
     * returns the height it takes: 0 when there is none or nothing lies outside the view.
     */
    private double layoutStrip(double x, double y, double w, double h) {
        if (strip == null) {
            return 0;
        }
        boolean shown = strip.wanted() && fitToHeight;
        strip.node().setVisible(shown);
        if (!shown) {
            return 0;
        }
        if (strip.node().getSkin() == null) { // added since the last CSS pass (the zoom came between two pulses)
            strip.node().applyCss();
        }
        double sh = Math.ceil(strip.node().prefHeight(-1));
        double left = 8 + metrics.labelW();
        strip.node().resizeRelocate(x + left, y + h - sh, Math.max(1, w - left - 8), sh);
        return sh;
    }

    /** Draws at once (for an export, and tests of the fit), instead of in the next layout. */
    public void drawNow() {
        followNewest = false;
        scroll.setValue(0);
        dirty = true; // drawn once, by the layout, at the control's size
        layoutChildren(0, 0, getSkinnable().getWidth(), getSkinnable().getHeight());
    }

    /** How tall all rows are at the current sizes (an export of the whole run is this tall). */
    public double contentHeight() {
        return contentHeight;
    }

    /** The fonts the last frame drew its words in. */
    Fonts fonts() {
        return fonts;
    }

    /** The fit factor of the last frame (see {@link RowMetrics}). */
    public double fit() {
        return metrics.fit();
    }

    /** Characters drawn in the last frame (tests: bytes are drawn only where they can be read). */
    public int glyphsDrawn() {
        return glyphs;
    }

    /** Whether the last frame drew {@code event} where a click or ← → finds it (tests). */
    boolean drew(int event) {
        return hits.has(event);
    }

    /** Where the last frame drew {@code event}: its boxes, in drawing order (tests). */
    java.util.List<HitMap.Hit> drawnAt(int event) {
        return hits.of(event);
    }

    /** The words of the last frame's label bands (call names, badges), and how many stand over a byte's character (tests). */
    int bandWordsDrawn() {
        return wordBoxes.size();
    }

    int bandWordsOverBytes() {
        return wordBoxes.overlapping(glyphBoxes);
    }

    /**
     * What a frame needs of every row — the rows, their lanes with and without the optional ones, each row's
     * idle stretches and the one time scale — made once for each state of the index, not once a frame: with 20,000 connections that was
     * most of a frame's time, for rows that are not in view.
     */
    private record Rows(TraceIndex index, int changes, int flips, List<ConnectionRow> rows, int[] lanes, int[] lean, TimeScale time,
                        int[] runOf, boolean[] folded) {}

    /** Changes of the folded rows since the skin was made: the rows are laid out again. */
    private int flips;

    private Rows rowsMade;

    private Rows rows(TraceIndex idx) {
        Rows r = rowsMade;
        if (r != null && r.index == idx && r.changes == idx.changes() && r.flips == flips) {
            return r;
        }
        List<ConnectionRow> rows = ConnectionRow.of(idx);
        int[] lanes = new int[rows.size()];
        int[] lean = new int[rows.size()];
        // after several runs the older runs' rows are folded to their header (a click on it opens one)
        int[] runOf = rows.size() > TimeScale.MAX_ROWS ? new int[rows.size()] : socketlab.trace.Runs.ofRows(idx, rows);
        int last = 0;
        for (int run : runOf) {
            last = Math.max(last, run);
        }
        boolean[] folded = new boolean[rows.size()];
        for (int i = 0; i < lanes.length; i++) {
            ConnectionRow row = rows.get(i);
            folded[i] = runOf[i] < last ^ getSkinnable().flippedRows().contains(row.any().id);
            lanes[i] = folded[i] ? 0 : lanes(row, true);
            lean[i] = folded[i] ? 0 : lanes(row, false);
        }
        rowsMade = new Rows(idx, idx.changes(), flips, rows, lanes, lean, new TimeScale(rows, idx.log()), runOf, folded);
        return rowsMade;
    }

    private static int lanes(ConnectionRow r, boolean optional) {
        int n = 0;
        for (LaneRenderer lane : LANES) {
            if (optional || !lane.optional()) {
                n += lane.lanes(r);
            }
        }
        return n;
    }

    /** Whether the last two rows of {@code lanes}, at the fit just set, are in a view {@code h} high (a comparison's pair). */
    private boolean lastTwoFit(int[] lanes, double h) {
        double need = metrics.legendH();
        for (int i = Math.max(0, lanes.length - 2); i < lanes.length; i++) {
            need += metrics.rowHeight(lanes[i]);
        }
        return need <= h + 0.5;
    }

    private void draw() {
        TimelineView view = getSkinnable();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        hits.clear();
        glyphs = 0;
        metrics.setBase(view.fontSize());
        fonts.setFamily(view.fontFamily());
        g.setFill(view.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        TraceIndex idx = view.indexProperty().get();
        if (idx == null) {
            return;
        }
        Rows made = rows(idx);
        List<ConnectionRow> rows = made.rows;
        if (rows.isEmpty()) {
            g.setFill(view.ink(TimelineView.Ink.MUTED));
            g.setFont(fonts.normal(metrics.fs() * 1.1));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(I18n.tr("timeline.empty"), w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        int[] lanes = made.lanes;
        metrics.setLegendLines(fs -> LegendRenderer.lines(fonts, measure, fs, w)); // fewer lines in smaller type
        metrics.fitRows(lanes, h, fitToHeight);
        optionalShown = true;
        if (fitToHeight && !lastTwoFit(lanes, h)) { // a comparison's two rows before the lanes that only add detail
            int[] lean = made.lean;
            metrics.fitRows(lean, h, true);
            if (lastTwoFit(lean, h)) {
                lanes = lean;
                optionalShown = false;
            } else {
                metrics.fitRows(lanes, h, true); // no better without them: keep them, and scroll
            }
        }
        double legendH = metrics.legendH();
        contentHeight = legendH;
        for (int n : lanes) {
            contentHeight += metrics.rowHeight(n);
        }
        boolean needScroll = contentHeight > h;
        scroll.setVisible(needScroll); // the layout that drew this frame makes room for it
        scrolling = true;
        try {
            scroll.setMax(Math.max(0, contentHeight - h));
            scroll.setVisibleAmount(h);
            // the newest row's top under the legend, unless the bottom shows all of it (then the bottom)
            newestAt = Math.min(scroll.getMax(), contentHeight - legendH - metrics.rowHeight(lanes[lanes.length - 1]));
            if (followNewest) {
                scroll.setValue(newestAt);
            }
        } finally {
            scrolling = false;
        }
        glyphBoxes.clear();
        wordBoxes.clear();
        Painter p = new Painter(g, view, metrics, fonts, hits, measure, w, Math.max(1, view.getZoom()),
                TimelineInput.clamp(view.getPan(), 0, 1), made.time, glyphBoxes, wordBoxes);
        double y = legendH - scroll.getValue();
        for (int i = 0; i < rows.size(); i++) {
            double rh = metrics.rowHeight(lanes[i]);
            if (y + rh >= legendH && y <= h) { // only rows in view are drawn
                drawRow(p, idx, rows.get(i), i + 1, 8, y, w - 16, made, i);
            }
            y += rh;
        }
        LEGEND.draw(p, w);
        RULER.draw(p, w);
        glyphs = p.glyphs;
    }

    /**
     * Row {@code i}: its header, then its lanes unless folded. After several runs each header begins with ▾ (open) or
     * ▸ (folded, a click opens it), and a run's first row names its run ("run 2 · ").
     */
    private void drawRow(Painter p, TraceIndex idx, ConnectionRow r, int number, double x, double y, double w, Rows made, int i) {
        int[] runOf = made.runOf();
        boolean severalRuns = runOf.length > 0 && runOf[runOf.length - 1] > 0;
        String prefix = "";
        if (severalRuns) {
            prefix = (made.folded()[i] ? "▸ " : "▾ ")
                    + (i == 0 || runOf[i - 1] != runOf[i] ? I18n.tr("timeline.run", runOf[i] + 1) + " · " : "");
            hits.addHeader(x, y, x + w, y + metrics.headerH(), r.any().id);
        }
        HEADER.draw(p, idx, r, number, prefix, x, y, w);
        if (made.folded()[i]) {
            return;
        }
        double ly = y + metrics.headerH();
        double lx = x + metrics.labelW();
        double lw = w - metrics.labelW();
        for (LaneRenderer lane : LANES) {
            int n = optionalShown || !lane.optional() ? lane.lanes(r) : 0;
            if (n > 0) {
                lane.draw(p, idx, r, x, lx, ly, lw);
                ly += n * metrics.laneStep();
            }
        }
    }
}
