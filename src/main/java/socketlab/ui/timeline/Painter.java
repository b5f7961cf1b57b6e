package socketlab.ui.timeline;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * What every renderer draws with in one frame: the canvas's graphics, the sizes, the colours from
 * CSS, the fonts, the view's zoom and pan, and the hit map clicks are looked up in; plus the few
 * drawing steps several lanes share (a lane's label, a badge, a fill cut to the canvas).
 */
final class Painter {
    final GraphicsContext g;
    final RowMetrics m;
    final Fonts fonts;
    final HitMap hits;
    /** Horizontal zoom (1 fits each row to the width) and which part of a zoomed row is in view (0 its start, 1 its end). */
    final double zoom;
    final double pan;
    /** One time scale for every row, so a slower run (the sleep "fix") is visibly longer; each row's idle stretches as breaks. */
    final TimeScale time;
    /** Whether long header runs are drawn squeezed, a marked scale break ({@link ByteAxis}); false: every byte at true scale. */
    final boolean squeezeHeaders;
    /** The event the learner picked, drawn outlined and never merged away; -1 for none. */
    final int selected;
    private final TimelineView view;
    private final Text measure;
    private final double canvasWidth;
    /** Characters drawn in this frame (tests: bytes are drawn only where they can be read). */
    int glyphs;
    /** Where this frame drew bytes' characters, and the words of the byte lanes' label bands (tests: never one over the other). */
    final Boxes glyphBoxes;
    final Boxes wordBoxes;

    Painter(GraphicsContext g, TimelineView view, RowMetrics m, Fonts fonts, HitMap hits, Text measure, double canvasWidth,
            double zoom, double pan, TimeScale time, Boxes glyphBoxes, Boxes wordBoxes) {
        this.glyphBoxes = glyphBoxes;
        this.wordBoxes = wordBoxes;
        this.g = g;
        this.view = view;
        this.m = m;
        this.fonts = fonts;
        this.hits = hits;
        this.measure = measure;
        this.canvasWidth = canvasWidth;
        this.zoom = zoom;
        this.pan = pan;
        this.time = time;
        this.selected = view.getSelectedEvent();
        this.squeezeHeaders = view.isSqueezeHeaders();
    }

    Paint ink(TimelineView.Ink ink) {
        return view.ink(ink);
    }

    Color messageColor(int i) {
        return view.messageColor(i);
    }

    double fs() {
        return m.fs();
    }

    double canvasWidth() {
        return canvasWidth;
    }

    double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** A lane's name left of it; a long one is narrowed, never drawn over the lane. */
    void laneLabel(String text, double x, double y) {
        g.setFont(fonts.normal(fs() * 0.9));
        g.setFill(ink(TimelineView.Ink.MUTED));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y + m.laneH() / 2, m.labelW() - 4);
    }

    /** A badge (GLUED, SPLIT ×3, lost 6 B): white bold text on {@code color}, ending at {@code x} when {@code right}, else starting there. */
    /**
     * A badge in a byte lane's label band (GLUED, SPLIT ×n, …) from {@code x} (ending there when {@code right}),
     * its box {@code bandH} − 2 high at {@code bandY}, claimed in {@code band} first: false (nothing drawn) where
     * another word stands.
     */
    boolean bandTag(String text, double x, double bandY, double bandH, Paint color, boolean right, LabelSlots band) {
        double fs = Math.max(6, bandH * 0.72);
        Font font = fonts.bold(fs);
        double tw = textWidth(text, font) + 10;
        double x0 = right ? x - tw : x;
        if (!band.claim(LabelSlots.ABOVE, x0, x0 + tw)) {
            return false;
        }
        g.setFont(font);
        g.setFill(color);
        g.fillRoundRect(x0, bandY + 0.5, tw, bandH - 1, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x0 + tw / 2, bandY + bandH / 2);
        g.setTextAlign(TextAlignment.LEFT);
        wordBoxes.add(x0, bandY + 1, x0 + tw, bandY + bandH - 1);
        return true;
    }

    private Font bandFont(double bandH) {
        return fonts.bold(Math.max(6, Math.min(fs() * 0.75, bandH * 0.8)));
    }

    /** How wide {@link #bandWord} draws {@code text}. */
    double bandWordWidth(String text, double bandH) {
        return textWidth(text, bandFont(bandH));
    }

    /** A line of words in a byte lane's label band from {@code x}, claimed in {@code band} first: false where another stands. */
    boolean bandWord(String text, double x, double bandY, double bandH, Paint color, LabelSlots band) {
        Font font = bandFont(bandH);
        double tw = textWidth(text, font);
        if (!band.claim(LabelSlots.ABOVE, x, x + tw)) {
            return false;
        }
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, bandY + bandH / 2);
        wordBoxes.add(x, bandY + 1, x + tw, bandY + bandH - 1);
        return true;
    }

    /** How wide {@link #tag} draws {@code text}. */
    double tagWidth(String text) {
        return textWidth(text, fonts.bold(fs() * 0.75)) + 10;
    }

    void tag(String text, double x, double y, Paint color, boolean right) {
        double fs = fs() * 0.75;
        Font font = fonts.bold(fs);
        g.setFont(font);
        double tw = textWidth(text, font) + 10;
        double x0 = right ? x - tw : x;
        g.setFill(color);
        g.fillRoundRect(x0, y, tw, fs * 1.4, 6, 6);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x0 + tw / 2, y + fs * 0.7);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /**
     * Fills {@code x0}..{@code x1} cut to the canvas. Zoomed far in, one message spans hundreds of
     * thousands of pixels; a rectangle that wide was not drawn at all (the send lane went grey at
     * 128x on the 1 MiB message), so only the part in view is given to the canvas.
     */
    void fillVisible(double x0, double y, double x1, double h) {
        double a = Math.max(x0, -2);
        double b = Math.min(x1, canvasWidth + 2);
        if (a < b) {
            g.fillRect(a, y, b - a, h);
        }
    }

    static String formatMs(double ns) {
        double ms = ns / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : ms >= 1 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
