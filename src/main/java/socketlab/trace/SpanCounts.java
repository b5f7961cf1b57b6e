package socketlab.trace;

import java.util.Arrays;

/**
 * One receiver's glued and split counts, kept up to date as its calls arrive rather than counted afresh
 * at every pulse (which took seconds a pulse past a million calls). A recv() is final once the spans
 * known reach past its bytes: its glued verdict and its share of each span's chunk count never change
 * again. The few recv()s past the last known span (the tail) are counted afresh each time, after the
 * last tail is undone.
 *
 * <pre>
 *   spans    | m0 | m1    | m2   |            (known up to here)
 *   recvs    | r0      | r1   | r2 …… |         r0, r1 final; r2 the tail
 * </pre>
 */
final class SpanCounts {
    /** The spans the counts below were made against; when a receiver's spans change kind, all is counted again. */
    private IntList spans;
    private int finalRecvs;
    private int spanCursor;
    private int gluedFinal;
    private int splitFinal;
    private int[] chunksPerSpan = new int[0];
    private final IntList tailTouched = new IntList();
    private int glued;
    private int split;

    int glued() {
        return glued;
    }

    int split() {
        return split;
    }

    /** For each span: in how many chunks its bytes arrived (the array may run past the spans: zeros). */
    int[] chunksPerSpan() {
        return chunksPerSpan;
    }

    /** Takes in the receiver's {@code recvs} against {@code spans} (the message boundaries its bytes were cut from). */
    void update(TraceIndex idx, IntList spans, IntList recvs) {
        TraceLog log = idx.log();
        if (spans != this.spans) { // the spans changed kind (a peer linked, messages began): count again, once
            this.spans = spans;
            finalRecvs = 0;
            spanCursor = 0;
            gluedFinal = 0;
            splitFinal = 0;
            chunksPerSpan = new int[spans.size()];
            tailTouched.clear();
        }
        for (int q = 0; q < tailTouched.size(); q++) { // undo the tail of the last count
            chunksPerSpan[tailTouched.get(q)]--;
        }
        tailTouched.clear();
        if (chunksPerSpan.length < spans.size()) {
            chunksPerSpan = Arrays.copyOf(chunksPerSpan, Math.max(spans.size(), chunksPerSpan.length * 2));
        }
        int last = spans.size() - 1;
        long spansEnd = last < 0 ? 0 : idx.spanStart(spans.get(last)) + idx.spanLength(spans.get(last));
        while (finalRecvs < recvs.size()) {
            int ev = recvs.get(finalRecvs);
            long start = log.offset(ev);
            long end = start + log.bytes(ev);
            if (end > spansEnd) {
                break; // its bytes reach past the spans known: it is the tail
            }
            spanCursor = idx.firstSpanEndingAfter(spans, spanCursor, start);
            int messages = count(idx, spanCursor, start, end, false);
            splitFinal += splitsJustMade;
            if (messages >= 2) {
                gluedFinal++;
            }
            finalRecvs++;
        }
        int gluedTail = 0;
        int splitTail = 0;
        for (int j = finalRecvs; j < recvs.size(); j++) {
            int ev = recvs.get(j);
            long start = log.offset(ev);
            int messages = count(idx, idx.firstSpanEndingAfter(spans, spanCursor, start), start, start + log.bytes(ev), true);
            splitTail += splitsJustMade;
            if (messages >= 2) {
                gluedTail++;
            }
        }
        glued = gluedFinal + gluedTail;
        split = splitFinal + splitTail;
    }

    /** Spans that reached two chunks in the last {@link #count}. */
    private int splitsJustMade;

    /**
     * Adds one chunk {@code [start, end)} to the spans it holds bytes of, from span {@code k} on; returns
     * how many (non-empty) spans that is. {@code tail}: noted, to be undone at the next update.
     */
    private int count(TraceIndex idx, int k, long start, long end, boolean tail) {
        int messages = 0;
        splitsJustMade = 0;
        for (int q = k; q < spans.size() && idx.spanStart(spans.get(q)) < end; q++) {
            if (idx.spanLength(spans.get(q)) > 0) {
                messages++;
                if (tail) {
                    tailTouched.add(q);
                }
                if (++chunksPerSpan[q] == 2) {
                    splitsJustMade++;
                }
            }
        }
        return messages;
    }
}
