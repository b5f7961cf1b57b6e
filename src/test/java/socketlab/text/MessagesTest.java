package socketlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlab.net.Explain;
import socketlab.net.LabException;
import socketlab.text.Words;

/**
 * Every word the lab shows exists in English and in Chinese — the window's ({@code ui/messages})
 * and the engine's ({@code text/words}) — and every key the code asks for exists.
 */
class MessagesTest {

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @CsvSource({"/socketlab/text/messages", "/socketlab/text/words"})
    void englishAndChineseHaveTheSameKeysAndPlaceholders(String bundle) throws IOException {
        Properties enP = load(bundle + ".properties");
        Properties zhP = load(bundle + "_zh.properties");
        Set<String> en = new TreeSet<>(enP.stringPropertyNames());
        Set<String> zh = new TreeSet<>(zhP.stringPropertyNames());
        Set<String> missingInZh = new TreeSet<>(en);
        missingInZh.removeAll(zh);
        Set<String> missingInEn = new TreeSet<>(zh);
        missingInEn.removeAll(en);
        assertEquals(Set.of(), missingInZh, "keys missing in " + bundle + "_zh.properties");
        assertEquals(Set.of(), missingInEn, "keys missing in " + bundle + ".properties");
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String key : en) {
            assertEquals(placeholders(placeholder, enP.getProperty(key)), placeholders(placeholder, zhP.getProperty(key)),
                    key + ": the Chinese text fills in the same values as the English");
        }
    }

    private static Set<String> placeholders(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"I18n, /socketlab/text/messages", "Words, /socketlab/text/words"})
    void everyKeyTheCodeAsksForExists(String caller, String bundle) throws IOException {
        Set<String> en = load(bundle + ".properties").stringPropertyNames();
        Pattern tr = Pattern.compile(caller + "\\.tr\\(\"([a-zA-Z0-9.]+)\"");
        Pattern doing = Pattern.compile("Explain\\.io\\(\\w+, \"([a-zA-Z0-9.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/socketlab"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                for (Pattern p : caller.equals("Words") ? new Pattern[] {tr, doing} : new Pattern[] {tr}) {
                    Matcher m = p.matcher(code);
                    while (m.find()) {
                        String key = m.group(1);
                        boolean prefix = key.endsWith("."); // a key made at run time, e.g. "server.model." + name
                        if (prefix ? en.stream().noneMatch(k -> k.startsWith(key)) : !en.contains(key)) {
                            missing.add(m.group(1) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseTextIsReallyChinese() throws IOException {
        assertTrue(load("/socketlab/text/messages_zh.properties").getProperty("server.title").matches(".*\\p{IsHan}.*"),
                "the bundle was read as UTF-8");
        assertTrue(load("/socketlab/text/words_zh.properties").getProperty("port.empty").matches(".*\\p{IsHan}.*"));
    }

    @Test
    void theEnginesMessagesFollowTheWindowsLanguage() {
        try {
            I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
            LabException zh = assertThrows(LabException.class, () -> Explain.port("99999"));
            assertEquals("端口 99999 超出了 0–65535：TCP 端口是一个 16 位的数。", zh.getMessage());
            assertEquals("对方在一帧中间关闭了：4 个长度字节只收到 2 个。", Words.sentence(Words.tr("incomplete.lengthField", 2)));
            java.io.IOException bad = assertThrows(java.io.IOException.class, () -> socketlab.scenario.ScenarioFile.parse(
                    "{\"format\": \"socketlab-scenario/1\",\n \"id\": \"x\",\n \"title\": \"t\",\n \"messages\": [],\n \"gap_ms\": 5}", "课.json"));
            assertEquals("课.json 第 4 行：\"messages\" 必须是 1 到 1000 条消息的列表", bad.getMessage(), "a teacher's file is checked in Chinese too");
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
        LabException en = assertThrows(LabException.class, () -> Explain.port("99999"));
        assertEquals("Port 99999 is outside 0–65535: a TCP port is a 16-bit number.", en.getMessage());
        assertEquals("The peer closed mid-frame: got 2 of the 4 length bytes.", Words.sentence(Words.tr("incomplete.lengthField", 2)));
    }

    @Test
    void oneWayToFillInWordsTheWindowGroupsItsNumbersTheEngineKeepsThemPlainAndAPortIsText() {
        try {
            I18n.setLocale(Locale.ENGLISH);
            assertEquals("Use port 45465", I18n.tr("server.useFree", "45465"), "a port, passed as text: never grouped");
            assertTrue(I18n.tr("timeline.split", 1025).contains("1,025"), "a count in the window: grouped");
            assertTrue(I18n.tr("inspector.lengthField", 1, "6C6C6568", 1, 2).contains("struct 'i'"),
                    "an apostrophe stays one (MessageFormat ate it as a quote)");
            assertEquals("the peer closed mid-frame: got 2 of the 4 length bytes", Words.tr("incomplete.lengthField", 2));
            assertTrue(Words.tr("scenario.integer", 0, 60000, 99999).contains("0–60000, got 99999"),
                    "the engine's words go into traces that scripts read: plain digits");
        } finally {
            I18n.setLocale(Locale.ENGLISH);
        }
    }
}
