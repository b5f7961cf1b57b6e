import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the runtime image from jlink.json, the one description of it. Run by `mvn package`
 * (exec-maven-plugin) as a single-file program:
 *
 *   java -cp CLASSPATH src/build/Jlink.java jlink.json target
 *
 * CLASSPATH is the project's runtime class path; its modular JARs (and target/classes) become
 * jlink's module path. OpenJFX's empty, platform-less JARs are left out: the classified ones
 * (javafx-*-linux.jar etc.) hold the modules and their native libraries.
 */
public class Jlink {
    public static void main(String[] args) throws IOException {
        JsonNode spec = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path target = Path.of(args[1]);
        String image = spec.path("image").asText("socketlab");
        Path out = target.resolve(image);
        deleteTree(out);

        List<String> modulePath = new ArrayList<>();
        modulePath.add(target.resolve("classes").toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("javafx-") && !name.matches("javafx-[a-z]+-[0-9.]+-(linux|win|mac|linux-aarch64|mac-aarch64)\\.jar")) {
                continue;
            }
            if (entry.endsWith(".jar")) {
                modulePath.add(entry);
            }
        }

        List<String> cmd = new ArrayList<>();
        cmd.add("--module-path");
        cmd.add(String.join(File.pathSeparator, modulePath));
        cmd.add("--add-modules");
        cmd.add(spec.path("mainModule").asText());
        cmd.add("--launcher");
        cmd.add(spec.path("launcher").asText() + "=" + spec.path("mainModule").asText() + "/" + spec.path("mainClass").asText());
        List<String> jvm = new ArrayList<>();
        spec.path("jvmOptions").forEach(n -> jvm.add(n.asText()));
        if (!jvm.isEmpty()) {
            cmd.add("--add-options=" + String.join(" ", jvm));
        }
        spec.path("jlinkOptions").forEach(n -> cmd.add(n.asText()));
        cmd.add("--output");
        cmd.add(out.toString());

        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException("this JDK has no jlink"));
        System.out.println("[jlink] " + String.join(" ", cmd));
        int rc = jlink.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), cmd.toArray(String[]::new));
        if (rc != 0) {
            System.err.println("[jlink] failed with exit code " + rc);
            System.exit(rc);
        }
        System.out.println("[jlink] image at " + out + " (" + size(out) / (1024 * 1024) + " MiB); run " + out.resolve("bin").resolve(spec.path("launcher").asText()));
    }

    static long size(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
