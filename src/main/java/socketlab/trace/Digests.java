package socketlab.trace;

import java.util.zip.CRC32C;

/** The digest that matches a frame to the message that was meant: CRC32C of the body. */
public final class Digests {
    private Digests() {
    }

    public static long crc(byte[] body) {
        CRC32C c = new CRC32C();
        c.update(body, 0, body.length);
        return c.getValue();
    }
}
