package socketlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import socketlab.codec.Framing;
import socketlab.trace.TraceLog;

/**
 * A lesson's own Python programs — the tutorial's listings for it, written fresh — run under the probe beside the
 * lab's Java run: the class sees the tutorial's code glue and split, and its calls answer the lesson's question
 * the same way the Java run's do.
 *
 * <pre>
 *   ch8-two-sends-one-recv:  ch8_sticky_server.py PORT   (accept, sleep 0.1, recv(1024), recv(1024))
 *                            ch8_sticky_client.py PORT   (connect, send "hello world", send "haha")
 *   → the server's first recv returns b'hello worldhaha': the lesson's answer, from the learner's kind of code
 * </pre>
 *
 * Each listing takes its port as its first argument (the tutorial's 8080 when none), so that runs side by side
 * never fight over one: a free loopback port is chosen for each run. A lesson that sends a file (chapter 9's
 * icon.png) has it copied beside the programs and named after the port ("alter" after it where the lesson
 * changes a byte). The programs are run by whoever has a
 * {@code TracedRun} (the command line, the window's programs); this class says what to run and reads the answer.
 */
public final class ListingRun {
    private static final String DIR = "/socketlab/assets/lessons/listings/";
    /** A listing's server finishes by itself once its client has gone: it is given this long to (ms). */
    public static final long FINISH_MS = 10_000;

    private ListingRun() {
    }

    /**
     * The commands that run {@code lesson}'s listing, server first, each with one free port: the files are
     * copied out of the lab into a folder of their own (file I/O: never on the FX thread).
     */
    public static List<List<String>> programs(Lesson lesson) throws IOException {
        if (lesson.listing().isEmpty()) {
            throw new IllegalArgumentException("lesson " + lesson.id() + " has no listing of the tutorial's");
        }
        Path dir = Files.createTempDirectory("socketlab-listing-");
        dir.toFile().deleteOnExit();
        List<String> args = new ArrayList<>(List.of(String.valueOf(freePort())));
        if (lesson.experiment() instanceof Experiment.FileTransfer f) { // the file the lesson sends, beside the programs
            args.add(copyOut("/socketlab/assets/" + f.file(), dir.resolve(f.file()), lesson, "sends a file").toString());
            if (f.alter()) {
                args.add("alter");
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (String name : lesson.listing()) {
            Path file = copyOut(DIR + name, dir.resolve(name), lesson, "names a listing");
            List<String> command = new ArrayList<>(List.of(file.toString()));
            command.addAll(args);
            out.add(List.copyOf(command));
        }
        return out;
    }

    /** The framing the listing's connections are read with: the one the lesson's run puts in the panes, else none. */
    public static Framing framing(Lesson lesson) {
        String spec = lesson.experiment().panes().get(PaneSettings.FRAMING);
        return spec == null ? Framing.NONE : Framing.parse(spec);
    }

    /**
     * The answer the listing's run gives the lesson's question: read from the events {@code log} gained from {@code from}
     * on. A lesson measured by a fact of its experiment ({@code fact:server_saw}) reads that fact from the programs' calls.
     */
    public static String answer(Lesson lesson, TraceLog log, int from) {
        return Lessons.measure(lesson.measure(), log, from, ListingFacts.of(lesson, log, from));
    }

    /** Copies the lab's {@code resource} to {@code file}, deleted when the lab exits; {@code what} the lesson does with it. */
    private static Path copyOut(String resource, Path file, Lesson lesson, String what) throws IOException {
        try (InputStream in = ListingRun.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("lesson " + lesson.id() + " " + what + " the lab does not have: " + file.getFileName());
            }
            Files.write(file, in.readAllBytes());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
