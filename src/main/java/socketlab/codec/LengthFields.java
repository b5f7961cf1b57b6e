package socketlab.codec;

import socketlab.text.Phrase;
import java.util.Locale;

/** Words for a 4-byte length field that makes no sense, so a learner can see why. */
final class LengthFields {
    private LengthFields() {
    }

    /** The four bytes of the field as they are on the wire, e.g. {@code 68 65 6C 6C}. */
    static String hexBytes(Cumulation in, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%02X", in.getUnsigned(at + i)));
        }
        return sb.toString();
    }

    /** True when all four bytes are printable ASCII: text, not a binary length. */
    static boolean looksLikeText(Cumulation in, int at) {
        for (int i = 0; i < 4; i++) {
            int b = in.getUnsigned(at + i);
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static String asText(Cumulation in, int at, int max) {
        int n = Math.min(max, in.readable() - at);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = in.getUnsigned(at + i);
            sb.append(b >= 0x20 && b <= 0x7E ? (char) b : '.');
        }
        return sb.toString();
    }

    static Phrase describe(int value, Cumulation in, int at, boolean bigEndian) {
        return Phrase.of("len.describe", String.format(Locale.ROOT, "%08X", value), String.format(Locale.ROOT, "%,d", value),
                Phrase.of(bigEndian ? "len.be" : "len.le"), hexBytes(in, at));
    }

    static Phrase notThisProtocol(int value, Cumulation in, int at, boolean bigEndian) {
        return Phrase.of("len.notProtocol", describe(value, in, at, bigEndian), asText(in, at, 40), in.readable());
    }
}
