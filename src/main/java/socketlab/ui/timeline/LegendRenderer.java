package socketlab.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import socketlab.text.I18n;

/**
 * One line at the top of the timeline, always in view: what each mark means, each drawn as the
 * lanes draw it (message colours, header, GLUED, SPLIT, call bars, ◆ open, ▮ EOF, ■ close, ● error).
 */
final class LegendRenderer {

    void draw(Painter p, double w) {
        GraphicsContext g = p.g;
        double h = p.m.legendOnlyH();
        g.setFill(p.ink(TimelineView.Ink.BACKGROUND));
        g.fillRect(0, 0, w, h);
        g.setStroke(p.ink(TimelineView.Ink.LANE));
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        double fs = p.fs() * 0.75;
        double x = 8;
        double cy = h / 2;
        Font font = p.fonts.normal(fs);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < 3; i++) {
            g.setFill(p.messageColor(i));
            g.fillRect(x + i * fs, cy - fs / 2, fs, fs);
        }
        x = text(p, I18n.tr("legend.messages"), x + 3 * fs + 4, cy, font);
        Color c = p.messageColor(0);
        g.setFill(c.deriveColor(0, 1, 0.55, 1));
        g.fillRect(x, cy - fs / 2, fs * 1.5, fs);
        x = text(p, I18n.tr("legend.header"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(p.ink(TimelineView.Ink.GLUED));
        g.setLineWidth(2.5);
        g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
        x = text(p, I18n.tr("legend.glued"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(p.ink(TimelineView.Ink.SPLIT));
        g.setLineDashes(4, 3);
        g.strokeRect(x, cy - fs / 2, fs * 1.5, fs);
        g.setLineDashes();
        x = text(p, I18n.tr("legend.split"), x + fs * 1.5 + 4, cy, font);
        g.setStroke(p.ink(TimelineView.Ink.SEND));
        g.setLineWidth(2.5);
        g.strokeLine(x + 3, cy - fs / 2, x + 3, cy + fs / 2);
        g.setStroke(p.ink(TimelineView.Ink.RECV));
        g.strokeLine(x + 9, cy - fs / 2, x + 9, cy + fs / 2);
        x = text(p, I18n.tr("legend.calls"), x + 14, cy, font);
        g.setFill(p.ink(TimelineView.Ink.MUTED));
        double d = fs * 0.45;
        g.fillPolygon(new double[] {x, x + d, x + 2 * d, x + d}, new double[] {cy, cy - d, cy, cy + d}, 4);
        x = text(p, I18n.tr("legend.open"), x + 2 * d + 4, cy, font);
        g.fillRect(x, cy - d * 1.4, 3, d * 2.8);
        x = text(p, "EOF", x + 7, cy, font);
        g.fillRect(x, cy - d * 0.8, d * 1.6, d * 1.6);
        x = text(p, I18n.tr("legend.close"), x + d * 1.6 + 4, cy, font);
        g.setFill(p.ink(TimelineView.Ink.ERROR));
        g.fillOval(x, cy - d, 2 * d, 2 * d);
        text(p, I18n.tr("legend.error"), x + 2 * d + 4, cy, font);
    }

    /** A legend entry's words at {@code x}; returns where the next entry starts. */
    private static double text(Painter p, String text, double x, double cy, Font font) {
        p.g.setFill(p.ink(TimelineView.Ink.MUTED));
        p.g.fillText(text, x, cy);
        return x + p.textWidth(text, font) + p.fs() * 1.2;
    }
}
