package socketlab.ui.style;


/** CSS class names the lab's nodes carry, in one place, so code and stylesheets agree. */
public final class Css {
    private Css() {
    }

    /** The theme: every colour the lab uses, as looked-up colours on {@code .root}, defined once. */
    public static final String THEME = "/socketlab/assets/theme.css";
    /** The projector's theme, laid over {@link #THEME}: larger type, more contrast. */
    public static final String PROJECTOR_THEME = "/socketlab/assets/projector.css";

    /** The URL of a stylesheet of the lab's, as a scene's stylesheet list wants it. */
    public static String stylesheet(String path) {
        return Css.class.getResource(path).toExternalForm();
    }

    public static final String LAB = "socket-lab";
    public static final String PANE = "lab-pane";
    public static final String PANE_TITLE = "lab-pane-title";
    /** The fade at the bottom of the panes where they go on below the fold. */
    public static final String PANES_FOLD = "panes-fold";
    public static final String CLIENT = "client-pane";
    public static final String SERVER = "server-pane";
    public static final String STATUS = "status-text";
    public static final String ERROR = "error-text";
    public static final String MESSAGE_LIST = "message-list";
    public static final String MARK_OK = "mark-ok";
    public static final String MARK_BAD = "mark-bad";
    public static final String MARK_ERROR = "mark-error";
    public static final String GAUGE = "buffer-gauge";
    public static final String TOOLBAR = "lab-toolbar";
    public static final String COUNTER = "counter";
    public static final String COUNTER_GLUED = "counter-glued";
    public static final String COUNTER_SPLIT = "counter-split";
    public static final String TIMELINE = "timeline-view";
    public static final String INSPECTOR = "byte-inspector";
    public static final String HEX = "hex";
    public static final String HEADER_BYTE = "header-byte";
    public static final String PRIMARY = "primary";
    /** The strip under the timeline with a traced program's output and input. */
    public static final String PROGRAM_CONSOLE = "program-console";
    // the shell's, the panes' and the controls' own
    public static final String APP_TITLE = "app-title";
    public static final String ARROW = "arrow";
    public static final String CODE_HEADING = "code-heading";
    public static final String CODE_LINE = "code-line";
    public static final String HEX_BYTE = "hex-byte";
    public static final String HEX_OFFSET = "hex-offset";
    public static final String INSPECTOR_NOTE = "inspector-note";
    public static final String LESSON_CODE = "lesson-code";
    public static final String LESSON_LOOK_FOR = "lesson-look-for";
    public static final String LESSON_PANE = "lesson-pane";
    public static final String LESSON_QUESTION = "lesson-question";
    public static final String LESSON_RESULT = "lesson-result";
    public static final String NUMBER_KNOB = "number-knob";
    public static final String REPLAY_BAR = "replay-bar";
    /** The band over an exported picture: the scenario, the counts, the date. */
    public static final String EXPORT_HEADING = "export-heading";
    /** The replay's play and pause faces, drawn as shapes. */
    public static final String REPLAY_GLYPH = "replay-glyph";
    public static final String SCENARIO_CHOICE = "scenario-choice";
    public static final String SCENARIO_NOTES = "scenario-notes";
    public static final String STATUS_BAR = "status-bar";
    public static final String STEP_BANNER = "step-banner";
    public static final String UTF8_TEXT = "utf8-text";

    /** A knob that projector mode hides (the advanced settings). */
    public static final String ADVANCED = "advanced-knob";

    /** How many message colours the palette has ({@code -sl-msg-0} … {@code -sl-msg-7}); message k wears colour k mod this. */
    public static final int PALETTE_SIZE = 8;

    /** {@code msg-0} … {@code msg-7}: the colour of message number {@code i}. */
    public static String message(int i) {
        return "msg-" + Math.floorMod(i, PALETTE_SIZE);
    }
}
