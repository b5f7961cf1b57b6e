package socketlab.ui.controls;

import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import socketlab.text.I18n;
import socketlab.ui.model.MessageRow;
import socketlab.ui.style.Css;

/** Small builders the panes share, so each pane reads as a list of its knobs. */
public final class Controls {
    static final String[] FRAMINGS = {"none", "sleep:200", "fixed:32", "length:le", "length:be", "header:le", "header:be", "line"};

    private Controls() {
    }

    /** An editable spinner bound both ways to {@code value}; {@code keep} holds the bridge property alive. */
    public static Spinner<Integer> spinner(int min, int max, int step, IntegerProperty value, ObjectProperty<Integer>[] keep, int slot) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step);
        s.setValueFactory(f);
        s.setEditable(true);
        keep[slot] = value.asObject();
        f.valueProperty().bindBidirectional(keep[slot]);
        s.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(s);
            }
        });
        s.getEditor().setOnAction(e -> commit(s));
        s.setMaxWidth(Double.MAX_VALUE);
        s.getStyleClass().add(Css.NUMBER_KNOB);
        return s;
    }

    private static void commit(Spinner<Integer> s) {
        String text = s.getEditor().getText().replace(",", "").trim();
        try {
            int v = Integer.parseInt(text);
            SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
            f.setValue(Math.max(f.getMin(), Math.min(f.getMax(), v)));
        } catch (NumberFormatException e) {
            s.getEditor().setText(String.valueOf(s.getValue()));
        }
    }

    public static FramingField framing(javafx.beans.property.StringProperty value) {
        FramingField f = new FramingField(value, FRAMINGS);
        f.setTip(I18n.tr("framing.tooltip"));
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    /** Where {@link #tip} keeps a control's tooltip text until the tooltip is made. */
    private static final String TIP = "socketlab.tip";
    private static final String TIP_HOOKED = "socketlab.tip.hooked";

    /**
     * Gives {@code c} a tooltip saying {@code text} (none when null), made when the pointer first comes
     * over it. A Tooltip is a popup window with a scene of its own: made with their controls, the window's
     * tooltips were 4 % of the FX thread's work before the first frame (startup profile). Called again,
     * it changes the words: a list cell that now shows another message.
     */
    public static void tip(Control c, String text) {
        if (text == null) {
            c.getProperties().remove(TIP);
        } else {
            c.getProperties().put(TIP, text);
        }
        Tooltip made = c.getTooltip();
        if (made != null) {
            if (text == null) {
                c.setTooltip(null);
            } else {
                made.setText(text);
            }
            return;
        }
        if (text != null && c.getProperties().putIfAbsent(TIP_HOOKED, Boolean.TRUE) == null) {
            c.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                Object words = c.getProperties().get(TIP);
                if (words != null && c.getTooltip() == null) {
                    c.setTooltip(new Tooltip(words.toString()));
                }
            });
        }
    }

    /** A label and its control in columns {@code col} and {@code col + 1}. */
    public static void cell(GridPane g, int col, int row, String label, javafx.scene.Node control) {
        Label l = wrapped(new Label(label)); // on two lines in a narrow pane rather than pushing its controls off the side
        l.setLabelFor(control);
        // a control hidden (projector mode hides the advanced knobs) takes its label with it
        l.visibleProperty().bind(control.visibleProperty());
        l.managedProperty().bind(control.managedProperty());
        g.add(l, col, row);
        g.add(control, col + 1, row);
    }

    /**
     * {@code l}'s words on as many lines as its room needs, never cut with "…": a pane half a 1280-wide
     * window wide cut "Add a generated message…" to "Add a g…".
     */
    public static <T extends javafx.scene.control.Labeled> T wrapped(T l) {
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** Label columns as wide as their text, control columns sharing the rest. */
    public static void growColumns(GridPane g) {
        for (int i = 0; i < 4; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            if (i % 2 == 1) {
                c.setHgrow(javafx.scene.layout.Priority.ALWAYS);
                c.setMinWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE); // its controls whole: a fixed 90 px let projector type overlap them
                c.setFillWidth(true);
            }
            g.getColumnConstraints().add(c);
        }
    }

    /**
     * A list of decoded messages or replies. Until it has something to list it wears {@link EmptyListSkin}
     * (its "nothing yet" line and no more); the real skin — a virtual flow with its cells, clip and two
     * scroll bars, 21 nodes that the first frame would style hidden — comes with the first item.
     */
    /**
     * A message list's title, {@code key}'s words, with — once the list holds only its last rows — how many
     * earlier ones gave way (the timeline and the trace keep them all).
     */
    public static javafx.beans.binding.StringBinding listTitle(String key, javafx.beans.value.ObservableIntegerValue earlier) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> earlier.get() == 0 ? I18n.tr(key)
                : I18n.tr(key) + " " + I18n.tr("list.earlier", earlier.get(), MessageRow.LISTED_MOST), earlier);
    }

    public static ListView<MessageRow> messageList(javafx.collections.ObservableList<MessageRow> rows) {
        ListView<MessageRow> list = new ListView<>(rows) {
            @Override
            protected Skin<?> createDefaultSkin() {
                return getItems().isEmpty() ? new EmptyListSkin<>(this) : new ListViewSkin<>(this);
            }
        };
        rows.addListener((InvalidationListener) o -> {
            if (list.getSkin() instanceof EmptyListSkin && !rows.isEmpty()) {
                list.setSkin(new ListViewSkin<>(list));
            }
        });
        list.getStyleClass().add(Css.MESSAGE_LIST);
        // while empty, a line saying so instead of a column of blank rows (which also cost the first frame their CSS)
        Label none = new Label(I18n.tr("list.empty"));
        none.getStyleClass().add(Css.STATUS);
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // let long rows wrap (errors) or end in … instead of scrolling sideways
            }

            @Override
            protected void updateItem(MessageRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll(Css.MARK_OK, Css.MARK_BAD, Css.MARK_ERROR);
                if (empty || r == null) {
                    setText(null);
                    tip(this, null);
                    return;
                }
                setWrapText(r.error());
                // "#3  ✓ “hello world”": the connection's number as the timeline's row says it, so a message from an
                // earlier run is told from this one's
                setText((r.row() > 0 ? "#" + r.row() + "  " : "") + r.mark() + "  " + (r.error() ? r.text() : "\u201C" + r.text() + "\u201D"));
                getStyleClass().add(r.error() ? Css.MARK_ERROR : switch (r.verdict()) {
                    case OK -> Css.MARK_OK;
                    case WRONG -> Css.MARK_BAD;
                    case UNKNOWN -> Css.STATUS;
                });
                String said = r.error() ? r.text() : I18n.tr(switch (r.verdict()) {
                    case OK -> "mark.ok";
                    case WRONG -> "mark.bad";
                    case UNKNOWN -> "mark.unknown";
                }, r.bytes());
                tip(this, r.row() > 0 ? said + "\n" + I18n.tr("list.from", r.row(), r.run() + 1) : said);
            }
        });
        return list;
    }

    public static Label error(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.getStyleClass().add(Css.ERROR);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** An empty list's skin: its placeholder, filling it. */
    static final class EmptyListSkin<T> extends SkinBase<ListView<T>> {
        EmptyListSkin(ListView<T> list) {
            super(list);
            if (list.getPlaceholder() != null) {
                getChildren().add(list.getPlaceholder());
            }
        }

        @Override
        public void dispose() {
            // only the placeholder: the real skin, made before this one goes, has already added its own children
            getChildren().remove(getSkinnable().getPlaceholder());
            super.dispose();
        }
    }
}
