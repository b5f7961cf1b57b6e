package socketlab.ui.controls;

import socketlab.codec.Framing;
import socketlab.text.I18n;

/**
 * A framing in plain words and in the Python that makes it, for where a spec alone ("length:le") says
 * nothing to a learner: the framing list and the field's tooltip.
 *
 * <pre>
 *   length:le   →   a 4-byte length, little-endian, then the message
 *                   struct.pack('&lt;i', len(data)) + data
 * </pre>
 */
public final class FramingWords {
    private FramingWords() {
    }

    /** What {@code spec} does, in the window's language; the spec itself when it is not one (half typed). */
    public static String of(String spec) {
        Framing f;
        try {
            f = Framing.parse(spec);
        } catch (IllegalArgumentException e) {
            return spec;
        }
        return I18n.tr("framing.says", words(f), python(f));
    }

    private static String words(Framing f) {
        String endian = I18n.tr(f.bigEndian() ? "framing.bigEndian" : "framing.littleEndian");
        return switch (f.kind()) {
            case NONE -> I18n.tr("framing.says.none");
            case SLEEP -> I18n.tr("framing.says.sleep", f.sleepMs());
            case FIXED -> I18n.tr("framing.says.fixed", String.valueOf(f.param()));
            case LENGTH -> I18n.tr("framing.says.length", endian);
            case HEADER -> I18n.tr("framing.says.header", endian);
            case LINE -> I18n.tr("framing.says.line");
        };
    }

    /** The tutorial-style Python call that frames a message so (the same in every language). */
    static String python(Framing f) {
        String order = f.bigEndian() ? "!" : "<";
        return switch (f.kind()) {
            case NONE -> "send(data)";
            case SLEEP -> "time.sleep(" + (f.sleepMs() / 1000.0) + ")";
            case FIXED -> "data.ljust(" + f.param() + ")";
            case LENGTH -> "struct.pack('" + order + "i', len(data)) + data";
            case HEADER -> "struct.pack('" + order + "i', len(head)) + head + data";
            case LINE -> "data + b'\\n'";
        };
    }
}
