package socketlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
        List<String> set = new ArrayList<>();
        PaneSettings panes = new PaneSettings() {
            public void framing(String spec) { set.add("framing " + spec); }
            public void recvBuffer(int bytes) { set.add("recv " + bytes); }
            public void recvDelayMs(int ms) { set.add("delay " + ms); }
            public void gapMs(int ms) { set.add("gap " + ms); }
            public void messages(String lines) { set.add("messages " + lines.replace('\n', '|')); }
            public void generated(int bytes) { set.add("generated " + bytes); }
            public void model(ServerSettings.Model model) { set.add("model " + model); }
            public void reuseAddress(boolean on) { set.add("reuse " + on); }
            public void answerCommands(boolean on) { set.add("commands " + on); }
            public void alterFile(boolean on) { set.add("alter " + on); }
            public void noDelay(boolean on) { set.add("nodelay " + on); }
        };
        new Experiment.Tcp("sticky", null).loadInto(panes);
        assertEquals(List.of("recv 1024", "delay 100", "framing none", "gap 0", "messages hello world|haha"), set,
                "the scenario's own settings, as its run uses them");
        set.clear();
        new Experiment.TimeWait(false).loadInto(panes);
        assertEquals(List.of("reuse false"), set, "the pane shows SO_REUSEADDR off, as the run has it");
        set.clear();
        new Experiment.Tcp("sticky", "header:le").loadInto(panes);
        assertTrue(set.contains("framing header:le") && set.contains("messages hello world|haha"), set.toString());
    }
}
