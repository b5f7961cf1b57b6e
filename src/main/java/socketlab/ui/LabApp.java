package socketlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class LabApp extends Application {
    public static void launchWindow(String[] args) {
        Application.launch(LabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
