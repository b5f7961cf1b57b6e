import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import socketlab.net.KernelReader;
import socketlab.trace.Tcp;

/**
 * What reading the kernel's TCP state after every call costs the lab's own sockets (issue 15): the
 * same loopback transfer with and without a {@link KernelReader} read after each send and each recv
 * (getsockopt TCP_INFO + SIOCOUTQ + FIONREAD, as the lab's Endpoint does when reading is on),
 * interleaved slice by slice in a new random order each round, printed as the median ratio against
 * the baseline measured in this run; plus the reader's own cost per call on an idle socket.
 *
 *   bash src/bench/kernel-bench.sh [MiB per slice at 64 KiB calls, default 256] [rounds, default 9]
 */
public class KernelBench {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        KernelReader reader = KernelReader.system();
        if (reader.unavailable() != null) {
            System.out.println("kernel benchmark: no reader here: " + reader.unavailable());
            return;
        }
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        System.out.printf(Locale.ROOT, "kernel benchmark: Java %s, %d cpus; %d rounds, modes interleaved%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds);
        idleCost(reader);
        int[][] cases = {{65536, 0}, {1024, 1}, {1024, 0}}; // size, TCP_NODELAY
        for (int[] c : cases) {
            long total = c[0] == 65536 ? mib << 20 : (mib << 20) / 16;
            List<Double> ratios = new ArrayList<>();
            List<Double> noise = new ArrayList<>();
            Random order = new Random(42);
            run(c[0], c[1] == 1, total / 4, null); // warm-up
            run(c[0], c[1] == 1, total / 4, reader);
            for (int r = 0; r < rounds; r++) {
                List<Integer> modes = new ArrayList<>(List.of(0, 1, 2));
                Collections.shuffle(modes, order);
                double[] mbps = new double[3];
                for (int m : modes) {
                    mbps[m] = run(c[0], c[1] == 1, total, m == 1 ? reader : null);
                }
                ratios.add(mbps[1] / mbps[0]);
                noise.add(mbps[2] / mbps[0]);
            }
            System.out.printf(Locale.ROOT, "%5d B calls%s: with the kernel read %.3f× of without (median of %d); bare against itself %.3f×%n",
                    c[0], c[1] == 1 ? ", TCP_NODELAY" : ", Nagle on  ", median(ratios), rounds, median(noise));
        }
    }

    /** The read alone, on a connected idle socket: ns per call (best of 20 runs of 20,000). */
    static void idleCost(KernelReader reader) throws Exception {
        try (ServerSocketChannel ss = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel c = SocketChannel.open(ss.getLocalAddress()); SocketChannel s = ss.accept()) {
            int fd = reader.fd(c);
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 20; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 20_000; i++) {
                    Tcp t = reader.read(fd, -1);
                    sink += t.segsOut();
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf(Locale.ROOT, "one read of the kernel's state (TCP_INFO + SIOCOUTQ): %.2f µs%n", best / 20_000 / 1000.0);
        }
    }

    /** Moves {@code total} bytes in calls of {@code size}, reading the kernel after each call when {@code reader}; MB/s. */
    static double run(int size, boolean nodelay, long total, KernelReader reader) throws Exception {
        try (ServerSocketChannel ss = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread sender = new Thread(() -> {
                try (SocketChannel s = SocketChannel.open(ss.getLocalAddress())) {
                    s.socket().setTcpNoDelay(nodelay);
                    int fd = reader != null ? reader.fd(s) : -1;
                    ByteBuffer b = ByteBuffer.allocate(size);
                    long sent = 0;
                    while (sent < total) {
                        b.clear().limit((int) Math.min(size, total - sent));
                        while (b.hasRemaining()) {
                            sent += s.write(b);
                        }
                        if (reader != null) {
                            sink += reader.read(fd, -1).segsOut();
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long start = System.nanoTime();
            sender.start();
            try (SocketChannel r = ss.accept()) {
                int fd = reader != null ? reader.fd(r) : -1;
                java.io.InputStream fionread = r.socket().getInputStream();
                ByteBuffer b = ByteBuffer.allocate(size);
                long got = 0;
                while (got < total) {
                    b.clear();
                    int n = r.read(b);
                    if (n < 0) {
                        break;
                    }
                    got += n;
                    if (reader != null) {
                        sink += reader.read(fd, fionread.available()).segsIn();
                    }
                }
            }
            sender.join();
            return total / ((System.nanoTime() - start) / 1e9) / 1e6;
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
