package socketlab.ui.panes;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import socketlab.text.I18n;
import socketlab.ui.model.ProgramsViewModel;
import socketlab.ui.style.Css;

/**
 * The strip under the timeline while (and after) the learner's programs run: what they print, a
 * line for their input(), and Stop. It is in view only once a program has printed or runs.
 */
public final class ProgramConsole extends VBox {
    /** Lines of output in view: three, or one on a short window, where the timeline needs the height more. */
    public static final int ROWS = 3;
    public static final int SHORT_ROWS = 1;
    private final TextArea output;
    private final HBox line;
    private final TextField input;
    /** New output since the last layout: the next one scrolls to it. */
    private boolean follow = true;

    public ProgramConsole(ProgramsViewModel vm) {
        getStyleClass().add(Css.PROGRAM_CONSOLE);
        setId("program-console");
        output = new TextArea();
        output.setId("program-output");
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(ROWS); // the timeline keeps the room; the newest lines are in view
        output.textProperty().bind(vm.consoleProperty());
        // the newest line in view: laid out with its new text first — setScrollTop(MAX) before that layout was
        // clamped to the old text's height, and the first lines stayed in view
        output.textProperty().addListener((o, was, now) -> {
            follow = true;
            requestLayout();
        });
        input = new TextField();
        input.setId("program-input");
        input.setPromptText(I18n.tr("program.type"));
        input.disableProperty().bind(vm.runningProperty().not());
        input.setOnAction(e -> {
            vm.type(input.getText());
            input.clear();
        });
        Button stop = new Button(I18n.tr("program.stop"));
        stop.setId("program-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                input.requestFocus(); // what the class types next is the program's input
            }
        });
        if (vm.runningProperty().get()) { // made as the first run starts: that run's input is typed here
            javafx.application.Platform.runLater(input::requestFocus);
        }
        HBox.setHgrow(input, Priority.ALWAYS);
        Label title = new Label(I18n.tr("program.console"));
        title.setMinWidth(USE_PREF_SIZE); // the words and the button stay whole; the output gives way
        stop.setMinWidth(USE_PREF_SIZE);
        line = new HBox(8, title, input, stop);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(line, output);
        visibleProperty().bind(vm.runningProperty().or(vm.consoleProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }

    /**
     * Keeps the newest output in view: the caret goes to the end of the text, here rather than in the text's own
     * listener (where the bound text's change put it back after), and the skin scrolls it into view as it lays the
     * new text out. A scroll to the end (setScrollTop) was clamped to the old text's height: the first lines stayed
     * in view while the program went on printing.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (follow && output.getSkin() != null) {
            follow = false;
            output.positionCaret(output.getLength()); // the skin scrolls the caret into view as it lays the text out
        }
    }

    /**
     * How many lines of output are in view (the rest scroll): {@link #ROWS} under the input line, or, on a short
     * window, {@link #SHORT_ROWS} beside it — the whole strip one line high, so the timeline keeps the height.
     */
    public void setRows(int rows) {
        output.setPrefRowCount(rows);
        boolean beside = rows <= SHORT_ROWS;
        if (beside == line.getChildren().contains(output)) {
            return;
        }
        getChildren().remove(output);
        line.getChildren().remove(output);
        if (beside) {
            line.getChildren().add(1, output);
            HBox.setHgrow(output, Priority.ALWAYS);
            HBox.setHgrow(input, Priority.NEVER);
            input.setPrefColumnCount(12);
            input.setMinWidth(USE_PREF_SIZE);
        } else {
            getChildren().add(output);
            HBox.setHgrow(input, Priority.ALWAYS);
        }
    }
}
