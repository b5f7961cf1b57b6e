import socketlab.exec.TaskRunner;
import socketlab.ui.model.LabViewModel;

/**
 * How long the window's per-pulse refresh (reading the new events into the index, glued and split, the
 * lists) takes on the FX thread's behalf while a flood of 1 KiB sends runs into the window's own server
 * at receive delay 0, every 2 s: median, p99 and worst, and each as a share of a 60 Hz frame (16.7 ms)
 * — the budget a pulse has. Drawing is not in it (timeline-bench.sh times that).
 *   bash src/bench/pulse-bench.sh [SECONDS]
 */
public class PulseBench {
    static final double FRAME_MS = 1000.0 / 60;

    public static void main(String[] a) throws Exception {
        int seconds = a.length > 0 ? Integer.parseInt(a[0]) : 30;
        LabViewModel vm = new LabViewModel(TaskRunner.threads(), Runnable::run);
        vm.server().portProperty().set("0");
        vm.server().recvDelayMsProperty().set(0);
        vm.server().start();
        long until = System.nanoTime() + 5_000_000_000L;
        while (vm.server().boundPortProperty().get() <= 0 && System.nanoTime() < until) Thread.sleep(10);
        int port = vm.server().boundPortProperty().get();
        Thread flood = new Thread(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.setTcpNoDelay(true);
                byte[] b = new byte[1024];
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) s.getOutputStream().write(b);
            } catch (Exception e) { System.err.println(e); }
        });
        flood.setDaemon(true);
        flood.start();
        long worst = 0; long sum = 0; int n = 0; long lastPrint = System.nanoTime();
        java.util.List<Long> times = new java.util.ArrayList<>();
        while (flood.isAlive()) {
            long t0 = System.nanoTime();
            vm.refresh();
            long d = System.nanoTime() - t0;
            times.add(d); worst = Math.max(worst, d);
            if (System.nanoTime() - lastPrint > 2_000_000_000L) {
                java.util.Collections.sort(times);
                double median = times.get(times.size() / 2) / 1e6;
                double p99 = times.get(times.size() * 99 / 100) / 1e6;
                System.out.printf("events %,d  refresh median %.1f ms (%.2f of a frame)  p99 %.1f ms (%.2f)  worst %.1f ms (%.2f)%n",
                        vm.log().size(), median, median / FRAME_MS, p99, p99 / FRAME_MS, worst / 1e6, worst / 1e6 / FRAME_MS);
                times.clear(); worst = 0; lastPrint = System.nanoTime();
            }
            Thread.sleep(16);
        }
        System.out.println("unrecorded: " + vm.unrecordedProperty().get());
        System.exit(0);
    }
}
