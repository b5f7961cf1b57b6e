package socketlab.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The tutorial's "remote command" server, made safe: a fixed, built-in set of harmless commands
 * whose answers are computed here. Whatever arrives on the socket is only ever compared with these
 * names — it is never handed to a shell, a process or the file system.
 *
 * <ul>
 *   <li>{@code help} — the commands;</li>
 *   <li>{@code ls} (or {@code dir}) — a listing of the lab's own lesson files, with sizes and titles
 *       (read from inside the lab, so the answer is real and longer than one recv(1024));</li>
 *   <li>{@code pwd} — the lab folder's name, a short answer;</li>
 *   <li>{@code date} — the time now;</li>
 *   <li>{@code text N} — N bytes of generated text (at most 1 MiB).</li>
 * </ul>
 */
public final class Commands {
    public static final int MAX_TEXT = 1 << 20;
    private static final String ASSETS = "/socketlab/assets/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Commands() {
    }

    /** The answer to one command line (UTF-8); unknown commands get a sentence, never an execution. */
    public static byte[] answer(byte[] request) {
        String line = new String(request, StandardCharsets.UTF_8).trim();
        String[] w = line.split("\\s+", 2);
        String out = switch (w[0].toLowerCase(Locale.ROOT)) {
            case "help" -> "commands: help, ls, dir, pwd, date, text N (N bytes of text, at most 1048576)\n";
            case "ls", "dir" -> listing();
            case "pwd" -> "/socketlab/lab\n";
            case "date" -> ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\n";
            case "text" -> text(w.length > 1 ? w[1] : "");
            case "" -> "";
            default -> "unknown command \"" + abbreviate(line) + "\": this lab answers only help, ls, dir, pwd, date, text N"
                    + " — it never runs what arrives on a socket\n";
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String n) {
        int size;
        try {
            size = Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            return "text N: N must be a whole number of bytes\n";
        }
        if (size < 0 || size > MAX_TEXT) {
            return "text N: N must be 0 to " + MAX_TEXT + "\n";
        }
        StringBuilder sb = new StringBuilder(size);
        for (int line = 1; sb.length() < size; line++) {
            sb.append(String.format(Locale.ROOT, "line %05d: the quick brown fox jumps over the lazy dog%n", line));
        }
        sb.setLength(size);
        return sb.toString();
    }

    /** The lab's own lesson files, like {@code ls -l}: size, name, title. */
    static String listing() {
        StringBuilder sb = new StringBuilder();
        for (String dir : new String[] {"lessons"}) {
            sb.append(dir).append("/:\n");
            try (InputStream in = Commands.class.getResourceAsStream(ASSETS + dir + "/index.json")) {
                if (in == null) {
                    continue;
                }
                for (JsonNode id : JSON.readTree(in)) {
                    String name = id.asText() + ".json";
                    byte[] file;
                    try (InputStream f = Commands.class.getResourceAsStream(ASSETS + dir + "/" + name)) {
                        file = f == null ? new byte[0] : f.readAllBytes();
                    }
                    String title = "";
                    if (file.length > 0) {
                        JsonNode n = JSON.readTree(file);
                        title = n.path("texts").path("en").path("title").asText("");
                    }
                    sb.append(String.format(Locale.ROOT, "  -r--r--r--  %,7d  %-28s %s%n", file.length, name, title));
                }
            } catch (IOException e) {
                sb.append("  (unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
