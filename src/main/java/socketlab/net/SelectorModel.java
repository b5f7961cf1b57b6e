package socketlab.net;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import socketlab.codec.Frame;
import socketlab.trace.Side;

/**
 * The select/poll/epoll server: one thread, one {@link Selector} for the listener and every
 * connection; each {@code select()} is recorded with the connections it returned ready
 * ({@code "accept #3 #5"}). A receive delay delays everyone: the server has one thread. Its
 * answers (echo, commands) never wait for a peer to read them: what the socket does not take at once
 * is queued, written when the socket is writable again, and a peer that leaves more than
 * {@link #MAX_UNREAD} unread is closed with an error saying so, while the others are served.
 */
final class SelectorModel implements ServingModel {
    /**
     * Answers one connection may leave unread, queued in the server: past it the connection is closed
     * with an error that says so. One thread serves everyone, so it never waits for one peer to read.
     */
    static final long MAX_UNREAD = 1 << 20;
    /** Accepts per select(), so that the connections already open are read between bursts of new ones. */
    static final int ACCEPTS_PER_SELECT = 64;

    @Override
    public String doing() {
        return "doing.selecting";
    }

    @Override
    public void serve(LabServer server) throws IOException, InterruptedException {
        Map<Integer, Endpoint> byConn = new HashMap<>();
        byte[] buf = new byte[0];
        try (Selector sel = Selector.open()) {
            server.wakeOnStop(sel);
            server.listener().configureBlocking(false);
            server.listener().register(sel, SelectionKey.OP_ACCEPT);
            while (server.isRunning()) {
                sel.select();
                if (!server.isRunning()) {
                    break;
                }
                List<String> ready = new ArrayList<>();
                for (SelectionKey k : sel.selectedKeys()) {
                    ready.add(k.attachment() == null ? "accept" : "#" + ((Endpoint) k.attachment()).conn);
                }
                if (ready.isEmpty()) {
                    continue;
                }
                server.log().select(Side.SERVER, server.listenConn(), ready.size(), String.join(" ", ready));
                ServerSettings s = server.settings();
                if (s.recvDelayMs() > 0 && server.stopping().await(s.recvDelayMs(), TimeUnit.MILLISECONDS)) {
                    break; // a slow single-threaded server: everyone waits
                }
                for (SelectionKey k : new ArrayList<>(sel.selectedKeys())) {
                    if (k.attachment() == null && k.isValid() && k.isAcceptable()) {
                        for (int n = 0; n < ACCEPTS_PER_SELECT; n++) { // the connections waiting (a flood of them waits its turn)
                            SocketChannel ch = server.acceptOrRefuse();
                            if (ch == null) {
                                break; // none waiting now (those refused at the descriptor limit are said and closed)
                            }
                            Endpoint e;
                            try {
                                e = server.opened(ch, s);
                                ch.register(sel, SelectionKey.OP_READ, e);
                            } catch (IOException ex) {
                                ch.close(); // gone before it could be set up
                                continue;
                            }
                            byConn.put(e.conn, e);
                        }
                    } else if (k.attachment() instanceof Endpoint e && k.isValid() && k.isWritable()) {
                        try { // the peer read some: the queued answers go on
                            if (e.writeQueued() == 0) {
                                k.interestOps(SelectionKey.OP_READ);
                            }
                        } catch (IOException ex) {
                            server.log().error(Side.SERVER, e.conn, 0, Explain.io(ex, "doing.sending"));
                            k.cancel();
                            byConn.remove(e.conn);
                            server.closed(e);
                        }
                    }
                    if (k.attachment() instanceof Endpoint e && k.isValid() && k.isReadable()) {
                        int size = e.recvCalls() < s.recvSizes().size() ? s.recvSizes().get(e.recvCalls()) : s.recvBuffer();
                        if (buf.length < size) {
                            buf = new byte[Math.max(size, s.largestRecv())];
                        }
                        List<Frame> frames;
                        try {
                            frames = e.recvReady(buf, size);
                            long unread = server.reply(e, s, frames, true);
                            if (unread > MAX_UNREAD) {
                                server.log().error(Side.SERVER, e.conn, 0,
                                        socketlab.text.Phrase.of("server.unread", "#" + e.conn, unread, MAX_UNREAD));
                                frames = null;
                            } else if (unread > 0) {
                                k.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                            }
                        } catch (IOException ex) {
                            server.log().error(Side.SERVER, e.conn, 0, Explain.io(ex, "doing.receiving"));
                            frames = null;
                        }
                        if (frames == null) {
                            k.cancel();
                            byConn.remove(e.conn);
                            server.closed(e);
                        }
                    }
                }
                sel.selectedKeys().clear();
            }
        } finally {
            for (Endpoint e : byConn.values()) {
                e.close();
                e.release();
            }
        }
    }
}
