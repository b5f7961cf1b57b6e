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
    public ProgramConsole(ProgramsViewModel vm) {
        getStyleClass().add(Css.PROGRAM_CONSOLE);
        setId("program-console");
        TextArea output = new TextArea();
        output.setId("program-output");
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(3); // the timeline keeps the room; the newest lines are in view
        output.textProperty().bind(vm.consoleProperty());
        output.textProperty().addListener((o, was, now) -> output.setScrollTop(Double.MAX_VALUE)); // the newest in view
        TextField input = new TextField();
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
        HBox line = new HBox(8, new Label(I18n.tr("program.console")), input, stop);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(line, output);
        visibleProperty().bind(vm.runningProperty().or(vm.consoleProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }
}
