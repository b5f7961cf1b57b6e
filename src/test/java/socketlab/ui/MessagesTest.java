package socketlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word the window shows exists in English and in Chinese, and every key the code asks for exists. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/socketlab/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh.properties").stringPropertyNames());
        Set<String> missingInZh = new TreeSet<>(en);
        missingInZh.removeAll(zh);
        Set<String> missingInEn = new TreeSet<>(zh);
        missingInEn.removeAll(en);
        assertEquals(Set.of(), missingInZh, "keys missing in messages_zh.properties");
        assertEquals(Set.of(), missingInEn, "keys missing in messages.properties");
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Pattern tr = Pattern.compile("I18n\\.tr\\(\"([a-zA-Z0-9.]+)\"");
        Set<String> missing = new TreeSet<>();
        Path src = Path.of("src/main/java/socketlab/ui");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = tr.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseTextIsReallyChinese() throws IOException {
        Properties zh = load("messages_zh.properties");
        assertTrue(zh.getProperty("server.title").matches(".*\\p{IsHan}.*"), "the bundle was read as UTF-8");
    }
}
