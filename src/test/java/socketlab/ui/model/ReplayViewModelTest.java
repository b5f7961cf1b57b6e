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
}
