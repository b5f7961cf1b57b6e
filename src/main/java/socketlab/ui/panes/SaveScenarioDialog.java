package socketlab.ui.panes;

import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import socketlab.scenario.Scenario;
import socketlab.text.I18n;

/**
 * "Save the panes as a scenario…": the scenario's title and what to look for, in English and in
 * Chinese, begun from the scenario chosen now so a teacher edits rather than retypes. The result is
 * the two maps by language ({@code "en"}, {@code "zh"}); the knobs come from the panes themselves.
 */
public final class SaveScenarioDialog extends Dialog<SaveScenarioDialog.Words> {

    /** A scenario's words, by language. */
    public record Words(Map<String, String> titles, Map<String, String> notes) {}

    public SaveScenarioDialog(Window owner, Scenario startFrom) {
        initOwner(owner);
        setTitle(I18n.tr("scenario.save.title"));
        Label about = new Label(I18n.tr("scenario.save.header"));
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE); // all of it, on as many lines as it takes
        about.setMaxWidth(Double.MAX_VALUE);
        TextField titleEn = field("scenario-title-en", startFrom.titles().getOrDefault("en", startFrom.title()));
        TextField titleZh = field("scenario-title-zh", startFrom.titles().getOrDefault("zh", ""));
        TextArea notesEn = area("scenario-notes-en", startFrom.notes().getOrDefault("en", ""));
        TextArea notesZh = area("scenario-notes-zh", startFrom.notes().getOrDefault("zh", ""));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(about, 0, 0, 2, 1);
        grid.addRow(1, new Label(I18n.tr("scenario.save.titleEn")), titleEn);
        grid.addRow(2, new Label(I18n.tr("scenario.save.titleZh")), titleZh);
        grid.addRow(3, new Label(I18n.tr("scenario.save.notesEn")), notesEn);
        grid.addRow(4, new Label(I18n.tr("scenario.save.notesZh")), notesZh);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // the labels whole; the fields give way
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        getDialogPane().setContent(grid);
        // never wider than the window it belongs to (a 1024-wide projector in projector type): the words wrap instead
        double room = owner == null || owner.getWidth() <= 0 ? 820 : owner.getWidth() - 48;
        getDialogPane().setPrefWidth(Math.min(820, room));
        getDialogPane().setMaxWidth(room);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResizable(true);
        setOnShown(e -> titleEn.requestFocus());
        setResultConverter(b -> b != ButtonType.OK ? null
                : new Words(Map.of("en", titleEn.getText(), "zh", titleZh.getText()),
                        Map.of("en", notesEn.getText(), "zh", notesZh.getText())));
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(20);
        return f;
    }

    private static TextArea area(String id, String text) {
        TextArea a = new TextArea(text);
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.setPrefColumnCount(20);
        return a;
    }
}
