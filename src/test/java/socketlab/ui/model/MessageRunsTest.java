package socketlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlab.exec.TaskExecutor;

/** After several runs, each decoded message says which connection (the timeline's row number) and which run it came from. */
class MessageRunsTest {

    @Test
    void eachMessageCarriesItsRowNumberAndItsRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two-runs.jsonl");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            socketlab.trace.TraceFile.write(socketlab.trace.RunsTest.twice(10_000_000_000L),
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), w);
        }
        LabViewModel vm = new LabViewModel(TaskExecutor.sameThread());
        vm.files().openTrace(file);
        vm.refresh();
        List<MessageRow> rows = List.copyOf(vm.server().messages());
        assertEquals(6, rows.size(), "three decoded messages a run: " + rows);
        java.util.Map<Integer, Integer> numbers = socketlab.trace.ConnectionRow.numbers(vm.shownIndex());
        for (MessageRow r : rows) {
            assertEquals((int) numbers.get(r.conn()), r.row(), "the timeline's number of the message's connection");
            assertEquals(r.row() <= 2 ? 0 : 1, r.run(), "rows #1 and #2 are the first run, #3 and #4 the second: " + r);
        }
        assertTrue(rows.stream().anyMatch(r -> r.run() == 1), "the second run's messages are told apart");
    }
}
