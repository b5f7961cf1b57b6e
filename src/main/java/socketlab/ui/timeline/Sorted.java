package socketlab.ui.timeline;

/** A search in an ascending array of longs, as the axes keep where their breaks end. */
final class Sorted {
    private Sorted() {
    }

    /** The first index whose value is above {@code v}: {@code a.length} when none is. */
    static int firstAbove(long[] a, long v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
