package socketlab.codec;

import socketlab.text.Phrase;

/**
 * No framing at all: whatever one {@code recv()} returned is taken as one message. This is the
 * tutorial's bug, kept on purpose so the lab can show it.
 *
 * <pre>
 * send("hello world") send("haha")        recv(1024)
 * +-------------+------+                 +--------------------+
 * | hello world | haha |      ---->      | hello worldhaha    |  one "message"
 * +-------------+------+                 +--------------------+
 * </pre>
 */
public final class NaiveDecoder implements FrameDecoder {

    @Override
    public Frame decode(Cumulation in) {
        int n = in.readable();
        if (n == 0) {
            return null;
        }
        Frame f = Frame.plain(in.streamOffset(), n, 0, in.copy(0, n));
        in.skip(n);
        return f;
    }

    @Override
    public Phrase describeIncomplete(Cumulation in) {
        return null;
    }

    @Override
    public boolean chunkIsFrame() {
        return true;
    }
}
