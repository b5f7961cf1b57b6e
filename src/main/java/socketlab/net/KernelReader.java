package socketlab.net;

import java.nio.channels.SocketChannel;
import socketlab.trace.Tcp;

/**
 * Reads a TCP socket's state from the kernel just after a call returned ({@link Tcp}: segments, bytes
 * not yet acknowledged or not yet sent, round trip, congestion window, state) for the lab's own sockets.
 * Java 17 has no API for {@code getsockopt(TCP_INFO)}; {@link ForeignTcpInfo} calls it through the
 * incubating foreign-function API, which needs the JVM started with
 *
 * <pre>
 *   --add-modules jdk.incubator.foreign --enable-native-access=socketlab --add-exports java.base/sun.nio.ch=socketlab
 * </pre>
 *
 * (the runtime image's launcher has them). Anywhere else — another OS, another Java, the flags not
 * given — {@link #system()} is a reader that reads nothing and says why, and nothing fails.
 *
 * <p>Off unless {@linkplain #enable turned on} (the window turns it on; the command line with
 * {@code --kernel}): a socket records its calls without any of it then.
 */
public interface KernelReader {

    /** The socket's descriptor for {@link #read}, looked up once per socket; -1 when it cannot be had. */
    int fd(SocketChannel channel);

    /** The state of socket {@code fd} now; {@code rcvQueue}: FIONREAD just read (-1: not read). Null when unreadable. */
    Tcp read(int fd, int rcvQueue);

    /** Why this reader reads nothing (one sentence), or null when it reads. */
    String unavailable();

    /** The reader this process has: TCP_INFO where the OS and the JVM allow it, else one that says why not. */
    static KernelReader system() {
        return Holder.SYSTEM;
    }

    /** Turns reading on or off for sockets opened from now on. */
    static void enable(boolean on) {
        // not Holder's: turning it on (the window, at start) must not look for the reader then. The first socket
        // opened afterwards finds it (and links its calls, ~10 ms, with one read) before its first call, on its own
        // thread; looking at start, even on a thread of its own, made the window appear 0.4 s later on two cores
        Switch.on = on;
    }

    /** The reader sockets opened now use, or null when reading is off or there is nothing to read with. */
    static KernelReader enabled() {
        return Switch.on && system().unavailable() == null ? system() : null;
    }

    /** Whether sockets opened now read the kernel. */
    final class Switch {
        static volatile boolean on;

        private Switch() {
        }
    }

    /** The system's reader, found once (on the first socket's thread that asks). */
    final class Holder {
        static final KernelReader SYSTEM = find();

        private Holder() {
        }

        private static KernelReader find() {
            String os = System.getProperty("os.name", "?");
            if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
                return none("The kernel's TCP state is read with TCP_INFO, which is Linux's; " + os + " does not give it to the lab.");
            }
            try {
                return (KernelReader) Class.forName("socketlab.net.ForeignTcpInfo").getMethod("create").invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                return none(e.getCause().getMessage());
            } catch (ReflectiveOperationException | LinkageError e) {
                return none("This Java cannot call getsockopt(TCP_INFO) for the lab's own sockets: start it with "
                        + "--add-modules jdk.incubator.foreign --enable-native-access=socketlab (the runtime image does).");
            }
        }

        static KernelReader none(String why) {
            return new KernelReader() {
                @Override
                public int fd(SocketChannel channel) {
                    return -1;
                }

                @Override
                public Tcp read(int fd, int rcvQueue) {
                    return null;
                }

                @Override
                public String unavailable() {
                    return why;
                }
            };
        }
    }
}
