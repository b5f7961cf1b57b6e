package socketlab.ui.timeline;

/**
 * Every size on the timeline follows from one type size (the CSS {@code -sl-font-size}) times a
 * fit factor: lane, header and legend heights, the label column. The fit factor is below 1 when
 * the rows that matter do not fit the height (a projector at 1024×768): every size shrinks
 * together, down to {@link #MIN_FIT} and never below {@link #MIN_FIT_PX} px type, so that all rows —
 * or at least the last two, a run broken and fixed — are in view at once instead of one of them
 * scrolled away.
 */
final class RowMetrics {
    /**
     * In projector type (22 px on the timeline) this is 14 px, the normal type's size: enough for a comparison in
     * wire mode (four lanes a row) at 1024×768 under the three-line banner (0.72 left it 190 px short; 0.65 left
     * it a pixel short in Noto Sans CJK, the theme's first family, whose taller lines take the chrome more room).
     */
    static final double MIN_FIT = 0.64;
    static final double MIN_FIT_PX = 11;

    private double base = 15;
    private double fit = 1;

    /** The type size the stylesheet asks for, before fitting. */
    void setBase(double fontSize) {
        base = fontSize;
    }

    double fit() {
        return fit;
    }

    /** The type size in use. */
    double fs() {
        return base * fit;
    }

    double laneH() {
        return Math.round(fs() * 2.3);
    }

    /** A byte lane's label band, its bottom part: the calls' names and the GLUED / SPLIT badges, off the bytes. */
    double bandH() {
        return Math.round(fs() * 1.05);
    }

    /** A byte lane's bytes, above its label band. */
    double bytesH() {
        return laneH() - bandH();
    }

    /** From one lane's top to the next one's. */
    double laneStep() {
        return laneH() + 4;
    }

    double headerH() {
        return Math.round(fs() * 2.0);
    }

    double labelW() {
        return Math.round(fs() * 6.5);
    }

    /** The band at the top that stays in view: the legend, then the time ruler under it. */
    double legendH() {
        return legendOnlyH() + Math.round(fs() * 1.3);
    }

    private java.util.function.DoubleToIntFunction legendLines = fs -> 1;

    /**
     * How many lines the legend wraps onto at a type size, at this width ({@link LegendRenderer#lines}), set
     * before each layout: the fit asks it at each size it tries.
     */
    void setLegendLines(java.util.function.DoubleToIntFunction linesAtFs) {
        legendLines = linesAtFs;
    }

    /** The legend's own lines, the top of {@link #legendH()}. */
    double legendOnlyH() {
        return legendFirstLineH() + (Math.max(1, legendLines.applyAsInt(fs())) - 1) * legendLineStep();
    }

    double legendFirstLineH() {
        return Math.round(fs() * 1.8);
    }

    /** From one legend line's middle to the next one's. */
    double legendLineStep() {
        return Math.round(fs() * 1.25);
    }

    /** A row of {@code lanes} lanes: its header, its lanes, a gap below. */
    double rowHeight(int lanes) {
        return headerH() + lanes * laneStep() + fs();
    }

    /**
     * Sets the fit factor for rows of {@code lanes[i]} lanes in a view {@code h} high: 1 when all fit,
     * else the factor that brings all rows into view, or else the last two, if one no smaller than the
     * floor does; otherwise 1 (the view scrolls). {@code enabled} false (an export of the whole run) keeps 1.
     */
    void fitRows(int[] lanes, double h, boolean enabled) {
        fit = 1;
        if (!enabled || height(lanes, 0) <= h) {
            return;
        }
        // the heights grow almost in proportion to the type size, so one step lands close (the legend may wrap onto
        // fewer lines in smaller type: checked at each step); never below MIN_FIT nor below 11 px type, and not at
        // all when even that would not bring the rows into view
        double floor = Math.max(MIN_FIT, MIN_FIT_PX / base);
        for (int from : new int[] {0, Math.max(0, lanes.length - 2)}) { // all rows, else the last two
            fit = 1;
            // from a little above the proportional guess: a legend that wraps onto fewer lines shrinks faster
            double f = Math.min(1, Math.floor(h / height(lanes, from) * 0.98 * 100) / 100 + 0.1);
            for (; f >= floor - 1e-9; f = Math.round((f - 0.01) * 100) / 100.0) {
                fit = f;
                if (height(lanes, from) <= h) {
                    return;
                }
            }
        }
        fit = 1;
    }

    /** The legend and the rows {@code lanes[from..]} at the current fit. */
    private double height(int[] lanes, int from) {
        double sum = legendH();
        for (int i = from; i < lanes.length; i++) {
            sum += rowHeight(lanes[i]);
        }
        return sum;
    }
}
