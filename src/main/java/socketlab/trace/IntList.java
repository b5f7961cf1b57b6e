package socketlab.trace;

import java.util.Arrays;

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
}
