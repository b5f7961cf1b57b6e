package socketlab;

import socketlab.cli.Cli;

/**
 * The launcher: with no arguments (or one scenario file, or one saved trace) it opens the window;
 * with a subcommand ({@code serve},
 * {@code connect}, {@code run}) it runs headless and prints the trace as JSON lines.
 * It only dispatches, so it never touches JavaFX itself.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean wire = args.length > 0 && args[0].equals("--wire");
        if (wire) { // the window in wire mode: "socketlab --wire [FILE]"
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length == 0 || args.length == 1 && (args[0].endsWith(".json") || args[0].endsWith(".jsonl"))) {
            if (wire && !socketlab.wire.WireMode.inside()) {
                String python = socketlab.probe.TracedRun.defaultPython();
                java.util.Optional<socketlab.text.Phrase> refused = socketlab.wire.WireMode.refusal(python);
                if (refused.isEmpty()) {
                    try {
                        System.exit(socketlab.wire.WireMode.relaunch(python)); // this same window, inside a namespace
                    } catch (java.io.IOException | InterruptedException e) {
                        refused = java.util.Optional.of(socketlab.text.Phrase.of("wire.noRelaunch", socketlab.text.Phrase.of(e)));
                    }
                }
                System.err.println("socketlab: " + refused.get().trace());
                socketlab.wire.WireMode.refused(refused.get()); // the window says it too, in its own language
            }
            // read the built-in scenarios and lessons (and warm up Jackson) while the JavaFX toolkit starts
            Thread warm = new Thread(() -> {
                socketlab.text.I18n.locale(); // the window's words (plain Java, no JavaFX): its first lines need them
                socketlab.scenario.Scenario.builtIn();
                socketlab.lesson.Lessons.all();
            }, "socketlab-warm-up");
            warm.setDaemon(true);
            warm.start();
            socketlab.ui.LabApp.launchWindow(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
