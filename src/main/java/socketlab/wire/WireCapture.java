package socketlab.wire;

import java.io.IOException;
import java.nio.file.Path;
import socketlab.export.Pcapng;
import socketlab.net.CaptureLink;
import socketlab.trace.TraceLog;

/**
 * The wire lane of one run: the packets the namespace's capture hands over ({@link CaptureLink})
 * become {@link socketlab.trace.Op#SEGMENT} events of the log ({@link SegmentRecorder}) and, when
 * asked, frames of a pcapng file. Only inside the namespace {@link WireMode} starts the lab in.
 */
public final class WireCapture implements AutoCloseable {
    private volatile TraceLog log;
    private volatile SegmentRecorder recorder;
    private volatile Pcapng pcap;
    /** The window's capture file: started again for each log it records into (null for the CLI's --pcap). */
    private volatile Path sessionPcap;
    private final long epochOffsetNs;
    private final CaptureLink link;
    private volatile IOException pcapFailure;
    /** The window's packet file stops growing here (a flood writes a gigabyte in a second); what it holds is kept. */
    static final long SESSION_PCAP_CAP = 1L << 30;
    private volatile long sessionBytes;
    private volatile boolean restartPending;
    private long dropped;

    private WireCapture(TraceLog log, Path socket, Path pcapFile) throws IOException {
        this.log = log;
        this.recorder = new SegmentRecorder(log);
        this.pcap = pcapFile != null ? new Pcapng(pcapFile) : null;
        this.epochOffsetNs = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        this.link = CaptureLink.connect(socket, new CaptureLink.Sink() {
            @Override
            public void packet(long monoNs, byte[] frame) {
                restartIfPending(); // a Clear since the last packet: this one starts the next log's file
                recorder.packet(monoNs, frame);
                Pcapng file = pcap;
                if (file != null && pcapFailure == null && (sessionPcap == null || sessionBytes < SESSION_PCAP_CAP)) {
                    try {
                        file.write(monoNs + epochOffsetNs, frame);
                        sessionBytes += frame.length;
                    } catch (IOException e) {
                        if (file == pcap) { // not a file closed meanwhile for the next log's
                            pcapFailure = e; // the trace goes on; the file says no more
                        }
                    }
                }
            }

            @Override
            public void idle() {
                recorder.release(log.now(), false);
            }
        });
    }

    /**
     * The capture of this process's namespace, recording into {@code log} (and {@code pcapFile}, or
     * null), or null when this process runs outside one.
     */
    public static WireCapture attach(TraceLog log, Path pcapFile) throws IOException {
        String socket = System.getenv(WireMode.ENV);
        return socket == null ? null : at(Path.of(socket), log, pcapFile);
    }

    /** The capture whose helper listens on {@code socket} (tests give a helper of their own). */
    static WireCapture at(Path socket, TraceLog log, Path pcapFile) throws IOException {
        return new WireCapture(log, socket, pcapFile);
    }

    /**
     * Takes in every packet captured until now and records every segment still waiting for its
     * sender's name; call it before the trace is written out. Returns the packets the kernel dropped.
     */
    public long catchUp() throws InterruptedException {
        long d = link.sync(5_000);
        recorder.release(Long.MAX_VALUE, true); // what still waits for its sender's name goes in now, named or not
        if (d >= 0) {
            dropped = d;
        }
        return dropped;
    }

    /**
     * Records into {@code next} from now on (the window's Clear, a trace opened): the segments still
     * waiting for their sender's name belonged to the run before, and go with it.
     */
    public void recordInto(TraceLog next) {
        recorder = new SegmentRecorder(next);
        log = next;
        if (sessionPcap != null) {
            restartPending = true; // a new file is file I/O: not here (the window's FX thread), on the capture's own thread
        }
    }

    private void restartIfPending() {
        if (restartPending) {
            synchronized (this) {
                if (restartPending) {
                    restartPending = false;
                    restartSessionPcap();
                }
            }
        }
    }

    /**
     * The window's capture: every frame also goes to a pcapng file of its own in the temporary
     * directory, begun again with each new log, for File → Export packets. Returns this capture.
     */
    public WireCapture keepingPackets() throws IOException {
        sessionPcap = java.nio.file.Files.createTempFile("socketlab-wire", ".pcapng");
        sessionPcap.toFile().deleteOnExit();
        restartSessionPcap();
        return this;
    }

    private synchronized void restartSessionPcap() {
        try {
            Pcapng old = pcap;
            pcap = new Pcapng(sessionPcap);
            sessionBytes = 0;
            pcapFailure = null;
            if (old != null) {
                old.close();
            }
        } catch (IOException e) {
            pcapFailure = e;
        }
    }

    /** Copies every frame captured for the current log to {@code file} as pcapng (File → Export packets). */
    public synchronized long exportPackets(Path file) throws IOException {
        restartIfPending();
        if (sessionPcap == null || pcap == null) {
            throw new IOException("this capture keeps no packets");
        }
        if (pcapFailure != null) {
            throw pcapFailure;
        }
        pcap.flush();
        java.nio.file.Files.copy(sessionPcap, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return pcap.packets();
    }

    /** Segments recorded so far (into the log it records into now). */
    public long segments() {
        return recorder.segments();
    }

    /** Why the pcapng file stopped being written, or null. */
    public IOException pcapFailure() {
        return pcapFailure;
    }

    @Override
    public void close() throws IOException {
        link.close();
        Pcapng file = pcap;
        if (file != null) {
            file.close();
        }
    }
}
