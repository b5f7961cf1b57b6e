package socketlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;

/** A scenario's generated payload and its value semantics. */
class ScenarioTest {

    /** What the payload was before its digits were written by hand: numbered lines, cut at n bytes. */
    private static byte[] numberedLines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int row = 0; sb.length() < n; row++) {
            sb.append(String.format("%07d", row)).append(" socket lab: a message cut into chunks by the stream\n");
        }
        return sb.substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void generatedPayloadIsNumberedLinesCutAtAnyLength() {
        for (int n : new int[] {0, 1, 6, 7, 8, 59, 60, 61, 1000, Scenario.ONE_MIB, Scenario.ONE_MIB + 3}) {
            assertArrayEquals(numberedLines(n), Scenario.generated(n), "n = " + n);
        }
    }

    @Test
    void scenariosAreEqualExactlyWhenEveryPartIs() {
        List<byte[]> messages = List.of("a".getBytes(StandardCharsets.UTF_8));
        Scenario a = new Scenario("x", "X", messages, 1024, 100, List.of(2), Framing.parse("length:le"), 0, Map.of("en", "X"), Map.of());
        Scenario same = new Scenario("x", "X", messages, 1024, 100, List.of(2), Framing.parse("length:le"), 0, Map.of("en", "X"), Map.of());
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, new Scenario("x", "X", messages, 1024, 101, List.of(2), Framing.parse("length:le"), 0, Map.of("en", "X"), Map.of()));
        assertNotEquals(a, new Scenario("x", "X", messages, 1024, 100, List.of(2), Framing.parse("length:be"), 0, Map.of("en", "X"), Map.of()));
        assertNotEquals(a, new Scenario("y", "X", messages, 1024, 100, List.of(2), Framing.parse("length:le"), 0, Map.of("en", "X"), Map.of()));
        assertNotEquals(a, new Scenario("x", "X", messages, 1024, 100, List.of(2), Framing.parse("length:le"), 0, Map.of("en", "X"),
                Map.of("en", "a note")));
    }
}
