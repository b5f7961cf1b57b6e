package socketlab.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text files the user gives the lab (scenarios, saved traces) read as UTF-8, strictly: a byte-order
 * mark at the start is skipped (editors on Windows write one), a UTF-16 file is named as such, and a
 * byte that no UTF-8 character is made of is an error that names its line — never "Input length = 3".
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** Bytes that are not UTF-8 text, or text in another encoding: where, in words. */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private final Phrase words;

        NotUtf8Exception(Phrase words) {
            this.words = words;
        }

        public Phrase words() {
            return words;
        }

        @Override
        public String getMessage() {
            return words.words();
        }
    }

    /** All of {@code bytes} as text (a file read whole): a bad byte names its line and its place in the file. */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        int start = bom(bytes);
        CharsetDecoder d = strict();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            throw notUtf8(line(bytes, in.position()), in.position() + 1); // counted from 1, as an editor does
        }
        d.flush(out);
        return out.flip().toString();
    }

    /**
     * The lines of {@code in} as UTF-8 text, one at a time (a trace file may be large), the byte-order mark
     * skipped. Each line is decoded on its own, so a bad byte is reported on the line it is in (a
     * {@link java.io.Reader} decodes a block ahead, and would blame the line it was reading).
     */
    public static Lines lines(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        int skip = bom(head);
        p.unread(head, skip, head.length - skip);
        return new Lines(p);
    }

    /** Lines read by {@link #lines}; {@code "\r\n"} ends a line as {@code "\n"} does. */
    public static final class Lines implements java.io.Closeable {
        private final InputStream in;
        private final CharsetDecoder decoder = strict();
        private byte[] buf = new byte[256];
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int lim;

        private Lines(InputStream in) {
            this.in = in;
        }

        /** The next line without its end, or null at the end; a {@link NotUtf8Exception} for a line that is not UTF-8. */
        public String next() throws IOException {
            int n = 0;
            boolean ended = false;
            while (!ended) {
                if (pos == lim) {
                    lim = in.read(chunk);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        if (n == 0) {
                            return null;
                        }
                        break;
                    }
                }
                int end = pos;
                while (end < lim && chunk[end] != '\n') {
                    end++;
                }
                int len = end - pos;
                if (n + len > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + len));
                }
                System.arraycopy(chunk, pos, buf, n, len);
                n += len;
                ended = end < lim;
                pos = ended ? end + 1 : end;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            try {
                return decoder.reset().decode(ByteBuffer.wrap(buf, 0, n)).toString();
            } catch (CharacterCodingException e) {
                throw new NotUtf8Exception(Phrase.of("file.notUtf8Line"));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Length of a UTF-8 byte-order mark at the start (0 or 3); a UTF-16 or UTF-32 mark is refused. */
    private static int bom(byte[] b) throws NotUtf8Exception {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            throw new NotUtf8Exception(Phrase.of("file.utf16"));
        }
        return 0;
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int line(byte[] b, int upTo) {
        int line = 1;
        for (int i = 0; i < upTo; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static NotUtf8Exception notUtf8(int line, int offset) {
        return new NotUtf8Exception(Phrase.of("file.notUtf8", line, Integer.toString(offset)));
    }
}
