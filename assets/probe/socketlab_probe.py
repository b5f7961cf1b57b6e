"""Socket Lab's probe: runs a Python program unchanged and tells the lab every socket call it makes.

    python3 socketlab_probe.py PROGRAM.py [ARGS ...]

The lab starts it with SOCKETLAB_PROBE=host:port (where the lab listens for reports, on loopback)
and SOCKETLAB_PROBE_TOKEN (so the lab knows the reports are from a program it started). The
program runs as `python3 PROGRAM.py ARGS` would: same sys.argv, sys.path, __main__, stdin, stdout
and stderr. Before it runs, the methods of socket.socket are wrapped, so every socket the program
makes -- itself, through accept(), through socketserver, on any thread -- is seen.

Each call is reported with the Python method's name as the learner wrote it (sendall stays
sendall), its arguments that matter, what it returned (bytes, an address) or raised, and its start
and end on the monotonic clock. Reports go out in batches from a thread of the probe's own over a
socket that is not a socket.socket, so the program never sees it and its traffic is never traced.
If the lab goes away, the probe stops reporting and the program keeps running.

Standard library only; Python 3.8 or newer; Linux, macOS and Windows.
"""

import atexit
import json
import os
import runpy
import socket
import sys
import threading
import time
import weakref

import _socket

CAPTURE = 16 * 1024 * 1024  # payload bytes sent to the lab per call (its decoders need them all)
FLUSH_S = 0.02  # how often the batch goes out

try:
    import fcntl
    import termios

    def _waiting(sock):
        """Bytes in the kernel's receive buffer (FIONREAD), or -1 where that cannot be read."""
        try:
            buf = fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0\0\0\0")
            return int.from_bytes(buf, sys.byteorder)
        except (OSError, ValueError):
            return -1
except ImportError:  # Windows
    def _waiting(sock):
        return -1


class _Reporter:
    """The batch of reports and the thread that sends it to the lab."""

    def __init__(self, where, token, program, argv):
        self.lock = threading.Lock()
        self.batch = []
        self.out = None
        try:
            host, port = where.rsplit(":", 1)
            out = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            out.connect((host, int(port)))
            self.out = out
        except (OSError, ValueError) as e:
            sys.stderr.write("socketlab probe: cannot reach the lab at %s (%s); running untraced\n" % (where, e))
            return
        self.put({"hello": 1, "token": token, "pid": os.getpid(), "program": program, "argv": argv,
                  "mono_ns": time.monotonic_ns(), "python": sys.version.split()[0]})
        self.flush()
        t = threading.Thread(target=self._loop, name="socketlab-probe", daemon=True)
        t.start()
        atexit.register(self.flush)

    def put(self, report):
        if self.out is None:
            return
        with self.lock:
            self.batch.append(report)

    def _loop(self):
        while self.out is not None:
            time.sleep(FLUSH_S)
            self.flush()

    def flush(self):
        with self.lock:
            batch, self.batch = self.batch, []
            out = self.out
            if not batch or out is None:
                return
            parts = []
            for r in batch:  # a JSON line each; a call's bytes follow their line raw ("len" of them)
                raw = r.pop("_raw", None)
                if raw is not None:
                    r["len"] = len(raw)
                parts.append((json.dumps(r, separators=(",", ":")) + "\n").encode("utf-8"))
                if raw is not None:
                    parts.append(raw)
            try:
                out.sendall(b"".join(parts))
            except OSError:
                self.out = None  # the lab went away: the program goes on, untraced


_reporter = None
_ids = weakref.WeakKeyDictionary()  # socket -> its number in this program
_next_id = [0]
_id_lock = threading.Lock()


def _sid(sock):
    with _id_lock:
        n = _ids.get(sock)
        if n is None:
            _next_id[0] += 1
            n = _ids[sock] = _next_id[0]
        return n


def _addr(a):
    if isinstance(a, tuple) and len(a) >= 2:
        return [str(a[0]), a[1]]
    if isinstance(a, (str, bytes)):
        return [a if isinstance(a, str) else a.decode("utf-8", "replace"), 0]
    return None


def _names(sock):
    """The socket's own and its peer's address, as far as the OS says."""
    own = peer = None
    try:
        own = _addr(sock.getsockname())
    except OSError:
        pass
    try:
        peer = _addr(sock.getpeername())
    except OSError:
        pass
    return own, peer


def _data(b, n=None):
    """The bytes a call moved (a copy: the program may reuse its buffer)."""
    view = memoryview(b).cast("B")
    if n is not None:
        view = view[:n]
    return bytes(view[:CAPTURE])


def _report(sock, call, t0, t1, **fields):
    r = {"call": call, "sid": _sid(sock), "t0": t0, "t1": t1, "thread": threading.current_thread().name}
    r.update(fields)
    _reporter.put(r)


def _failed(sock, call, t0, e, **fields):
    _report(sock, call, t0, time.monotonic_ns(),
            err={"type": type(e).__name__, "errno": getattr(e, "errno", None), "text": str(e)}, **fields)


