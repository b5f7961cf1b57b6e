package socketlab.net;

import java.io.IOException;

/** A thread per connection, like {@code socketserver.ThreadingTCPServer}: each accepted client is served on a thread of its own. */
final class ThreadPerConnection implements ServingModel {
    @Override
    public void serve(LabServer server) throws IOException, InterruptedException {
        for (LabServer.Accepted a; (a = server.acceptNext()) != null; ) {
            LabServer.Accepted conn = a;
            server.threads().execute(() -> server.serve(conn.endpoint(), conn.settings()));
        }
    }
}
