package socketlab.net;

import java.io.IOException;

/** One client at a time: the next {@code accept()} only after the current client has gone; the others wait in the backlog. */
final class Iterative implements ServingModel {
    @Override
    public void serve(LabServer server) throws IOException, InterruptedException {
        for (LabServer.Accepted a; (a = server.acceptNext()) != null; ) {
            server.serve(a.endpoint(), a.settings());
        }
    }
}
