package socketlab.net;

import java.io.IOException;

/** A thread per connection, like {@code socketserver.ThreadingTCPServer}: each accepted client is served on a thread of its own. */
final class ThreadPerConnection implements ServingModel {
    @Override
    public void serve(LabServer server) throws IOException, InterruptedException {
        for (LabServer.Accepted a; (a = server.acceptNext()) != null; ) {
            LabServer.Accepted conn = a;
            try {
                server.threads().execute(() -> server.serve(conn.endpoint(), conn.settings()));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // accepted in the moment the server was stopping (its threads no longer take work): the connection is
                // closed, recorded as every close is, and the loop ends as a stopped server's does
                conn.endpoint().close();
                conn.endpoint().release();
                return;
            }
        }
    }
}
