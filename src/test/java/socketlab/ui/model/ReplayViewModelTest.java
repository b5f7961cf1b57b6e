package socketlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.exec.TaskExecutor;

/** Replay of a run: it starts at the run's first event, plays long pauses short, and knows a saved trace from a live one. */
class ReplayViewModelTest {

    @Test
    void aPauseLongerThanASecondIsPlayedAsAQuarterSecondBeforeTheNextEventAndAShortOneAsItWas() {
        long minute = 60_000_000_000L;
        assertEquals(minute - ReplayViewModel.IDLE_LEAD_NS, ReplayViewModel.skipIdle(0, minute),
                "a run started a minute after the window: the player goes on a quarter second before it");
        assertEquals(5_000_000L, ReplayViewModel.skipIdle(5_000_000L, 900_000_000L), "0.9 s between two sends: played as it was");
        assertEquals(2_000_000_000L, ReplayViewModel.skipIdle(2_000_000_000L, 2_000_000_000L), "nothing left to skip");
    }

    @Test
    void replayStartsAtTheFirstEventAndATraceOpenedFromAFileIsSavedUntilSomethingIsRecordedIntoIt(@TempDir Path dir) {
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        assertEquals(0, vm.replay().start(), "an empty log has only position 0");
        vm.runs().runScenario();
        vm.refresh();
        assertEquals(1, vm.replay().start(), "position 0 would show nothing at all");
        assertFalse(vm.replay().saved(), "recorded here: live");
        Path file = dir.resolve("run.jsonl");
        vm.files().saveTrace(file);
        vm.clear();
        vm.files().openTrace(file);
        assertTrue(vm.replay().saved(), "opened from a file: nothing in it is live");
        vm.runs().runScenario();
        vm.refresh();
        assertFalse(vm.replay().saved(), "a run recorded into it since: live again");
        vm.clear();
        assertFalse(vm.replay().saved());
    }

    @Test
    void toTheStartGoesToTheStartOfTheRunShownAndThereToTheStartOfTheRunBefore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two-runs.jsonl");
        socketlab.trace.TraceLog two = socketlab.trace.RunsTest.twice(10_000_000_000L);
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            socketlab.trace.TraceFile.write(two, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), w);
        }
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.files().openTrace(file);
        vm.refresh();
        ReplayViewModel r = vm.replay();
        assertEquals(2, r.runs());
        int second = r.runFirst(1);
        assertTrue(second > 1 && second <= r.recorded(), "the second run begins inside the trace: " + second);
        assertEquals(second, r.startFrom(-1), "from the end (live or saved): the last run's start, not event 1");
        r.replayTo(r.recorded() - 3);
        assertEquals(1, r.runAt(r.replayProperty().get()));
        assertEquals(second, r.startFrom(r.replayProperty().get()), "inside the second run: its start");
        r.replayTo(second);
        assertEquals(1, r.startFrom(second), "at its start already: the first run's start (its first event)");
        assertEquals(second - 1, r.runEnd(0), "the first run ends where the second begins");
        assertEquals(r.recorded(), r.runEnd(1));
    }
}
