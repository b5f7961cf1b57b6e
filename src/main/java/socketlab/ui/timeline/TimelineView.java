package socketlab.ui.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import socketlab.trace.TraceIndex;
import socketlab.ui.style.Css;

/**
 * The timeline: for every connection, the sender's messages laid along the byte stream over the
 * receiver's {@code recv()} chunks (each byte coloured by its message, header bytes hatched,
 * glued chunks and split messages marked), and below them every call on a time axis.
 * Drawn on one canvas by {@link TimelineSkin}; all colours and the font size come from CSS
 * ({@code timeline.css}, which reads the theme's looked-up colours).
 */
public final class TimelineView extends Control {
    public static final int PALETTE_SIZE = Css.PALETTE_SIZE;

    /** Names of the colours, as CSS properties {@code -sl-<name>}. */
    enum Ink {
        BACKGROUND, LANE, TEXT, MUTED, SEND, RECV, GLUED, SPLIT, OK, SELECTION, ERROR, WIRE,
        MSG0, MSG1, MSG2, MSG3, MSG4, MSG5, MSG6, MSG7;

        /** Until the stylesheet says (and where no theme is loaded): no colour. The colours live in the theme only. */
        static final Color UNSET = Color.TRANSPARENT;

        String cssName() {
            return "-sl-" + name().toLowerCase(java.util.Locale.ROOT).replaceAll("msg(\\d)", "msg-$1");
        }
    }

    private final ObjectProperty<TraceIndex> index = new SimpleObjectProperty<>(this, "index");
    private final IntegerProperty version = new SimpleIntegerProperty(this, "version");
    private final IntegerProperty selectedEvent = new SimpleIntegerProperty(this, "selectedEvent", -1);
    private final javafx.beans.property.DoubleProperty zoom = new javafx.beans.property.SimpleDoubleProperty(this, "zoom", 1);
    private final javafx.beans.property.DoubleProperty pan = new javafx.beans.property.SimpleDoubleProperty(this, "pan", 0);
    /** Rows (by their first end's connection id) folded or opened against their run's default: see {@link #toggleRow}. */
    private final javafx.collections.ObservableSet<Integer> flipped = javafx.collections.FXCollections.observableSet();
    private final javafx.beans.property.BooleanProperty squeezeHeaders = new javafx.beans.property.SimpleBooleanProperty(this, "squeezeHeaders", true);
    private final javafx.beans.property.ReadOnlyLongWrapper lastDrawNanos = new javafx.beans.property.ReadOnlyLongWrapper(this, "lastDrawNanos");
    private IntConsumer onSelect = i -> { };
    private IntConsumer onPointerPick = i -> { };

    @SuppressWarnings("unchecked")
    private final SimpleStyleableObjectProperty<Paint>[] inks = new SimpleStyleableObjectProperty[Ink.values().length];
    private final SimpleStyleableDoubleProperty fontSize = new SimpleStyleableDoubleProperty(FONT_SIZE, this, "fontSize", 15.0);

