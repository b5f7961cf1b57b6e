package socketlab.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import socketlab.text.Phrase;

/**
 * The tutorial's final fix: a 4-byte header length ({@code struct.pack('i', len(head_bytes))}),
 * a UTF-8 JSON header ({@code json.dumps(head).encode('utf8')}) with at least {@code data_size},
 * then {@code data_size} body bytes. When the header carries {@code hash} (sha256, hex) it is
 * checked on arrival.
 *
 * <pre>
 * BEFORE
 * +-------------+------------------------------------------------+-------+
 * | 2E 00 00 00 | {"data_size": 5, "filename": "a.txt", "hash":..} | hello |
 * +-------------+------------------------------------------------+-------+
 *   header len          header (46 bytes)                          body
 * AFTER
 * Frame(body="hello", headerJson={...}, verified=true)
 * </pre>
 *
 * Bad input is reported with the real numbers and skipped: a negative, zero or oversized header
 * length; a header that is not JSON or lacks a usable {@code data_size} (the length field and the
 * header are dropped); a {@code data_size} above {@code maxFrameLength} (the whole frame is
 * dropped as it arrives). A wrong hash is not an error: the frame is delivered with
 * {@code verified=false} so the learner can see what arrived.
 */
public final class JsonHeaderDecoder implements FrameDecoder {
    public static final int FIELD = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean bigEndian;
    private final int maxHeaderLength;
    private final int maxFrameLength;
    private final Discard discard = new Discard();

    // the header of the frame being waited for, parsed once (it never changes while we wait)
    private long parsedAt = -1;
    private ObjectNode parsedHeader;
    private long parsedSize;

    public JsonHeaderDecoder(boolean bigEndian, int maxHeaderLength, int maxFrameLength) {
        this.bigEndian = bigEndian;
        this.maxHeaderLength = FrameDecoder.positive("maxHeaderLength", maxHeaderLength);
        this.maxFrameLength = FrameDecoder.positive("maxFrameLength", maxFrameLength);
    }

    @Override
    public Frame decode(Cumulation in) {
        if (discard.skip(in) || in.readable() < FIELD) {
            return null; // still dropping a refused frame, or the length field is not all here yet
        }
        long start = in.streamOffset();
        int headLen = in.getInt(0, bigEndian);
        if (headLen <= 0 || headLen > maxHeaderLength) {
            if (LengthFields.looksLikeText(in, 0)) {
                Phrase msg = Phrase.of("header.of", LengthFields.notThisProtocol(headLen, in, 0, bigEndian));
                int n = in.readable();
                in.skip(n);
                throw new CorruptedFrameException(msg, start, n);
            }
            if (headLen <= 0) {
                Phrase msg = Phrase.of("header.of", Phrase.of(headLen == 0 ? "header.zero" : "len.negative",
                        LengthFields.describe(headLen, in, 0, bigEndian)));
                in.skip(FIELD);
                throw new CorruptedFrameException(msg, start, FIELD);
            }
            Phrase msg = Phrase.of("header.of", Phrase.of("header.tooLong", LengthFields.describe(headLen, in, 0, bigEndian),
                    String.format("%,d", maxHeaderLength), String.format("%,d", FIELD + (long) headLen)));
            discard.start(FIELD + (long) headLen, in);
            throw new TooLongFrameException(msg, start, FIELD + (long) headLen);
        }
        if (in.readable() < FIELD + headLen) {
            in.expect(FIELD + (long) headLen);
            return null;
        }
        if (parsedAt != start) {
            parseHeader(in, start, headLen);
        }
        long total = FIELD + (long) headLen + parsedSize;
        if (in.readable() < total) {
            in.expect(total);
            return null;
        }
        byte[] body = in.copy(FIELD + headLen, (int) parsedSize);
        Verdict verified = verify(parsedHeader, body);
        Frame f = new Frame(start, (int) total, FIELD + headLen, body, parsedHeader.toString(), verified);
        in.skip((int) total);
        parsedAt = -1;
        parsedHeader = null;
        return f;
    }

    private void parseHeader(Cumulation in, long start, int headLen) {
        byte[] headBytes = in.copy(FIELD, headLen);
        String headText = new String(headBytes, StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = JSON.readTree(headBytes);
        } catch (JsonProcessingException e) {
            in.skip(FIELD + headLen);
            throw new CorruptedFrameException(Phrase.of("header.notJson", headLen, e.getOriginalMessage(), abbreviate(headText)),
                    start, FIELD + headLen);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        if (!(node instanceof ObjectNode obj)) {
            in.skip(FIELD + headLen);
            throw new CorruptedFrameException(Phrase.of("header.notObject", abbreviate(headText), headLen), start, FIELD + headLen);
        }
        JsonNode size = obj.get("data_size");
        if (size == null || !size.isIntegralNumber() || size.asLong() < 0 || !size.canConvertToLong()) {
            in.skip(FIELD + headLen);
            throw new CorruptedFrameException(Phrase.of("header.noSize", abbreviate(headText), headLen), start, FIELD + headLen);
        }
        long dataSize = size.asLong();
        if (dataSize > maxFrameLength) {
            // what the header claims the frame takes, without overflow: a data_size near 2^63 claims more than any
            // stream can carry, so everything after it on this connection is the refused frame's (one error, no more)
            long claimed = dataSize > Long.MAX_VALUE - FIELD - headLen ? Long.MAX_VALUE : FIELD + headLen + dataSize;
            discard.start(claimed, in);
            throw new TooLongFrameException(Phrase.of("header.sizeTooLong", String.format("%,d", dataSize),
                    String.format("%,d", maxFrameLength), String.format("%,d", claimed)), start, claimed);
        }
        parsedAt = start;
        parsedHeader = obj;
        parsedSize = dataSize;
    }

    private static Verdict verify(ObjectNode header, byte[] body) {
        JsonNode hash = header.get("hash");
        if (hash == null || hash.isNull()) {
            return Verdict.UNKNOWN;
        }
        return Verdict.of(hash.isTextual() && hash.asText().equalsIgnoreCase(sha256Hex(body)));
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    @Override
    public Phrase describeIncomplete(Cumulation in) {
        if (discard.incomplete() != null) {
            return discard.incomplete();
        }
        if (in.readable() < FIELD) {
            return Phrase.of("incomplete.headerField", in.readable());
        }
        int headLen = in.getInt(0, bigEndian);
        if (in.readable() < FIELD + headLen || parsedAt != in.streamOffset()) {
            return Phrase.of("incomplete.header", in.readable(), FIELD + headLen, headLen);
        }
        long total = FIELD + headLen + parsedSize;
        return Phrase.of("incomplete.headerBody", in.readable(), total, headLen, parsedSize);
    }
}
