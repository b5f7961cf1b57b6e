package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import socketlab.text.Words;

/** Turns socket exceptions into sentences: what happened, and what to do about it. */
public final class Explain {
    private Explain() {
    }

    /**
     * Parses a port typed by a person: a whole number 0–65535 (0 lets the OS choose), in ASCII digits
     * only — Java's {@code parseInt} would also take "+80" and Arabic-Indic "٨٠" for port 80.
     */
    public static int port(String text) throws LabException {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new LabException(Words.tr("port.empty"));
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                throw new LabException(Words.tr("port.notNumber", t));
            }
        }
        int p = t.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(t);
        if (p < 0 || p > 65535) {
            throw new LabException(Words.tr("port.outOfRange", t));
        }
        return p;
    }

    /** Why binding failed, in words, offering {@code freePort} (from {@link #freePort}) when there is one. */
    public static String bind(BindException e, String address, int port, int freePort) {
        String free = freePort > 0 ? Words.tr("bind.free", String.valueOf(freePort)) : Words.tr("bind.useZero");
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("in use")) {
            int waiting = TcpStates.timeWait(port);
            if (waiting > 0) {
                return Words.tr("bind.timeWait", String.valueOf(port), waiting, free);
            }
            return Words.tr("bind.inUse", String.valueOf(port), free);
        }
        if (m.contains("permission")) {
            return Words.tr("bind.permission", String.valueOf(port), free);
        }
        return Words.tr("bind.other", address, String.valueOf(port), e.getMessage(), free);
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
            return Words.tr("connect.refused", host, String.valueOf(port));
        }
        if (e instanceof SocketTimeoutException) {
            return Words.tr("connect.timeout", host, String.valueOf(port));
        }
        if (e instanceof UnknownHostException) {
            return Words.tr("connect.unknownHost", host);
        }
        return Words.tr("connect.other", host, String.valueOf(port), e.getMessage());
    }

    /** An I/O error on an open connection; {@code doing} is a {@code doing.*} key of {@link Words} ("doing.receiving"). */
    public static String io(IOException e, String doing) {
        String m = String.valueOf(e.getMessage());
        String lm = m.toLowerCase(Locale.ROOT);
        if (lm.contains("connection reset")) {
            return Words.tr("io.reset", Words.tr(doing));
        }
        if (lm.contains("broken pipe")) {
            return Words.tr("io.brokenPipe", Words.tr(doing));
        }
        if (lm.contains("socket closed")) {
            return Words.tr("io.closed", Words.tr(doing));
        }
        return Words.tr("io.other", Words.tr(doing), m);
    }
}
