package socketlab.codec;

/**
 * A message as it goes on the wire: {@code headerLength} framing bytes, then the body, then
 * {@code wire.length - headerLength - bodyLength} trailing bytes (padding or delimiter).
 */
public record Encoded(byte[] wire, int headerLength, int bodyLength) {
    public int trailerLength() {
        return wire.length - headerLength - bodyLength;
    }
}
