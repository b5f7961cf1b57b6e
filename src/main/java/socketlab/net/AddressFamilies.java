package socketlab.net;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/** Chapter 3, on real sockets: an AF_UNIX server binds a path (a file that exists while bound), with no IP address and no port. */
public final class AddressFamilies {
    private static final long WAIT_MS = 10_000;

    private AddressFamilies() {
    }

    /**
     * The same exchange over an AF_UNIX socket: the server binds a path in a fresh temporary folder
     * (the file appears while it is bound), the client connects to that path; no port anywhere.
     */
    public static Map<String, String> run(TraceLog log) throws LabException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("socketlab-unix");
        } catch (IOException e) {
            throw new LabException(Phrase.of("unix.noFolder", e.getMessage()), e);
        }
        Path path = dir.resolve("lab.sock");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            int serverConn = log.newConnId();
            log.life(Op.LISTEN, Side.SERVER, serverConn, 0, 0, 0, Note.of(Note.Word.AF_UNIX, path.toString()));
            f.put("path", path.toString());
            f.put("file_exists", String.valueOf(Files.exists(path)));
            try (SocketChannel client = SocketChannel.open(address); SocketChannel conn = server.accept()) {
                int clientConn = log.newConnId();
                int acceptedConn = log.newConnId();
                log.life(Op.CONNECT, Side.CLIENT, clientConn, 0, 0, 0, Note.of(Note.Word.AF_UNIX, path.toString()));
                log.life(Op.ACCEPT, Side.SERVER, acceptedConn, 0, 0, 0, Note.of(Note.Word.AF_UNIX, path.toString()));
                TraceLog.Lane lane = log.newLane();
                byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
                TracedChannel.write(lane, Side.CLIENT, client, clientConn, 0, hello);
                TracedChannel.read(lane, Side.SERVER, conn, acceptedConn, 0, hello.length);
                String own = String.valueOf(client.getLocalAddress());
                f.put("client_address", own.isBlank() ? "\"\"" : own);
                log.life(Op.CLOSE, Side.CLIENT, clientConn, 0, 0, hello.length, null);
                log.life(Op.CLOSE, Side.SERVER, acceptedConn, 0, 0, hello.length, null);
            }
        } catch (UnsupportedOperationException e) {
            throw new LabException(Phrase.of("unix.unavailable", e.getMessage()), e);
        } catch (IOException e) {
            throw new LabException(Explain.io(e, "doing.sending"), e);
        } finally {
            try {
                Files.deleteIfExists(path); // a UNIX socket's file outlives the socket: the program removes it
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary folder; the system cleans it
            }
        }
        f.put("bound_to", "true".equals(f.get("file_exists")) ? "path" : "other");
        return f;
    }
}
