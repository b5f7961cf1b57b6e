package socketlab.ui.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The timeline's fonts, made once per family, weight and size. {@code Font.font(...)} looks the
 * face up each time it is called; a redraw asks for a font per lane, per label and, zoomed in, per
 * byte drawn. Sizes follow the zoom, so the cache keeps the most recently used ones only.
 */
final class Fonts {
    private static final int MOST = 128;

    private record Key(String family, FontWeight weight, double size) {}

    private final Map<Key, Font> fonts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Font> eldest) {
            return size() > MOST;
        }
    };

    /** The family words are drawn in: the window's (see {@link TimelineView#fontFamily}); null until it is known. */
    private String family;

    /** Takes the window's family, and forgets the fonts made in another. */
    void setFamily(String f) {
        if (!java.util.Objects.equals(f, family)) {
            family = f;
            fonts.clear();
        }
    }

    /** The font of the window's family ({@code family} null) or of {@code family}, e.g. "Monospaced". */
    Font get(String family, FontWeight weight, double size) {
        return fonts.computeIfAbsent(new Key(family, weight, size), k -> Font.font(k.family() != null ? k.family() : this.family, k.weight(), k.size()));
    }

    Font normal(double size) {
        return get(null, FontWeight.NORMAL, size);
    }

    Font bold(double size) {
        return get(null, FontWeight.BOLD, size);
    }
}
