package socketlab.lesson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import socketlab.net.ServerSettings;
import socketlab.scenario.Scenario;

/**
 * What a run uses, put where the learner can do it again by hand and change one thing: the window's
 * server and client panes. A value per {@link Knob}, typed by the knob; a knob not set is left as the
 * pane has it. {@link #RESET} is where a lesson's panes start from (a threaded server, SO_REUSEADDR
 * on, no commands, no echo, no generated message).
 *
 * <pre>
 *   new Models(SELECTOR, 3, 200).panes()   →   {model: SELECTOR, recv_delay_ms: 200, framing: none}
 * </pre>
 */
public final class PaneSettings {

    /** One setting of a pane, and the type of its value. */
    public static final class Knob<T> {
        private final String name;

        private Knob(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Both ends' framing, as a spec ("none", "header:le", …). */
    public static final Knob<String> FRAMING = new Knob<>("framing");
    public static final Knob<Integer> RECV_BUFFER = new Knob<>("recv_buffer");
    public static final Knob<Integer> RECV_DELAY_MS = new Knob<>("recv_delay_ms");
    public static final Knob<Integer> GAP_MS = new Knob<>("gap_ms");
    /** The client's messages, one per line (one send() each). */
    public static final Knob<String> MESSAGES = new Knob<>("messages");
    /** A generated message of this many readable bytes, sent after the typed ones; 0: none. */
    public static final Knob<Integer> GENERATED = new Knob<>("generated");
    public static final Knob<ServerSettings.Model> MODEL = new Knob<>("model");
    public static final Knob<Boolean> REUSE_ADDRESS = new Knob<>("reuse_address");
    public static final Knob<Boolean> ANSWER_COMMANDS = new Knob<>("answer_commands");
    public static final Knob<Boolean> ECHO = new Knob<>("echo");
    public static final Knob<Boolean> ALTER_FILE = new Knob<>("alter_file");
    public static final Knob<Boolean> NO_DELAY = new Knob<>("no_delay");

    /** Nothing set: the panes stay as they are. */
    public static final PaneSettings NONE = new PaneSettings(Map.of());

    /** The panes a lesson starts from, before its experiment sets its own. */
    public static final PaneSettings RESET = NONE.with(MODEL, ServerSettings.Model.THREADED).with(REUSE_ADDRESS, true)
            .with(ANSWER_COMMANDS, false).with(ECHO, false).with(GENERATED, 0);

    /** A message longer than this goes into the generated-message knob, not the text box. */
    static final int LONGEST_TYPED = 4096;

    private final Map<Knob<?>, Object> values;

    private PaneSettings(Map<Knob<?>, Object> values) {
        this.values = values;
    }

    /** A scenario's settings as the panes hold them: its framing, recv() size and delay, gap, and messages. */
    public static PaneSettings of(Scenario sc) {
        StringBuilder text = new StringBuilder();
        int generated = 0;
        for (byte[] m : sc.messages()) {
            if (m.length > LONGEST_TYPED) {
                generated = m.length;
            } else {
                text.append(text.length() > 0 ? "\n" : "").append(new String(m, StandardCharsets.UTF_8));
            }
        }
        return NONE.with(RECV_BUFFER, sc.recvBuffer()).with(RECV_DELAY_MS, sc.recvDelayMs())
                .with(FRAMING, sc.framing().spec()).with(GAP_MS, sc.gapMs())
                .with(MESSAGES, text.toString()).with(GENERATED, generated);
    }

    /** These settings with {@code knob} at {@code value}. */
    public <T> PaneSettings with(Knob<T> knob, T value) {
        Map<Knob<?>, Object> more = new LinkedHashMap<>(values);
        more.put(knob, value);
        return new PaneSettings(more);
    }

    /** These settings, then {@code later}'s over them. */
    public PaneSettings then(PaneSettings later) {
        Map<Knob<?>, Object> more = new LinkedHashMap<>(values);
        more.putAll(later.values);
        return new PaneSettings(more);
    }

    /** The value of {@code knob}, or null when it is not set. */
    public <T> T get(Knob<T> knob) {
        @SuppressWarnings("unchecked") // with() keeps each value of its knob's type
        T v = (T) values.get(knob);
        return v;
    }

    /** Gives {@code knob}'s value to {@code use} when it is set. */
    public <T> void ifSet(Knob<T> knob, Consumer<? super T> use) {
        T v = get(knob);
        if (v != null) {
            use.accept(v);
        }
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
