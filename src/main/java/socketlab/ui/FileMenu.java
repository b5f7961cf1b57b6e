package socketlab.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import socketlab.codec.Framing;
import socketlab.text.I18n;
import socketlab.text.Phrase;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.panes.RunProgramDialog;
import socketlab.ui.panes.SaveScenarioDialog;
import socketlab.ui.style.Css;
import socketlab.ui.timeline.TimelineView;

/**
 * The File menu and what its items open: the file choosers, the scenario and program dialogs, and the
 * PNG export's picture (taken on the FX thread; encoded and written by the view model in the background).
 * Every file it names goes to the view model, which reads and writes off the FX thread.
 */
final class FileMenu extends MenuButton {
    /** The whole run's PNG is drawn at twice the screen's type and width: sharp on a slide or in print. */
    static final double PNG_SCALE = 2;

    private final LabViewModel vm;
    private final TimelineView timeline;

    FileMenu(LabViewModel vm, TimelineView timeline) {
        super(I18n.tr("file.menu"));
        this.vm = vm;
        this.timeline = timeline;
        setId("file-menu");
        MenuItem open = item("file.open", e -> choose(false, "trace", "*.jsonl").ifPresent(vm.files()::openTrace));
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem save = item("file.save", e -> choose(true, "trace", "*.jsonl").ifPresent(vm.files()::saveTrace));
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem pngVisible = item("file.pngVisible", e -> choose(true, "timeline", "*.png").ifPresent(p -> exportPng(p, false, null)));
        MenuItem pngAll = item("file.pngAll", e -> choose(true, "timeline-all", "*.png").ifPresent(p -> exportPng(p, true, null)));
        MenuItem csv = item("file.csv", e -> choose(true, "events", "*.csv").ifPresent(vm.files()::exportCsv));
        MenuItem packets = item("file.packetsMenu", e -> choose(true, "packets", "*.pcapng").ifPresent(vm.files()::exportPackets));
        packets.setId("export-packets");
        packets.visibleProperty().bind(vm.wireOnProperty()); // only in wire mode: there are no packets otherwise
        MenuItem openScenario = item("file.openScenario", e -> choose(false, "scenario", "*.json").ifPresent(vm.runs()::openScenario));
        MenuItem saveScenario = item("file.saveScenario", e -> saveScenario());
        saveScenario.setId("save-scenario");
        saveScenario.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem program = item("program.menu", e -> runProgram());
        program.setId("run-program");
        program.disableProperty().bind(vm.programs().runningProperty());
        getItems().addAll(openScenario, saveScenario, open, save, new SeparatorMenuItem(), pngVisible, pngAll, csv,
                packets, new SeparatorMenuItem(), program);
    }

    private static MenuItem item(String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(I18n.tr(key));
        m.setOnAction(action);
        return m;
    }

    private Window window() {
        return getScene().getWindow();
    }

    private Optional<Path> choose(boolean save, String name, String pattern) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        fc.setInitialFileName(name + pattern.substring(1));
        java.io.File f = save ? fc.showSaveDialog(window()) : fc.showOpenDialog(window());
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    /**
     * Exports the timeline as a PNG: what is in view, or the whole run at fit-to-width. The pixels
     * are taken on the FX thread; encoding and writing happen in the background.
     */
    void exportPng(Path file, boolean whole, Runnable done) {
        double scale = whole ? PNG_SCALE : 1;
        WritableImage img = headed(whole ? timeline.snapshotAll(Math.max(800, timeline.getWidth()), scale)
                : timeline.snapshot(null, null), pngHeading(), scale);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        vm.files().exportPng(w, h, argb, file, done);
    }

    /** What an exported picture says of itself: the scenario, what the run counted, the date (a slide needs no caption). */
    private String pngHeading() {
        String title = vm.runs().scenarioProperty().get() == null ? "" : vm.runs().scenarioProperty().get().title(I18n.locale().getLanguage());
        int rows = socketlab.trace.ConnectionRow.of(vm.shownIndex()).size();
        return I18n.tr("file.pngHeading", title, rows, vm.gluedProperty().get(), vm.splitProperty().get(), vm.eventsProperty().get(),
                java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    /** {@code picture} under a band with {@code heading}, in the theme's type at {@code scale}. */
    private WritableImage headed(Image picture, String heading, double scale) {
        Label head = new Label(heading);
        head.getStyleClass().add(Css.EXPORT_HEADING);
        head.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx; -fx-padding: %.1f %.1f %.1f %.1f;",
                14 * scale, 6 * scale, 8 * scale, 6 * scale, 8 * scale));
        head.setWrapText(true);
        head.setPrefWidth(picture.getWidth());
        head.setMaxWidth(picture.getWidth());
        VBox box = new VBox(head, new ImageView(picture));
        javafx.scene.Scene scene = new javafx.scene.Scene(box);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        box.applyCss();
        box.layout();
        return box.snapshot(null, null);
    }

    /** The scenario's words first; a refusal (two framings, no message, no title) is said before any file dialog. */
    private void saveScenario() {
        new SaveScenarioDialog(window(), vm.runs().scenarioProperty().get()).showAndWait().ifPresent(w -> {
            Phrase refused = vm.scenarioRefusal(w.titles());
            if (refused != null) {
                Alert a = new Alert(Alert.AlertType.WARNING, refused.words());
                a.initOwner(window());
                a.setHeaderText(I18n.tr("scenario.save.title"));
                a.showAndWait();
                return;
            }
            choose(true, "my-scenario", "*.json").ifPresent(f -> vm.saveScenario(f, w.titles(), w.notes()));
        });
    }

    /** "Run a Python program…": asks what to run, then runs it under the probe with the server pane's framing. */
    void runProgram() {
        if (vm.programs().runningProperty().get()) {
            return;
        }
        new RunProgramDialog(window(), "").showAndWait().ifPresent(c -> {
            Framing framing;
            try {
                framing = Framing.parse(vm.server().framingProperty().get());
            } catch (IllegalArgumentException e) {
                framing = Framing.NONE;
            }
            vm.programs().run(c.programs(), framing, c.python());
        });
    }
}
