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

    /** Why this reader reads nothing (one sentence, in the reader's language), or null when it reads. */
    socketlab.text.Phrase unavailable();

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

    /**
     * Why no reader can be had here, as far as a glance tells without linking anything (the OS, and the JVM's
     * flags that a module can see): null when a reader may be found. Cheap enough for the window's first frame;
     * {@link #system()} still finds out the rest (native access) at the first socket.
     */
    static socketlab.text.Phrase missing() {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return socketlab.text.Phrase.of("kernel.notLinux", os);
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isEmpty()) {
            return socketlab.text.Phrase.of("kernel.noForeign");
        }
        Module lab = KernelReader.class.getModule();
        if (lab.isNamed() && !Object.class.getModule().isExported("sun.nio.ch", lab)) {
            return socketlab.text.Phrase.of("kernel.noDescriptors");
        }
        return null;
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
            socketlab.text.Phrase missing = missing();
            if (missing != null) {
                return none(missing);
            }
            try {
                return (KernelReader) Class.forName("socketlab.net.ForeignTcpInfo").getMethod("create").invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                return none(socketlab.text.Phrase.of(e.getCause()));
            } catch (ReflectiveOperationException | LinkageError e) {
                return none(socketlab.text.Phrase.of("kernel.noForeign"));
            }
        }

        static KernelReader none(socketlab.text.Phrase why) {
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
                public socketlab.text.Phrase unavailable() {
                    return why;
                }
            };
        }
    }
}
