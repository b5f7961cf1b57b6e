package socketlab.ui.panes;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import socketlab.text.I18n;
import socketlab.ui.controls.ChoiceButton;
import socketlab.ui.controls.Controls;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;

/**
 * Replay of the recorded run: play, pause, scrub, slow motion (0.1×–1×), step back and forward one
 * event at a time. The timeline, the message lists, the receive-buffer gauge and the counts all
 * show the run as it stood at that moment; "Live" goes back to the running sockets.
 */
public final class ReplayBar extends HBox {
    private final LabViewModel vm;
    private final Slider slider = new Slider(0, 1, 1);
    /** The slider is the bar's point: it never gets narrower than this; the words around it give way first. */
    public static final double SLIDER_MIN = 140;
    private final Label title = new Label();
    private final Label where = new Label();
    private final ChoiceButton<Double> speed = new ChoiceButton<>(FXCollections.observableArrayList(0.1, 0.25, 0.5, 1.0),
            d -> (d < 1 ? String.format(Locale.ROOT, "%.2g", d) : "1") + "×");
    private final Button play = new Button();
    /** The play button's two faces, drawn (the type's "⏸" is missing from common fonts: it showed as an empty box). */
    private final javafx.scene.Node playGlyph = glyph(true);
    private final javafx.scene.Node pauseGlyph = glyph(false);
    private final AnimationTimer player;
    private boolean updating;
    private boolean playing;

