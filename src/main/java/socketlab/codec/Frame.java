package socketlab.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message as a decoder reassembled it.
 *
 * @param streamOffset offset in the TCP stream of the frame's first byte (its header, if any)
 * @param wireLength   bytes the frame took in the stream: header + body + padding/delimiter
 * @param headerLength bytes of framing before the body (length field, JSON header)
 * @param body         the message itself
 * @param headerJson   the decoded JSON header (compact), or null when the framing has none
 * @param verified     hash check: OK or WRONG when the header carried a hash, UNKNOWN otherwise
 */
public record Frame(long streamOffset, int wireLength, int headerLength, byte[] body, String headerJson, Verdict verified) {

    public Frame {
        Objects.requireNonNull(body, "body");
    }

    public static Frame plain(long streamOffset, int wireLength, int headerLength, byte[] body) {
        return new Frame(streamOffset, wireLength, headerLength, body, null, Verdict.UNKNOWN);
    }

    /** The body as UTF-8 text, or null when it is not valid UTF-8. */
    public String textOrNull() {
        return utf8OrNull(body);
    }

    /**
     * {@code bytes} as UTF-8 text, or null when they are not valid UTF-8. The lenient decoder (the JDK's fast path,
     * which copies ASCII as it is) puts U+FFFD for each malformed sequence: text without one was valid. Only text
     * with one — malformed, or U+FFFD itself sent as EF BF BD — is decoded again, strictly, to tell which.
     * (The strict decoder alone went through a char buffer twice the size and was a third of the trace command's
     * time at 64 KiB messages.)
     */
    public static String utf8OrNull(byte[] bytes) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && streamOffset == f.streamOffset && wireLength == f.wireLength
                && headerLength == f.headerLength && Arrays.equals(body, f.body)
                && Objects.equals(headerJson, f.headerJson) && Objects.equals(verified, f.verified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamOffset, wireLength, headerLength, Arrays.hashCode(body), headerJson, verified);
    }

    @Override
    public String toString() {
        String t = textOrNull();
        return "Frame@" + streamOffset + "[" + (t != null ? '"' + t + '"' : body.length + " bytes") + "]";
    }
}
