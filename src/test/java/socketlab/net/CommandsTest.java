package socketlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;
import socketlab.trace.TraceLog;

/** The remote-command server answers from a fixed set and never runs what it receives. */
class CommandsTest {

    static String answer(String request) {
        return new String(Commands.answer(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void shellCommandsAreNamedAsUnknownAndNeverRun() {
        for (String evil : List.of("rm -rf /", "cat /etc/passwd", "ls; touch /tmp/socketlab-pwned", "$(reboot)")) {
            String a = answer(evil);
            assertTrue(a.startsWith("unknown command"), evil + " → " + a);
            assertTrue(a.contains("never runs what arrives on a socket"));
        }
        assertTrue(!new java.io.File("/tmp/socketlab-pwned").exists());
    }

    @Test
    void lsIsLongerThanOneRecvAndTextGivesExactlyNBytes() {
        assertTrue(Commands.answer("ls".getBytes()).length > 1024, "ls must spill over a recv(1024)");
        assertTrue(answer("ls").contains("ch9-remote-command.json"));
        assertEquals(5000, Commands.answer("text 5000".getBytes()).length);
        assertTrue(answer("text 99999999").startsWith("text N: N must be"));
    }

    @Test
    void withNoFramingTheNextRequestReadsTheRestOfTheLastAnswerAndWithAHeaderItsOwn() throws Exception {
        for (Framing framing : List.of(Framing.NONE, Framing.HEADER)) {
            TraceLog log = new TraceLog();
            try (LabServer server = new LabServer(log, ServerSettings.defaults().withPort(0).withFraming(framing))
                    .answerCommands(true);
                 RequestClient client = new RequestClient(log, server.start(), framing, 1024)) {
                byte[] ls = client.ask("ls".getBytes());
                byte[] pwd = client.ask("pwd".getBytes());
                byte[] full = Commands.answer("ls".getBytes());
                if (framing == Framing.NONE) {
                    assertEquals(1024, ls.length, "one recv(1024) of a longer answer");
                    assertEquals(new String(full, 1024, Math.min(1024, full.length - 1024), StandardCharsets.UTF_8),
                            new String(pwd, StandardCharsets.UTF_8), "pwd's recv returned the rest of ls");
                } else {
                    assertEquals(full.length, ls.length);
                    assertEquals("/socketlab/lab\n", new String(pwd, StandardCharsets.UTF_8));
                }
            }
        }
    }
}
