package socketlab.ui.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;
import socketlab.trace.IntList;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;

/**
 * Draws {@link TimelineView} on one {@link Canvas} (chart-fx style): a dirty flag set when the
 * trace grows or the size changes, one redraw per pulse at most, events narrower than a pixel
 * merged into their neighbour, and only the rows in view drawn. Clicks and ← → pick events
 * through the hit boxes recorded while drawing.
 */
public final class TimelineSkin extends SkinBase<TimelineView> {
    private static final int MAX_LANE_PX_PER_BYTE = 64;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final AnimationTimer pulse;
    private final List<Hit> hits = new ArrayList<>();
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private boolean dirty = true;
    private boolean followBottom = true;
    private double zoom = 1;
    private long sharedSpan = 1;
    private double pan = 0;
    private double contentHeight;

    /** Where an event was drawn, for clicks and keyboard selection. */
    private record Hit(double x0, double y0, double x1, double y1, int event) {
        boolean contains(double x, double y) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        }
    }

    /** One connection as the timeline shows it: the server end and the client end (either may be outside the lab). */
    private record Row(TraceIndex.Conn server, TraceIndex.Conn client) {
        TraceIndex.Conn any() {
            return server != null ? server : client;
        }

        /** When the connection began: the earlier of connect() and accept() (a client can wait in the backlog). */
        long start(TraceLog log) {
            long t = Long.MAX_VALUE;
            for (TraceIndex.Conn c : new TraceIndex.Conn[] {server, client}) {
                if (c != null && c.openEvent >= 0) {
                    t = Math.min(t, log.tNs(c.openEvent));
                }
            }
            return t == Long.MAX_VALUE ? log.tNs(any().openEvent) : t;
        }
    }

    TimelineSkin(TimelineView view) {
        super(view);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setVisible(false);
        getChildren().addAll(canvas, scroll);
        view.versionProperty().addListener((o, a, b) -> dirty = true);
        view.indexProperty().addListener((o, a, b) -> {
            dirty = true;
            followBottom = true;
        });
        view.selectedEventProperty().addListener((o, a, b) -> dirty = true);
        view.zoomProperty().addListener((o, a, b) -> {
            zoom = Math.max(1, b.doubleValue());
            dirty = true;
        });
        view.panProperty().addListener((o, a, b) -> {
            pan = clamp(b.doubleValue(), 0, 1);
            dirty = true;
        });
        zoom = Math.max(1, view.getZoom());
        pan = clamp(view.getPan(), 0, 1);
        scroll.valueProperty().addListener((o, a, b) -> {
            dirty = true;
            followBottom = scroll.getValue() >= scroll.getMax() - 1;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            for (int i = hits.size() - 1; i >= 0; i--) {
                if (hits.get(i).contains(e.getX(), e.getY())) {
                    view.select(hits.get(i).event());
                    return;
                }
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown()) {
                zoomAt(e.getDeltaY() > 0 ? 1.5 : 1 / 1.5, e.getX());
            } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double d = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
                panBy(-d / Math.max(1, canvas.getWidth() * (zoom - 1)));
            } else {
                scroll.setValue(clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax()));
            }
            e.consume();
        });
        view.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) {
                step(e.getCode() == KeyCode.RIGHT ? 1 : -1);
                e.consume();
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                zoomAt(2, canvas.getWidth() / 2);
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoomAt(0.5, canvas.getWidth() / 2);
                e.consume();
            } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
                view.setZoom(1);
                view.setPan(0);
                e.consume();
            }
        });
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    long t0 = System.nanoTime();
                    draw();
                    getSkinnable().drawn(System.nanoTime() - t0);
                }
            }
        };
        view.sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
        if (view.getScene() != null) {
            pulse.start();
        }
    }

    /** Zooms by {@code factor}, keeping the point under {@code x} where it is. */
    private void zoomAt(double factor, double x) {
        double lw = canvas.getWidth() - 16 - labelW();
        double lx = 8 + labelW();
        double before = zoom;
        double after = clamp(zoom * factor, 1, 100_000);
        if (after == before) {
            return;
        }
        // fraction of the whole extent under the mouse, before and after
        double extentBefore = lw * before;
        double at = (x - lx + pan * Math.max(0, extentBefore - lw)) / extentBefore;
        double extentAfter = lw * after;
        double newPan = after == 1 ? 0 : clamp((at * extentAfter - (x - lx)) / (extentAfter - lw), 0, 1);
        getSkinnable().setZoom(after);
        getSkinnable().setPan(newPan);
    }

    private void panBy(double fraction) {
        if (zoom > 1) {
            getSkinnable().setPan(clamp(pan + fraction, 0, 1));
        }
    }

    /** Draws at once (for an export), instead of on the next pulse. */
    public void drawNow() {
        layoutChildren(0, 0, getSkinnable().getWidth(), getSkinnable().getHeight());
        followBottom = false;
        scroll.setValue(0);
        draw();
    }

    public double contentHeight() {
        return contentHeight;
    }

    private void step(int dir) {
        if (hits.isEmpty()) {
            return;
        }
        List<Integer> events = hits.stream().map(Hit::event).distinct().sorted().toList();
        int cur = getSkinnable().getSelectedEvent();
        int pos = events.indexOf(cur);
        int next = pos < 0 ? (dir > 0 ? 0 : events.size() - 1) : Math.max(0, Math.min(events.size() - 1, pos + dir));
        getSkinnable().select(events.get(next));
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double sw = scroll.isVisible() ? scroll.prefWidth(-1) : 0;
        if (canvas.getWidth() != w - sw || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(1, w - sw));
            canvas.setHeight(Math.max(1, h));
            dirty = true;
        }
        canvas.relocate(x, y);
        scroll.resizeRelocate(x + w - sw, y, sw, h);
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 200;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    public void dispose() {
        pulse.stop();
        super.dispose();
    }

    // ---------------------------------------------------------------- geometry

    private double fs() {
        return getSkinnable().fontSize() * fit;
    }

    /**
     * Below 1 when the rows that matter do not fit the height (a projector at 1024×768): every size of
     * the timeline shrinks together, down to {@link #MIN_FIT} and never below {@link #MIN_FIT_PX} px type,
     * so that all rows — or at least the last two, a run broken and fixed — are in view at once instead
     * of one of them scrolled away.
     */
    private double fit = 1;
    static final double MIN_FIT = 0.72;
    static final double MIN_FIT_PX = 11;

    /** Off for an export of the whole run, which is as tall as its rows need. */
    boolean fitToHeight = true;

    public double fit() {
        return fit;
    }

    private void fitRows(List<Row> rows, double h) {
        fit = 1;
        if (!fitToHeight) {
            return;
        }
        double all = legendH();
        double lastTwo = legendH();
        for (int i = 0; i < rows.size(); i++) {
            double rh = rowHeight(rows.get(i));
            all += rh;
            if (i >= rows.size() - 2) {
                lastTwo += rh;
            }
        }
        // the heights grow almost in proportion to the font size, so one step lands close; never below MIN_FIT
        // nor below 11 px type, and not at all when even that would not bring the rows into view
        double floor = Math.max(MIN_FIT, MIN_FIT_PX / getSkinnable().fontSize());
        double want = all * floor <= h ? all : lastTwo;
        if (want > h && want * floor <= h) {
            fit = Math.floor(h / want * 0.98 * 100) / 100;
        }
    }

    private double laneH() {
        return Math.round(fs() * 2.3);
    }

    private double headerH() {
        return Math.round(fs() * 2.0);
    }

    private double labelW() {
        return Math.round(fs() * 6.5);
    }

    private List<Row> rows(TraceIndex idx) {
        List<Row> rows = new ArrayList<>();
        for (TraceIndex.Conn c : idx.conns()) {
            if (c.openEvent < 0) {
                continue;
            }
            if (c.side == Side.SERVER) {
                rows.add(new Row(c, c.peer()));
            } else if (c.peer() == null) {
                rows.add(new Row(null, c));
            }
        }
        return rows;
    }

    private int lanesOf(Row r) {
        int lanes = 1; // time
        if (bytes(r.client, true) + bytes(r.server, false) > 0) {
            lanes += 2;
        }
        if (bytes(r.server, true) + bytes(r.client, false) > 0) {
            lanes += 2;
        }
        if (datagrams(r.client, true) + datagrams(r.server, false) > 0) {
            lanes += 2; // UDP: the client's datagrams as sent, as the server received them
        }
        if (datagrams(r.server, true) + datagrams(r.client, false) > 0) {
            lanes += 2; // and the server's (its replies)
        }
        return lanes;
    }

    private static final IntList NONE = new IntList();

    private static int datagrams(TraceIndex.Conn c, boolean sent) {
        return c == null ? 0 : sent ? c.sendtos.size() : c.recvfroms.size();
    }

    private static long bytes(TraceIndex.Conn c, boolean sent) {
        return c == null ? 0 : sent ? c.bytesSent : c.bytesReceived;
    }

    private double rowHeight(Row r) {
        return headerH() + lanesOf(r) * (laneH() + 4) + fs();
    }

    // ---------------------------------------------------------------- drawing

    private void draw() {
        TimelineView view = getSkinnable();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        hits.clear();
        glyphs = 0;
        g.setFill(view.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        TraceIndex idx = view.indexProperty().get();
        if (idx == null) {
            return;
        }
        List<Row> rows = rows(idx);
        if (rows.isEmpty()) {
            g.setFill(view.ink(TimelineView.Ink.MUTED));
            g.setFont(Font.font(fs() * 1.1));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(I18n.tr("timeline.empty"), w / 2, h / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        fitRows(rows, h);
        double legend = legendH();
        contentHeight = legend;
        for (Row r : rows) {
            contentHeight += rowHeight(r);
        }
        boolean needScroll = contentHeight > h;
        if (scroll.isVisible() != needScroll) {
            scroll.setVisible(needScroll);
            getSkinnable().requestLayout();
        }
        scroll.setMax(Math.max(0, contentHeight - h));
        scroll.setVisibleAmount(h);
        if (followBottom) {
            scroll.setValue(scroll.getMax());
        }
        // one time scale for every row, so a slower run (the sleep "fix") is visibly longer
        long longest = 1;
        for (Row r : rows) {
            longest = Math.max(longest, lastTime(idx.log(), r) - r.start(idx.log()));
        }
        sharedSpan = longest;
        double y = legend - scroll.getValue();
        int number = 0;
        for (Row r : rows) {
            number++;
            double rh = rowHeight(r);
            if (y + rh >= legend && y <= h) { // only rows in view are drawn
                drawRow(g, idx, r, number, 8, y, w - 16);
            }
            y += rh;
        }
        drawLegend(g, w);
    }

    private double legendH() {
        return Math.round(fs() * 1.8);
    }

    /** One line at the top, always in view: what each mark means. */
    private void drawLegend(GraphicsContext g, double w) {
        TimelineView view = getSkinnable();
        double h = legendH();
        g.setFill(view.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        g.setStroke(view.ink(TimelineView.Ink.LANE));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        double fs = fs() * 0.75;
        double x = 8;
        double cy = h / 2;
        Font font = Font.font(null, FontWeight.NORMAL, fs);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < 3; i++) {
            g.setFill(view.messageColor(i));
            g.fillRect(x + i * fs, cy - fs / 2, fs, fs);
        }
        x = legendText(g, I18n.tr("legend.messages"), x + 3 * fs + 4, cy, font);
        Color c = view.messageColor(0);
        g.setFill(c.deriveColor(0, 1, 0.55, 1));
        g.fillRect(x, cy - fs / 2, fs * 1.5, fs);
        x = legendText(g, I18n.tr("legend.header"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(view.ink(TimelineView.Ink.GLUED));
        g.setLineWidth(2.5);
        g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
        x = legendText(g, I18n.tr("legend.glued"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(view.ink(TimelineView.Ink.SPLIT));
        g.setLineDashes(4, 3);
        g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
        g.setLineDashes();
        x = legendText(g, I18n.tr("legend.split"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(view.ink(TimelineView.Ink.SEND));
        g.setLineWidth(2.5);
        g.strokeLine(x + 3, cy - fs / 2, x + 3, cy + fs / 2);
        g.setStroke(view.ink(TimelineView.Ink.RECV));
        g.strokeLine(x + 9, cy - fs / 2, x + 9, cy + fs / 2);
        x = legendText(g, I18n.tr("legend.calls"), x + 14, cy, font);
        g.setFill(view.ink(TimelineView.Ink.MUTED));
        double d = fs * 0.45;
        g.fillPolygon(new double[] {x, x + d, x + 2 * d, x + d}, new double[] {cy, cy - d, cy, cy + d}, 4);
        x = legendText(g, I18n.tr("legend.open"), x + 2 * d + 4, cy, font);
        g.fillRect(x, cy - d * 1.4, 3, d * 2.8);
        x = legendText(g, "EOF", x + 7, cy, font);
        g.fillRect(x, cy - d * 0.8, d * 1.6, d * 1.6);
        x = legendText(g, I18n.tr("legend.close"), x + d * 1.6 + 4, cy, font);
        g.setFill(view.ink(TimelineView.Ink.ERROR));
        g.fillOval(x, cy - d, 2 * d, 2 * d);
        legendText(g, I18n.tr("legend.error"), x + 2 * d + 4, cy, font);
    }

    private double legendText(GraphicsContext g, String text, double x, double cy, Font font) {
        g.setFill(getSkinnable().ink(TimelineView.Ink.MUTED));
        g.fillText(text, x, cy);
        measure.setFont(font);
        measure.setText(text);
        return x + measure.getLayoutBounds().getWidth() + fs() * 1.2;
    }

    private void drawRow(GraphicsContext g, TraceIndex idx, Row r, int number, double x, double y, double w) {
        TimelineView view = getSkinnable();
        TraceLog log = idx.log();
        double fs = fs();
        // header line: which connection, what framing, what happened
        TraceIndex.Conn any = r.any();
        String note = any.openEvent >= 0 ? log.get(any.openEvent).text() : null;
        if (note != null) { // the engine's note, e.g. "framing header:le · echo", in the learner's language
            for (String[] phrase : NOTE_WORDS) {
                note = note.replace(phrase[0], I18n.tr(phrase[1]));
            }
        }
        boolean unix = any.unixPath != null; // AF_UNIX: no ports to name, the note names the path
        String title = I18n.tr("timeline.row", number,
                r.client == null ? I18n.tr("timeline.outside") : unix ? "" : ":" + r.client.localPort,
                r.server != null ? unix ? "" : ":" + r.server.localPort : ":" + any.remotePort,
                note == null ? "" : note);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Font titleFont = Font.font(null, FontWeight.BOLD, fs * 1.05);
        g.setFont(titleFont);
        g.setFill(view.ink(TimelineView.Ink.TEXT));

        int glued = 0;
        int split = 0;
        int ok = 0;
        int bad = 0;
        for (TraceIndex.Conn c : new TraceIndex.Conn[] {r.server, r.client}) {
            if (c == null) {
                continue;
            }
            glued += idx.glued(c);
            split += idx.split(c);
            for (int k = 0; k < c.frames.size(); k++) {
                Boolean b = idx.frameOk(c, k);
                if (Boolean.TRUE.equals(b)) {
                    ok++;
                } else if (Boolean.FALSE.equals(b)) {
                    bad++;
                }
            }
        }
        long t0 = r.start(log);
        long t1 = lastTime(log, r);
        String ms = String.format(Locale.ROOT, "%.1f", (t1 - t0) / 1e6);
        String stats = I18n.tr("timeline.stats", glued, split, ok, bad, ms);
        String statsShort = I18n.tr("timeline.statsShort", glued, split, ok, bad);
        Font statsFont = Font.font(null, FontWeight.BOLD, fs);
        // title left, counts right; when the row is too narrow for both, the title gives way (never overprinted):
        // first the ports go, then the duration (the time axis shows it too), then the framing — what stays is
        // in full-size type, not squeezed
        String shortTitle = I18n.tr("timeline.rowShort", number, note == null ? "" : note);
        String[][] layouts = {{title, stats}, {shortTitle, stats}, {shortTitle, statsShort}, {"#" + number, statsShort}};
        String[] chosen = layouts[layouts.length - 1];
        for (String[] l : layouts) {
            if (textWidth(l[0], titleFont) + textWidth(l[1], statsFont) + fs * 1.5 <= w) {
                chosen = l;
                break;
            }
        }
        stats = chosen[1];
        double room = w - textWidth(stats, statsFont) - fs * 1.5;
        g.fillText(chosen[0], x, y + headerH() / 2, Math.max(fs * 2, room));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(statsFont);
        g.setFill(bad > 0 ? view.ink(TimelineView.Ink.GLUED) : ok > 0 ? view.ink(TimelineView.Ink.OK)
                : view.ink(TimelineView.Ink.MUTED));
        g.fillText(stats, x + w, y + headerH() / 2);
        g.setTextAlign(TextAlignment.LEFT);

        double lane = laneH();
        double ly = y + headerH();
        double lx = x + labelW();
        double lw = w - labelW();
        if (bytes(r.client, true) + bytes(r.server, false) > 0) {
            long total = Math.max(bytes(r.client, true), bytes(r.server, false));
            drawDirection(g, idx, r.client, r.server, I18n.tr("timeline.lane.clientSend"), I18n.tr("timeline.lane.serverRecv"),
                    x, lx, ly, lw, total);
            ly += 2 * (lane + 4);
        }
        if (bytes(r.server, true) + bytes(r.client, false) > 0) {
            long total = Math.max(bytes(r.server, true), bytes(r.client, false));
            drawDirection(g, idx, r.server, r.client, I18n.tr("timeline.lane.serverSend"), I18n.tr("timeline.lane.clientRecv"),
                    x, lx, ly, lw, total);
            ly += 2 * (lane + 4);
        }
        if (datagrams(r.client, true) + datagrams(r.server, false) > 0) {
            drawDatagrams(g, idx, r.client, r.server, I18n.tr("timeline.lane.clientSendto"), I18n.tr("timeline.lane.serverRecvfrom"),
                    x, lx, ly, lw);
            ly += 2 * (lane + 4);
        }
        if (datagrams(r.server, true) + datagrams(r.client, false) > 0) {
            drawDatagrams(g, idx, r.server, r.client, I18n.tr("timeline.lane.serverSendto"), I18n.tr("timeline.lane.clientRecvfrom"),
                    x, lx, ly, lw);
            ly += 2 * (lane + 4);
        }
        drawTimeLane(g, idx, r, x, lx, ly, lw, t0, t1);
    }

    /**
     * UDP, one direction: every datagram is a box of its own, side by side — no stream to glue them
     * into. Above, each sendto() of {@code sender}; below, each recvfrom() of {@code receiver} in the
     * colour of the datagram it returned, and where recvfrom(n) was smaller than the datagram, the
     * part the kernel threw away, hatched and counted ("lost 6 B"). An empty datagram is a thin box.
     * Only the datagrams in view are looked at.
     */
    private void drawDatagrams(GraphicsContext g, TraceIndex idx, TraceIndex.Conn sender, TraceIndex.Conn receiver,
                               String sendLabel, String recvLabel, double x, double lx, double y, double lw) {
        TimelineView view = getSkinnable();
        TraceLog log = idx.log();
        double lane = laneH();
        double yRecv = y + lane + 4;
        IntList sent = sender == null ? NONE : sender.sendtos; // the k-th datagram sent is the k-th received (loopback keeps order)
        IntList got = receiver == null ? NONE : receiver.recvfroms;
        laneLabel(g, sendLabel, x, y);
        laneLabel(g, recvLabel, x, yRecv);
        g.setFill(view.ink(TimelineView.Ink.LANE));
        g.fillRect(lx, y, lw, lane);
        g.fillRect(lx, yRecv, lw, lane);
        int n = Math.max(sent.size(), got.size());
        int shown = (int) Math.min(n, Math.max(1, Math.floor(lw / (fs() * 3))));
        double slot = lw / Math.max(shown, 3);
        long largest = 1; // of the datagrams in view only: the scale never costs a pass over all of them
        for (IntList l : new IntList[] {sent, got}) {
            for (int k = 0; k < Math.min(shown, l.size()); k++) {
                largest = Math.max(largest, Math.max(log.bytes(l.get(k)), log.requested(l.get(k))));
            }
        }
        double ppb = (slot - 8) / largest;
        g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.7));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (int k = 0; k < shown; k++) {
            double x0 = lx + k * slot + 4;
            Color c = view.messageColor(k);
            int sentBytes = -1;
            if (k < sent.size()) { // sendto: the datagram whole
                int ev = sent.get(k);
                sentBytes = log.bytes(ev);
                double w = Math.max(3, sentBytes * ppb);
                g.setFill(c);
                g.fillRect(x0, y, w, lane);
                hits.add(new Hit(x0, y, x0 + Math.max(w, 8), y + lane, ev));
                g.setFill(view.ink(TimelineView.Ink.TEXT));
                g.fillText(I18n.tr("timeline.sendto", k + 1, sentBytes), x0 + 2, y + lane - 1, slot - 10);
            }
            if (k < got.size()) { // recvfrom: what came out, and what did not
                int ev = got.get(k);
                int bytes = log.bytes(ev);
                double w = Math.max(3, bytes * ppb);
                g.setFill(c);
                g.fillRect(x0, yRecv, w, lane);
                hits.add(new Hit(x0, yRecv, x0 + Math.max(w, 8), yRecv + lane, ev));
                String label = I18n.tr("timeline.recvfrom", log.requested(ev), bytes);
                if (sentBytes > bytes) {
                    double lx0 = x0 + w;
                    double lw0 = Math.max(3, (sentBytes - bytes) * ppb);
                    g.setStroke(view.ink(TimelineView.Ink.GLUED));
                    g.setLineWidth(1.5);
                    g.save();
                    g.beginPath();
                    g.rect(lx0, yRecv, lw0, lane);
                    g.clip();
                    for (double sx = lx0 - lane; sx < lx0 + lw0; sx += 6) {
                        g.strokeLine(sx, yRecv + lane, sx + lane, yRecv);
                    }
                    g.restore();
                    g.strokeRect(lx0, yRecv + 1, lw0, lane - 2);
                    tag(g, I18n.tr("timeline.lost", sentBytes - bytes), lx0 + lw0, yRecv + 2, view.ink(TimelineView.Ink.GLUED), true);
                }
                g.setFill(view.ink(TimelineView.Ink.TEXT));
                g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.7));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(label, x0 + 2, yRecv + lane - 1, slot - 10);
            }
        }
        if (shown < n) {
            g.setFill(view.ink(TimelineView.Ink.MUTED));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(I18n.tr("timeline.more", n - shown), lx + lw - 4, yRecv - 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static long lastTime(TraceLog log, Row r) {
        long t = 0;
        for (TraceIndex.Conn c : new TraceIndex.Conn[] {r.server, r.client}) {
            if (c == null) {
                continue;
            }
            int last = Math.max(c.closeEvent, c.eofEvent);
            for (IntList l : new IntList[] {c.sends, c.recvs, c.frames, c.errors, c.datagrams}) {
                if (!l.isEmpty()) {
                    last = Math.max(last, l.last());
                }
            }
            if (last >= 0) {
                t = Math.max(t, log.tNs(last));
            }
        }
        return t;
    }

    private void laneLabel(GraphicsContext g, String text, double x, double y) {
        g.setFont(Font.font(null, FontWeight.NORMAL, fs() * 0.9));
        g.setFill(getSkinnable().ink(TimelineView.Ink.MUTED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y + laneH() / 2, labelW() - 4); // a long label is narrowed, never drawn over the lane
    }

    /** The sender's messages over the receiver's chunks, on one byte axis. */
    private void drawDirection(GraphicsContext g, TraceIndex idx, TraceIndex.Conn sender, TraceIndex.Conn receiver,
                               String sendLabel, String recvLabel, double x, double lx, double y, double lw, long total) {
        TimelineView view = getSkinnable();
        TraceLog log = idx.log();
        double lane = laneH();
        double fit = Math.min(MAX_LANE_PX_PER_BYTE, lw / Math.max(1, total));
        double ppb = fit * zoom;
        double left = lx;
        double rightEdge = lx + lw;
        double yRecv = y + lane + 4;
        laneLabel(g, sendLabel, x, y);
        laneLabel(g, recvLabel, x, yRecv);
        g.setFill(view.ink(TimelineView.Ink.LANE));
        g.fillRect(lx, y, lw, lane);
        g.fillRect(lx, yRecv, lw, lane);
        // zoomed and panned: byte 0 sits at lx (possibly left of the visible lane); only what is in view is drawn
        lx = lx - pan * Math.max(0, total * ppb - lw);
        long firstVisibleByte = (long) Math.max(0, (left - lx) / ppb);
        g.save();
        g.beginPath();
        g.rect(left, y - 5, lw, 2 * lane + 14);
        g.clip();

        // spans: the sender's messages (or, for an outside sender, the receiver's frames)
        IntList spans = receiver != null ? idx.spans(receiver) : sender.messages;
        int[] chunksPer = receiver != null ? idx.chunksPerSpan(receiver) : new int[spans.size()];

        // --- send lane: each message, header hatched; send() calls outlined
        for (int k = idx.firstSpanEndingAfter(spans, firstVisibleByte); k < spans.size(); ) {
            int ev = spans.get(k);
            long start = idx.spanStart(ev);
            long len = idx.spanLength(ev);
            double x0 = lx + start * ppb;
            double x1 = lx + (start + len) * ppb;
            if (x0 > rightEdge) {
                break;
            }
            int next = k + 1;
            if (x1 - x0 < 1) { // narrower than a pixel: this one stands for all that end in the same pixel
                x1 = x0 + 1;
                next = idx.firstSpanEndingAfter(spans, k + 1, (long) Math.ceil((x1 - lx) / ppb));
            }
            paintSpan(g, log, ev, k, x0, x1, y, lane, ppb);
            if (chunksPer.length > k && chunksPer[k] >= 2 && x1 - x0 > fs() * 4) {
                g.setStroke(view.ink(TimelineView.Ink.SPLIT));
                g.setLineWidth(2);
                g.setLineDashes(6, 4);
                g.strokeRect(x0 + 1, y + 1, x1 - x0 - 2, lane - 2);
                g.setLineDashes();
                tag(g, I18n.tr("timeline.split", chunksPer[k]), x1 - 4, y + 2, view.ink(TimelineView.Ink.SPLIT), true);
            }
            k = next;
        }
        if (sender != null) {
            drawCalls(g, idx, sender.sends, lx, y, lane, ppb, false, left, rightEdge);
        }
        // --- recv lane: each chunk, its bytes coloured by their message
        if (receiver != null) {
            IntList recvs = receiver.recvs;
            int spanFrom = 0; // the chunks go forward through the stream, so do the spans they hold
            for (int j = idx.firstCallEndingAfter(recvs, 0, firstVisibleByte), next; j < recvs.size(); j = next) {
                int ev = recvs.get(j);
                long start = log.offset(ev);
                long end = start + log.bytes(ev);
                double x0 = lx + start * ppb;
                double x1 = lx + end * ppb;
                if (x0 > rightEdge) {
                    break;
                }
                next = j + 1;
                if (x1 - x0 < 1) { // narrower than a pixel: merged with the chunks ending in the same pixel
                    next = idx.firstCallEndingAfter(recvs, j + 1, (long) Math.ceil((x0 + 1 - lx) / ppb));
                    end = Math.max(end, log.offset(recvs.get(next - 1)) + log.bytes(recvs.get(next - 1)));
                    x1 = lx + end * ppb;
                }
                int first = idx.firstSpanEndingAfter(spans, spanFrom, start);
                spanFrom = first;
                for (int k = first; k < spans.size() && idx.spanStart(spans.get(k)) < end; k++) {
                    int sev = spans.get(k);
                    long s0 = Math.max(start, idx.spanStart(sev));
                    long s1 = Math.min(end, idx.spanStart(sev) + idx.spanLength(sev));
                    paintSpanPart(g, log, sev, k, lx + s0 * ppb, lx + s1 * ppb, s0 - idx.spanStart(sev), yRecv, lane, ppb);
                }
                if (ppb >= readableCell()) {
                    drawBytes(g, log, ev, start, lx, yRecv, lane, ppb, spans, idx);
                }
                if (idx.messagesIn(receiver, ev) >= 2) {
                    g.setStroke(view.ink(TimelineView.Ink.GLUED));
                    g.setLineWidth(3);
                    g.strokeRect(x0 + 1.5, yRecv + 1.5, Math.max(2, x1 - x0 - 3), lane - 3);
                    if (x1 - x0 > fs() * 3) {
                        tag(g, I18n.tr("timeline.glued"), x1 - 4, yRecv + 2, view.ink(TimelineView.Ink.GLUED), true);
                    }
                }
            }
            drawCalls(g, idx, recvs, lx, yRecv, lane, ppb, true, left, rightEdge);
        }
        if (sender != null && ppb >= readableCell()) {
            for (int j = idx.firstCallEndingAfter(sender.sends, 0, firstVisibleByte); j < sender.sends.size(); j++) {
                int ev = sender.sends.get(j);
                if (lx + log.offset(ev) * ppb > rightEdge) {
                    break;
                }
                drawBytes(g, log, ev, log.offset(ev), lx, y, lane, ppb, spans, idx);
            }
        }
        g.restore();
    }

    private void paintSpan(GraphicsContext g, TraceLog log, int ev, int k, double x0, double x1, double y, double h,
                           double ppb) {
        paintSpanPart(g, log, ev, k, x0, x1, 0, y, h, ppb);
    }

    /** Part of span {@code k} from {@code relStart} bytes into it: header part dark and hatched, body in the message colour. */
    private void paintSpanPart(GraphicsContext g, TraceLog log, int ev, int k, double x0, double x1, long relStart,
                               double y, double h, double ppb) {
        TimelineView view = getSkinnable();
        Color c = view.messageColor(k);
        Op op = log.op(ev);
        int header = op == Op.MESSAGE || op == Op.FRAME ? log.b(ev) : 0;
        int body = op == Op.MESSAGE || op == Op.FRAME ? log.bytes(ev) : Integer.MAX_VALUE;
        g.setFill(c);
        fillVisible(g, x0, y, Math.max(x0 + 1, x1), h);
        if (header > relStart) {
            double hx1 = Math.min(x1, x0 + (header - relStart) * ppb);
            g.setFill(c.deriveColor(0, 1, 0.55, 1));
            fillVisible(g, x0, y, Math.max(x0 + 1, hx1), h);
            double vx0 = Math.max(x0, -h);
            double vx1 = Math.min(hx1, canvas.getWidth() + h);
            if (vx0 < vx1) {
                g.save();
                g.beginPath();
                g.rect(vx0, y, vx1 - vx0, h);
                g.clip();
                g.setStroke(Color.rgb(255, 255, 255, 0.35));
                g.setLineWidth(1.5);
                // the hatching keeps its 7 px pitch from x0, but starts and ends in view
                for (double sx = x0 - h + 7 * Math.floor((vx0 - x0) / 7); sx < vx1; sx += 7) {
                    g.strokeLine(sx, y + h, sx + h, y);
                }
                g.restore();
            }
        }
        long trailerFrom = (long) header + body;
        if (op == Op.MESSAGE || op == Op.FRAME) {
            long wire = log.wire(ev);
            if (wire > trailerFrom) {
                double tx0 = Math.max(x0, x0 + (trailerFrom - relStart) * ppb);
                if (tx0 < x1) {
                    g.setFill(c.deriveColor(0, 0.25, 1.15, 1));
                    fillVisible(g, tx0, y, x1, h);
                }
            }
        }
        if (x1 - x0 >= 4) { // a hairline between parts, only where it does not wash out the colour
            g.setStroke(getSkinnable().ink(TimelineView.Ink.BACKGROUND));
            g.setLineWidth(1);
            g.strokeLine(x0, y, x0, y + h);
        }
    }

    /**
     * Fills {@code x0}..{@code x1} cut to the canvas. Zoomed far in, one message spans hundreds of
     * thousands of pixels; a rectangle that wide was not drawn at all (the send lane went grey at
     * 128x on the 1 MiB message), so only the part in view is given to the canvas.
     */
    private void fillVisible(GraphicsContext g, double x0, double y, double x1, double h) {
        double a = Math.max(x0, -2);
        double b = Math.min(x1, canvas.getWidth() + 2);
        if (a < b) {
            g.fillRect(a, y, b - a, h);
        }
    }

    /** send()/recv() call boundaries: a dark bar at each start and a "#n" tag when there is room. */
    private void drawCalls(GraphicsContext g, TraceIndex idx, IntList calls, double lx, double y, double h, double ppb,
                           boolean recv, double left, double right) {
        TimelineView view = getSkinnable();
        TraceLog log = idx.log();
        double last = -1e9;
        int selected = view.getSelectedEvent();
        for (int j = idx.firstCallEndingAfter(calls, 0, (long) Math.max(0, (left - lx) / ppb)), next; j < calls.size(); j = next) {
            int ev = calls.get(j);
            double x0 = lx + log.offset(ev) * ppb;
            double x1 = lx + (log.offset(ev) + log.bytes(ev)) * ppb;
            if (x0 > right) {
                break;
            }
            next = j + 1;
            if (x1 - x0 < 2 && ev != selected) { // the calls within two pixels share one mark and one hit box
                next = idx.firstCallEndingAfter(calls, j + 1, (long) Math.ceil((x0 + 2 - lx) / ppb));
                if (selected >= 0 && next > j + 1) {
                    for (int q = j + 1; q < next; q++) {
                        if (calls.get(q) == selected) {
                            next = q; // never merge the selected call away
                            break;
                        }
                    }
                }
            }
            hits.add(new Hit(Math.max(left, x0), y, Math.min(right, Math.max(x0 + 2, x1)), y + h, ev));
            if ((x1 - x0 >= 6 || j == 0) && x0 - last >= 2) {
                // a boundary bar where calls are wide enough to tell apart; narrower ones leave the colours visible
                g.setFill(view.ink(TimelineView.Ink.TEXT));
                g.fillRect(x0 - 1, y - 3, 2.5, h + 6);
                last = x0;
            }
            if (ev == selected) {
                g.setStroke(view.ink(TimelineView.Ink.SELECTION));
                g.setLineWidth(3);
                g.setLineDashes();
                g.strokeRect(x0 - 2, y - 4, Math.max(4, x1 - x0 + 4), h + 8);
            }
            if (x1 - x0 > fs() * 5) {
                String t = recv ? I18n.tr("timeline.recvCall", j + 1, log.requested(ev), log.bytes(ev))
                        : I18n.tr("timeline.sendCall", j + 1, log.bytes(ev));
                g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.72));
                g.setFill(view.ink(TimelineView.Ink.TEXT));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                double tx = Math.max(left, x0) + 4;
                g.fillText(t, tx, y + h - 2, Math.max(10, Math.min(right, x1) - tx - 4));
            }
        }
        if (calls.size() > 1 && !calls.isEmpty()) {
            int lastEv = calls.last();
            double width = (log.offset(lastEv) + log.bytes(lastEv)) * ppb / calls.size();
            if (width < 6) { // too many calls to mark one by one: say how many
                tag(g, I18n.tr(recv ? "timeline.recvCalls" : "timeline.sendCalls", calls.size()), left + 4, y + h - fs() * 1.15,
                        view.ink(TimelineView.Ink.TEXT), false);
            }
        }
        g.setTextBaseline(VPos.CENTER);
    }

    /*
     * How wide a byte's cell must be for its character to be drawn. The recv() lane once asked this
     * of the whole chunk instead: zoomed 8x into the 1 MiB read with recv(1024), every 1,024-byte
     * chunk was wide enough, and its bytes were drawn one by one in 0.01 px type, a million calls:
     * 5.3 s per frame, a frozen window.
     */
    private double readableCell() {
        return fs() * 0.7;
    }

    /** Characters drawn in the last frame (tests: bytes are drawn only where they can be read). */
    private int glyphs;

    int glyphsDrawn() {
        return glyphs;
    }

    /** Each byte's character (or hex for a binary byte) in its cell, when the cells are wide enough. */
    private void drawBytes(GraphicsContext g, TraceLog log, int ev, long start, double lx, double y, double h, double ppb,
                           IntList spans, TraceIndex idx) {
        byte[] p = log.get(ev).payload();
        if (p == null) {
            return;
        }
        double fs = fs();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(getSkinnable().ink(TimelineView.Ink.TEXT));
        double cy = y + h * 0.4;
        double visibleRight = canvas.getWidth();
        int from = (int) Math.max(0, Math.min(p.length, Math.floor((labelW() - lx) / ppb) - start - 4));
        for (int i = from; i < p.length; ) {
            int b = p[i] & 0xFF;
            double cx = lx + (start + i) * ppb;
            if (cx > visibleRight) {
                break;
            }
            int n = utf8Length(p, i);
            if (b >= 0x20 && b < 0x7F) {
                g.setFont(Font.font("Monospaced", FontWeight.BOLD, Math.min(fs * 1.1, ppb * 0.9)));
                g.fillText(String.valueOf((char) b), cx + ppb / 2, cy);
                glyphs++;
                i++;
            } else if (n > 1) {
                String s = new String(p, i, n, StandardCharsets.UTF_8);
                g.setFont(Font.font(null, FontWeight.BOLD, Math.min(fs * 1.1, ppb * n * 0.8)));
                g.fillText(s, cx + ppb * n / 2, cy);
                glyphs++;
                i += n;
            } else {
                if (ppb >= fs * 1.1) {
                    g.setFont(Font.font("Monospaced", Math.min(fs * 0.7, ppb * 0.45)));
                    g.fillText(String.format("%02X", b), cx + ppb / 2, cy);
                    glyphs++;
                }
                i++;
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Length of the whole UTF-8 sequence starting at {@code i}, or 1 when it is not a valid multi-byte one. */
    static int utf8Length(byte[] p, int i) {
        int b = p[i] & 0xFF;
        int n = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
        if (b >= 0xF5 || i + n > p.length) {
            return 1;
        }
        for (int k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return 1;
            }
        }
        return n;
    }

    private void tag(GraphicsContext g, String text, double xRight, double y, Paint color, boolean right) {
        double fs = fs() * 0.75;
        Font font = Font.font(null, FontWeight.BOLD, fs);
        g.setFont(font);
        measure.setFont(font);
        measure.setText(text);
        double tw = measure.getLayoutBounds().getWidth() + 10;
        double x0 = right ? xRight - tw : xRight;
        g.setFill(color);
        g.fillRoundRect(x0, y, tw, fs * 1.4, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x0 + tw / 2, y + fs * 0.7);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Every call of both ends on one time axis: sends above the line, receives below. */
    private void drawTimeLane(GraphicsContext g, TraceIndex idx, Row r, double x, double lx, double y, double lw,
                              long t0, long t1) {
        TimelineView view = getSkinnable();
        TraceLog log = idx.log();
        double h = laneH();
        laneLabel(g, I18n.tr("timeline.lane.time"), x, y);
        double mid = y + h / 2;
        double span = Math.max(1, t1 - t0);
        double axis = Math.max(span, sharedSpan);
        double right = lx + lw - fs() * 5;
        double left = lx;
        double scale = (right - lx) / axis * zoom;
        lx = lx - pan * Math.max(0, (right - left) * (zoom - 1));
        double end = Math.min(right, lx + span * scale);
        g.setStroke(view.ink(TimelineView.Ink.MUTED));
        g.setLineWidth(1);
        g.strokeLine(left, mid, Math.max(left, end), mid);
        g.save();
        g.beginPath();
        g.rect(left - 6, y, right - left + 12, h);
        g.clip();
        int selected = view.getSelectedEvent();
        for (TraceIndex.Conn c : new TraceIndex.Conn[] {r.client, r.server}) {
            if (c == null) {
                continue;
            }
            Paint color = c.side == Side.CLIENT ? view.ink(TimelineView.Ink.SEND) : view.ink(TimelineView.Ink.RECV);
            for (IntList list : new IntList[] {c.sends, c.recvs, c.datagrams}) {
                boolean datagram = list == c.datagrams;
                double lastLabel = -1e9;
                for (int j = idx.firstAtOrAfter(list, 0, t0 + (long) ((left - 4 - lx) / scale)), next; j < list.size(); j = next) {
                    int ev = list.get(j);
                    double tx = lx + (log.tNs(ev) - t0) * scale;
                    if (tx > right + 4) {
                        break; // past the visible window
                    }
                    // the calls within the next pixel are drawn once, as this one
                    next = idx.firstAtOrAfter(list, j + 1, t0 + (long) Math.ceil((tx + 1 - lx) / scale));
                    if (selected >= 0 && ev != selected) {
                        for (int q = j + 1; q < next; q++) {
                            if (list.get(q) == selected) {
                                next = q;
                                break;
                            }
                        }
                    }
                    boolean up = datagram ? log.op(ev) == Op.SENDTO : list == c.sends;
                    hits.add(new Hit(tx - 4, y, tx + 4, y + h, ev));
                    g.setStroke(color);
                    double took = log.durNs(ev) * scale;
                    if (took >= 2) { // how long the call blocked: a bar back to when it started
                        g.setLineWidth(3);
                        double by = up ? mid - 3 : mid + 3;
                        g.strokeLine(Math.max(left, tx - took), by, tx, by);
                    }
                    g.setLineWidth(ev == selected ? 5 : 2.5);
                    g.strokeLine(tx, mid, tx, up ? y + 2 : y + h - 2);
                    if (tx - lastLabel > fs() * 5.5) {
                        g.setFont(Font.font(null, FontWeight.NORMAL, fs() * 0.7));
                        g.setFill(color);
                        g.setTextAlign(TextAlignment.LEFT);
                        g.setTextBaseline(up ? VPos.TOP : VPos.BOTTOM);
                        String t = (datagram ? up ? "sendto " : "recvfrom " : up ? "send " : "recv ") + log.bytes(ev);
                        g.fillText(t, tx + 3, up ? y + 1 : y + h - 1);
                        lastLabel = tx;
                    }
                }
            }
            for (int k = 0; k < c.errors.size(); k++) {
                int ev = c.errors.get(k);
                double tx = lx + (log.tNs(ev) - t0) * scale;
                hits.add(new Hit(tx - 6, y, tx + 6, y + h, ev));
                g.setFill(view.ink(TimelineView.Ink.ERROR));
                g.fillOval(tx - 5, mid - 5, 10, 10);
            }
            // lifecycle: connect/accept, EOF (recv returned 0 bytes), close — each a small labelled mark
            boolean client = c.side == Side.CLIENT;
            lifeMark(g, log, c.openEvent, Mark.OPEN, color, lx, t0, scale, left, right, client ? y + 1 : y + h - 1, !client);
            lifeMark(g, log, c.eofEvent, Mark.EOF, color, lx, t0, scale, left, right, client ? y + 1 : y + h - 1, !client);
            lifeMark(g, log, c.closeEvent, Mark.CLOSE, color, lx, t0, scale, left, right, client ? y + 1 : y + h - 1, !client);
        }
        drawBacklogWait(g, log, r, lx, t0, scale, left, right, mid);
        drawSelects(g, idx, r, lx, t0, scale, left, right, y, h);
        g.restore();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.8));
        g.setFill(view.ink(TimelineView.Ink.MUTED));
        g.fillText(formatMs(span), Math.max(left, Math.min(right, end)) + 6, mid);
    }

    /**
     * A client whose connect() returned long before the server's accept() waited in the listen
     * backlog (an iterative server busy with someone else): a dashed bar between the two, named.
     */
    private void drawBacklogWait(GraphicsContext g, TraceLog log, Row r, double lx, long t0, double scale,
                                 double left, double right, double mid) {
        if (r.client == null || r.server == null || r.client.openEvent < 0 || r.server.openEvent < 0) {
            return;
        }
        double x0 = Math.max(left, lx + (log.tNs(r.client.openEvent) - t0) * scale);
        double x1 = Math.min(right, lx + (log.tNs(r.server.openEvent) - t0) * scale);
        long waitedNs = log.tNs(r.server.openEvent) - log.tNs(r.client.openEvent);
        if (x1 - x0 < fs() * 8 || waitedNs < 5_000_000) {
            return; // accepted at once (a thread's scheduling, not a queue): nothing to show
        }
        TimelineView view = getSkinnable();
        g.setStroke(view.ink(TimelineView.Ink.GLUED));
        g.setLineWidth(3);
        g.setLineDashes(8, 5);
        g.strokeLine(x0 + 6, mid, x1 - 6, mid);
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
        g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.8));
        g.setFill(view.ink(TimelineView.Ink.GLUED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP); // below the line: the server makes no calls on it before accept(), the client's sends are above
        String text = I18n.tr("timeline.backlog", formatMs(log.tNs(r.server.openEvent) - log.tNs(r.client.openEvent)));
        g.fillText(text, x0 + 8, mid + 3, Math.max(10, x1 - x0 - 16));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
    }

    private double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * A selector server: every select() that returned this connection ready, as a small green
     * triangle under the line ("ready"), so one can see which connections each select() served.
     */
    private void drawSelects(GraphicsContext g, TraceIndex idx, Row r, double lx, long t0, double scale,
                             double left, double right, double y, double h) {
        if (r.server == null || r.server.readyIn.isEmpty()) {
            return;
        }
        TraceLog log = idx.log();
        IntList ready = r.server.readyIn;
        double d = fs() * 0.35;
        double lastLabel = -1e9;
        for (int j = idx.firstAtOrAfter(ready, 0, t0 + (long) ((left - 4 - lx) / scale)); j < ready.size(); j++) {
            int ev = ready.get(j);
            double tx = lx + (log.tNs(ev) - t0) * scale;
            if (tx > right + 4) {
                break;
            }
            g.setFill(getSkinnable().ink(TimelineView.Ink.OK));
            double ty = y + h - 2;
            g.fillPolygon(new double[] {tx - d, tx + d, tx}, new double[] {ty, ty, ty - d * 1.6}, 3);
            hits.add(new Hit(tx - d, ty - d * 1.6, tx + d, ty, ev));
            if (tx - lastLabel > fs() * 6) {
                g.setFont(Font.font(null, FontWeight.BOLD, fs() * 0.65));
                g.setTextAlign(TextAlignment.LEFT); // to the right: a backlog wait, if any, ends on the left of it
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(I18n.tr("timeline.ready"), tx + d + 2, ty);
                lastLabel = tx;
            }
        }
    }

    /**
     * The phrases of the engine's connection notes (English in the trace file, which is for
     * scripts too) and the keys of their words in the learner's language; longest first.
     */
    private static final String[][] NOTE_WORDS = {
        {"one request, then its answer", "note.requestAnswer"}, {"not reading until the client's first send() returns", "note.notReading"},
        {"write-write-read", "note.writeWriteRead"}, {"length, ack, data", "note.lengthAck"}, {"udp connected", "note.udpConnected"},
        {"SO_REUSEADDR off", "note.reuseOff"}, {"non-blocking", "note.nonBlocking"}, {"Nagle on", "note.nagleOn"},
        {"framing ", "note.framing"}, {"· echo", "note.echo"}, {"· iterative", "note.iterative"}, {"· selector", "note.selector"},
        {"· commands", "note.commands"}, {"udp", "note.udp"},
    };

    private enum Mark { OPEN, EOF, CLOSE }

    /** A lifecycle event on the time axis: ◆ connect/accept, ▮ EOF, ■ close (the legend says so). */
    private void lifeMark(GraphicsContext g, TraceLog log, int ev, Mark shape, Paint color, double lx, long t0, double scale,
                          double left, double right, double ty, boolean below) {
        if (ev < 0) {
            return;
        }
        double tx = lx + (log.tNs(ev) - t0) * scale;
        if (tx < left - 4 || tx > right + 4) {
            return;
        }
        double mid = below ? ty - laneH() / 2 + 1 : ty + laneH() / 2 - 1;
        double d = fs() * 0.35;
        g.setFill(color);
        switch (shape) {
            case OPEN -> g.fillPolygon(new double[] {tx - d, tx, tx + d, tx}, new double[] {mid, mid - d, mid, mid + d}, 4);
            case EOF -> g.fillRect(tx - 1.5, mid - d * 1.6, 3, d * 3.2);
            case CLOSE -> g.fillRect(tx - d * 0.8, mid - d * 0.8, d * 1.6, d * 1.6);
        }
        hits.add(new Hit(tx - d, mid - d * 1.6, tx + d, mid + d * 1.6, ev));
    }

    static String formatMs(double ns) {
        double ms = ns / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
