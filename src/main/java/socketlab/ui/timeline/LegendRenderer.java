package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.Text;
import socketlab.text.I18n;

/**
 * The band at the top of the timeline, always in view: what each mark means, each drawn as the lanes
 * draw it (message colours, header, GLUED, SPLIT, call bars, ◆ open, ▮ EOF, ■ close, ● error). Where one
 * line is too narrow for them all (a projector's type, Chinese words) the entries wrap onto a next line,
 * whole: {@link #lines} says how many, before the rows are laid out under them.
 *
 * <pre>
 *   ■■■ messages  ▆ header bytes  ▢ GLUED …  ⬚ SPLIT …  ‖ send ↑ / recv ↓
 *   ◆ connect / accept  ▮ EOF  ■ close  ● error
 * </pre>
 */
final class LegendRenderer {
    /** The gap between the entries; between the lines, {@link RowMetrics#legendLineStep()}. */
    private static final double GAP_FS = 1.2;

    /** One entry: its mark, {@code symbolW(fs)} wide, drawn at (x, cy), then its words. */
    private interface Mark {
        double width(double fs);

        void draw(Painter p, double x, double cy, double fs);
    }

    private record Entry(Mark mark, String words) {
    }

    private static Entry[] entries() {
        return new Entry[] {
            new Entry(new Mark() {
                public double width(double fs) { return 3 * fs + 4; }
                public void draw(Painter p, double x, double cy, double fs) {
                    for (int i = 0; i < 3; i++) {
                        p.g.setFill(p.messageColor(i));
                        p.g.fillRect(x + i * fs, cy - fs / 2, fs, fs);
                    }
                }
            }, I18n.tr("legend.messages")),
            new Entry(box((p, x, cy, fs) -> {
                Color c = p.messageColor(0);
                p.g.setFill(c.deriveColor(0, 1, 0.55, 1));
                p.g.fillRect(x, cy - fs / 2, fs * 1.5, fs);
                if (p.squeezeHeaders) { // the scale break a squeezed header wears
                    p.g.setStroke(p.ink(TimelineView.Ink.BACKGROUND));
                    p.g.setLineWidth(2);
                    double xm = x + fs * 0.75;
                    p.g.strokeLine(xm - fs * 0.3 - 2, cy + fs / 2, xm + fs * 0.3 - 2, cy - fs / 2);
                    p.g.strokeLine(xm - fs * 0.3 + 2, cy + fs / 2, xm + fs * 0.3 + 2, cy - fs / 2);
                }
            }), I18n.tr("legend.header")),
            new Entry(box((p, x, cy, fs) -> {
                p.g.setStroke(p.ink(TimelineView.Ink.GLUED));
                p.g.setLineWidth(2.5);
                p.g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
            }), I18n.tr("legend.glued")),
            new Entry(box((p, x, cy, fs) -> {
                p.g.setStroke(p.ink(TimelineView.Ink.SPLIT));
                p.g.setLineWidth(2.5);
                p.g.setLineDashes(4, 3);
                p.g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
                p.g.setLineDashes();
            }), I18n.tr("legend.split")),
            new Entry(fixed(14, (p, x, cy, fs) -> {
                p.g.setLineWidth(2.5);
                p.g.setStroke(p.ink(TimelineView.Ink.SEND));
                p.g.strokeLine(x + 3, cy - fs / 2, x + 3, cy + fs / 2);
                p.g.setStroke(p.ink(TimelineView.Ink.RECV));
                p.g.strokeLine(x + 9, cy - fs / 2, x + 9, cy + fs / 2);
            }), I18n.tr("legend.calls")),
            new Entry(dot(0.9, (p, x, cy, fs) -> {
                double d = fs * 0.45;
                p.g.setFill(p.ink(TimelineView.Ink.MUTED));
                p.g.fillPolygon(new double[] {x, x + d, x + 2 * d, x + d}, new double[] {cy, cy - d, cy, cy + d}, 4);
            }), I18n.tr("legend.open")),
            new Entry(fixed(7, (p, x, cy, fs) -> {
                double d = fs * 0.45;
                p.g.setFill(p.ink(TimelineView.Ink.MUTED));
                p.g.fillRect(x, cy - d * 1.4, 3, d * 2.8);
            }), "EOF"),
            new Entry(dot(0.72, (p, x, cy, fs) -> {
                double d = fs * 0.45;
                p.g.setFill(p.ink(TimelineView.Ink.MUTED));
                p.g.fillRect(x, cy - d * 0.8, d * 1.6, d * 1.6);
            }), I18n.tr("legend.close")),
            new Entry(dot(0.9, (p, x, cy, fs) -> {
                double d = fs * 0.45;
                p.g.setFill(p.ink(TimelineView.Ink.ERROR));
                p.g.fillOval(x, cy - d, 2 * d, 2 * d);
            }), I18n.tr("legend.error")),
        };
    }

    @FunctionalInterface
    private interface Paint {
        void draw(Painter p, double x, double cy, double fs);
    }

    /** A mark 1.5 type sizes wide (a lane's box). */
    private static Mark box(Paint paint) {
        return scaled(1.5, paint);
    }

    /** A mark {@code k} type sizes wide (a lifecycle mark). */
    private static Mark dot(double k, Paint paint) {
        return scaled(k, paint);
    }

    private static Mark scaled(double k, Paint paint) {
        return new Mark() {
            public double width(double fs) { return fs * k + 4; }
            public void draw(Painter p, double x, double cy, double fs) { paint.draw(p, x, cy, fs); }
        };
    }

    private static Mark fixed(double px, Paint paint) {
        return new Mark() {
            public double width(double fs) { return px; }
            public void draw(Painter p, double x, double cy, double fs) { paint.draw(p, x, cy, fs); }
        };
    }

    /** How many lines the legend takes at type size {@code fs} (the timeline's, before the legend's ×0.75) in {@code w}. */
    static int lines(Fonts fonts, Text measure, double timelineFs, double w) {
        double fs = timelineFs * 0.75;
        Font font = fonts.normal(fs);
        measure.setFont(font);
        int lines = 1;
        double x = 8;
        for (Entry e : entries()) {
            measure.setText(e.words());
            double ew = e.mark().width(fs) + measure.getLayoutBounds().getWidth();
            if (x > 8 && x + ew > w - 8) {
                lines++;
                x = 8;
            }
            x += ew + timelineFs * GAP_FS;
        }
        return lines;
    }

    void draw(Painter p, double w) {
        GraphicsContext g = p.g;
        double h = p.m.legendOnlyH();
        g.setFill(p.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        g.setStroke(p.ink(TimelineView.Ink.LANE));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        double fs = p.fs() * 0.75;
        Font font = p.fonts.normal(fs);
        double x = 8;
        double cy = p.m.legendFirstLineH() / 2;
        for (Entry e : entries()) {
            double ew = e.mark().width(fs) + p.textWidth(e.words(), font);
            if (x > 8 && x + ew > w - 8) { // the next line: each entry whole
                x = 8;
                cy += p.m.legendLineStep();
            }
            e.mark().draw(p, x, cy, fs);
            g.setFont(font);
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(p.ink(TimelineView.Ink.MUTED));
            g.fillText(e.words(), x + e.mark().width(fs), cy);
            x += ew + p.fs() * GAP_FS;
        }
    }
}
