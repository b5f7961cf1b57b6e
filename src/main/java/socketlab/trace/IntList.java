package socketlab.trace;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * A growable list of ints (event indices), so an index over 100,000 events makes no boxes.
 *
 * <p>Its searches ({@link #firstAbove}) keep, for each of a few key functions, a <em>fence</em>: the
 * key of every {@value #BLOCK}th element, in one array of longs. A redraw of 10 million events walks
 * a list pixel by pixel, thousands of elements a step; galloping over the elements themselves reads
 * a key — an event's row, somewhere in a gigabyte — at every probe, a cache miss each. Over the fence
 * a step is a few reads of one contiguous array, and then at most six probes inside one block.
 * <pre>
 *  elements  | 0 … 63 | 64 … 127 | 128 … 191 | … | tail (not yet a whole block)
 *  fence     | key(63)| key(127) | key(191)  | …      keys never decrease, so fence[b] is block b's largest
 * </pre>
 * Keys must be fixed once an element is added (stream ends, times); {@link #clear()} drops the fences.
 *
 * <p>Its elements live in chunks of {@value #CHUNK} ints: a list that grows never copies itself. One array
 * doubled from 4 to 8 million ints stopped a pulse of the window for 170 ms (a fresh 32 MB array is paid for
 * page by page at first touch, and a virtual machine's page faults are slow); a chunk is 64 KB. The first
 * chunk starts at 8 ints and doubles up to a whole one, so the many short lists of 20,000 connections stay small.
 */
public final class IntList {
    private static final int SHIFT = 4;
    static final int BLOCK = 1 << SHIFT;
    /** How many key functions get a fence (a list is searched by its stream ends and by its times). */
    private static final int FENCED_KEYS = 3;

    private static final int CHUNK_SHIFT = 14;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int CHUNK_MASK = CHUNK - 1;

    private int[][] chunks = {new int[8]};
    private int n;
    private final IntToLongFunction[] fenceKey = new IntToLongFunction[FENCED_KEYS];
    private final long[][] fence = new long[FENCED_KEYS][];
    /** Whole blocks each fence holds. */
    private final int[] fenced = new int[FENCED_KEYS];

    public void add(int v) {
        int c = n >>> CHUNK_SHIFT;
        int o = n & CHUNK_MASK;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = chunks[c] = new int[CHUNK];
        } else if (o == chunk.length) { // only the first chunk grows: from 8 ints up to a whole chunk
            chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, chunk.length * 2));
        }
        chunk[o] = v;
        n++;
    }

    private int at(int i) {
        return chunks[i >>> CHUNK_SHIFT][i & CHUNK_MASK];
    }

    /** Empties the list, keeping its room. */
    public void clear() {
        n = 0;
        java.util.Arrays.fill(fenceKey, null);
        java.util.Arrays.fill(fenced, 0);
    }

    public int get(int i) {
        if (i >= n) {
            throw new IndexOutOfBoundsException(i + " of " + n);
        }
        return at(i);
    }

    public int size() {
        return n;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    public int last() {
        return at(n - 1);
    }

    /**
     * The first position at or after {@code from} whose element's key is above {@code target}, or
     * {@link #size()} when there is none; keys must not decrease along the list. It gallops from
     * {@code from} (1, 2, 4 … positions ahead) and then halves the last step: a redraw that walks a
     * list of 100,000 events pixel by pixel looks a few positions ahead, in memory it has just
     * read, instead of halving the whole list each time. An answer more than a block ahead is found
     * over the key's fence (see the class comment).
     */
    public int firstAbove(int from, long target, IntToLongFunction key) {
        int lo = Math.max(0, from);
        if (lo >= n || key.applyAsLong(at(lo)) > target) {
            return lo;
        }
        if (n - lo >= 4 * BLOCK) {
            int near = lo + BLOCK;
            if (key.applyAsLong(at(near - 1)) > target) { // within a block's reach: the elements there, read by galloping
                return gallop(lo, near, target, key);
            }
            long[] f = fence(key);
            if (f != null) {
                return overFence(f, lo, target, key);
            }
        }
        return gallop(lo, n, target, key);
    }

    /** The fence of {@code key} brought up to the whole blocks there are now, or null when every slot serves another key. */
    private long[] fence(IntToLongFunction key) {
        int slot = 0;
        while (slot < FENCED_KEYS && fenceKey[slot] != key) {
            slot++;
        }
        if (slot == FENCED_KEYS) {
            slot = 0;
            while (slot < FENCED_KEYS && fenceKey[slot] != null) {
                slot++;
            }
            if (slot == FENCED_KEYS) {
                return null;
            }
            fenceKey[slot] = key;
            fenced[slot] = 0;
        }
        int blocks = n >>> SHIFT;
        long[] f = fence[slot];
        if (f == null || f.length < blocks) {
            f = fence[slot] = f == null ? new long[Math.max(16, blocks)] : Arrays.copyOf(f, Math.max(blocks, f.length * 2));
        }
        for (int b = fenced[slot]; b < blocks; b++) {
            f[b] = key.applyAsLong(at((b << SHIFT) + BLOCK - 1));
        }
        fenced[slot] = blocks;
        return f;
    }

    /** {@link #firstAbove} for {@code key(at(lo)) <= target}: the block over the fence, then the place in the block. */
    private int overFence(long[] f, int lo, long target, IntToLongFunction key) {
        int blocks = n >>> SHIFT;
        int b = lo >>> SHIFT;
        if (b >= blocks) {
            return gallop(lo, n, target, key);
        }
        // the first whole block whose largest key is above target: galloping over the fence from lo's block
        int fb;
        if (f[b] > target) {
            fb = b;
        } else {
            int flo = b;
            int step = 1;
            int fhi = b + 1;
            while (fhi < blocks && f[fhi] <= target) {
                flo = fhi;
                step <<= 1;
                fhi = Math.min(blocks, flo + step);
            }
            flo++;
            while (flo < fhi) {
                int mid = (flo + fhi) >>> 1;
                if (f[mid] <= target) {
                    flo = mid + 1;
                } else {
                    fhi = mid;
                }
            }
            fb = flo;
        }
        if (fb == blocks) { // every whole block's keys are at or below target: the answer is in the tail
            return gallop(Math.max(lo, blocks << SHIFT), n, target, key);
        }
        int start = Math.max(lo, fb << SHIFT);
        int end = (fb << SHIFT) + BLOCK; // key(at(end - 1)) > target
        while (start < end) {
            int mid = (start + end) >>> 1;
            if (key.applyAsLong(at(mid)) <= target) {
                start = mid + 1;
            } else {
                end = mid;
            }
        }
        return start;
    }

    /** The first position in {@code [lo, end)} whose key is above {@code target} (or {@code end}), galloping from {@code lo}. */
    private int gallop(int lo, int end, long target, IntToLongFunction key) {
        if (lo >= end || key.applyAsLong(at(lo)) > target) {
            return lo;
        }
        // key(lo) <= target: the answer is in (lo, hi], hi found by doubling the step
        int step = 1;
        int hi = lo + 1;
        while (hi < end && key.applyAsLong(at(hi)) <= target) {
            lo = hi;
            step <<= 1;
            hi = (int) Math.min(end, (long) lo + step);
        }
        lo++;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsLong(at(mid)) <= target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
