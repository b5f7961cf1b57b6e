package socketlab.trace;

import java.util.ArrayList;
import java.util.List;
import socketlab.codec.Frame;
import socketlab.codec.FrameDecoder;
import socketlab.codec.HeldBytes;
import socketlab.codec.StreamDecoder;
import socketlab.codec.Verdict;
import socketlab.text.Phrase;

/**
 * Runs a framing's decoder over one direction of a connection's bytes and records what it finds:
 * on the receiver, each frame reassembled ({@link Op#FRAME}), each frame refused and each wrong
 * sha256 ({@link Op#ERROR}), and at EOF the bytes a frame still lacked; on the sender of a traced
 * program, whose messages the lab cannot be told, the messages its bytes hold ({@link Op#MESSAGE}).
 *
 * <pre>
 *   recv() → | len 11 | hello world | len 4 | ha |   →   FRAME #0 "hello world"   (2 bytes wait for the rest)
 * </pre>
 */
public final class FrameRecorder {
    private final StreamDecoder decoder;
    private final TraceLog.Lane lane;
    private final Op op;
    private final Side side;
    private final int conn;
    private int found;

    /**
     * {@code op}: FRAME for what a receiver decodes, MESSAGE for what a sender's bytes meant. Unfinished
     * frames are held in room from the process's pool ({@link HeldBytes#process()}).
     */
    public FrameRecorder(FrameDecoder framing, TraceLog.Lane lane, Op op, Side side, int conn) {
        this(framing, HeldBytes.process(), lane, op, side, conn);
    }

    public FrameRecorder(FrameDecoder framing, HeldBytes pool, TraceLog.Lane lane, Op op, Side side, int conn) {
        if (op != Op.FRAME && op != Op.MESSAGE) {
            throw new IllegalArgumentException("a decoder finds frames or messages, not " + op);
        }
        this.decoder = new StreamDecoder(framing, pool);
        this.lane = lane;
        this.op = op;
        this.side = side;
        this.conn = conn;
    }

    /**
     * Feeds {@code n} bytes of {@code buf} (what one call moved, ending at trace time {@code t}) and
     * records each whole frame at that time; returns them.
     */
    public List<Frame> feed(long t, byte[] buf, int off, int n) {
        List<StreamDecoder.Result> results = decoder.feed(buf, off, n);
        List<Frame> frames = new ArrayList<>(results.size());
        for (StreamDecoder.Result r : results) {
            if (r instanceof StreamDecoder.Decoded d) {
                Frame f = d.frame();
                int index = found++;
                lane.messageAt(t, op, side, conn, f.streamOffset(), index, f.headerLength(), f.wireLength(),
                        f.body(), Digests.crc(f.body()), op == Op.FRAME ? f.verified() : Verdict.UNKNOWN, f.headerJson());
                if (op == Op.FRAME && f.verified() == Verdict.WRONG) {
                    lane.errorAt(t, side, conn, f.streamOffset(), Phrase.of("frame.hashMismatch", found, f.body().length));
                }
                frames.add(f);
            } else if (r instanceof StreamDecoder.Failed fail) {
                lane.errorAt(t, side, conn, fail.error().streamOffset(), fail.error().words().asSentence());
            } else if (r instanceof StreamDecoder.Refused no) {
                lane.errorAt(t, side, conn, no.error().streamOffset(), no.error().words().asSentence());
            }
        }
        return frames;
    }

    /** At EOF (trace time {@code t}; {@code offset}: the stream's end): records what is wrong with bytes left over, if anything. */
    public void ended(long t, long offset) {
        Phrase incomplete = decoder.finish();
        if (incomplete != null) {
            lane.errorAt(t, side, conn, offset, incomplete.asSentence());
        }
        decoder.release();
    }

    /** True once the pool of held bytes refused this stream room (said as an error): nothing more is decoded. */
    public boolean refused() {
        return decoder.refused();
    }

    /** Gives back the room this stream's unfinished frame holds: when its connection ends without an EOF. */
    public void release() {
        decoder.release();
    }
}
