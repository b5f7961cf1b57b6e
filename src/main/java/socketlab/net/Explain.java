package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns socket exceptions into sentences: what happened, and what to do about it. */
public final class Explain {
    private Explain() {
    }

    /** Parses a port typed by a person: a whole number 0–65535 (0 lets the OS choose). */
    public static int port(String text) throws LabException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new LabException("Type a port number from 0 to 65535 (0 lets the system pick a free one).");
        }
        int p;
        try {
            p = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new LabException("\"" + t + "\" is not a port number: type a whole number from 0 to 65535.");
        }
        if (p < 0 || p > 65535) {
            throw new LabException("Port " + p + " is outside 0–65535: a TCP port is a 16-bit number.");
        }
        return p;
    }

    /** Why binding failed, in words, offering {@code freePort} (from {@link #freePort}) when there is one. */
    public static String bind(BindException e, String address, int port, int freePort) {
        String free = freePort > 0 ? " Port " + freePort + " is free right now, or use 0 to let the system choose."
                : " Use 0 to let the system choose a free port.";
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("in use")) {
            int waiting = TcpStates.timeWait(port);
            if (waiting > 0) {
                return "Port " + port + " is in use: " + waiting + " connection(s) of an earlier server on it are in TIME_WAIT"
                        + " (the side that closed first keeps them for a while, so late packets are not mistaken for new ones)."
                        + " With SO_REUSEADDR on, the new server can bind anyway." + free;
            }
            return "Port " + port + " is already in use: another program (or an earlier server) is listening there."
                    + free;
        }
        if (m.contains("permission")) {
            return "Not allowed to listen on port " + port + " (ports below 1024 need administrator rights)." + free;
        }
        return "Could not listen on " + address + ":" + port + ": " + e.getMessage() + "." + free;
    }

    /** A port free on {@code address} right now, or -1. */
    public static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException ignored) {
            return -1;
        }
    }

    public static String connect(IOException e, String host, int port) {
        if (e instanceof ConnectException) {
            return "Connection refused by " + host + ":" + port + ": nothing is listening there."
                    + " Start the server first (or check the port), then connect again.";
        }
        if (e instanceof SocketTimeoutException) {
            return "No answer from " + host + ":" + port + " in time.";
        }
        if (e instanceof UnknownHostException) {
            return "Unknown host \"" + host + "\".";
        }
        return "Could not connect to " + host + ":" + port + ": " + e.getMessage();
    }

    /** An I/O error on an open connection. */
    public static String io(IOException e, String doing) {
        String m = String.valueOf(e.getMessage());
        String lm = m.toLowerCase(Locale.ROOT);
        if (lm.contains("connection reset")) {
            return "Connection reset by the peer while " + doing + ": the other side closed abruptly"
                    + " (it quit with unread data, or aborted), so the kernel sent RST instead of a normal FIN.";
        }
        if (lm.contains("broken pipe")) {
            return "Broken pipe while " + doing + ": the peer has already closed the connection, so these bytes have nowhere to go.";
        }
        if (lm.contains("socket closed")) {
            return "The socket was closed while " + doing + ".";
        }
        return "I/O error while " + doing + ": " + m;
    }
}
