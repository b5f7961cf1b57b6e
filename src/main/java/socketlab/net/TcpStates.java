package socketlab.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's own view of TCP sockets, read from {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * on Linux (what {@code ss -tan} shows). Elsewhere it answers -1: not available on this system.
 * It runs no command; it only reads those files.
 */
public final class TcpStates {
    private static final String TIME_WAIT = "06";

    private TcpStates() {
    }

    /** How many sockets with local port {@code port} are in TIME_WAIT; -1 when this system cannot say. */
    public static int timeWait(int port) {
        int found = -1;
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(f);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                found = Math.max(found, 0) + count(Files.readAllLines(p), port, TIME_WAIT);
            } catch (IOException e) {
                // not readable after all: leave it at what we know
            }
        }
        return found;
    }

    /**
     * The TIME_WAIT sockets of local port {@code port} themselves, as {@code ss -tan} would list
     * them: {@code "TIME-WAIT 127.0.0.1:8080 127.0.0.1:50312"}. Empty when there are none or this
     * system cannot say (IPv4 entries of /proc/net/tcp).
     */
    public static List<String> timeWaitSockets(int port) {
        List<String> out = new java.util.ArrayList<>();
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) { // Java's sockets are often IPv6 ones, IPv4-mapped
            Path p = Path.of(f);
            try {
                if (Files.isReadable(p)) {
                    out.addAll(sockets(Files.readAllLines(p), port, TIME_WAIT));
                }
            } catch (IOException e) {
                // not readable after all
            }
        }
        return out;
    }

    static List<String> sockets(List<String> lines, int port, String state) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length > 3 && cols[1].endsWith(hexPort) && cols[3].equals(state)) {
                out.add("TIME-WAIT " + address(cols[1]) + " " + address(cols[2]));
            }
        }
        return out;
    }

    /**
     * {@code 0100007F:1F90} (IPv4 as one little-endian word in hex, port in hex) → {@code 127.0.0.1:8080};
     * an IPv4-mapped IPv6 address ({@code 0000000000000000FFFF00000100007F}) reads the same way, another
     * IPv6 address is shown as its hex.
     */
    static String address(String hex) {
        String[] ipPort = hex.split(":");
        String ipHex = ipPort[0];
        int port = Integer.parseInt(ipPort[1], 16);
        if (ipHex.length() == 32 && ipHex.startsWith("0000000000000000FFFF0000")) {
            ipHex = ipHex.substring(24);
        }
        if (ipHex.length() != 8) {
            return "[" + ipHex + "]:" + port;
        }
        long ip = Long.parseLong(ipHex, 16);
        return (ip & 0xFF) + "." + (ip >> 8 & 0xFF) + "." + (ip >> 16 & 0xFF) + "." + (ip >> 24 & 0xFF) + ":" + port;
    }

    static int count(List<String> lines, int port, String state) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        int n = 0;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length > 3 && cols[1].endsWith(hexPort) && cols[3].equals(state)) {
                n++;
            }
        }
        return n;
    }
}
