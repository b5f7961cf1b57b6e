import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import socketlab.codec.Framing;
import socketlab.exec.TaskRunner;
import socketlab.scenario.Scenario;
import socketlab.scenario.ScenarioRunner;
import socketlab.trace.TraceIndex;
import socketlab.trace.TraceLog;
import socketlab.ui.style.Css;
import socketlab.ui.timeline.TimelineView;

/**
 * Does the timeline stay smooth with 100,000 events? Records a real run with that many calls
 * (one 1 MiB message read with recv(10) on loopback), then redraws the timeline canvas 60 times
 * at several zoom levels and prints the median and 95th-percentile draw times against the same
 * measurement for the tutorial's two-message case, taken in this run, and against the 16.7 ms a
 * 60 Hz frame allows.
 *
 *   src/bench/timeline-bench.sh
 */
public class TimelineBench {
    public static void main(String[] args) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false); // each measurement closes its stage; keep the toolkit up

        TraceLog small = new TraceLog();
        new ScenarioRunner(small, TaskRunner.threads()).run(Scenario.STICKY);
        TraceLog big = new TraceLog();
        Scenario many = new Scenario("bench", "1 MiB read with recv(10)", List.of(Scenario.generated(Scenario.ONE_MIB)), 10, 0,
                List.of(), Framing.LENGTH);
        long t0 = System.nanoTime();
        new ScenarioRunner(big, TaskRunner.threads()).run(many);
        long runMs = (System.nanoTime() - t0) / 1_000_000;
        TraceIndex bigIndex = new TraceIndex(big);
        long i0 = System.nanoTime();
        bigIndex.update();
        int glued = bigIndex.gluedTotal();
        long indexMs = (System.nanoTime() - i0) / 1_000_000;
        TraceIndex smallIndex = new TraceIndex(small);
        smallIndex.update();
        System.out.printf(Locale.ROOT, "timeline benchmark: %,d events recorded in %d ms on loopback; indexed in %d ms (glued %d)%n",
                big.size(), runMs, indexMs, glued);

        double[] baseline = measure(smallIndex, 1);
        System.out.printf(Locale.ROOT, "  %-34s median %6.2f ms   p95 %6.2f ms%n", "baseline: 2 messages, " + small.size() + " events",
                baseline[0], baseline[1]);
        for (double zoom : new double[] {1, 10, 1000, 100_000}) {
            report(String.format(Locale.ROOT, "%,d events, zoom %,.0f×", big.size(), zoom), measure(bigIndex, zoom), baseline);
        }
        // the tutorial's 1 MiB in recv(1024) chunks, zoomed in: at 8x each chunk was wide enough for text
        // and every byte of it was drawn, 5.3 s a frame, until bytes were drawn only in readable cells
        TraceLog chunks = new TraceLog();
        new ScenarioRunner(chunks, TaskRunner.threads()).run(Scenario.BIG);
        TraceIndex chunksIndex = new TraceIndex(chunks);
        chunksIndex.update();
        for (double zoom : new double[] {8, 128}) {
            report(String.format(Locale.ROOT, "1 MiB in recv(1024), zoom %,.0f×", zoom), measure(chunksIndex, zoom), baseline);
        }
        Platform.exit();
    }

    static void report(String what, double[] m, double[] baseline) {
        System.out.printf(Locale.ROOT, "  %-34s median %6.2f ms   p95 %6.2f ms   = %5.1f× baseline, %s a 60 Hz frame%n",
                what, m[0], m[1], m[0] / baseline[0], m[1] <= 16.7 ? "within" : "OVER");
    }

    /** Redraws 60 times (one per pulse) and returns {median, p95} of the draw time in ms. */
    static double[] measure(TraceIndex index, double zoom) throws Exception {
        List<Long> times = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            TimelineView view = new TimelineView();
            view.indexProperty().set(index);
            view.setZoom(zoom);
            view.setPan(0.5);
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1900, 520);
            scene.getStylesheets().add(Css.stylesheet(Css.THEME)); // draws in the window's colours
            stage.setScene(scene);
            stage.show();
            view.lastDrawNanosProperty().addListener((o, a, b) -> times.add(b.longValue()));
            new AnimationTimer() {
                int frames;

                @Override
                public void handle(long now) {
                    if (++frames > 70) {
                        stop();
                        stage.close();
                        done.countDown();
                        return;
                    }
                    view.versionProperty().set(frames); // marks the canvas dirty: one redraw next pulse
                }
            }.start();
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("timeline did not draw");
        }
        double[] ms = times.stream().skip(5).mapToDouble(n -> n / 1e6).sorted().toArray(); // skip warm-up
        return new double[] {ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]};
    }
}
