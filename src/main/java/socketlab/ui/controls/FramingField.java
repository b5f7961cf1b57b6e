package socketlab.ui.controls;

import javafx.beans.property.StringProperty;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import socketlab.ui.style.Css;

/**
 * A framing spec ("length:le", "fixed:32", …): typed, or picked from a list. A text field and a
 * drop-down menu rather than an editable ComboBox: a ComboBox's skin keeps its list (a ListView with
 * cells and two scroll bars) in the scene, hidden, so that the CSS pass styles it — the window's five
 * ComboBoxes were a quarter of its nodes at start, and replacing them brought the first frame 87 ms
 * sooner (startup benchmark, interleaved runs). The menu is a popup, made when it first opens.
 *
 * <p>As an editable ComboBox does, the value is committed on Enter, when the field loses focus and
 * when an item is picked, not at every key: half-typed specs ("fixed:") never reach the sockets.
 * Alt+↓ or F4 in the field opens the list.
 */
public final class FramingField extends HBox {
    static final String STYLE = "framing-choice";
    public static final String PICK = "framing-pick";

    private final TextField text = new TextField();
    private final Button pick = new Button();
    private final String[] choices;
    /** Made when the list first opens: one made with each field showed in the startup profile, before the first frame. */
    private ContextMenu menu;
    private final StringProperty value;

    FramingField(StringProperty value, String[] choices) {
        this.value = value;
        this.choices = choices.clone();
        getStyleClass().add(STYLE);
        text.setText(value.get());
        value.addListener((o, was, now) -> {
            if (now != null && !now.equals(text.getText())) {
                text.setText(now);
            }
            showTip();
        });
        text.setOnAction(e -> commit());
        text.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F4 || e.getCode() == KeyCode.DOWN && e.isAltDown()) {
                showChoices();
                e.consume();
            }
        });
        Region arrow = new Region();
        arrow.getStyleClass().add(Css.ARROW);
        arrow.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE); // the shape at its own size, not the button's
        pick.setGraphic(arrow);
        pick.setOnAction(e -> showChoices());
        pick.getStyleClass().add(PICK);
        pick.setFocusTraversable(false); // Tab goes field to field; the list opens from the field (Alt+↓)
        text.setMaxWidth(Double.MAX_VALUE);
        pick.setMaxHeight(Double.MAX_VALUE); // as tall as the field beside it
        HBox.setHgrow(text, Priority.ALWAYS);
        setFillHeight(true);
        getChildren().addAll(text, pick);
    }

    private void commit() {
        String typed = text.getText() == null ? "" : text.getText().trim();
        if (!typed.equals(value.get())) {
            value.set(typed);
        }
    }

    public String getValue() {
        return value.get();
    }

    /** Opens the list of framings under the whole field, the current one marked, as a combo box does. */
    void showChoices() {
        if (menu == null) {
            menu = new ContextMenu();
            ToggleGroup marks = new ToggleGroup();
            for (String c : choices) {
                // the spec, what it does, and under it the Python (two lines: whole on a 1024-wide projector)
                RadioMenuItem item = new RadioMenuItem(c + "   " + FramingWords.of(c).replace("\n", "\n      "));
                item.setUserData(c);
                item.setMnemonicParsing(false); // "data_size" is words, not a mnemonic
                item.setToggleGroup(marks);
                item.setOnAction(e -> {
                    text.setText(c);
                    commit();
                });
                menu.getItems().add(item);
            }
        }
        String typed = text.getText() == null ? "" : text.getText().trim();
        menu.getItems().forEach(m -> ((RadioMenuItem) m).setSelected(typed.equals(m.getUserData())));
        menu.show(this, Side.BOTTOM, 0, 0);
        ChoiceButton.focusMarked(menu);
    }

    /**
     * The tooltip of the field and its arrow (made when the pointer first comes over them: {@link Controls#tip}):
     * {@code words}, then what the framing in the field does, said again when the value changes.
     */
    void setTip(String words) {
        tip = words;
        showTip();
    }

    private String tip = "";

    private void showTip() {
        String v = value.get();
        String said = v == null || v.isBlank() ? tip : FramingWords.of(v) + "\n" + tip;
        Controls.tip(text, said);
        Controls.tip(pick, said);
    }

    @Override
    public void requestFocus() {
        text.requestFocus();
    }
}
