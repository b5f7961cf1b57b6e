package socketlab.ui.model;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import socketlab.net.Stepper;
import socketlab.text.I18n;
import socketlab.trace.Side;

/**
 * Step mode: every socket call of both sides waits until the presenter steps, and the sentence
 * the class reads says which call runs next ("the server is about to call recv(1024) — 11 bytes
 * are waiting"). The calls are real: while they wait, the kernel keeps buffering.
 */
public final class StepViewModel {
    private final Stepper stepper;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper nextCall = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper waitingCalls = new ReadOnlyIntegerWrapper();
    private int seen = -1;

    StepViewModel(Stepper stepper) {
        this.stepper = stepper;
        on.addListener((o, was, now) -> {
            stepper.setEnabled(now);
            showNextCall();
        });
    }

    /** Step mode: every socket call of both sides waits for {@link #step()}. Can be turned off mid-run. */
    public BooleanProperty stepModeProperty() { return on; }

    /** The call that runs on the next step, in words ("" when none is waiting). */
    public ReadOnlyStringProperty nextCallProperty() { return nextCall.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty waitingCallsProperty() { return waitingCalls.getReadOnlyProperty(); }

    /** Lets exactly one waiting socket call run. */
    public void step() {
        stepper.step();
        showNextCall();
    }

    /** Once per pulse: the sentence follows the calls that arrived at the gate since. */
    void refresh() {
        if (stepper.version() != seen) {
            showNextCall();
        }
    }

    void showNextCall() {
        seen = stepper.version();
        List<Stepper.Pending> line = stepper.pending();
        waitingCalls.set(line.size());
        if (!on.get()) {
            nextCall.set("");
        } else if (line.isEmpty()) {
            nextCall.set(I18n.tr("step.idle"));
        } else {
            Stepper.Pending p = line.get(0);
            String who = I18n.tr(p.side() == Side.CLIENT ? "side.client" : "side.server");
            String text = p.waiting() >= 0 ? I18n.tr("step.nextRecv", who, p.call(), p.waiting()) : I18n.tr("step.next", who, p.call());
            nextCall.set(line.size() > 1 ? text + "   " + I18n.tr("step.more", line.size() - 1) : text);
        }
    }

    /** Lets every waiting call go, for good (the window closes). */
    void release() {
        stepper.setEnabled(false);
    }
}
