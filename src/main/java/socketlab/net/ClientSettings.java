package socketlab.net;

import socketlab.codec.Framing;

/**
 * How the lab's client behaves.
 *
 * @param gapMs      pause between two messages (added to the sleep framing's own pause)
 * @param noDelay    TCP_NODELAY: switch Nagle's algorithm off
 * @param recvBuffer size asked of each {@code recv()} when reading replies
 */
public record ClientSettings(String host, int port, Framing framing, int gapMs, boolean noDelay, int recvBuffer) {

    public ClientSettings {
        if (gapMs < 0 || gapMs > 60_000) {
            throw new socketlab.text.WordedArgumentException(socketlab.text.Phrase.of("client.gap", gapMs));
        }
    }

    public static ClientSettings to(int port) {
        return new ClientSettings(ServerSettings.LOOPBACK, port, Framing.NONE, 0, false, ServerSettings.DEFAULT_RECV_BUFFER);
    }

    public ClientSettings withFraming(Framing f) {
        return new ClientSettings(host, port, f, gapMs, noDelay, recvBuffer);
    }

    public ClientSettings withGap(int ms) {
        return new ClientSettings(host, port, framing, ms, noDelay, recvBuffer);
    }

    public ClientSettings withNoDelay(boolean nd) {
        return new ClientSettings(host, port, framing, gapMs, nd, recvBuffer);
    }

    public ClientSettings withPort(int p) {
        return new ClientSettings(host, p, framing, gapMs, noDelay, recvBuffer);
    }

    /** Milliseconds the sender waits between two messages. */
    public int pauseMs() {
        return gapMs + framing.sleepMs();
    }
}