def _wrap(cls):
    """Wraps the methods of socket.socket; every wrapper calls the real method and reports it."""
    orig = {name: getattr(cls, name) for name in (
        "__init__", "bind", "listen", "accept", "connect", "connect_ex", "send", "sendall", "sendto",
        "recv", "recv_into", "recvfrom", "recvfrom_into", "shutdown", "close", "setsockopt")}

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        orig["__init__"](self, family, type, proto, fileno)
        if fileno is None:  # made by the program (accept() makes its sockets from a file number)
            t = time.monotonic_ns()
            _report(self, "socket", t, t, family=_family(self.family), type=_type(self.type))

    def plain(name, **describe):
        real = orig[name]

        def call(self, *args):
            t0 = time.monotonic_ns()
            try:
                result = real(self, *args)
            except Exception as e:
                _failed(self, name, t0, e, **{k: f(args) for k, f in describe.items()})
                raise
            t1 = time.monotonic_ns()
            fields = {k: f(args) for k, f in describe.items()}
            if name in ("bind", "listen", "connect", "connect_ex"):
                own, peer = _names(self)
                fields.update(local=own, remote=peer)
            if name == "connect_ex":
                fields["result"] = result
            _report(self, name, t0, t1, **fields)
            return result

        call.__name__ = name
        return call

    def accept(self):
        t0 = time.monotonic_ns()
        try:
            conn, addr = orig["accept"](self)
        except Exception as e:
            _failed(self, "accept", t0, e)
            raise
        t1 = time.monotonic_ns()
        own, peer = _names(conn)
        _report(self, "accept", t0, t1, new=_sid(conn), local=own, remote=peer or _addr(addr))
        return conn, addr

    def sending(name):
        real = orig[name]

        def call(self, data, *args):
            t0 = time.monotonic_ns()
            try:
                n = real(self, data, *args)
            except Exception as e:
                _failed(self, name, t0, e, asked=memoryview(data).nbytes)
                raise
            t1 = time.monotonic_ns()
            sent = memoryview(data).nbytes if name == "sendall" else n
            fields = {"n": sent, "_raw": _data(data, sent), "asked": memoryview(data).nbytes}
            if name == "sendto":
                fields["to"] = _addr(args[-1])
                fields["local"] = _names(self)[0]
            _report(self, name, t0, t1, **fields)
            return n

        call.__name__ = name
        return call

    def receiving(name):
        real = orig[name]

        def call(self, *args):
            asked = args[0] if args and name in ("recv", "recvfrom") else (
                args[1] if len(args) > 1 and args[1] else memoryview(args[0]).nbytes if args else 0)
            waiting = _waiting(self)
            t0 = time.monotonic_ns()
            try:
                result = real(self, *args)
            except Exception as e:
                _failed(self, name, t0, e, asked=asked)
                raise
            t1 = time.monotonic_ns()
            fields = {"asked": asked, "waiting": waiting}
            if name == "recv":
                fields.update(n=len(result), _raw=_data(result))
            elif name == "recvfrom":
                fields.update(n=len(result[0]), _raw=_data(result[0]), frm=_addr(result[1]), local=_names(self)[0])
            elif name == "recv_into":
                fields.update(n=result, _raw=_data(args[0], result))
            else:  # recvfrom_into
                fields.update(n=result[0], _raw=_data(args[0], result[0]), frm=_addr(result[1]), local=_names(self)[0])
            _report(self, name, t0, t1, **fields)
            return result

        call.__name__ = name
        return call

    def close(self):
        if getattr(self, "_closed", False):
            return orig["close"](self)
        t0 = time.monotonic_ns()
        orig["close"](self)
        _report(self, "close", t0, time.monotonic_ns())

    cls.__init__ = __init__
    cls.bind = plain("bind")
    cls.listen = plain("listen", backlog=lambda a: a[0] if a else None)
    cls.accept = accept
    cls.connect = plain("connect")
    cls.connect_ex = plain("connect_ex")
    cls.shutdown = plain("shutdown", how=lambda a: {0: "SHUT_RD", 1: "SHUT_WR", 2: "SHUT_RDWR"}.get(a[0], a[0]))
    cls.setsockopt = plain("setsockopt", level=lambda a: a[0], option=lambda a: _option(a[0], a[1]),
                           value=lambda a: a[2] if isinstance(a[2], int) else None)
    for name in ("send", "sendall", "sendto"):
        setattr(cls, name, sending(name))
    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into"):
        setattr(cls, name, receiving(name))
    cls.close = close


def _family(f):
    return getattr(f, "name", str(f))


def _type(t):
    return getattr(t, "name", str(t))


def _option(level, option):
    for name in ("SO_REUSEADDR", "SO_REUSEPORT", "SO_SNDBUF", "SO_RCVBUF", "SO_LINGER", "SO_KEEPALIVE",
                 "SO_BROADCAST"):
        if level == socket.SOL_SOCKET and getattr(socket, name, None) == option:
            return name
    if level == socket.IPPROTO_TCP and option == socket.TCP_NODELAY:
        return "TCP_NODELAY"
    return str(option)


def main(argv):
    global _reporter
    if len(argv) < 2:
        sys.stderr.write("usage: socketlab_probe.py PROGRAM.py [ARGS ...]\n")
        return 2
    program = argv[1]
    where = os.environ.get("SOCKETLAB_PROBE", "")
    token = os.environ.get("SOCKETLAB_PROBE_TOKEN", "")
    sys.argv = argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(program))
    if where:
        _reporter = _Reporter(where, token, os.path.basename(program), argv[1:])
        if _reporter.out is not None:
            _wrap(socket.socket)
    try:
        runpy.run_path(program, run_name="__main__")
    finally:
        if _reporter is not None:
            _reporter.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
