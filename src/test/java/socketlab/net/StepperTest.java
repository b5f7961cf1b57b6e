package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import socketlab.exec.TaskRunner;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.trace.TraceLog;

/** Step mode lets exactly one real socket call run per step, in the order the calls became ready. */
class StepperTest {

    static int calls(TraceLog log) {
        int n = 0;
        for (int i = 0; i < log.size(); i++) {
            Op op = log.op(i);
            if (op == Op.ACCEPT || op == Op.CONNECT || op == Op.SEND || op == Op.RECV) {
                n++;
            }
        }
        return n;
    }

    @Test
    void eachStepRunsOneCallAndTheKernelGluesWhatWaits() throws Exception {
        TraceLog log = new TraceLog();
        Stepper stepper = new Stepper();
        stepper.setEnabled(true);
        ServerSettings s = ServerSettings.defaults().withPort(0).withRecv(1024, 100, List.of());
        try (LabServer server = new LabServer(log, s, stepper)) {
            int port = server.start();
            assertTrue(stepper.awaitPending(1, 5000));
            assertEquals("accept()", stepper.pending().get(0).call());

            LabClient client = new LabClient(log, ClientSettings.to(port), TaskRunner.threads(), stepper);
            CompletableFuture<Void> connecting = CompletableFuture.runAsync(() -> {
                try {
                    client.connect();
                } catch (LabException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(stepper.awaitPending(2, 5000));
            assertEquals(0, calls(log), "nothing has run yet");

            stepper.step(); // accept() — it blocks in the kernel until someone connects
            stepper.step(); // connect()
            connecting.get();
            assertTrue(log.await(Op.ACCEPT, null, 1, 5000));
            assertEquals(2, calls(log));

            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    client.send(List.of("hello world".getBytes(StandardCharsets.UTF_8), "haha".getBytes(StandardCharsets.UTF_8)));
                } catch (LabException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(stepper.awaitPending(1, 5000));
            assertEquals("send(11 bytes)", stepper.step().call());
            assertTrue(log.await(Op.SEND, null, 1, 5000));
            assertEquals(3, calls(log));

            // the second send queues at once; the slow receiver's recv joins the line 100 ms after data arrived
            assertTrue(stepper.awaitPending(2, 5000));
            List<Stepper.Pending> line = stepper.pending();
            assertEquals("send(4 bytes)", line.get(0).call());
            assertEquals("recv(1024)", line.get(1).call());
            assertEquals(11, line.get(1).waiting(), "the first message waits in the kernel buffer");

            stepper.step();
            sending.get();
            assertTrue(log.await(Op.SEND, null, 2, 5000));
            assertEquals(4, calls(log));
            stepper.step();
            assertTrue(log.await(Op.RECV, null, 1, 5000));
            assertEquals(5, calls(log));
            TraceEvent recv = null;
            for (int i = 0; i < log.size(); i++) {
                if (log.op(i) == Op.RECV) {
                    recv = log.get(i);
                }
            }
            assertEquals("hello worldhaha", new String(recv.payload(), StandardCharsets.UTF_8), "glued while it waited");

            stepper.setEnabled(false); // stepping off mid-run: everything flows again
            client.finishSending();
            assertTrue(client.awaitServerClose(5000));
            client.close();
        }
    }
}
