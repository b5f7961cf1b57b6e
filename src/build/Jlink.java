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
        List<String> roots = new ArrayList<>(List.of(spec.path("mainModule").asText()));
        spec.path("addModules").forEach(n -> roots.add(n.asText())); // modules the main one requires static (optional)
        cmd.add(String.join(",", roots));
        cmd.add("--launcher");
        cmd.add(spec.path("launcher").asText() + "=" + spec.path("mainModule").asText() + "/" + spec.path("mainClass").asText());
        List<String> jvm = new ArrayList<>();
        spec.path("jvmOptions").forEach(n -> jvm.add(n.asText()));
        if (!jvm.isEmpty()) {
            cmd.add("--add-options=" + String.join(" ", jvm));
        }
        boolean nativesToLib = spec.path("nativeLibsFromJars").asBoolean(false);
        // they go next to the JDK's own libraries instead (below): not twice in the image
        String natives = "glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib";
        List<String> hollow = new ArrayList<>();
        spec.path("hollowPackages").forEach(n -> hollow.add(n.asText()));
        String extra = String.join(",", hollowExclusions(hollow));
        if (nativesToLib) {
            extra = extra.isEmpty() ? natives : extra + "," + natives;
        }
        boolean merged = false;
        for (JsonNode n : spec.path("jlinkOptions")) {
            String option = n.asText();
            if (!extra.isEmpty() && option.startsWith("--exclude-resources=")) { // jlink keeps only the last one given
                option += "," + extra;
                merged = true;
            }
            cmd.add(option);
        }
        if (!extra.isEmpty() && !merged) {
            cmd.add("--exclude-resources=" + extra);
        }
        cmd.add("--output");
        cmd.add(out.toString());

        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException("this JDK has no jlink"));
        System.out.println("[jlink] " + String.join(" ", cmd));
        int rc = jlink.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), cmd.toArray(String[]::new));
        if (rc != 0) {
            System.err.println("[jlink] failed with exit code " + rc);
            System.exit(rc);
        }
        if (nativesToLib) {
            nativesFromJars(modulePath, out);
        }
        String launcher = spec.path("launcher").asText();
        String main = spec.path("mainModule").asText() + "/" + spec.path("mainClass").asText();
        if (spec.path("stripNativeSymbols").asBoolean(false)) {
            stripNativeSymbols(out);
        }
        boolean appCds = spec.path("appCds").asBoolean(false) && trainAppCds(out, main, target);
        writeLaunchers(out, launcher, main, appCds);
        selfCheck(out, launcher);
        long mib = size(out) / (1024 * 1024);
        System.out.println("[jlink] image at " + out + " (" + mib + " MiB" + (appCds ? ", with an AppCDS archive" : "")
                + "); run " + out.resolve("bin").resolve(launcher));
        if (spec.path("zip").asBoolean(false)) {
            Path zip = target.resolve(image + ".zip");
            zip(out, zip, image);
            System.out.println("[jlink] zip at " + zip + " (" + Files.size(zip) / (1024 * 1024) + " MiB)");
        }
    }

    /**
     * Exclusion patterns that take every file out of the JDK packages named (as {@code module/dir}, or
     * {@code module/dir/**} for the directory and all below it) but the smallest: a package jlink writes
     * must keep at least one file (the module descriptor's package set is checked against the image), but
     * none of its classes need be there when nothing loads them. java.desktop is in the image only because
     * javafx.base requires it and the PNG export uses javax.imageio; its X11 toolkit, Swing's GTK and Motif
     * looks, sound and printing never load in the lab ({@code -Djava.awt.headless=true}), and
     * {@link #selfCheck} runs the export in the finished image. The files are listed from this JDK's own
     * modules (jrt:/), the ones jlink links.
     */
    static List<String> hollowExclusions(List<String> packages) throws IOException {
        List<String> patterns = new ArrayList<>();
        java.nio.file.FileSystem jrt = java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"));
        for (String spec : packages) {
            boolean below = spec.endsWith("/**");
            Path root = jrt.getPath("/modules/" + (below ? spec.substring(0, spec.length() - 3) : spec));
            if (!Files.isDirectory(root)) {
                System.out.println("[jlink] hollowPackages: " + spec + " is not in this JDK; nothing left out for it");
                continue;
            }
            List<Path> dirs;
            try (var walk = below ? Files.walk(root) : java.util.stream.Stream.of(root)) {
                dirs = walk.filter(Files::isDirectory).toList();
            }
            for (Path dir : dirs) {
                Path keep = null;
                long smallest = Long.MAX_VALUE;
                try (var files = Files.list(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        long size = Files.size(f);
                        if (size < smallest) {
                            smallest = size;
                            keep = f;
                        }
                    }
                }
                if (keep != null) {
                    String inModules = dir.toString().substring("/modules".length()); // /java.desktop/sun/awt/X11
                    patterns.add("regex:" + java.util.regex.Pattern.quote(inModules + "/") + "(?!"
                            + java.util.regex.Pattern.quote(keep.getFileName().toString()) + "$)[^/]+");
                }
            }
        }
        return patterns;
    }

    /**
     * OpenJFX's platform JARs carry their native libraries as resources; in a jlink image JavaFX
     * would copy them to ~/.openjfx/cache on every start (hashing each to check the copy) and
     * complain where the home directory is read-only. Placed in the image's own library folder
     * (lib/, or bin/ on Windows), they load from there: no extraction, nothing written to home.
     */
    static void nativesFromJars(List<String> modulePath, Path image) throws IOException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path dir = image.resolve(windows ? "bin" : "lib");
        for (String entry : modulePath) {
            if (!Path.of(entry).getFileName().toString().startsWith("javafx-") || !entry.endsWith(".jar")) {
                continue;
            }
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry)) {
                for (java.util.zip.ZipEntry e : java.util.Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                        try (var in = jar.getInputStream(e)) {
                            Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        }
    }

    /**
     * Removes the symbol tables the JDK's native libraries carry (libjvm.so alone: 24 → 20 MiB);
     * the JVM never reads them. Uses binutils' strip when the machine has it, and says so when not.
     *
     * <p>Why not jlink's own {@code --strip-native-debug-symbols}: it runs {@code objcopy --strip-debug},
     * which removes debug sections only. Debian's JDK ships those in separate files already, so on
     * its libjvm.so the plugin changes nothing (24,112,704 → 24,112,704 bytes, measured), while
     * {@code strip --strip-unneeded} also drops the symbol table (→ 20,048,320). And the plugin never
     * sees OpenJFX's libraries, which come from the jars into {@code lib/}, not from a module.
     */
    static void stripNativeSymbols(Path image) throws IOException {
        if (!new File("/usr/bin/strip").canExecute()) {
            System.out.println("[jlink] no /usr/bin/strip (binutils): the native libraries keep their symbol tables");
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strip", "--strip-unneeded"));
        try (Stream<Path> files = Files.walk(image.resolve("lib"))) {
            files.filter(f -> f.toString().endsWith(".so")).forEach(f -> {
                f.toFile().setWritable(true);
                cmd.add(f.toString());
            });
        }
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                System.out.println("[jlink] strip failed (exit " + p.exitValue() + "); continuing with the libraries as they are");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the finished image's hidden {@code selfcheck} (lessons parse and run, a PNG goes through
     * javax.imageio): jlink.json leaves parts of java.desktop out, and this is where a class the lab
     * still needs would be missed — the build fails instead of the learner's export.
     */
    static void selfCheck(Path image, String launcher) throws IOException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path bin = image.resolve("bin").resolve(windows ? launcher + ".bat" : launcher);
        try {
            Process p = new ProcessBuilder(bin.toString(), "selfcheck").inheritIO().start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("[jlink] the image failed its self-check: something jlink.json leaves out is still needed");
                System.exit(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One static AppCDS archive, lib/socketlab.jsa, trained on a real start of the window: the
     * classes it holds are mapped, not parsed and verified, on later starts. It replaces jlink's
     * default archive (lib/server/classes.jsa) and the dynamic archive that used to sit on top of it.
     * It holds the lambda proxies and lambda-form invokers the start links (the {@code @} lines of the
     * class list: +2.2 MB, −60 to −95 ms, interleaved runs; JavaFX links ~800 lambdas on the FX thread
     * before the first frame). Left out, because the image's 80 MB does not have room for them: Jackson
     * (loaded by the warm-up thread, off the window's path; measured again with ControlsFX in: +3.95 MB, an image of 80.6 MB) and archived heap objects
     * (dumped with the serial collector; +20 ms).
     * Needs a display: $DISPLAY, or Xvfb when installed; without one the image is built without
     * the archive and says so.
     */
    static boolean trainAppCds(Path image, String main, Path work) throws IOException {
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        try {
            if (display == null || display.isBlank()) {
                if (!new File("/usr/bin/Xvfb").canExecute()) {
                    System.out.println("[jlink] no display and no Xvfb: building without the AppCDS archive (startup is slower)");
                    return false;
                }
                display = ":79";
                xvfb = new ProcessBuilder("/usr/bin/Xvfb", display, "-screen", "0", "1920x1080x24")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Thread.sleep(800);
            }
            String java = image.resolve("bin/java").toString();
            Path loaded = work.resolve("appcds-loaded.classlist");
            Path kept = work.resolve("appcds.classlist");
            Path jsa = image.resolve("lib/socketlab.jsa");
            Files.deleteIfExists(loaded);
            if (!run(display, java, "-XX:DumpLoadedClassList=" + loaded, "-Dsocketlab.startupProbe=true", "-m", main)
                    || !Files.exists(loaded)) {
                System.out.println("[jlink] the AppCDS training run did not finish; building without the archive");
                return false;
            }
            List<String> classes = new ArrayList<>();
            for (String line : Files.readAllLines(loaded)) {
                if (!line.contains("com/fasterxml/")) { // Jackson, and lambdas that name its types
                    classes.add(line);
                }
            }
            Files.write(kept, classes);
            if (!run(display, java, "-Xshare:dump", "-XX:+UseSerialGC", "-XX:SharedClassListFile=" + kept,
                    "-XX:SharedArchiveFile=" + jsa, "-m", main) || !Files.exists(jsa)) {
                System.out.println("[jlink] the AppCDS archive could not be written; building without it");
                Files.deleteIfExists(jsa);
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /** Runs the image's java with these arguments on {@code display}; true when it ended by itself with status 0. */
    private static boolean run(String display, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.environment().put("DISPLAY", display);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** bin/NAME (and NAME.bat on Windows, NAME.command on macOS), using the AppCDS archive when there is one. */
    static void writeLaunchers(Path image, String name, String main, boolean appCds) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            // as Main dispatches: the window (no arguments, or one scenario or trace file) through javaw, with no
            // console window behind it; a subcommand through java, whose output it prints
            String cds = appCds ? "-XX:SharedArchiveFile=\"%DIR%..\\lib\\socketlab.jsa\" -Xshare:auto -Xlog:cds=off " : "";
            Files.writeString(image.resolve("bin/" + name + ".bat"), String.join("\r\n",
                    "@echo off",
                    "set DIR=%~dp0",
                    "if \"%~1\"==\"\" goto window",
                    "if \"%~2\"==\"\" if /I \"%~x1\"==\".json\" goto window",
                    "if \"%~2\"==\"\" if /I \"%~x1\"==\".jsonl\" goto window",
                    "\"%DIR%java.exe\" " + cds + "-m " + main + " %*",
                    "exit /b %ERRORLEVEL%",
                    ":window",
                    "start \"\" \"%DIR%javaw.exe\" " + cds + "-m " + main + " %*", ""));
            return;
        }
        String sh = "#!/bin/sh\n"
                + "# Socket Lab: with no arguments the window; with a subcommand (serve, connect, run) the headless lab.\n"
                + "DIR=$(cd \"$(dirname \"$0\")\" && pwd)\n"
                + "# a home that cannot be written (a lab account, a read-only profile): GTK keeps its settings in memory\n"
                + "[ -w \"${HOME:-/nonexistent}\" ] || export GSETTINGS_BACKEND=memory\n"
                + (appCds ? "CDS=\"-XX:SharedArchiveFile=$DIR/../lib/socketlab.jsa -Xshare:auto -Xlog:cds=off\"\n" : "CDS=\n")
                + "exec \"$DIR/java\" $CDS $JLINK_VM_OPTIONS -m " + main + " \"$@\"\n";
        Path launcher = image.resolve("bin/" + name);
        Files.writeString(launcher, sh);
        launcher.toFile().setExecutable(true, false);
        if (os.contains("mac")) {
            Path command = image.resolve("bin/" + name + ".command"); // double-clickable in Finder
            Files.writeString(command, "#!/bin/sh\nexec \"$(dirname \"$0\")/" + name + "\"\n");
            command.toFile().setExecutable(true, false);
        } else {
            // Linux: a desktop entry for the menu, written with this image's absolute path by a one-time script
            Files.copy(Path.of("assets/icon.png"), image.resolve("lib/socketlab.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path install = image.resolve("bin/install-desktop-entry.sh");
            Files.writeString(install, "#!/bin/sh\n"
                    + "# Adds Socket Lab to the desktop menu (and, if there is one, the Desktop folder) for this user.\n"
                    + "DIR=$(cd \"$(dirname \"$0\")/..\" && pwd)\n"
                    + "APPS=\"${XDG_DATA_HOME:-$HOME/.local/share}/applications\"\n"
                    + "mkdir -p \"$APPS\"\n"
                    + "cat > \"$APPS/socketlab.desktop\" <<EOF\n"
                    + "[Desktop Entry]\nType=Application\nName=Socket Lab\nName[zh_CN]=套接字实验室\n"
                    + "Comment=Watch TCP sockets glue and split messages\nExec=\"$DIR/bin/" + name + "\" %f\n"
                    + "Icon=$DIR/lib/socketlab.png\nTerminal=false\nCategories=Education;Network;\n"
                    + "MimeType=application/json;\nEOF\n"
                    + "chmod +x \"$APPS/socketlab.desktop\"\n"
                    + "[ -d \"$HOME/Desktop\" ] && cp \"$APPS/socketlab.desktop\" \"$HOME/Desktop/\" && chmod +x \"$HOME/Desktop/socketlab.desktop\"\n"
                    + "echo \"Socket Lab added: $APPS/socketlab.desktop\"\n");
            install.toFile().setExecutable(true, false);
        }
    }

    /** The image as a zip that keeps the launchers executable (POSIX permissions, through the JDK's zip file system). */
    static void zip(Path dir, Path zip, String root) throws IOException {
        Files.deleteIfExists(zip);
        java.net.URI uri = java.net.URI.create("jar:" + zip.toUri());
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(uri,
                java.util.Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.toList()) {
                    Path in = fs.getPath(root, dir.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(in);
                    } else {
                        Files.copy(f, in);
                        try {
                            Files.setPosixFilePermissions(in, Files.getPosixFilePermissions(f));
                        } catch (UnsupportedOperationException ignored) {
                            // a file system without POSIX permissions (Windows): nothing to keep
                        }
                    }
                }
            }
        }
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
