package socketlab.ui.panes;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import socketlab.lesson.Lesson;
import socketlab.text.I18n;
import socketlab.trace.Op;
import socketlab.trace.TraceEvent;
import socketlab.ui.controls.Controls;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;

/**
 * A lesson: what it is about, what to look for, the Python of the tutorial next to the Java the lab
 * runs (the lines of the call selected in the timeline highlighted), and a predict-then-run
 * question answered by running it on real sockets. Everything reachable by keyboard.
 */
public final class LessonPane extends javafx.scene.layout.BorderPane {
    static final String ACTIVE_LINE = "code-line-active";
    private final LabViewModel vm;
    private final List<Label> codeLines = new ArrayList<>();
    private final ComboBox<Lesson> pick;
    private final VBox content = new VBox(10);
    /** The lesson's words scroll; the chooser and ◀ ▶ above them stay (a lesson read to its end still has its way on). */
    private final ScrollPane scroll = new ScrollPane(content);

    public LessonPane(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Css.LESSON_PANE);
        scroll.setFitToWidth(true);
        content.setPadding(new Insets(4, 10, 10, 10));
        pick = picker();
        javafx.scene.control.Button previous = new javafx.scene.control.Button("◀");
        previous.setId("lesson-previous");
        socketlab.ui.controls.Controls.tip(previous, I18n.tr("lesson.previous"));
        previous.setOnAction(e -> step(-1));
        javafx.scene.control.Button next = new javafx.scene.control.Button("▶");
        next.setId("lesson-next");
        socketlab.ui.controls.Controls.tip(next, I18n.tr("lesson.next"));
        next.setOnAction(e -> step(1));
        previous.setMinWidth(USE_PREF_SIZE);
        next.setMinWidth(USE_PREF_SIZE);
        // for the pointer: the keyboard walks the lessons with ↑ ↓ in the picker, and Tab goes on to the question
        previous.setFocusTraversable(false);
        next.setFocusTraversable(false);
        javafx.scene.layout.HBox chooser = new javafx.scene.layout.HBox(6, previous, pick, next);
        javafx.scene.layout.HBox.setHgrow(pick, javafx.scene.layout.Priority.ALWAYS);
        chooser.setPadding(new Insets(10, 10, 6, 10));
        setTop(chooser);
        setCenter(scroll);
        vm.lessons().lessonProperty().addListener((o, a, b) -> build());
        vm.selectedProperty().addListener((o, a, e) -> highlight(e));
        vm.lessons().lessonResultProperty().addListener((o, a, text) -> { // the answer is what the learner waits for: bring it into view
            if (!text.isEmpty()) {
                applyCss();
                layout();
                scroll.setVvalue(scroll.getVmax());
            }
        });
        build();
    }

    /** The lesson before or after this one, in the tutorial's order (none past either end). */
    void step(int dir) {
        List<Lesson> all = vm.lessons().lessons();
        int at = all.indexOf(vm.lessons().lessonProperty().get()) + dir;
        if (at >= 0 && at < all.size()) {
            vm.lessons().lessonProperty().set(all.get(at));
        }
    }

    /** Focus on the lesson picker (F2), also right after this pane was made: its skin is built first. */
    public void focusPicker() {
        applyCss();
        layout();
        pick.requestFocus();
    }

    private ComboBox<Lesson> picker() {
        ComboBox<Lesson> pick = new ComboBox<>(vm.lessons().lessons());
        pick.setId("lesson-pick");
        pick.setMaxWidth(Double.MAX_VALUE);
        pick.setValue(vm.lessons().lessonProperty().get());
        pick.setConverter(new StringConverter<>() {
            @Override
            public String toString(Lesson l) {
                return l == null ? "" : I18n.tr("lesson.chapter", l.chapter()) + " · " + l.text(I18n.locale().getLanguage(), "title");
            }

            @Override
            public Lesson fromString(String s) {
                return null;
            }
        });
        pick.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.lessons().lessonProperty().get()) {
                vm.lessons().lessonProperty().set(b);
            }
        });
        return pick;
    }

    /** Rebuilds the lesson below the picker; the picker stays, so choosing with ↑ ↓ keeps the focus on it. */
    private void build() {
        content.getChildren().clear();
        scroll.setVvalue(0); // a new lesson is read from its top, not where the last one was left
        codeLines.clear();
        String lang = I18n.locale().getLanguage();
        if (pick.getValue() != vm.lessons().lessonProperty().get()) {
            pick.setValue(vm.lessons().lessonProperty().get());
        }
        Lesson l = vm.lessons().lessonProperty().get();
        if (l == null) {
            return;
        }
        Label title = new Label(l.text(lang, "title"));
        title.getStyleClass().add(Css.PANE_TITLE);
        Label explain = wrapped(l.text(lang, "explain"));
        Label look = wrapped(I18n.tr("lesson.lookFor") + " " + l.text(lang, "look_for"));
        look.getStyleClass().add(Css.LESSON_LOOK_FOR);

        GridPane code = new GridPane();
        code.setHgap(16);
        code.getStyleClass().add(Css.LESSON_CODE);
        Label py = new Label("Python");
        Label jv = new Label("Java");
        py.getStyleClass().add(Css.CODE_HEADING);
        jv.getStyleClass().add(Css.CODE_HEADING);
        code.add(py, 0, 0);
        code.add(jv, 1, 0);
        for (int i = 0; i < l.python().size(); i++) {
            Label p = codeLine(l.python().get(i));
            Label j = codeLine(i < l.java().size() ? l.java().get(i) : "");
            code.add(p, 0, i + 1);
            code.add(j, 1, i + 1);
        }

        Label question = wrapped(l.text(lang, "question"));
        question.getStyleClass().add(Css.LESSON_QUESTION);
        question.setId("lesson-question");
        ToggleGroup group = new ToggleGroup();
        FlowPane choices = new FlowPane(8, 8);
        for (Lesson.Choice c : l.choices()) {
            ToggleButton b = new ToggleButton(c.label(lang));
            b.setToggleGroup(group);
            b.setMnemonicParsing(false);
            b.setWrapText(true);
            b.setUserData(c.id());
            choices.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> vm.lessons().predictionProperty().set(t == null ? "" : (String) t.getUserData()));
        Button run = new Button(I18n.tr("lesson.run"));
        run.setId("lesson-run");
        run.getStyleClass().add(Css.PRIMARY);
        run.disableProperty().bind(vm.lessons().lessonRunningProperty());
        run.setOnAction(e -> vm.lessons().runLesson());
        List<javafx.scene.Node> runs = new ArrayList<>(List.of(run));
        if (!l.listing().isEmpty()) { // the tutorial's own programs for this lesson, under the probe, beside the lab's run
            Button listing = new Button(I18n.tr("lesson.listing"));
            listing.setId("lesson-listing");
            // on a line of its own, its words wrapped: in a narrow Lesson tab (projector type at 1024 wide) a row of
            // two buttons made the whole lesson wider than its tab, every line cut at the right
            listing.setWrapText(true);
            listing.setMinWidth(0);
            listing.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            listing.disableProperty().bind(vm.programs().runningProperty().or(vm.lessons().lessonRunningProperty()));
            listing.setOnAction(e -> vm.programs().runListing(l));
            Controls.tip(listing, I18n.tr("lesson.listingTip", String.join(" + ", l.listing())));
            runs.add(listing);
        }
        Label result = wrapped("");
        result.setId("lesson-result");
        result.getStyleClass().add(Css.LESSON_RESULT);
        result.textProperty().bind(vm.lessons().lessonResultProperty());
        result.visibleProperty().bind(Bindings.isNotEmpty(vm.lessons().lessonResultProperty()));
        ScrollPane codeScroll = new ScrollPane(code); // code keeps its lines whole; it scrolls sideways instead
        codeScroll.setFitToHeight(true);
        codeScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        codeScroll.setFocusTraversable(false);
        content.getChildren().addAll(title, explain, look, codeScroll, question, choices);
        content.getChildren().addAll(runs);
        content.getChildren().add(result);
    }

    private Label codeLine(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.CODE_LINE);
        l.setMinWidth(Label.USE_PREF_SIZE);
        codeLines.add(l);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** Highlights the Python and Java lines that correspond to the call picked in the timeline. */
    private void highlight(TraceEvent e) {
        String key = e == null ? null : switch (e.op()) {
            case SEND -> "send(";
            case RECV -> "recv(";
            case SENDTO -> "sendto";
            case RECVFROM -> "recvfrom";
            case ACCEPT -> "accept";
            case CONNECT -> "connect";
            default -> null;
        };
        for (Label line : codeLines) {
            String t = line.getText();
            boolean on = key != null && (t.contains(key) || e.op() == Op.SEND && t.contains(".write(")
                    || e.op() == Op.RECV && t.contains(".read(") || e.op() == Op.SENDTO && t.contains(".send(")
                    || e.op() == Op.RECVFROM && t.contains(".receive("));
            line.getStyleClass().remove(ACTIVE_LINE);
            if (on) {
                line.getStyleClass().add(ACTIVE_LINE);
            }
        }
    }
}
