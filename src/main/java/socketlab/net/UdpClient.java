package socketlab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import socketlab.codec.Verdict;
import socketlab.text.Note;
import socketlab.text.Phrase;
import socketlab.trace.Digests;
import socketlab.trace.Op;
import socketlab.trace.Side;
import socketlab.trace.TraceLog;

/**
 * The lab's UDP client: {@code sendto} each message as one datagram (no connection), then, when
 * asked, {@code recvfrom} the replies. Connected mode ({@code connect()} on a datagram socket)
 * is there to show the one difference it makes: a datagram to a port with no server comes back as
 * "port unreachable" (ICMP), where an unconnected socket never hears of it.
 */
public final class UdpClient implements AutoCloseable {
    private final TraceLog log;
    private final TraceLog.Lane lane;
    private final InetSocketAddress server;
    private final DatagramChannel channel;
    private final int conn;
    private final boolean connected;
    private int sent;

    public UdpClient(TraceLog log, String host, int port, boolean connect) throws LabException {
        this.log = log;
        this.lane = log.newLane();
        this.server = new InetSocketAddress(host, port);
        this.connected = connect;
        try {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(host, 0));
            if (connect) {
                channel.connect(server);
            }
        } catch (IOException e) {
            throw new LabException(Phrase.of("udp.cannotOpen", e.getMessage()), e);
        }
        conn = log.newConnId();
        log.life(connect ? Op.CONNECT : Op.LISTEN, Side.CLIENT, conn, channel.socket().getLocalPort(), port, 0,
                Note.of(connect ? Note.Word.UDP_CONNECTED : Note.Word.UDP_BARE));
    }

    public int conn() {
        return conn;
    }

    /** One sendto: one datagram, as it is (an empty one included). */
    public void sendto(byte[] body) throws LabException {
        try {
            lane.message(Op.MESSAGE, Side.CLIENT, conn, 0, sent++, 0, body.length, body, Digests.crc(body), Verdict.UNKNOWN, null);
            long t0 = System.nanoTime();
            int n = connected ? channel.write(ByteBuffer.wrap(body)) : channel.send(ByteBuffer.wrap(body), server);
            long t1 = System.nanoTime();
            lane.datagramAt(t1, Op.SENDTO, Side.CLIENT, conn, n, 0, server.getPort(), t1 - t0, body);
        } catch (PortUnreachableException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw failed(Explain.io(e, "doing.sendingDatagram"), e);
        }
    }

    /** One recvfrom(size), waiting at most {@code timeoutMs}; null when nothing came. */
    public byte[] recvfrom(int size, long timeoutMs) throws LabException {
        try {
            channel.configureBlocking(false);
            try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
                channel.register(sel, java.nio.channels.SelectionKey.OP_READ);
                if (sel.select(timeoutMs) == 0) {
                    return null;
                }
            }
            ByteBuffer buf = ByteBuffer.allocate(size);
            long t0 = System.nanoTime();
            InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
            long t1 = System.nanoTime();
            if (from == null) {
                return null;
            }
            int n = buf.position();
            lane.datagramAt(t1, Op.RECVFROM, Side.CLIENT, conn, n, size, from.getPort(), t1 - t0, java.util.Arrays.copyOf(buf.array(), n));
            return java.util.Arrays.copyOf(buf.array(), n);
        } catch (PortUnreachableException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw failed(Explain.io(e, "doing.receivingDatagram"), e);
        }
    }

    private LabException unreachable(PortUnreachableException e) {
        return failed(Phrase.of("udp.unreachable", String.valueOf(server.getPort()), server.getHostString()), e);
    }

    /** Records {@code why} in the trace and gives it as the exception to throw. */
    private LabException failed(Phrase why, Exception cause) {
        log.error(Side.CLIENT, conn, 0, why);
        return new LabException(why, cause);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        log.life(Op.CLOSE, Side.CLIENT, conn, 0, 0, 0, null);
    }
}