    public ReplayBar(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Css.REPLAY_BAR);
        setSpacing(6);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        Button first = new Button("|◀");
        first.setId("replay-first");
        Controls.tip(first, I18n.tr("replay.first"));
        first.setOnAction(e -> toStart());
        Button back = new Button("◀");
        back.setId("replay-back");
        Controls.tip(back, I18n.tr("replay.back"));
        back.setOnAction(e -> step(-1));
        play.setId("replay-play");
        play.setGraphic(playGlyph);
        Controls.tip(play, I18n.tr("replay.play"));
        play.setOnAction(e -> togglePlay());
        Button forward = new Button("▶|");
        forward.setId("replay-forward");
        Controls.tip(forward, I18n.tr("replay.forward"));
        forward.setOnAction(e -> step(1));
        Button live = new Button(I18n.tr("replay.live"));
        live.setId("replay-live");
        // a trace opened from a file has nothing live: the button goes back to its end
        live.textProperty().bind(Bindings.createStringBinding(() -> I18n.tr(vm.replay().saved() ? "replay.end" : "replay.live"),
                vm.eventsProperty(), vm.replay().replayProperty()));
        live.disableProperty().bind(vm.replay().replayProperty().lessThan(0));
        live.setOnAction(e -> {
            pause();
            vm.replay().live();
        });
        speed.setValue(1.0);
        speed.setId("replay-speed");
        Controls.tip(speed, I18n.tr("replay.speed"));
        slider.setId("replay-slider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                vm.replay().skipped(0);
                vm.replay().replayTo((int) Math.round(b.doubleValue()));
            }
        });
        where.setId("replay-where");
        where.setMinWidth(USE_PREF_SIZE);
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            int k = vm.replay().replayProperty().get();
            if (k < 0) {
                return I18n.tr(vm.replay().saved() ? "replay.savedNow" : "replay.liveNow", vm.eventsProperty().get());
            }
            // the time since the run shown began (not since the window opened: a run pressed minutes later reads from 0)
            long since = vm.replay().timeAt(k) - vm.replay().timeAt(vm.replay().runFirst(vm.replay().runAt(k)));
            String at = I18n.tr("replay.at", k, vm.replay().recorded(), String.format(Locale.ROOT, "%.1f", since / 1e6));
            int runs = vm.replay().runs();
            if (runs > 1) {
                at = I18n.tr("replay.run", vm.replay().runAt(k) + 1, runs) + " · " + at;
            }
            long skipped = vm.replay().skippedProperty().get();
            return skipped <= 0 ? at : at + " · " + I18n.tr("replay.skipped", String.format(Locale.ROOT, "%.1f", skipped / 1e9));
        }, vm.replay().replayProperty(), vm.eventsProperty(), vm.replay().skippedProperty()));
        where.textProperty().addListener((o, was, now) -> Controls.tip(slider, now)); // there when the words gave way
        vm.replay().replayProperty().addListener((o, a, b) -> sync());
        vm.eventsProperty().addListener((o, a, b) -> sync());
        title.setText(I18n.tr("replay.label"));
        getChildren().addAll(title, first, back, play, forward, slider, speed, where, live);
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof javafx.scene.control.Control c && c != slider) {
                c.setMinWidth(USE_PREF_SIZE);
            }
        }
        slider.setMinWidth(SLIDER_MIN);
        player = new AnimationTimer() {
            private long startNanos;
            private long startT;

            /** The position playing stops at: the end of the run it started in (one run at a time). */
            private int endAt;

            @Override
            public void start() {
                startNanos = -1;
                endAt = vm.replay().runEnd(vm.replay().runAt(vm.replay().replayProperty().get()));
                super.start();
            }

            @Override
            public void handle(long now) {
                int k = Math.max(0, vm.replay().replayProperty().get());
                if (startNanos < 0) {
                    startNanos = now;
                    startT = vm.replay().timeAt(k);
                }
                long t = startT + (long) ((now - startNanos) * speed.getValue());
                int n = Math.min(endAt, vm.replay().recorded());
                int next = k;
                while (next < n && vm.replay().timeAt(next + 1) <= t) {
                    next++;
                }
                if (next < n) { // a long pause ahead: played short, and said
                    long on = socketlab.ui.model.ReplayViewModel.skipIdle(t, vm.replay().timeAt(next + 1));
                    if (on > t) {
                        startT += on - t;
                        vm.replay().skipped(on - t);
                    }
                }
                if (next != k) {
                    vm.replay().replayTo(next);
                }
                if (next >= n) {
                    pause();
                }
            }
        };
    }

    /** The slider spans the run shown (the last one, live): one run at a time, from its first event to its last. */
    private void sync() {
        updating = true;
        int k = vm.replay().replayProperty().get();
        int run = vm.replay().runAt(k);
        int first = vm.replay().runFirst(run);
        int end = Math.max(first + 1, vm.replay().runEnd(run));
        slider.setMin(Math.min(first, end - 1));
        slider.setMax(end);
        slider.setValue(k < 0 ? end : k);
        updating = false;
    }

    /**
     * To the start of the run shown (of the last run, from live), or, there already, of the run before: never
     * position 0, which shows nothing. The |◀ button, and Home.
     */
    public void toStart() {
        pause();
        vm.replay().skipped(0);
        vm.replay().replayTo(vm.replay().startFrom(vm.replay().replayProperty().get()));
    }

    /** One event back or forward (entering replay at the end of the run). */
    public void step(int dir) {
        vm.replay().skipped(0);
        int k = vm.replay().replayProperty().get() < 0 ? vm.replay().recorded() : vm.replay().replayProperty().get();
        vm.replay().replayTo(k + dir);
    }

    public void togglePlay() {
        if (playing) {
            pause();
            return;
        }
        int k = vm.replay().replayProperty().get();
        if (k < 0 || k >= vm.replay().runEnd(vm.replay().runAt(k))) {
            vm.replay().skipped(0);
            // from live or a run's end: the start of that run (the last one, from live)
            vm.replay().replayTo(vm.replay().runFirst(vm.replay().runAt(k)));
        }
        playing = true;
        play.setGraphic(pauseGlyph);
        player.start();
    }

    private void pause() {
        player.stop();
        playing = false;
        play.setGraphic(playGlyph);
    }

    /** True while replay plays (tests). */
    public boolean isPlaying() {
        return playing;
    }

    /** ▶ or ❚❚ as shapes in the text's colour (the theme's {@code .replay-glyph}), as tall as the other buttons' arrows. */
    private static javafx.scene.Node glyph(boolean play) {
        javafx.scene.Node g;
        if (play) {
            g = new javafx.scene.shape.Polygon(0, 0, 10, 6, 0, 12);
        } else {
            javafx.scene.shape.Rectangle a = new javafx.scene.shape.Rectangle(0, 0, 3.5, 12);
            javafx.scene.shape.Rectangle b = new javafx.scene.shape.Rectangle(6.5, 0, 3.5, 12);
            a.getStyleClass().add(Css.REPLAY_GLYPH);
            b.getStyleClass().add(Css.REPLAY_GLYPH);
            g = new javafx.scene.Group(a, b);
        }
        g.getStyleClass().add(Css.REPLAY_GLYPH);
        return g;
    }

    /**
     * On a narrow bar (a 1024-wide projector in large type) the "Replay:" label goes first, then the
     * position's words (also in the slider's tooltip), so that the slider keeps {@link #SLIDER_MIN} and
     * every button stays whole.
     */
    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double others = 0;
        int shown = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n != slider && n != title && n != where) {
                others += n.prefWidth(-1);
                shown++;
            }
        }
        double spacing = getSpacing();
        double base = others + SLIDER_MIN + spacing * (shown + 1);
        boolean whereFits = base + where.prefWidth(-1) + spacing <= room;
        boolean titleFits = whereFits && base + where.prefWidth(-1) + title.prefWidth(-1) + 2 * spacing <= room;
        show(where, whereFits);
        show(title, titleFits);
        super.layoutChildren();
    }

    private static void show(javafx.scene.Node n, boolean on) {
        if (n.isManaged() != on) {
            n.setManaged(on);
            n.setVisible(on);
        }
    }
}
