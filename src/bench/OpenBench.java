import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast a saved trace opens: {@code TraceFile.read} (strict UTF-8 line by line, every field checked,
 * each event into the log) against a baseline measured in the same run — the same lines only parsed by
 * Jackson, the floor any reader of JSON lines pays. Prints events per second for both and the ratio.
 *   bash src/bench/open-bench.sh [TRACE.jsonl]   (without a file: 1,000,000 send/recv lines made first)
 */
public class OpenBench {
    public static void main(String[] a) throws Exception {
        Path f;
        if (a.length > 0) {
            f = Path.of(a[0]);
        } else {
            f = Files.createTempFile("socketlab-open-bench", ".jsonl");
            f.toFile().deleteOnExit();
            try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write("{\"op\":\"connect\",\"side\":\"client\",\"conn\":1,\"t_ns\":1000,\"local_port\":50000,\"remote_port\":9000}\n");
                w.write("{\"op\":\"accept\",\"side\":\"server\",\"conn\":2,\"t_ns\":2000,\"local_port\":9000,\"remote_port\":50000}\n");
                for (int i = 0; i < 500_000; i++) {
                    long t = 10_000 + i * 5_000L;
                    w.write("{\"op\":\"send\",\"side\":\"client\",\"conn\":1,\"t_ns\":" + t + ",\"bytes\":1000,\"offset\":" + 1000L * i
                            + ",\"dur_ns\":2000}\n");
                    w.write("{\"op\":\"recv\",\"side\":\"server\",\"conn\":2,\"t_ns\":" + (t + 2500) + ",\"bytes\":1000,\"offset\":"
                            + 1000L * i + ",\"requested\":1024,\"dur_ns\":1000}\n");
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        double bestRead = 0;
        double bestFloor = 0;
        for (int round = 0; round < 4; round++) { // interleaved; the first round warms up, the best of the rest counts
            long t0 = System.nanoTime();
            long lines = 0;
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (String l; (l = r.readLine()) != null; ) {
                    json.readTree(l);
                    lines++;
                }
            }
            long t1 = System.nanoTime();
            int events = socketlab.trace.TraceFile.read(f).log().size();
            long t2 = System.nanoTime();
            double floor = lines / ((t1 - t0) / 1e9);
            double read = events / ((t2 - t1) / 1e9);
            if (round > 0) {
                bestFloor = Math.max(bestFloor, floor);
                bestRead = Math.max(bestRead, read);
            }
            System.out.printf("round %d: Jackson alone %,.0f lines/s, TraceFile.read %,.0f events/s (%,d events)%n",
                    round, floor, read, events);
        }
        System.out.printf("open: %,.0f events/s (target ≥ 500,000), %.2f× of parsing the lines alone (%,.0f lines/s)%n",
                bestRead, bestRead / bestFloor, bestFloor);
    }
}
