package socketlab.net;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import socketlab.trace.Tcp;

/**
 * {@code getsockopt(fd, IPPROTO_TCP, TCP_INFO)} and {@code ioctl(fd, SIOCOUTQ)} through Java 17's
 * incubating foreign-function API (jdk.incubator.foreign; Java 22 made it final under other names, so
 * this class is Java 17's alone and {@link KernelReader} falls back to reading nothing elsewhere). The
 * fields read from Linux's {@code struct tcp_info} (include/uapi/linux/tcp.h), by offset:
 *
 * <pre>
 *   0 tcpi_state u8 · 68 tcpi_rtt u32 (µs) · 80 tcpi_snd_cwnd u32 · 136 tcpi_segs_out u32
 *   140 tcpi_segs_in u32 · 144 tcpi_notsent_bytes u32          (the struct is 232+ bytes since Linux 4.19)
 * </pre>
 *
 * Bytes not yet acknowledged are the send queue ({@code SIOCOUTQ}: written and not acknowledged, sent
 * or not) less {@code tcpi_notsent_bytes}; {@code tcpi_unacked} counts segments, not bytes. One call
 * costs a few microseconds (two system calls), on the socket's own thread, only when reading is on.
 */
final class ForeignTcpInfo implements KernelReader {
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final long SIOCOUTQ = 0x5411;
    private static final int INFO_SIZE = 256;
    private static final int NOTSENT_END = 148;

    private final MethodHandle getsockopt;
    private final MethodHandle ioctl;
    private final MethodHandle fdOf;
    /** Each socket thread's buffers (a send and a receive run on different threads). */
    private final ThreadLocal<MemorySegment[]> buffers = ThreadLocal.withInitial(() -> {
        ResourceScope scope = ResourceScope.newImplicitScope(); // freed when the thread's buffers are unreachable
        return new MemorySegment[] {MemorySegment.allocateNative(INFO_SIZE, scope), MemorySegment.allocateNative(4, scope),
            MemorySegment.allocateNative(4, scope)};
    });

    private ForeignTcpInfo(MethodHandle getsockopt, MethodHandle ioctl, MethodHandle fdOf) {
        this.getsockopt = getsockopt;
        this.ioctl = ioctl;
        this.fdOf = fdOf;
    }

    /** The reader, or an exception whose message says in words why there is none. */
    public static ForeignTcpInfo create() throws Exception {
        CLinker c;
        try {
            c = CLinker.getInstance();
        } catch (IllegalCallerException e) {
            throw new LabException(socketlab.text.Phrase.of("kernel.noNativeAccess"));
        }
        MethodHandle gso = c.downcallHandle(CLinker.systemLookup().lookup("getsockopt").orElseThrow(),
                MethodType.methodType(int.class, int.class, int.class, int.class, MemoryAddress.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER));
        MethodHandle io = c.downcallHandle(CLinker.systemLookup().lookup("ioctl").orElseThrow(),
                MethodType.methodType(int.class, int.class, long.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_LONG, CLinker.asVarArg(CLinker.C_POINTER)));
        MethodHandle fd;
        try {
            Class<?> selCh = Class.forName("sun.nio.ch.SelChImpl");
            fd = MethodHandles.lookup().findVirtual(selCh, // the export is to this module: its own lookup, not the public one
                     "getFDVal", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, SocketChannel.class));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new LabException(socketlab.text.Phrase.of("kernel.noDescriptors"));
        }
        ForeignTcpInfo reader = new ForeignTcpInfo(gso, io, fd);
        try (SocketChannel probe = SocketChannel.open()) { // a socket's fd is readable: the lookup works here
            int probeFd = reader.fd(probe);
            if (probeFd >= 0) {
                reader.read(probeFd, -1); // the first downcall links the stubs (~10 ms): here, not in a run's first send()
            }
            if (probeFd < 0) {
                throw new LabException(socketlab.text.Phrase.of("kernel.noDescriptors"));
            }
        }
        return reader;
    }

    @Override
    public int fd(SocketChannel channel) {
        try {
            return (int) fdOf.invokeExact(channel);
        } catch (Throwable e) {
            return -1;
        }
    }

    @Override
    public Tcp read(int fd, int rcvQueue) {
        if (fd < 0) {
            return null;
        }
        MemorySegment[] b = buffers.get();
        MemorySegment info = b[0];
        MemorySegment len = b[1];
        MemorySegment queued = b[2];
        try {
            MemoryAccess.setInt(len, INFO_SIZE);
            if ((int) getsockopt.invokeExact(fd, IPPROTO_TCP, TCP_INFO, info.address(), len.address()) != 0
                    || MemoryAccess.getInt(len) < NOTSENT_END) {
                return null; // a socket closed meanwhile, or a kernel older than 4.6 (no notsent bytes)
            }
            long notsent = Integer.toUnsignedLong(MemoryAccess.getIntAtOffset(info, 144));
            long outq = (int) ioctl.invokeExact(fd, SIOCOUTQ, queued.address()) == 0
                    ? Integer.toUnsignedLong(MemoryAccess.getInt(queued)) : notsent;
            return new Tcp(MemoryAccess.getByteAtOffset(info, 0) & 0xFF,
                    Integer.toUnsignedLong(MemoryAccess.getIntAtOffset(info, 136)),
                    Integer.toUnsignedLong(MemoryAccess.getIntAtOffset(info, 140)),
                    Math.max(0, outq - notsent), notsent,
                    Integer.toUnsignedLong(MemoryAccess.getIntAtOffset(info, 68)),
                    Integer.toUnsignedLong(MemoryAccess.getIntAtOffset(info, 80)), rcvQueue, "TCP_INFO");
        } catch (Throwable e) {
            return null;
        }
    }

    @Override
    public socketlab.text.Phrase unavailable() {
        return null;
    }
}
