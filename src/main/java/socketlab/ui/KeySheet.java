package socketlab.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import socketlab.text.I18n;

/** The F1 sheet: every key the lab answers to, sized to the window it opens over (two columns when wide). */
final class KeySheet {
    private KeySheet() {
    }

    /** Shows the sheet over {@code scene} (null: none yet), in its stylesheets and its font size ({@code style}). */
    static void show(Scene scene, String style) {
        javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
        d.setTitle(I18n.tr("keys.title"));
        d.initOwner(scene == null ? null : scene.getWindow());
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(24);
        g.setVgap(8);
        g.setPadding(new Insets(16));
        String[][] rows = {
            {"F5", "keys.projector"}, {"F6", "keys.step"}, {"F2", "keys.lesson"}, {"F7", "keys.language"}, {"F8", "keys.panes"}, {"Space  →  Page Down", "keys.next"},
            {"Ctrl+L", "keys.listen"}, {"Ctrl+K", "keys.connect"}, {"Ctrl+Enter", "keys.send"},
            {"Ctrl+R", "keys.compare"}, {"Ctrl+T", "keys.timeline"}, {"← →", "keys.pick"}, {"Home", "keys.replayStart"}, {"+  −  0", "keys.zoomTimeline"}, {"H", "keys.squeeze"},
            {"Ctrl+ +  Ctrl+ −  Ctrl+0", "keys.zoomFonts"}, {"Ctrl+N", "keys.clear"}, {"Esc", "keys.cancel"}, {"Ctrl+O", "keys.open"}, {"Ctrl+S", "keys.save"}, {"Ctrl+Shift+S", "keys.saveScenario"}, {"Ctrl+P", "keys.program"},
            {"F1  ?", "keys.help"}};
        // on a wide window two columns of keys, so that the sheet is short enough to be seen whole;
        // on any window it scrolls rather than run off the screen (1280x800 in projector type cut it at both ends)
        double width = scene == null ? 1280 : scene.getWidth();
        double height = scene == null ? 800 : scene.getHeight();
        int perColumn = width >= 1200 ? (rows.length + 1) / 2 : rows.length;
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.setStyle("-fx-font-weight: bold;");
            k.setMinWidth(Region.USE_PREF_SIZE); // a key is read whole; its words wrap instead
            Label what = new Label(I18n.tr(rows[i][1]));
            what.setWrapText(true);
            what.setMaxWidth(perColumn < rows.length ? width * 0.22 : width * 0.55);
            g.add(k, 2 * (i / perColumn), i % perColumn);
            g.add(what, 2 * (i / perColumn) + 1, i % perColumn);
        }
        javafx.scene.control.ScrollPane sheet = new javafx.scene.control.ScrollPane(g);
        sheet.setFitToWidth(true);
        sheet.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        d.setOnShown(e -> { // measured once the sheet has its type (the projector's is larger)
            g.applyCss();
            g.layout();
            sheet.setPrefViewportHeight(Math.min(height * 0.72, g.prefHeight(-1) + 4));
            sheet.setPrefViewportWidth(Math.min(width * 0.9, g.prefWidth(-1) + 4));
            d.getDialogPane().getScene().getWindow().sizeToScene();
            d.getDialogPane().getScene().getWindow().centerOnScreen();
        });
        d.getDialogPane().setContent(sheet);
        d.getDialogPane().getButtonTypes().add(new javafx.scene.control.ButtonType(I18n.tr("keys.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        d.setResizable(true);
        if (scene != null) {
            d.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
            d.getDialogPane().setStyle(style);
        }
        d.show();
    }
}
