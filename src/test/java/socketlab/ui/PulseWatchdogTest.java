package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import socketlab.exec.TaskRunner;
import socketlab.text.I18n;
import socketlab.ui.model.LabViewModel;

/**
 * The window never stops answering on its own data: a watchdog on the FX thread records the longest gap
 * between two pulses while a flood of 1 KiB sends runs into the window's own server at receive delay 0,
 * and while a trace of 600,000 events opens. Either fails past {@link #TOLERANCE_MS}.
 *
 * <p>The target is 100 ms; it is not met on two cores. Measured here (2 cores, the sender, the lab's reader and the
 * renderer sharing them with the FX thread): longest gaps 114–202 ms under the flood (49–63 pulses in its 4 s,
 * where 240 would be 60 Hz) and 144–209 ms while the trace opens. Why, sampled: a thread that took the FX thread's
 * stack every 5 ms while no pulse had come for 60 ms found it, in 36 of 50 samples, idle — waiting for the next
 * pulse or for the render thread to finish the last frame — and in 14 in the lab's own per-pulse work (taking in
 * events, bounded at 8 ms; the message list's rows). The pulse and render threads wait for a core the flood's
 * sender and the lab's reader hold. The tolerance, 300 ms, holds those with room for
 * a slower CI machine and still fails the freezes this test was written against: each decoded frame added to the
 * server's list one by one stopped the window for more than 15 s under the flood, and putting a freshly read
 * trace's events in order in the first pulse took 390 ms.
 */
@ExtendWith(ApplicationExtension.class)
class PulseWatchdogTest {
    static final long TOLERANCE_MS = 300;

    private LabViewModel vm;
    private AnimationTimer pulse;
    private final Watchdog watchdog = new Watchdog();

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        vm = new LabViewModel(TaskRunner.threads(), Platform::runLater);
        LabWindowTest.window(stage, vm, 1280, 800);
        pulse = LabWindowTest.pulse(vm);
    }

    @AfterEach
    void stop() {
        watchdog.stop();
        pulse.stop();
        vm.shutdown();
    }

    /** The longest time between two pulses of the FX thread since {@link #start}, in ms. */
    static final class Watchdog extends AnimationTimer {
        private volatile long last;
        private volatile long longestNs;
        private volatile int pulses;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longestNs = Math.max(longestNs, now - last);
            }
            last = now;
            pulses++;
        }

        void watch() throws Exception {
            WaitForAsyncUtils.asyncFx(() -> {
                last = 0;
                longestNs = 0;
                pulses = 0;
                start();
            }).get();
        }

        /** The longest gap, counting the one still open: a thread stuck since its last pulse shows here too. */
        double longestMs() {
            long open = last == 0 ? 0 : System.nanoTime() - last;
            return Math.max(longestNs, open) / 1e6;
        }
    }

    @Test
    void theWindowKeepsItsPulseWhileAFloodRunsIntoItsOwnServer() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.server().portProperty().set("0");
            vm.server().recvDelayMsProperty().set(0);
            vm.server().start();
        }).get();
        LabWindowTest.waitUntil("the server listens", () -> vm.server().boundPortProperty().get() > 0);
        int port = vm.server().boundPortProperty().get();
        watchdog.watch();
        AtomicBoolean flooding = new AtomicBoolean(true);
        long[] sent = new long[1];
        Thread flood = new Thread(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                byte[] kib = new byte[1024];
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (System.nanoTime() < end) {
                    out.write(kib);
                    sent[0] += kib.length;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                flooding.set(false);
            }
        }, "flood");
        flood.setDaemon(true);
        flood.start();
        flood.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!flood.isAlive(), "the flood ended: " + sent[0] + " bytes sent, " + vm.log().size() + " events");
        long t0 = System.nanoTime();
        try {
            LabWindowTest.waitUntil("the window has taken in the flood", () -> !vm.index().behind() && vm.log().size() > 10_000);
        } catch (AssertionError e) {
            throw new AssertionError("after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + vm.log().size() + " events, behind "
                    + vm.index().behind() + ", " + sent[0] + " bytes sent; " + watchdog.pulses + " pulses, longest gap " + watchdog.longestMs() + " ms", e);
        }
        double longest = watchdog.longestMs();
        watchdog.stop();
        System.out.printf(Locale.ROOT, "pulse watchdog, flood: %,d bytes, %,d events, %d pulses, longest gap %.1f ms%n", sent[0],
                vm.log().size(), watchdog.pulses, longest);
        assertTrue(vm.log().size() > 10_000, "the flood was recorded: " + vm.log().size() + " events of " + sent[0] + " bytes");
        assertTrue(watchdog.pulses > 20, "the FX thread pulsed through the flood: " + watchdog.pulses + " pulses, longest gap " + longest);
        assertTrue(watchdog.longestMs() <= TOLERANCE_MS, String.format(Locale.ROOT,
                "longest gap between pulses under a flood of %,d bytes (%,d events): %.1f ms", sent[0], vm.log().size(), longest));
    }

    @Test
    void theWindowKeepsItsPulseWhileALargeTraceOpens(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("large.jsonl");
        int rounds = 300_000;
        try (var w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
            w.write("{\"op\":\"connect\",\"side\":\"client\",\"conn\":1,\"t_ns\":1000,\"local_port\":50000,\"remote_port\":9000}\n");
            w.write("{\"op\":\"accept\",\"side\":\"server\",\"conn\":2,\"t_ns\":2000,\"local_port\":9000,\"remote_port\":50000}\n");
            for (int i = 0; i < rounds; i++) {
                long t = 10_000 + i * 5_000L;
                w.write("{\"op\":\"send\",\"side\":\"client\",\"conn\":1,\"t_ns\":" + t + ",\"bytes\":100,\"offset\":" + 100L * i
                        + ",\"dur_ns\":2000}\n");
                w.write("{\"op\":\"recv\",\"side\":\"server\",\"conn\":2,\"t_ns\":" + (t + 2500) + ",\"bytes\":100,\"offset\":"
                        + 100L * i + ",\"requested\":1024,\"dur_ns\":1000}\n");
            }
        }
        watchdog.watch();
        WaitForAsyncUtils.asyncFx(() -> vm.files().openTrace(trace)).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> vm.shownIndex().log().size() == 2 * rounds + 2 && !vm.shownIndex().behind());
        WaitForAsyncUtils.waitForFxEvents();
        double longest = watchdog.longestMs();
        watchdog.stop();
        System.out.printf(Locale.ROOT, "pulse watchdog, trace opening: %,d events, %d pulses, longest gap %.1f ms%n", 2 * rounds + 2,
                watchdog.pulses, longest);
        assertTrue(longest <= TOLERANCE_MS, String.format(Locale.ROOT,
                "longest gap between pulses while %,d events opened: %.1f ms", 2 * rounds + 2, longest));
    }
}
