package socketlab.ui.panes;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import socketlab.text.I18n;
import socketlab.ui.model.LabViewModel;
import socketlab.ui.style.Css;

/**
 * The window's bottom band: the counts and the key list on one line; under it, when the memory budget is
 * full, what went unrecorded; and what the wire capture does (or why there is none). In projector mode the
 * wire's sentence is two words beside the counts, the sentence its tooltip, so the rows get its room; with the
 * panes folded away as well, the counts line goes too.
 *
 * <pre>
 *   Glued recv() chunks: 2   Split messages: 0   Events: 51   [Wire mode]      F1 or ? keys · F5 projector …
 *   Wire mode: the lab runs in a network namespace of its own …          (not in projector mode)
 * </pre>
 */
public final class StatusBar extends VBox {

    /**
     * {@code presenting}: projector type with the panes folded away (a short screen). Then the counts line
     * gives its room to the timeline — each row's header has its own counts, the replay bar the events, F1
     * the keys — and only a full memory budget is still said here.
     */
    public StatusBar(LabViewModel vm, ObservableBooleanValue projector, ObservableBooleanValue presenting) {
        super(2);
        Label counts = new Label();
        counts.setId("counts");
        counts.getStyleClass().add(Css.COUNTER);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        counts.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.tr("status.counts", vm.gluedProperty().get(), vm.splitProperty().get(), vm.eventsProperty().get()),
                vm.gluedProperty(), vm.splitProperty(), vm.eventsProperty()));
        Label keys = new Label(I18n.tr("status.keys"));
        keys.setMinWidth(0);
        keys.getStyleClass().add(Css.STATUS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label brief = new Label();
        brief.setId("layers-brief");
        brief.getStyleClass().add(Css.STATUS);
        brief.setMinWidth(Region.USE_PREF_SIZE); // two words: the key list beside it gives way first
        brief.textProperty().bind(vm.layersBriefProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.layersProperty());
        why.setWrapText(true);
        why.setMaxWidth(600);
        brief.setTooltip(why);
        show(brief, Bindings.and(projector, Bindings.isNotEmpty(vm.layersBriefProperty())));
        // the memory budget is full: said under the counts, the whole width, wrapped rather than cut on a projector
        Label unrecorded = line("unrecorded", Css.ERROR, vm.unrecordedProperty());
        show(unrecorded, Bindings.isNotEmpty(vm.unrecordedProperty()));
        // wire mode: captured, or why not — a line of its own, said at the start and kept (nothing moves later)
        Label layers = line("layers", Css.STATUS, vm.layersProperty());
        show(layers, Bindings.and(Bindings.not(projector), Bindings.isNotEmpty(vm.layersProperty())));
        HBox countsLine = new HBox(12, counts, brief, gap, keys);
        countsLine.visibleProperty().bind(Bindings.not(presenting));
        countsLine.managedProperty().bind(countsLine.visibleProperty());
        getChildren().addAll(countsLine, unrecorded, layers);
        getStyleClass().add(Css.STATUS_BAR);
        setPadding(new Insets(4, 12, 4, 12));
    }

    /** A status line the whole width, wrapped rather than cut. */
    private static Label line(String id, String styleClass, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setMinWidth(0);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.textProperty().bind(text);
        return l;
    }

    private static void show(Label l, ObservableBooleanValue when) {
        l.visibleProperty().bind(when);
        l.managedProperty().bind(l.visibleProperty());
    }
}
