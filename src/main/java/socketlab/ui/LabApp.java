package socketlab.ui;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import socketlab.exec.TaskRunner;
import socketlab.text.I18n;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;

/**
 * The window. One {@link AnimationTimer} pulls what the sockets recorded into the view model
 * once per frame while any of the window's sockets is open (and a second after the last one
 * closes), then stops, so an idle window does no work; closing the window closes every socket on a
 * background thread and exits.
 */
public final class LabApp extends Application {
    private LabViewModel vm;
    private AnimationTimer pulse;
    private Scene scene;
    /** The window's icon, once decoded, until the window has it. */
    private volatile Image icon;
    private int pulses;
    /** Whether the pulse timer runs (it stops when the window's sockets are all closed). */
    private boolean polling;
    private static final int IDLE_FRAMES = 60;

    public static void launchWindow(String[] args) {
        if (noDisplay()) {
            System.err.println(I18n.tr("app.noDisplay"));
            System.exit(3);
        }
        try {
            Application.launch(LabApp.class, args);
        } catch (UnsupportedOperationException e) { // GTK found no display after all (a DISPLAY that is not there)
            System.err.println(I18n.tr("app.displayUnreachable", String.valueOf(System.getenv("DISPLAY"))));
            System.exit(3);
        }
    }

    /** On Linux and the BSDs, no X or Wayland display to open a window on (Monocle, the tests' headless glass, needs none). */
    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = !os.startsWith("windows") && !os.startsWith("mac");
        return x11 && !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void start(Stage stage) {
        socketlab.net.KernelReader.enable(true); // the window always reads the kernel's TCP state where it can
        vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
        vm.kernelUnseen(socketlab.net.KernelReader.missing()); // another OS, or a java started without the image's flags
        Screen screen = Screen.getPrimary();
        double w = Math.min(1600, screen.getVisualBounds().getWidth());
        double h = Math.min(1000, screen.getVisualBounds().getHeight());
        scene = new Scene(build(), w, h);
        scene.getStylesheets().add(Css.stylesheet(Css.THEME));
        stage.setTitle(I18n.tr("app.title"));
        // the window icon: decoded off the FX thread, and given to the window only once the first frame is
        // drawn — JavaFX rescales it to 128 px for a Linux window manager on the FX thread (1 ms sampling put that
        // at 3 % of the work before the first frame, even for a 128 px icon)
        TaskRunner.threads().execute("icon", () -> {
            try (var in = LabApp.class.getResourceAsStream("/socketlab/assets/icon-128.png")) {
                if (in != null) {
                    icon = new Image(in);
                }
            } catch (java.io.IOException e) {
                // no icon: the window works without one
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        if (Boolean.getBoolean("socketlab.maximized")) { // fill the screen, even with no window manager
            stage.setX(screen.getVisualBounds().getMinX());
            stage.setY(screen.getVisualBounds().getMinY());
            stage.setWidth(screen.getVisualBounds().getWidth());
            stage.setHeight(screen.getVisualBounds().getHeight());
            stage.setMaximized(true);
        }
        pulse = new AnimationTimer() {
            /** Frames in a row with nothing new and nothing that could write: after a second of them the timer stops. */
            private int idle;

            @Override
            public void handle(long now) {
                boolean news = vm.refresh();
                if (icon != null && ++pulses > 1) { // this pulse follows the one that drew the first frame
                    stage.getIcons().add(icon);
                    icon = null;
                }
                idle = news || vm.liveProperty().get() || icon != null ? 0 : idle + 1;
                if (idle > IDLE_FRAMES) {
                    stop(); // no socket of the window's is open: nothing can arrive until one is
                    polling = false;
                }
            }
        };
        // polls the trace once per frame while a socket of the window's can write to it, then a second more
        vm.liveProperty().addListener((o, was, live) -> {
            if (live && !polling) {
                polling = true;
                pulse.start();
            }
        });
        polling = true;
        pulse.start();
        stage.setOnHidden(e -> shutdownAndExit());
        stage.show();
        if (Boolean.getBoolean("socketlab.startupProbe")) { // for src/bench/startup-bench.sh
            Platform.runLater(() -> {
                System.out.println("socketlab: window shown at " + System.currentTimeMillis());
                System.out.flush();
                stage.close();
            });
        }
        for (String arg : getParameters().getRaw()) { // socketlab SCENARIO.json (or a saved trace)
            if (arg.endsWith(".jsonl")) {
                vm.files().openTrace(java.nio.file.Path.of(arg));
            } else if (arg.endsWith(".json")) {
                vm.runs().openScenario(java.nio.file.Path.of(arg));
            }
        }
    }

    private LabView build() {
        return new LabView(vm, () -> switchLanguage(scene, vm));
    }

    /** Switches English ⇄ 简体中文 at run time: the view is built anew in the other language; the run, zoom and mode stay. */
    static void switchLanguage(Scene scene, LabViewModel vm) {
        I18n.setLocale(I18n.isChinese() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        vm.relabel();
        LabView old = (LabView) scene.getRoot();
        LabView fresh = new LabView(vm, () -> switchLanguage(scene, vm));
        scene.setRoot(fresh);
        fresh.fontZoom.set(old.fontZoom.get());
        fresh.projector.set(old.projector.get());
        fresh.panesShown.set(old.panesShown.get());
        if (scene.getWindow() instanceof Stage stage) {
            stage.setTitle(I18n.tr("app.title"));
        }
    }

    private void shutdownAndExit() {
        pulse.stop();
        Thread t = new Thread(() -> {
            vm.shutdown();
            Platform.exit();
        }, "socketlab-shutdown");
        t.setDaemon(true);
        t.start();
    }
}
