package socketlab.codec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of unfinished frames the receivers of one process may hold at once, across all their
 * connections: each {@link Cumulation} takes its buffer's size from here before it grows and gives it
 * back when it shrinks or is released.
 *
 * <pre>
 *   conn 1: | len 16 MiB | 16 MiB - 1 bytes ...... |   holds 16 MiB ┐
 *   conn 2: | len 16 MiB | 9 MiB .....              |   holds 16 MiB ├─ 240 MiB held of 256
 *   ...                                                              ┘
 *   conn 17: | len 16 MiB |  → would pass 256 MiB: refused, that connection ends; the others go on
 * </pre>
 *
 * A frame's own limit ({@code maxFrameLength}) bounds one connection; this bounds them all, so that
 * forty peers each holding back the last byte of a maximum frame cost a stated amount of memory and
 * one clear refusal each — not an {@code OutOfMemoryError} in whichever thread allocated next.
 */
public final class HeldBytes {
    public static final long MIB = 1L << 20;
    /** The most a process holds: 256 MiB, fifteen maximum frames (16 MiB and a 4-byte length each). */
    public static final long DEFAULT_LIMIT = 256 * MIB;
    /** No bound: for decoders fed by tests and tools that hold one stream. */
    public static final HeldBytes UNLIMITED = new HeldBytes(Long.MAX_VALUE);

    private static volatile HeldBytes process;

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    public HeldBytes(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a limit of held bytes must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /**
     * The pool every receiver of this process shares: {@value #DEFAULT_LIMIT} bytes, or a quarter of the
     * heap the JVM may take where that is less (the trace's memory budget has three quarters at most).
     */
    public static HeldBytes process() {
        HeldBytes p = process;
        if (p == null) {
            synchronized (HeldBytes.class) {
                p = process;
                if (p == null) {
                    p = new HeldBytes(Math.max(MIB, Math.min(DEFAULT_LIMIT, Runtime.getRuntime().maxMemory() / 4)));
                    process = p;
                }
            }
        }
        return p;
    }

    /** Takes {@code n} bytes if they fit under the limit; false (nothing taken) when they would pass it. */
    public boolean take(long n) {
        if (n <= 0) {
            return true;
        }
        while (true) {
            long now = held.get();
            if (n > limit - now) {
                return false;
            }
            if (held.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    /** Gives back {@code n} bytes taken before. */
    public void give(long n) {
        if (n > 0) {
            held.addAndGet(-n);
        }
    }

    public long held() {
        return held.get();
    }

    public long limit() {
        return limit;
    }
}
