package socketlab.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 the right way for a byte stream: a character whose bytes were cut between two
 * {@code recv()} chunks is kept until its last byte arrives. Decoding each chunk on its own (as
 * {@code data.decode('utf-8', errors='replace')} per chunk would) turns such a character into
 * U+FFFD; see {@link #decodeAlone}.
 *
 * <pre>
 * "你好" = E4 BD A0 | E5 A5 BD          recv(4) then recv(1024)
 * chunk by chunk:  "你\uFFFD"  "\uFFFD…"      (the cut character is lost)
 * as a stream:     "你"        "好"           (its first byte waits for the rest)
 * </pre>
 */
public final class Utf8Stream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text completed by this chunk; an unfinished character at its end waits for the next one. */
    public String feed(byte[] chunk) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + chunk.length);
        in.put(pending).put(chunk).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    /** Bytes of an unfinished character still waiting. */
    public int pendingBytes() {
        return pending.remaining();
    }

    /** The wrong way, for comparison: one chunk decoded on its own. */
    public static String decodeAlone(byte[] chunk) {
        return new String(chunk, StandardCharsets.UTF_8);
    }
}
