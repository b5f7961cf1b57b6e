package socketlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.net.ServerSettings;

/** A lesson file's experiment becomes its type once, with the file's options read into fields. */
class ExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Experiment parse(String json) throws Exception {
        return Experiment.fromJson(JSON.readTree(json));
    }

    @Test
    void optionsBecomeTheFieldsOfTheKindsType() throws Exception {
        assertEquals(new Experiment.Quit("reset"), parse("{\"kind\": \"quit\", \"options\": {\"how\": \"reset\"}}"));
        assertEquals(new Experiment.Models(ServerSettings.Model.SELECTOR, 3, 100),
                parse("{\"kind\": \"models\", \"recv_delay_ms\": 100, \"options\": {\"model\": \"selector\"}}"));
        assertEquals(new Experiment.Udp(List.of("hello world"), 5, 0),
                parse("{\"kind\": \"udp\", \"messages\": [\"hello world\"], \"recv_buffer\": 5}"));
        assertEquals(new Experiment.TimeWait(false), parse("{\"kind\": \"time-wait\"}"), "SO_REUSEADDR off unless the file says on");
    }

    @Test
    void anUnknownKindIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("{\"kind\": \"telnet\"}"));
        assertTrue(e.getMessage().contains("\"telnet\""), e.getMessage());
    }

    @Test
    void whatALessonLoadsIntoThePanesIsWhatItRuns() {
        PaneSettings sticky = new Experiment.Tcp("sticky", null).panes();
        assertEquals(1024, sticky.get(PaneSettings.RECV_BUFFER));
        assertEquals(100, sticky.get(PaneSettings.RECV_DELAY_MS));
        assertEquals("none", sticky.get(PaneSettings.FRAMING));
        assertEquals(0, sticky.get(PaneSettings.GAP_MS));
        assertEquals("hello world\nhaha", sticky.get(PaneSettings.MESSAGES), "the scenario's own settings, as its run uses them");
        assertEquals(0, sticky.get(PaneSettings.GENERATED), "and no generated message");

        PaneSettings timeWait = new Experiment.TimeWait(false).panes();
        assertEquals(false, timeWait.get(PaneSettings.REUSE_ADDRESS), "the pane shows SO_REUSEADDR off, as the run has it");
        assertEquals(null, timeWait.get(PaneSettings.RECV_BUFFER), "what the run does not use stays as the pane has it");

        PaneSettings fixed = new Experiment.Tcp("sticky", "header:le").panes();
        assertEquals("header:le", fixed.get(PaneSettings.FRAMING));
        assertEquals("hello world\nhaha", fixed.get(PaneSettings.MESSAGES));
        assertEquals(PaneSettings.NONE.toString(), new Experiment.Udp(java.util.List.of("a"), 1024, 0).panes().toString(),
                "UDP: the panes are TCP's, nothing to load");
    }

    @Test
    void aLessonsPanesStartFromTheDefaultsAndItsOwnSettingsWin() {
        PaneSettings p = PaneSettings.RESET.then(new Experiment.Models(ServerSettings.Model.SELECTOR, 3, 200).panes());
        assertEquals(ServerSettings.Model.SELECTOR, p.get(PaneSettings.MODEL));
        assertEquals(true, p.get(PaneSettings.REUSE_ADDRESS));
        assertEquals(200, p.get(PaneSettings.RECV_DELAY_MS));
    }
}
