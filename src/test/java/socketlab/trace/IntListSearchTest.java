package socketlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The timeline walks its lists pixel by pixel with a galloping search: it must find what a plain scan finds. */
class IntListSearchTest {

    /** The answer by walking: first position at or after {@code from} whose key is above {@code target}. */
    private static int scan(long[] keys, int from, long target) {
        int i = Math.max(0, from);
        while (i < keys.length && keys[i] <= target) {
            i++;
        }
        return i;
    }

    /** Elements are positions into {@code keys} (as the lists hold event indices into the log). */
    private static IntList positions(int n) {
        IntList l = new IntList();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    @Property(tries = 300)
    void gallopingFindsWhatAScanFinds(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 5) Integer> steps,
                                      @ForAll @IntRange(min = -2, max = 320) int from) {
        // keys that never decrease, with runs of equal keys (steps of 0), as stream ends and times are
        long[] keys = new long[steps.size()];
        long k = 0;
        for (int i = 0; i < keys.length; i++) {
            k += steps.get(i);
            keys[i] = k;
        }
        IntList list = positions(keys.length);
        for (long target = -1; target <= k + 1; target++) {
            assertEquals(scan(keys, from, target), list.firstAbove(from, target, p -> keys[p]),
                    "from " + from + ", target " + target + " in " + java.util.Arrays.toString(keys));
        }
    }

    @Property(tries = 200)
    void theFenceFindsWhatAScanFindsWhileTheListGrows(
            @ForAll @Size(min = 1, max = 3000) List<@IntRange(min = 0, max = 3) Integer> steps,
            @ForAll @IntRange(min = 1, max = 700) int growBy) {
        // one key function for the list's life, as an index's are: its fence is kept, and extended as the list grows
        long[] keys = new long[steps.size()];
        long k = 0;
        for (int i = 0; i < keys.length; i++) {
            k += steps.get(i);
            keys[i] = k;
        }
        java.util.function.IntToLongFunction key = p -> keys[p];
        IntList list = new IntList();
        java.util.Random random = new java.util.Random(keys.length * 31L + growBy);
        for (int size = 0; size < keys.length; ) {
            for (int stop = Math.min(keys.length, size + growBy); size < stop; size++) {
                list.add(size);
            }
            long[] present = java.util.Arrays.copyOf(keys, size);
            for (int q = 0; q < 60; q++) {
                int from = random.nextInt(size + 2) - 1;
                long target = random.nextInt((int) k + 3) - 1;
                assertEquals(scan(present, from, target), list.firstAbove(from, target, key),
                        "from " + from + ", target " + target + " in " + size + " keys");
            }
        }
    }

    @Test
    void searchesFromEveryPositionOfALongListWithOneKeyPerPosition() {
        int n = 100_000;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = 10L * i;
        }
        IntList list = positions(n);
        for (int from = 0; from < n; from += 997) {
            for (long target : new long[] {-1, 10L * from - 1, 10L * from, 10L * from + 5, 10L * from + 10_000, 10L * n}) {
                assertEquals(scan(keys, from, target), list.firstAbove(from, target, p -> keys[p]),
                        "from " + from + ", target " + target);
            }
        }
    }
}
