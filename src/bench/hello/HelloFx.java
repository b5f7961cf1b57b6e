import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The baseline for the startup benchmark: the smallest JavaFX window, run by the same runtime image. */
public class HelloFx extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("hello"), 400, 300));
        stage.show();
        Platform.runLater(() -> {
            System.out.println("socketlab: window shown at " + System.currentTimeMillis());
            Platform.exit();
        });
    }

    public static void main(String[] args) {
        launch(args);
    }
}
