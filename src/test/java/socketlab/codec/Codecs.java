package socketlab.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: encode messages into one stream, feed a stream in chunks. */
final class Codecs {
    private Codecs() {
    }

    static byte[] stream(Framing f, List<byte[]> bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameEncoder enc = f.encoder();
        int i = 0;
        for (byte[] b : bodies) {
            out.writeBytes(enc.encode(b, "m" + i++ + ".txt").wire());
        }
        return out.toByteArray();
    }

    /** Feeds {@code stream} cut at {@code cuts} (sorted offsets); returns frames and errors in order. */
    static Fed feed(Framing f, byte[] stream, int... cuts) {
        StreamDecoder d = new StreamDecoder(f.newDecoder(Framing.DEFAULT_MAX_FRAME));
        List<StreamDecoder.Result> all = new ArrayList<>();
        int prev = 0;
        for (int c : cuts) {
            all.addAll(d.feed(java.util.Arrays.copyOfRange(stream, prev, c)));
            prev = c;
        }
        all.addAll(d.feed(java.util.Arrays.copyOfRange(stream, prev, stream.length)));
        return new Fed(all, d.leftover(), d);
    }

    record Fed(List<StreamDecoder.Result> results, int leftover, StreamDecoder decoder) {
        List<byte[]> bodies() {
            List<byte[]> out = new ArrayList<>();
            for (StreamDecoder.Result r : results) {
                if (r instanceof StreamDecoder.Decoded d) {
                    out.add(d.frame().body());
                }
            }
            return out;
        }

        List<Frame> frames() {
            List<Frame> out = new ArrayList<>();
            for (StreamDecoder.Result r : results) {
                if (r instanceof StreamDecoder.Decoded d) {
                    out.add(d.frame());
                }
            }
            return out;
        }

        List<FrameException> errors() {
            List<FrameException> out = new ArrayList<>();
            for (StreamDecoder.Result r : results) {
                if (r instanceof StreamDecoder.Failed f) {
                    out.add(f.error());
                }
            }
            return out;
        }
    }
}
