package socketlab.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * The wire's part of an index: what was captured between each pair of ports ({@link Wire}), made
 * when the first segment or the first end with those ports is taken in, whichever comes first (a
 * connection's SYN is captured before its connect() returns), so both find the same one.
 */
final class Wires {
    private final Map<Integer, Wire> byPorts = new HashMap<>();
    private int segments;

    /** What was captured between two ports (in either direction). */
    Wire between(int portA, int portB) {
        return byPorts.computeIfAbsent(Math.min(portA, portB) << 16 | Math.max(portA, portB), k -> new Wire(portA, portB));
    }

    /** Takes in segment event {@code i}: its ports say whose it is (its conn may be 0, no socket of the lab's). */
    void add(TraceLog log, int i) {
        between(log.requested(i), log.available(i)).add(log, i);
        segments++;
    }

    int segments() {
        return segments;
    }
}
