"""Socket Lab's wire capture: runs one command inside a network namespace of its own and hands every
packet on that namespace's loopback to the lab.

    unshare -Urn python3 socketlab_wire.py SOCKET_PATH -- COMMAND [ARGS ...]
    unshare -Urn python3 socketlab_wire.py --check

The lab starts it under `unshare -Urn` (a new user namespace, mapped to root, and a new network
namespace), so it may bring the namespace's loopback up and open a packet socket on it -- rights
the user has inside that namespace only, never on the machine's own interfaces. Then it starts
COMMAND (the lab itself, again) with SOCKETLAB_WIRE_SOCKET=SOCKET_PATH in its environment; the lab
connects there (a Unix socket: its traffic is not on any interface, so it is never captured) and
reads the packets as records:

    length u32 | t_ns i64 | bytes[length]          (little-endian; t_ns on the monotonic clock)

Loopback shows each packet twice, leaving and arriving; only the leaving copy is kept. When the lab
sends one byte (any), every packet captured so far is sent, then a marker record whose length is
0xFFFFFFFF and whose t_ns is the number of packets the kernel dropped (its buffer was full).

stdin, stdout and stderr are COMMAND's; the exit status is COMMAND's; SIGINT and SIGTERM are passed
on to it. Standard library only; Python 3.8 or newer; Linux only (packet sockets).
"""

import fcntl
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

SIOCSIFFLAGS = 0x8914
IFF_UP, IFF_LOOPBACK, IFF_RUNNING = 0x1, 0x8, 0x40
SO_TIMESTAMPNS = 35
SOL_PACKET = 263
PACKET_STATISTICS = 6
PACKET_OUTGOING = 4
ETH_P_ALL = 0x0003
RECORD = struct.Struct("<Iq")
MARKER = 0xFFFFFFFF
BUFFER = 8 * 1024 * 1024


def loopback_up():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        fcntl.ioctl(s.fileno(), SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", IFF_UP | IFF_LOOPBACK | IFF_RUNNING))
    finally:
        s.close()


def open_capture():
    p = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    p.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)
    p.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    p.bind(("lo", 0))
    return p


class Capture:
    """Reads the packet socket on a thread of its own; packets wait in a list until the lab takes them."""

    def __init__(self, sock):
        self.sock = sock
        self.sock.setblocking(False)
        self.lock = threading.Lock()
        self.read_lock = threading.Lock()
        self.pending = []
        self.dropped = 0
        self.wake_r, self.wake_w = os.pipe()  # the lab's reader waits on this when there is nothing to send
        os.set_blocking(self.wake_w, False)

    def run(self):
        while True:
            select.select([self.sock], [], [])
            self.read_ready()

    def read_ready(self):
        """Takes every packet the socket holds now, in the kernel's order (one reader at a time)."""
        with self.read_lock:
            got = []
            try:
                while True:
                    data, anc, _flags, addr = self.sock.recvmsg(65536 + 64, 64)
                    if addr[2] != PACKET_OUTGOING:
                        continue
                    t = None
                    for level, kind, value in anc:
                        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                            sec, ns = struct.unpack("qq", value[:16])
                            t = sec * 1_000_000_000 + ns
                    # the kernel stamps packets on the wall clock; the lab's clock is the monotonic one
                    offset = time.time_ns() - time.monotonic_ns()
                    got.append(((t - offset) if t is not None else time.monotonic_ns(), data))
            except BlockingIOError:
                pass
            if got:
                with self.lock:
                    self.pending.extend(got)
                try:
                    os.write(self.wake_w, b"x")
                except BlockingIOError:
                    pass  # the lab's reader has a wake-up waiting already

    def take(self):
        with self.lock:
            out, self.pending = self.pending, []
        return out

    def drops(self):
        try:
            packets, drops = struct.unpack("II", self.sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))
            self.dropped += drops  # the kernel resets the counters on each read
        except OSError:
            pass
        return self.dropped


def serve(listener, capture):
    conn, _ = listener.accept()
    listener.close()
    try:
        while True:
            ready, _, _ = select.select([conn, capture.wake_r], [], [])
            if capture.wake_r in ready:
                os.read(capture.wake_r, 4096)
            sync = False
            if conn in ready:
                asked = conn.recv(64)
                if not asked:
                    return
                sync = True
                capture.read_ready()  # what the kernel holds now was sent before the lab asked
            batch = capture.take()
            if batch or sync:
                out = bytearray()
                for t, data in batch:
                    out += RECORD.pack(len(data), t)
                    out += data
                if sync:
                    out += RECORD.pack(MARKER, capture.drops())
                conn.sendall(out)
    except OSError:
        return  # the lab went away: its command goes on


def main(argv):
    if len(argv) == 2 and argv[1] == "--check":  # can this namespace capture? (the lab asks before it relies on it)
        try:
            loopback_up()
            open_capture().close()
            return 0
        except OSError as e:
            sys.stderr.write("%s\n" % e)
            return 1
    if len(argv) < 4 or argv[2] != "--":
        sys.stderr.write("usage: socketlab_wire.py SOCKET_PATH -- COMMAND [ARGS ...]\n")
        return 2
    path, command = argv[1], argv[3:]
    try:
        loopback_up()
        capture = Capture(open_capture())
    except OSError as e:
        sys.stderr.write("socketlab wire: cannot capture on this namespace's loopback: %s\n" % e)
        return 125
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(1)
    threading.Thread(target=capture.run, daemon=True).start()
    threading.Thread(target=serve, args=(listener, capture), daemon=True).start()
    env = dict(os.environ, SOCKETLAB_WIRE_SOCKET=path)
    child = subprocess.Popen(command, env=env)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda s, _f: child.send_signal(s))
    while True:
        try:
            return child.wait()
        except InterruptedError:
            continue


if __name__ == "__main__":
    sys.exit(main(sys.argv))
