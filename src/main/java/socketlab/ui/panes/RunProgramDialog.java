package socketlab.ui.panes;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import socketlab.probe.TracedRun;
import socketlab.text.I18n;

/**
 * "Run a Python program…": the program (a .py file), its arguments, and optionally a second
 * program started after it (the tutorial's server, then its client), and the Python to run them
 * with. The result is the programs in order, each a command and its arguments.
 */
public final class RunProgramDialog extends Dialog<RunProgramDialog.Choice> {

    /** What to run: the programs in order, and the interpreter. */
    public record Choice(List<List<String>> programs, String python) {}

    private final TextField first = new TextField();
    private final TextField firstArgs = new TextField();
    private final TextField second = new TextField();
    private final TextField secondArgs = new TextField();
    private final TextField python = new TextField(TracedRun.defaultPython());

    public RunProgramDialog(Window owner, String suggestedArgs) {
        initOwner(owner);
        setTitle(I18n.tr("program.title"));
        Label about = new Label(I18n.tr("program.header"));
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it, on as many lines as it takes
        first.setId("program-file");
        firstArgs.setId("program-args");
        firstArgs.setText(suggestedArgs);
        second.setId("program-second");
        second.setPromptText(I18n.tr("program.secondNone"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(I18n.tr("program.file")), first, browse(first));
        grid.addRow(1, new Label(I18n.tr("program.args")), firstArgs);
        grid.addRow(2, new Label(I18n.tr("program.second")), second, browse(second));
        grid.addRow(3, new Label(I18n.tr("program.args")), secondArgs);
        grid.addRow(4, new Label(I18n.tr("program.python")), python);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the labels whole; the fields give way
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        setOnShown(e -> first.requestFocus());
        first.setPrefColumnCount(32);
        getDialogPane().setContent(new javafx.scene.layout.VBox(12, about, grid));
        getDialogPane().setPrefWidth(Math.min(720, Math.max(420, owner == null ? 720 : owner.getWidth() - 80)));
        setResizable(true);
        ButtonType run = new ButtonType(I18n.tr("program.run"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(run, new ButtonType(I18n.tr("program.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(run).disableProperty().bind(first.textProperty().isEmpty());
        setResultConverter(b -> b == run ? choice() : null);
    }

    private Button browse(TextField into) {
        Button b = new Button(I18n.tr("program.browse"));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Python", "*.py"));
            File f = c.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                into.setText(f.getAbsolutePath());
            }
        });
        return b;
    }

    private Choice choice() {
        List<List<String>> programs = new ArrayList<>();
        programs.add(command(first.getText(), firstArgs.getText()));
        if (!second.getText().isBlank()) {
            programs.add(command(second.getText(), secondArgs.getText()));
        }
        String py = python.getText().isBlank() ? TracedRun.defaultPython() : python.getText().trim();
        return new Choice(programs, py);
    }

    private static List<String> command(String file, String args) {
        List<String> c = new ArrayList<>();
        c.add(file.trim());
        c.addAll(TracedRun.words(args));
        return c;
    }
}
