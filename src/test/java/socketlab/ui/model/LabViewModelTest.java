package socketlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.exec.TaskExecutor;
import socketlab.trace.ConnectionRow;

/**
 * The view models without JavaFX's toolkit: properties and lists work on any thread, and with the
 * same-thread executor each action returns with its task done. Real loopback sockets throughout.
 */
class LabViewModelTest {

    @Test
    void brokenVsFixedRecordsTwoRowsAndSaysWhatEachMeasured() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.runs().runComparison(); // the sticky case, then with header:le
        assertFalse(vm.runs().scenarioRunningProperty().get(), "the run is over when the call returns");
        vm.refresh();
        List<ConnectionRow> rows = ConnectionRow.of(vm.shownIndex());
        assertEquals(2, rows.size(), "one row for the broken run, one for the fixed");
        String status = vm.scenarioStatusProperty().get();
        assertTrue(status.startsWith("none: glued 1, split 0, 0 of 2 messages arrived as sent") && status.contains("header:le: glued 1"),
                status);
        assertTrue(status.contains("2 of 2 messages arrived as sent"), "the fixed run: " + status);
        String rowMs = String.format("%.1f", (rows.get(0).endNs(vm.log()) - rows.get(0).startNs(vm.log())) / 1e6);
        assertTrue(status.contains(rowMs + " ms"), "the summary's time is its row's, " + rowMs + " ms: " + status);
        assertEquals(2, vm.gluedProperty().get(), "both runs' receivers got the two messages in one recv()");
        assertEquals(3, vm.server().messages().size(), "hello worldhaha (✗), then hello world and haha (✓)");
    }

    @Test
    void aSavedRunOpensAgainInPlaceOfTheRunAndSaysSo(@TempDir Path dir) throws IOException {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.runs().runScenario();
        vm.refresh();
        int recorded = vm.log().size();
        Path file = dir.resolve("run.jsonl");
        vm.files().saveTrace(file);
        assertTrue(Files.size(file) > 0);
        assertTrue(vm.scenarioStatusProperty().get().contains("run.jsonl"), vm.scenarioStatusProperty().get());

        vm.clear();
        assertEquals(0, vm.log().size(), "Clear starts a new trace");
        vm.files().openTrace(file);
        assertEquals(recorded, vm.log().size(), "every event came back");
        assertEquals(1, ConnectionRow.of(vm.shownIndex()).size());
        assertTrue(vm.scenarioStatusProperty().get().contains("run.jsonl"), vm.scenarioStatusProperty().get());
    }

    @Test
    void aTraceThatCannotBeReadIsRefusedOnTheStatusLineAndTheRunStays(@TempDir Path dir) throws IOException {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.runs().runScenario();
        vm.refresh();
        int recorded = vm.log().size();
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"op\": \"send\", \"t_ns\": \n");
        vm.files().openTrace(bad);
        assertEquals(recorded, vm.log().size(), "nothing recorded is lost");
        assertTrue(vm.scenarioStatusProperty().get().contains("bad.jsonl"), vm.scenarioStatusProperty().get());
    }

    @Test
    void theWindowIsLiveExactlyWhileOneOfItsSocketsIsOpen() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        assertFalse(vm.liveProperty().get(), "nothing open: nothing can arrive, the window may stop polling");
        vm.server().portProperty().set("0");
        vm.server().start();
        assertTrue(vm.server().runningProperty().get(), vm.server().errorProperty().get());
        assertTrue(vm.liveProperty().get(), "a listening server can be reached at any moment");
        vm.server().stop();
        assertFalse(vm.liveProperty().get());
    }

    @Test
    void F7RewordsWhatTheWindowAlreadySaidTheStatusLineThePanesErrorAndTheRowsInTheLists() throws IOException {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            vm.server().portProperty().set(String.valueOf(taken.getLocalPort()));
            vm.server().start();
            String english = vm.server().errorProperty().get();
            assertTrue(english.startsWith("Port " + taken.getLocalPort() + " is already in use"), english);
            vm.runs().runComparison();
            vm.refresh();
            String summary = vm.scenarioStatusProperty().get();
            assertTrue(summary.contains("glued"), summary);
            try {
                socketlab.text.I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
                vm.relabel();
                assertTrue(vm.server().errorProperty().get().startsWith("端口 " + taken.getLocalPort() + " 已被占用"),
                        vm.server().errorProperty().get());
                assertFalse(vm.scenarioStatusProperty().get().contains("glued"), "the summaries too: " + vm.scenarioStatusProperty().get());
                assertTrue(vm.scenarioStatusProperty().get().contains(StatusLine.BETWEEN.strip()), "both runs still said");
                assertTrue(vm.server().statusProperty().get().matches(".*\\p{IsHan}.*"), vm.server().statusProperty().get());
            } finally {
                socketlab.text.I18n.setLocale(java.util.Locale.ENGLISH);
            }
        }
    }

    @Test
    void whereTheKernelsStateCannotBeReadTheLayersLineSaysWhyAndRewordsOnF7() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        assertEquals("", vm.layersProperty().get(), "nothing to say outside wire mode with the kernel read");
        vm.kernelUnseen(socketlab.text.Phrase.of("kernel.notLinux", "Windows 11"));
        String english = vm.layersProperty().get();
        assertTrue(english.startsWith("No kernel state") && english.contains("Windows 11") && english.contains("TCP_INFO"), english);
        assertEquals("No kernel state", vm.layersBriefProperty().get());
        try {
            socketlab.text.I18n.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            vm.relabel();
            assertTrue(vm.layersProperty().get().startsWith("看不到内核状态") && vm.layersProperty().get().contains("Windows 11"),
                    vm.layersProperty().get());
            assertEquals("无内核状态", vm.layersBriefProperty().get());
        } finally {
            socketlab.text.I18n.setLocale(java.util.Locale.ENGLISH);
        }
        vm.kernelUnseen(null);
        assertEquals("", vm.layersProperty().get(), "said no more once it can be read");
    }

    @Test
    void aScenarioRunPutsWhatItRanWithIntoThePanesSoSendDoesItAgain() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        socketlab.scenario.Scenario partial = socketlab.scenario.Scenario.PARTIAL;
        vm.server().recvBufferProperty().set(partial.recvBuffer() + 7);
        vm.client().messagesTextProperty().set("something else");
        vm.runs().scenarioProperty().set(partial);
        vm.runs().runScenario();
        assertEquals(partial.recvBuffer(), vm.server().recvBufferProperty().get());
        assertEquals(partial.recvDelayMs(), vm.server().recvDelayMsProperty().get());
        assertEquals(partial.gapMs(), vm.client().gapMsProperty().get());
        assertEquals(partial.framing().spec(), vm.server().framingProperty().get());
        assertFalse(vm.client().messagesTextProperty().get().contains("something else"), vm.client().messagesTextProperty().get());

        vm.runs().scenarioProperty().set(socketlab.scenario.Scenario.STICKY);
        vm.runs().runComparison();
        assertEquals("hello world\nhaha", vm.client().messagesTextProperty().get());
        assertEquals("header:le", vm.client().framingProperty().get(), "of broken vs fixed, the panes hold the fixed run");
        assertEquals("header:le", vm.server().framingProperty().get());
    }

    @Test
    void aStudentsProgramRunFromTheWindowIsARowBesideTheLabsServerAndItsRunIsInTheConsole(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(python(), "python3 is not installed");
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.server().portProperty().set("0");
        vm.server().recvDelayMsProperty().set(200);
        vm.server().start();
        int port = vm.server().boundPortProperty().get();
        Path client;
        try (var in = getClass().getResourceAsStream("/probe/sticky_client.py")) {
            client = Files.writeString(dir.resolve("sticky_client.py"),
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("8080", String.valueOf(port)));
        }
        vm.programs().run(List.of(List.of(client.toString())), socketlab.codec.Framing.NONE, "python3"); // same thread: returns when it ended
        assertFalse(vm.programs().runningProperty().get());
        assertTrue(vm.log().await(socketlab.trace.Op.EOF, socketlab.trace.Side.SERVER, 1, 10_000));
        vm.refresh();
        List<ConnectionRow> rows = ConnectionRow.of(vm.shownIndex());
        assertEquals(1, rows.size(), "the student's client and the lab's server pair into one row");
        assertEquals(1, vm.gluedProperty().get(), "its two sends glued in the lab's one recv()");
        assertTrue(vm.programs().consoleProperty().get().contains("sticky_client.py"), vm.programs().consoleProperty().get());
        assertTrue(vm.scenarioStatusProperty().get().contains("0"), "its exit status: " + vm.scenarioStatusProperty().get());
        vm.server().stop();
    }

    @Test
    void aLongRunIsCancelledByClearWhichFreesTheRunButtonsAtOnce() throws Exception {
        LabViewModel vm = new LabViewModel(socketlab.exec.TaskRunner.threads(), Runnable::run);
        List<byte[]> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        // 57 s: within what a run may take (a longer one is refused before it starts), far longer than the test waits
        socketlab.scenario.Scenario slow = new socketlab.scenario.Scenario("slow", "20 sends 3 s apart", many, 1024, 0,
                List.of(), socketlab.codec.Framing.NONE, 3_000, java.util.Map.of(), java.util.Map.of());
        vm.runs().scenarioProperty().set(slow);
        socketlab.trace.TraceLog first = vm.log();
        vm.runs().runScenario();
        assertTrue(first.await(socketlab.trace.Op.SEND, socketlab.trace.Side.CLIENT, 1, 10_000), "the run got going");
        assertTrue(vm.runs().scenarioRunningProperty().get());
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        vm.runs().scenarioRunningProperty().addListener((o, was, now) -> {
            if (!now) {
                stopped.countDown();
            }
        });
        vm.clear();
        assertTrue(stopped.await(10, java.util.concurrent.TimeUnit.SECONDS), "the run stopped: the buttons are free again");
        assertTrue(first.size() > 0, "what it recorded before is still in its trace");
        vm.shutdown();
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void pastTheMemoryBudgetTheStatusBarSaysRecordingPausedWithTheCallsCountedSince() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread(), new socketlab.trace.MemoryBudget(1 << 20));
        assertEquals("", vm.unrecordedProperty().get(), "nothing to say while everything is recorded");
        socketlab.trace.TraceLog.Lane lane = vm.log().newLane(); // what a receive loop does, as fast as it can
        int calls = 100_000;
        for (int i = 0; i < calls; i++) {
            lane.io(socketlab.trace.Op.RECV, socketlab.trace.Side.SERVER, 1, 100L * i, 100, 1024, -1, 1, null, 0);
        }
        vm.refresh();
        int recorded = vm.log().size();
        String said = vm.unrecordedProperty().get();
        assertTrue(said.startsWith("Recording paused at " + String.format("%,d", recorded) + " events"), said);
        assertTrue(said.contains(String.format("%,d calls", calls - recorded)), "the calls counted since: " + said);
        lane.io(socketlab.trace.Op.EOF, socketlab.trace.Side.SERVER, 1, 100L * calls, 0, 1024, -1, 1, null, 0);
        do { // a pulse takes in what its time allows: the pulses after catch up
            vm.refresh();
        } while (vm.index().behind());
        assertTrue(vm.unrecordedProperty().get().contains(String.format("%,d calls", calls - recorded)),
                "the connection ended: its count is an event now, and still said: " + vm.unrecordedProperty().get());
        vm.clear();
        assertEquals("", vm.unrecordedProperty().get(), "Clear starts a new log with the whole budget");
    }

    @Test
    void underEveryFixARunPastALimitIsSaidInItsPlaceAndTheOthersStillRun() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        java.util.List<byte[]> messages = new java.util.ArrayList<>(java.util.Collections.nCopies(301, new byte[] {'a'}));
        messages.add(socketlab.scenario.Scenario.generated(1 << 20));
        vm.runs().scenarioProperty().set(new socketlab.scenario.Scenario("many", "many", messages, 65536, 0, List.of(),
                socketlab.codec.Framing.NONE));
        vm.runs().runAllFixes(); // none, sleep:200 (301 pauses: 60.2 s), fixed:1048576 (302 MiB padded), length, header
        vm.refresh();
        String status = vm.scenarioStatusProperty().get();
        assertTrue(status.contains("Not run (sleep:200): its pauses between messages add up to 60 s"), status);
        assertTrue(status.contains("Not run (fixed:1048576): it would put 316669952 bytes on the wire"), status);
        assertTrue(status.contains("length:le: glued") && status.contains("header:le: glued"), "the other fixes ran: " + status);
        assertEquals(3, ConnectionRow.of(vm.shownIndex()).size(), "none, length and header: one row each");
    }

    @Test
    void aTraceTooLargeForOnePulseKeepsTheWindowLiveUntilItIsAllTakenIn() {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        socketlab.trace.TraceLog.Lane lane = vm.log().newLane();
        for (int i = 0; i < 200_000; i++) { // more than one pulse takes in: 8,192 events at least, 8 ms at most
            lane.io(socketlab.trace.Op.RECV, socketlab.trace.Side.SERVER, 1, i, 1, 8, -1, 1, null, 0);
        }
        int pulses = 0;
        do {
            vm.refresh();
            pulses++;
        } while (vm.liveProperty().get() && pulses < 1000); // the window's timer runs while live, then stops
        assertFalse(vm.index().behind(), "every event taken in before the pulses stop");
        assertFalse(vm.liveProperty().get());
        assertEquals(200_000, vm.eventsProperty().get());
    }
}
