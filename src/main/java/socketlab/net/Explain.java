package socketlab.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import socketlab.text.Phrase;
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
            throw new LabException(Phrase.of("port.empty"));
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                throw new LabException(Phrase.of("port.notNumber", t));
            }
        }
        int p = t.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(t);
        if (p < 0 || p > 65535) {
            throw new LabException(Phrase.of("port.outOfRange", t));
        }
        return p;
    }

    /** Why binding failed, in words, offering {@code freePort} (from {@link #freePort}) when there is one. */
    public static Phrase bind(BindException e, String address, int port, int freePort) {
        Phrase free = freePort > 0 ? Phrase.of("bind.free", String.valueOf(freePort)) : Phrase.of("bind.useZero");
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("in use")) {
            int waiting = TcpStates.timeWait(port);
            if (waiting > 0) {
                return Phrase.of("bind.timeWait", String.valueOf(port), waiting, free);
            }
            return Phrase.of("bind.inUse", String.valueOf(port), free);
        }
        if (m.contains("assign requested address")) {
            return Phrase.of("bind.notLocal", address);
        }
        if (m.contains("permission")) {
            return Phrase.of("bind.permission", String.valueOf(port), free);
        }
        return Phrase.of("bind.other", address, String.valueOf(port), e.getMessage(), free);
    }

    /** Why binding a UDP socket failed: as {@link #bind}, but nothing listens on a UDP port — a socket is bound there. */
    public static Phrase bindDatagram(BindException e, String address, int port) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("in use") ? Phrase.of("bind.inUseDatagram", String.valueOf(port), Phrase.of("bind.useZero"))
                : bind(e, address, port, -1);
    }

    /** A port free on {@code address} right now, or -1. */
    public static int freePort(String address) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        } catch (IOException ignored) {
            return -1;
        }
    }

    public static Phrase connect(IOException e, String host, int port) {
        if (e instanceof ConnectException) {
            return Phrase.of("connect.refused", host, String.valueOf(port));
        }
        if (e instanceof SocketTimeoutException) {
            return Phrase.of("connect.timeout", host, String.valueOf(port));
        }
        if (e instanceof UnknownHostException) {
            return Phrase.of("connect.unknownHost", host);
        }
        return Phrase.of("connect.other", host, String.valueOf(port), e.getMessage());
    }

    /** The process (EMFILE) or the system (ENFILE) has no file descriptor left. */
    static boolean outOfDescriptors(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("too many open files");
    }

    /** An I/O error on an open connection; {@code doing} is a {@code doing.*} key of {@link Words} ("doing.receiving"). */
    public static Phrase io(IOException e, String doing) {
        String m = String.valueOf(e.getMessage());
        String lm = m.toLowerCase(Locale.ROOT);
        if (lm.contains("connection reset")) {
            return Phrase.of("io.reset", Phrase.of(doing));
        }
        if (outOfDescriptors(e)) {
            return Phrase.of("io.noDescriptors", Phrase.of(doing));
        }
        if (lm.contains("broken pipe")) {
            return Phrase.of("io.brokenPipe", Phrase.of(doing));
        }
        if (lm.contains("socket closed")) {
            return Phrase.of("io.closed", Phrase.of(doing));
        }
        return Phrase.of("io.other", Phrase.of(doing), m);
    }
}
