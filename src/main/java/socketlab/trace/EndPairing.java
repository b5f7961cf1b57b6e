package socketlab.trace;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs the two ends of a connection: by their ports (each one's local port is the other's remote
 * port), or, for AF_UNIX sockets, which have no ports, by the path both name — the first unpaired end
 * of the other side that connected to or accepted on the same path. Unpaired ends wait in maps by what
 * their peer will name, so pairing is one lookup, not a walk through every connection (20,000 short
 * connections took 2–3 s to index that way). A port the kernel hands out again pairs in order: the
 * first unpaired end that named it.
 */
final class EndPairing {
    private final Map<Long, ArrayDeque<Conn>> byPorts = new HashMap<>();
    private final Map<String, ArrayDeque<Conn>> byPath = new HashMap<>();

    /** Pairs {@code c} with the end waiting for it, or leaves it waiting for its own peer. */
    void link(Conn c) {
        Side other = c.side == Side.CLIENT ? Side.SERVER : Side.CLIENT;
        ArrayDeque<Conn> candidates = c.localPort != 0 ? byPorts.get(portKey(other, c.remotePort, c.localPort))
                : c.unixPath != null ? byPath.get(pathKey(other, c.unixPath)) : null;
        while (candidates != null && !candidates.isEmpty()) {
            Conn o = candidates.pollFirst();
            boolean still = o != c && o.peer == null && o.side != c.side
                    && (c.localPort != 0 ? o.localPort == c.remotePort && o.remotePort == c.localPort
                    : c.unixPath.equals(o.unixPath));
            if (still) { // an entry can be stale: paired since, or a UDP end whose peer port it learnt later
                o.peer = c;
                c.peer = o;
                return;
            }
        }
        if (c.localPort != 0) {
            byPorts.computeIfAbsent(portKey(c.side, c.localPort, c.remotePort), k -> new ArrayDeque<>()).addLast(c);
        } else if (c.unixPath != null) {
            byPath.computeIfAbsent(pathKey(c.side, c.unixPath), k -> new ArrayDeque<>()).addLast(c);
        }
    }

    private static long portKey(Side side, int localPort, int remotePort) {
        return (long) side.ordinal() << 40 | (long) (localPort & 0xFFFFF) << 20 | (remotePort & 0xFFFFF);
    }

    private static String pathKey(Side side, String path) {
        return (side == Side.CLIENT ? 'c' : 's') + path;
    }
}
