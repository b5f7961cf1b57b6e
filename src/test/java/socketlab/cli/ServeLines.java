package socketlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JSON lines a child {@code serve} prints, read as they come by a daemon thread: tests wait on the
 * list (it is notified under its own lock at each line) instead of sleeping.
 */
final class ServeLines {
    private ServeLines() {
    }

    static List<JsonNode> follow(Process serve) {
        List<JsonNode> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    JsonNode n = CliTest.JSON.readTree(l);
                    synchronized (lines) {
                        lines.add(n);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ended) {
                // the server was stopped
            }
        }, "serve-lines");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
