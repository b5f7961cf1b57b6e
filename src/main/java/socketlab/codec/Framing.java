package socketlab.codec;

import socketlab.text.Phrase;
import socketlab.text.WordedArgumentException;

import java.util.Locale;

/**
 * A framing strategy as the user names it on the command line and in the UI:
 * {@code none | sleep[:MS] | fixed:N | length[:le|be] | header[:le|be] | line}.
 * It makes the matching encoder and decoder, and for {@code sleep} says how long the sender
 * pauses between messages (the tutorial's {@code time.sleep}).
 */
public record Framing(Kind kind, int param, boolean bigEndian) {

    public enum Kind { NONE, SLEEP, FIXED, LENGTH, HEADER, LINE }

    public static final int DEFAULT_SLEEP_MS = 200;
    public static final int DEFAULT_FIXED = 32;
    public static final int DEFAULT_MAX_FRAME = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER = 64 * 1024;

    public static final Framing NONE = new Framing(Kind.NONE, 0, false);
    public static final Framing HEADER = new Framing(Kind.HEADER, 0, false);
    public static final Framing LENGTH = new Framing(Kind.LENGTH, 0, false);

    /** Parses a spec; the message of the exception says what is accepted. */
    public static Framing parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw usage("(empty)");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        String arg = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            arg = s.substring(colon + 1);
        }
        switch (name) {
            case "none":
                if (arg != null) {
                    throw usage(spec);
                }
                return NONE;
            case "line":
                if (arg != null) {
                    throw usage(spec);
                }
                return new Framing(Kind.LINE, 0, false);
            case "sleep":
                return new Framing(Kind.SLEEP, arg == null ? DEFAULT_SLEEP_MS : number(arg, spec, 0, 60_000), false);
            case "fixed":
                return new Framing(Kind.FIXED, arg == null ? DEFAULT_FIXED : number(arg, spec, 1, DEFAULT_MAX_FRAME), false);
            case "length":
            case "header":
                boolean be;
                if (arg == null || arg.equals("le")) {
                    be = false;
                } else if (arg.equals("be")) {
                    be = true;
                } else {
                    throw usage(spec);
                }
                return new Framing(name.equals("length") ? Kind.LENGTH : Kind.HEADER, 0, be);
            default:
                throw usage(spec);
        }
    }

    private static int number(String arg, String spec, int min, int max) {
        try {
            int v = Integer.parseInt(arg);
            if (v < min || v > max) {
                throw new WordedArgumentException(Phrase.of("framing.range", spec, v, min, max));
            }
            return v;
        } catch (NumberFormatException e) {
            throw new WordedArgumentException(Phrase.of("framing.notNumber", spec, arg));
        }
    }

    private static WordedArgumentException usage(String spec) {
        return new WordedArgumentException(Phrase.of("framing.unknown", spec));
    }

    public FrameDecoder newDecoder(int maxFrameLength) {
        return switch (kind) {
            case NONE, SLEEP -> new NaiveDecoder();
            case FIXED -> new FixedLengthDecoder(param);
            case LENGTH -> new LengthFieldDecoder(bigEndian, maxFrameLength);
            case HEADER -> new JsonHeaderDecoder(bigEndian, DEFAULT_MAX_HEADER, maxFrameLength);
            case LINE -> new LineDecoder(maxFrameLength);
        };
    }

    public FrameEncoder encoder() {
        return switch (kind) {
            case NONE, SLEEP -> FrameEncoder.naive();
            case FIXED -> FrameEncoder.fixed(param);
            case LENGTH -> FrameEncoder.lengthPrefixed(bigEndian);
            case HEADER -> FrameEncoder.jsonHeader(bigEndian);
            case LINE -> FrameEncoder.line();
        };
    }

    /** Pause the sender makes between two messages (only the sleep "fix" has one). */
    public int sleepMs() {
        return kind == Kind.SLEEP ? param : 0;
    }

    /** True when the framing gives the receiver real message boundaries. */
    public boolean delimits() {
        return kind != Kind.NONE && kind != Kind.SLEEP;
    }

    /** The spec string, as {@link #parse} reads it. */
    public String spec() {
        return switch (kind) {
            case NONE -> "none";
            case SLEEP -> "sleep:" + param;
            case FIXED -> "fixed:" + param;
            case LENGTH -> bigEndian ? "length:be" : "length:le";
            case HEADER -> bigEndian ? "header:be" : "header:le";
            case LINE -> "line";
        };
    }

    @Override
    public String toString() {
        return spec();
    }
}