    public TimelineView() {
        getStyleClass().add(Css.TIMELINE);
        setFocusTraversable(true);
        setMinSize(200, 100);
        setPrefSize(800, 400);
        for (Ink ink : Ink.values()) {
            inks[ink.ordinal()] = new SimpleStyleableObjectProperty<>(INK_META.get(ink.ordinal()), this, ink.name(), Ink.UNSET);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineView.class.getResource("timeline.css").toExternalForm();
    }

    public ObjectProperty<TraceIndex> indexProperty() {
        return index;
    }

    /** Bind to the view model's version: each change marks the canvas dirty. */
    public IntegerProperty versionProperty() {
        return version;
    }

    public IntegerProperty selectedEventProperty() {
        return selectedEvent;
    }

    /** Horizontal zoom: 1 fits each row to the width; Ctrl+wheel and +/− change it, 0 resets. */
    public javafx.beans.property.DoubleProperty zoomProperty() {
        return zoom;
    }

    public double getZoom() {
        return zoom.get();
    }

    public void setZoom(double z) {
        zoom.set(z);
    }

    /**
     * After several runs the older runs' rows are folded to their header line (the newest run is what the class
     * looks at); a click on a row's header opens a folded row or folds an open one. The rows flipped from that
     * default, by the connection id of their first end.
     */
    public javafx.collections.ObservableSet<Integer> flippedRows() {
        return flipped;
    }

    /** Opens the folded row whose first end is connection {@code conn}, or folds it when open. */
    public void toggleRow(int conn) {
        if (!flipped.remove(conn)) {
            flipped.add(conn);
        }
    }

    /**
     * Header runs longer than a length prefix (the JSON header framing's) drawn a few bytes wide, with a marked
     * scale break and their true size, so the messages beside them can be seen; H on the timeline switches
     * between that and true scale. On by default.
     */
    public javafx.beans.property.BooleanProperty squeezeHeadersProperty() {
        return squeezeHeaders;
    }

    public boolean isSqueezeHeaders() {
        return squeezeHeaders.get();
    }

    public void setSqueezeHeaders(boolean on) {
        squeezeHeaders.set(on);
    }

    /** Which part of a zoomed row is in view: 0 the start, 1 the end. */
    public javafx.beans.property.DoubleProperty panProperty() {
        return pan;
    }

    public double getPan() {
        return pan.get();
    }

    public void setPan(double p) {
        pan.set(p);
    }

    /** How long the last redraw of the canvas took: for the timeline benchmark and curious users. */
    public javafx.beans.property.ReadOnlyLongProperty lastDrawNanosProperty() {
        return lastDrawNanos.getReadOnlyProperty();
    }

    void drawn(long nanos) {
        lastDrawNanos.set(nanos);
    }

    /**
     * The whole run drawn at fit-to-width zoom on an image {@code width} pixels wide and as tall as
     * every row needs (at most 16,000 px). Must be called on the FX thread.
     */
    public javafx.scene.image.WritableImage snapshotAll(double width) {
        return snapshotAll(width, 1);
    }

    /**
     * The whole run drawn anew at {@code scale} times the type and {@code width} × {@code scale} wide: an export at
     * 2× is as sharp as the screen at twice its size, not the screen's pixels blown up.
     */
    public javafx.scene.image.WritableImage snapshotAll(double width, double scale) {
        TimelineView copy = new TimelineView();
        copy.setManaged(false); // the Group must not resize it back to its preferred size
        copy.indexProperty().set(index.get());
        copy.setStyle((getStyle() == null ? "" : getStyle() + ";")
                + String.format(java.util.Locale.ROOT, "-sl-font-size: %.1fpx;", fontSize() * scale));
        width *= scale;
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.Group(copy));
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        copy.applyCss();
        copy.resize(width, 400);
        copy.layout();
        TimelineSkin skin = (TimelineSkin) copy.getSkin();
        skin.fitToHeight = false;
        skin.drawNow();
        double h = Math.min(16_000, Math.max(100, skin.contentHeight()));
        copy.resize(width, h);
        copy.layout();
        skin.drawNow();
        return copy.snapshot(null, null);
    }

    public int getSelectedEvent() {
        return selectedEvent.get();
    }

    public void setOnSelect(IntConsumer c) {
        onSelect = c == null ? i -> { } : c;
    }

    /** Called after {@link #setOnSelect}'s consumer when the pointer, not a key, picked the call. */
    public void setOnPointerPick(IntConsumer c) {
        onPointerPick = c == null ? i -> { } : c;
    }

    void select(int event) {
        selectedEvent.set(event);
        onSelect.accept(event);
    }

    void pickWithPointer(int event) {
        select(event);
        onPointerPick.accept(event);
    }

    Paint ink(Ink ink) {
        Paint p = inks[ink.ordinal()].get();
        return p == null ? Ink.UNSET : p;
    }

    Color messageColor(int i) {
        Paint p = ink(Ink.values()[Ink.MSG0.ordinal() + Math.floorMod(i, PALETTE_SIZE)]);
        return p instanceof Color c ? c : Color.GRAY;
    }

    double fontSize() {
        return fontSize.get();
    }

    private static final CssMetaData<TimelineView, Number> FONT_SIZE = new CssMetaData<>("-sl-font-size",
            SizeConverter.getInstance(), 15.0) {
        @Override
        public boolean isSettable(TimelineView n) {
            return !n.fontSize.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(TimelineView n) {
            return n.fontSize;
        }
    };

    /**
     * The family the window's controls are set in (the theme's {@code -fx-font-family}, inherited like a
     * Label's): the canvas draws its words in it too, so the timeline reads as the rest of the window and
     * finds the same Chinese glyphs. Its size is {@code -sl-font-size}'s business.
     */
    private final javafx.css.StyleableObjectProperty<javafx.scene.text.Font> font =
            new javafx.css.SimpleStyleableObjectProperty<>(FONT, this, "font", javafx.scene.text.Font.getDefault());

    String fontFamily() {
        return font.get().getFamily();
    }

    private static final javafx.css.FontCssMetaData<TimelineView> FONT = new javafx.css.FontCssMetaData<>("-fx-font",
            javafx.scene.text.Font.getDefault()) {
        @Override
        public boolean isSettable(TimelineView n) {
            return !n.font.isBound();
        }

        @Override
        public StyleableProperty<javafx.scene.text.Font> getStyleableProperty(TimelineView n) {
            return n.font;
        }
    };

    private static final List<CssMetaData<TimelineView, Paint>> INK_META = new ArrayList<>();
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META;

    static {
        for (Ink ink : Ink.values()) {
            int i = ink.ordinal();
            INK_META.add(new CssMetaData<>(ink.cssName(), PaintConverter.getInstance(), Ink.UNSET) {
                @Override
                public boolean isSettable(TimelineView n) {
                    return !n.inks[i].isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(TimelineView n) {
                    return n.inks[i];
                }
            });
        }
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.addAll(INK_META);
        all.add(FONT_SIZE);
        all.add(FONT);
        CSS_META = Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS_META;
    }
}
