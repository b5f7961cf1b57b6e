package socketlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import socketlab.codec.Framing;

/** Scenario files: the built-ins load from assets/, and a bad file names its field and line. */
class ScenarioFileTest {

    static final String GOOD = """
            {
              "format": "socketlab-scenario/1",
              "id": "three",
              "title": {"en": "Three sends", "zh": "三次发送"},
              "notes": "Watch them glue.",
              "messages": ["a", "bb", {"generate": 10}],
              "framing": "length:be",
              "gap_ms": 5,
              "recv_buffer": 64,
              "recv_delay_ms": 80,
              "recv_sizes": [1, 2]
            }
            """;

    @Test
    void aGoodFileBecomesAScenario() throws Exception {
        Scenario s = ScenarioFile.parse(GOOD, "three.json");
        assertEquals("three", s.id());
        assertEquals("三次发送", s.title("zh"));
        assertEquals("Three sends", s.title("fr"));
        assertEquals("Watch them glue.", s.notes("zh"));
        assertEquals(3, s.messages().size());
        assertEquals("bb", new String(s.messages().get(1), StandardCharsets.UTF_8));
        assertEquals(10, s.messages().get(2).length);
        assertEquals(Framing.parse("length:be"), s.framing());
        assertEquals(5, s.gapMs());
        assertEquals(List.of(1, 2), s.recvSizes());
        assertEquals(5, s.clientSettings(9).gapMs());
    }

    @Test
    void theBuiltInScenariosAreShippedAsFiles() {
        assertEquals(List.of("sticky", "partial", "big", "sleep-too-short", "chinese"),
                Scenario.builtIn().stream().map(Scenario::id).toList());
        assertEquals(Scenario.ONE_MIB, Scenario.BIG.messages().get(0).length);
        assertEquals(List.of(2, 20), Scenario.PARTIAL.recvSizes());
        assertTrue(Scenario.STICKY.title("zh").contains("接收方较慢"));
        assertTrue(Scenario.STICKY.notes("zh").contains("粘包"));
    }

    static ScenarioFile.BadScenarioException bad(String text) {
        return assertThrows(ScenarioFile.BadScenarioException.class, () -> ScenarioFile.parse(text, "s.json"));
    }

    @Test
    void aValueOutOfRangeNamesItsFieldAndLine() {
        ScenarioFile.BadScenarioException e = bad(GOOD.replace("\"recv_delay_ms\": 80", "\"recv_delay_ms\": 99999"));
        assertEquals("recv_delay_ms", e.field());
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("s.json line 10: \"recv_delay_ms\" must be a whole number 0–60000, got 99999"),
                e.getMessage());
    }

    @Test
    void sizesAreBoundedSoAFileCannotAllocateGigabytes() {
        ScenarioFile.BadScenarioException e = bad(GOOD.replace("{\"generate\": 10}", "{\"generate\": 4000000000}"));
        assertEquals("messages", e.field());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("16777216"), e.getMessage());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            many.append(i > 0 ? "," : "").append("{\"generate\": 16000000}");
        }
        assertTrue(bad(GOOD.replace("[\"a\", \"bb\", {\"generate\": 10}]", many + "]")).getMessage()
                .contains("add up to more than"));
    }

    @Test
    void unknownFieldsMissingFieldsAndBadFramingsAreNamed() {
        assertEquals("recv_buffr", bad(GOOD.replace("\"recv_buffer\"", "\"recv_buffr\"")).field());
        assertEquals("messages", bad(GOOD.replace("\"messages\": [\"a\", \"bb\", {\"generate\": 10}],", "")).field());
        ScenarioFile.BadScenarioException f = bad(GOOD.replace("length:be", "lenght"));
        assertEquals("framing", f.field());
        assertEquals(7, f.line());
        assertEquals("format", bad(GOOD.replace("socketlab-scenario/1", "v2")).field());
        ScenarioFile.BadScenarioException json = bad("{\n  \"id\": \"x\",\n  oops\n}");
        assertEquals(3, json.line());
        assertTrue(json.getMessage().contains("not valid JSON"));
    }

    @Test
    void aFileWithAByteOrderMarkOpensAndOneThatIsNotUtf8NamesItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bom = dir.resolve("bom.json");
        byte[] text = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        java.nio.file.Files.write(bom, withBom);
        assertEquals("three", ScenarioFile.read(bom).id(), "a BOM (Notepad writes one) is skipped");

        java.nio.file.Path latin1 = dir.resolve("latin1.json");
        java.nio.file.Files.write(latin1, GOOD.replace("Watch them glue.", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        String said = assertThrows(ScenarioFile.BadScenarioException.class, () -> ScenarioFile.read(latin1)).getMessage();
        assertTrue(said.contains("latin1.json") && said.contains("line 5") && said.contains("not UTF-8"), said);

        java.nio.file.Path utf16 = dir.resolve("utf16.json");
        java.nio.file.Files.write(utf16, GOOD.getBytes(StandardCharsets.UTF_16)); // Java writes the FE FF mark
        said = assertThrows(ScenarioFile.BadScenarioException.class, () -> ScenarioFile.read(utf16)).getMessage();
        assertTrue(said.contains("UTF-16") && said.contains("Save it as UTF-8"), said);
    }

    @Test
    void aPlainTitleHasTheSameLimitAsEachLanguagesTitle() {
        ScenarioFile.BadScenarioException e = bad(GOOD.replace("\"Watch them glue.\"", "\"" + "x".repeat(1_000_000) + "\""));
        assertEquals("notes", e.field());
        assertTrue(e.getMessage().contains("at most 4000 characters, got 1000000"), e.getMessage());
    }

    @Test
    void aWrittenScenarioReadsBackAsTheSameScenarioForEveryBuiltInAndAHandWrittenOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<Scenario> all = new java.util.ArrayList<>(Scenario.builtIn());
        all.add(ScenarioFile.parse(GOOD, "three.json"));
        for (Scenario s : all) {
            java.nio.file.Path file = dir.resolve(s.id() + ".json");
            ScenarioWriter.write(s, file);
            Scenario back = ScenarioFile.read(file);
            assertEquals(s.id(), back.id());
            assertEquals(s.titles(), back.titles(), s.id());
            assertEquals(s.notes(), back.notes(), s.id());
            assertEquals(s.messages().size(), back.messages().size(), s.id());
            for (int k = 0; k < s.messages().size(); k++) {
                assertTrue(java.util.Arrays.equals(s.messages().get(k), back.messages().get(k)), s.id() + " message " + k);
            }
            assertEquals(s.framing(), back.framing(), s.id());
            assertEquals(List.of(s.gapMs(), s.recvBuffer(), s.recvDelayMs()), List.of(back.gapMs(), back.recvBuffer(), back.recvDelayMs()), s.id());
            assertEquals(s.recvSizes(), back.recvSizes(), s.id());
        }
        assertTrue(java.nio.file.Files.size(dir.resolve("big.json")) < 2000,
                "the 1 MiB message is written as {\"generate\": 1048576}, not as its megabyte");
    }
}
