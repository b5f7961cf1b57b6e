package socketlab.net;

import java.util.List;
import socketlab.codec.Framing;
import socketlab.text.Phrase;
import socketlab.text.WordedArgumentException;

/**
 * How the lab's server behaves.
 *
 * @param bindAddress   where to listen; loopback unless the user explicitly asks otherwise
 * @param port          0 = any free port
 * @param recvBuffer    the size asked of each {@code recv()} (the tutorial's 1024)
 * @param recvDelayMs   pause before each {@code recv()}: a "slow" server lets the kernel buffer fill
 * @param recvSizes     sizes for the first {@code recv()} calls, e.g. [2, 20] (then {@code recvBuffer})
 * @param framing       how the server cuts the stream into messages
 * @param echo          send each message back upper-cased, as the tutorial's server does
 * @param maxConns      stop after this many connections have closed; 0 = run until stopped
 * @param maxFrameLength largest frame a decoder accepts
 * @param model          how connections are served (the tutorial's chapter 10 and the select appendix)
 */
public record ServerSettings(String bindAddress, int port, int recvBuffer, int recvDelayMs, List<Integer> recvSizes,
                             Framing framing, boolean echo, int maxConns, int maxFrameLength, Model model) {

    /** How a server serves its connections. */
    public enum Model {
        /** A thread per connection, like socketserver.ThreadingTCPServer. */
        THREADED,
        /** One connection at a time: the next accept() only after the current client has gone. */
        ITERATIVE,
        /** One thread and a Selector (select/poll/epoll): serves whichever connections are ready. */
        SELECTOR;

        public static Model parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new WordedArgumentException(Phrase.of("server.model", s));
            }
        }
    }

    public ServerSettings(String bindAddress, int port, int recvBuffer, int recvDelayMs, List<Integer> recvSizes,
                          Framing framing, boolean echo, int maxConns, int maxFrameLength) {
        this(bindAddress, port, recvBuffer, recvDelayMs, recvSizes, framing, echo, maxConns, maxFrameLength, Model.THREADED);
    }

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_RECV_BUFFER = 1024;

    public ServerSettings {
        recvSizes = List.copyOf(recvSizes);
        if (recvBuffer < 1 || recvBuffer > 16 * 1024 * 1024) {
            throw new WordedArgumentException(Phrase.of("server.recvBuffer", recvBuffer));
        }
        if (recvDelayMs < 0 || recvDelayMs > 60_000) {
            throw new WordedArgumentException(Phrase.of("server.recvDelay", recvDelayMs));
        }
        if (maxConns < 0) {
            throw new WordedArgumentException(Phrase.of("server.maxConns", maxConns));
        }
        for (int s : recvSizes) {
            if (s < 1 || s > 16 * 1024 * 1024) {
                throw new WordedArgumentException(Phrase.of("server.recvSize", s));
            }
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(LOOPBACK, DEFAULT_PORT, DEFAULT_RECV_BUFFER, 0, List.of(), Framing.NONE, false, 0,
                Framing.DEFAULT_MAX_FRAME);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(bindAddress, p, recvBuffer, recvDelayMs, recvSizes, framing, echo, maxConns, maxFrameLength, model);
    }

    public ServerSettings withFraming(Framing f) {
        return new ServerSettings(bindAddress, port, recvBuffer, recvDelayMs, recvSizes, f, echo, maxConns, maxFrameLength, model);
    }

    public ServerSettings withRecv(int buffer, int delayMs, List<Integer> sizes) {
        return new ServerSettings(bindAddress, port, buffer, delayMs, sizes, framing, echo, maxConns, maxFrameLength, model);
    }

    public ServerSettings withEcho(boolean e) {
        return new ServerSettings(bindAddress, port, recvBuffer, recvDelayMs, recvSizes, framing, e, maxConns, maxFrameLength, model);
    }

    public ServerSettings withMaxConns(int n) {
        return new ServerSettings(bindAddress, port, recvBuffer, recvDelayMs, recvSizes, framing, echo, n, maxFrameLength, model);
    }

    public ServerSettings withBindAddress(String a) {
        return new ServerSettings(a, port, recvBuffer, recvDelayMs, recvSizes, framing, echo, maxConns, maxFrameLength, model);
    }

    public ServerSettings withModel(Model m) {
        return new ServerSettings(bindAddress, port, recvBuffer, recvDelayMs, recvSizes, framing, echo, maxConns, maxFrameLength, m);
    }

    public int largestRecv() {
        int m = recvBuffer;
        for (int s : recvSizes) {
            m = Math.max(m, s);
        }
        return m;
    }
}
