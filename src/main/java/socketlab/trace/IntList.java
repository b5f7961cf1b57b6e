package socketlab.trace;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/** A growable list of ints (event indices), so an index over 100,000 events makes no boxes. */
public final class IntList {
    private int[] a = new int[8];
    private int n;

    public void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    /** Empties the list, keeping its room. */
    public void clear() {
        n = 0;
    }

    public int get(int i) {
        if (i >= n) {
            throw new IndexOutOfBoundsException(i + " of " + n);
        }
        return a[i];
    }

    public int size() {
        return n;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    public int last() {
        return a[n - 1];
    }

    /**
     * The first position at or after {@code from} whose element's key is above {@code target}, or
     * {@link #size()} when there is none; keys must not decrease along the list. It gallops from
     * {@code from} (1, 2, 4 … positions ahead) and then halves the last step: a redraw that walks a
     * list of 100,000 events pixel by pixel looks a few positions ahead, in memory it has just
     * read, instead of halving the whole list each time.
     */
    public int firstAbove(int from, long target, IntToLongFunction key) {
        int lo = Math.max(0, from);
        if (lo >= n || key.applyAsLong(a[lo]) > target) {
            return lo;
        }
        // key(lo) <= target: the answer is in (lo, hi], hi found by doubling the step
        int step = 1;
        int hi = lo + 1;
        while (hi < n && key.applyAsLong(a[hi]) <= target) {
            lo = hi;
            step <<= 1;
            hi = (int) Math.min(n, (long) lo + step);
        }
        lo++;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(a[mid]) <= target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
