package socketlab.ui.controls;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.skin.ButtonSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * One value from a short list (the scenario, the server model, the replay speed): a button that shows
 * the value and opens the list under itself, the current value marked.
 *
 * <p>Instead of a ChoiceBox: a ChoiceBox's skin builds its whole list — a context menu with an item per
 * choice, in a popup window of its own, styled by a CSS pass — when the window is first laid out, only
 * to learn how wide the list is. In the startup profile that was 5 % of the FX thread's work before the
 * first frame. Here the menu is built each time it opens (the items and their words may have changed:
 * a scenario file was opened, the language switched).
 *
 * <p>Keys: Space or Enter (as any button), Alt+↓ and F4 (as a combo box) open the list; in it ↑ ↓ move,
 * Enter picks, Esc closes.
 */
public final class ChoiceButton<T> extends Button {
    static final String STYLE = "choice-button";
    static final String ARROW = "arrow";

    private final ObjectProperty<T> value = new SimpleObjectProperty<>(this, "value");
    private final ObservableList<T> items;
    private final Function<T, String> words;
    private ContextMenu menu;

    public ChoiceButton(ObservableList<T> items, Function<T, String> words) {
        this.items = items;
        this.words = words;
        getStyleClass().add(STYLE);
        textProperty().bind(Bindings.createStringBinding(() -> value.get() == null ? "" : words.apply(value.get()), value));
        Region arrow = new Region();
        arrow.getStyleClass().add(ARROW);
        arrow.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setGraphic(arrow);
        setContentDisplay(ContentDisplay.RIGHT);
        setAlignment(Pos.CENTER_LEFT);
        setOnAction(e -> showChoices());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F4 || e.getCode() == KeyCode.DOWN && e.isAltDown()) {
                showChoices();
                e.consume();
            }
        });
    }

    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T getValue() {
        return value.get();
    }

    public void setValue(T v) {
        value.set(v);
    }

    /** Whether the list is open. */
    public boolean isShowingChoices() {
        return menu != null && menu.isShowing();
    }

    /** The items of the list as it was last opened (none before). */
    public java.util.List<RadioMenuItem> choiceItems() {
        return menu == null ? java.util.List.of() : menu.getItems().stream().map(m -> (RadioMenuItem) m).toList();
    }

    /** Opens the list under the button, as wide as it at least, the current value marked. */
    void showChoices() {
        if (menu == null) {
            menu = new ContextMenu();
        }
        ToggleGroup marks = new ToggleGroup();
        menu.getItems().clear();
        for (T item : items) {
            RadioMenuItem m = new RadioMenuItem(words.apply(item));
            m.setToggleGroup(marks);
            m.setSelected(Objects.equals(item, value.get()));
            m.setOnAction(e -> value.set(item));
            menu.getItems().add(m);
        }
        menu.setMinWidth(getWidth());
        menu.show(this, Side.BOTTOM, 0, 0);
        focusMarked(menu);
    }

    /**
     * Puts the keyboard on the marked item of an open list, as a combo box opens on its value: Enter then
     * keeps the value, ↑ and ↓ move from it.
     */
    static void focusMarked(ContextMenu menu) {
        for (javafx.scene.control.MenuItem item : menu.getItems()) {
            if (item instanceof RadioMenuItem r && r.isSelected() && r.getStyleableNode() != null) {
                r.getStyleableNode().requestFocus();
                return;
            }
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        // the arrow at the right edge, as a choice box draws it, however long the value's words are
        return new ButtonSkin(this) {
            @Override
            protected void layoutChildren(double x, double y, double w, double h) {
                super.layoutChildren(x, y, w, h);
                Node g = getSkinnable().getGraphic();
                if (g != null && g.isVisible()) {
                    g.setLayoutX(x + w - g.getLayoutBounds().getWidth() - g.getLayoutBounds().getMinX());
                }
            }
        };
    }
}
