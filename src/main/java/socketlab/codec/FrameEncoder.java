package socketlab.codec;

import socketlab.text.Phrase;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/** Turns one message into the bytes its framing puts on the wire. One factory per strategy. */
@FunctionalInterface
public interface FrameEncoder {

    Encoded encode(byte[] body, String filename);

    /** No framing: the bytes as they are. */
    static FrameEncoder naive() {
        return (body, name) -> new Encoded(body.clone(), 0, body.length);
    }

    /** Pads with NUL bytes to exactly {@code n}; refuses longer messages. */
    static FrameEncoder fixed(int n) {
        return (body, name) -> {
            if (body.length > n) {
                throw new MessageTooLongException(Phrase.of("fixed.tooLong", body.length, n));
            }
            byte[] wire = new byte[n];
            System.arraycopy(body, 0, wire, 0, body.length);
            return new Encoded(wire, 0, body.length);
        };
    }

    /** {@code struct.pack('i', len(body)) + body} (or {@code '!i'} when big-endian). */
    static FrameEncoder lengthPrefixed(boolean bigEndian) {
        return (body, name) -> {
            byte[] wire = new byte[4 + body.length];
            putInt(wire, 0, body.length, bigEndian);
            System.arraycopy(body, 0, wire, 4, body.length);
            return new Encoded(wire, 4, body.length);
        };
    }

    /** A newline after the message; a newline inside it is refused. */
    static FrameEncoder line() {
        return (body, name) -> {
            for (byte b : body) {
                if (b == '\n') {
                    throw new MessageTooLongException(Phrase.of("line.newline"));
                }
            }
            byte[] wire = new byte[body.length + 1];
            System.arraycopy(body, 0, wire, 0, body.length);
            wire[body.length] = '\n';
            return new Encoded(wire, 0, body.length);
        };
    }

    /**
     * The tutorial's final fix, byte for byte as Python writes it:
     * {@code head = {'data_size': n, 'filename': f, 'hash': sha256}},
     * {@code head_bytes = json.dumps(head).encode('utf8')},
     * {@code struct.pack('i', len(head_bytes)) + head_bytes + body}.
     */
    static FrameEncoder jsonHeader(boolean bigEndian) {
        return (body, name) -> {
            byte[] head = pythonJsonHeader(body.length, name, JsonHeaderDecoder.sha256Hex(body));
            byte[] wire = new byte[4 + head.length + body.length];
            putInt(wire, 0, head.length, bigEndian);
            System.arraycopy(head, 0, wire, 4, head.length);
            System.arraycopy(body, 0, wire, 4 + head.length, body.length);
            return new Encoded(wire, 4 + head.length, body.length);
        };
    }

    /** What Python's {@code json.dumps} prints for the header: ", " and ": " separators, non-ASCII escaped. */
    static byte[] pythonJsonHeader(long dataSize, String filename, String hash) {
        ObjectMapper m = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();
        try {
            String json = "{\"data_size\": " + dataSize
                    + ", \"filename\": " + (filename == null ? "null" : m.writeValueAsString(filename))
                    + ", \"hash\": " + (hash == null ? "null" : m.writeValueAsString(hash)) + "}";
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void putInt(byte[] a, int at, int v, boolean bigEndian) {
        if (bigEndian) {
            a[at] = (byte) (v >>> 24);
            a[at + 1] = (byte) (v >>> 16);
            a[at + 2] = (byte) (v >>> 8);
            a[at + 3] = (byte) v;
        } else {
            a[at] = (byte) v;
            a[at + 1] = (byte) (v >>> 8);
            a[at + 2] = (byte) (v >>> 16);
            a[at + 3] = (byte) (v >>> 24);
        }
    }
}
