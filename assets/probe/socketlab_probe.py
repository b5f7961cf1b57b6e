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

What the program prints (stdout, stderr) and what it reads with input() is reported too, a line at
a time, with the time it was written or typed and the socket its thread last used: the lab shows
each line on that connection's row, beside the calls around it. The streams themselves are not
touched: every write goes through at once, as it would to a terminal.

Step mode: the lab may write lines back on the same socket. "step 1" asks the probe to hold each
connect, accept, send and receive until the lab answers "go N" to the "before" report the probe sent
for it (N is the report's "ask"); "step 0" lets calls run at once again. A receive or an accept on a
blocking socket is held once something is there to take, as the lab's own are, so that while the
presenter talks the kernel goes on buffering. If the lab goes away, nothing is held any more.

Standard library only; Python 3.8 or newer; Linux, macOS and Windows.
"""

import atexit
import collections
import itertools
import json
import os
import runpy
import select
import socket
import struct
import sys
import threading
import time

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


# One record on the wire: a fixed header, then `length` bytes -- the report as JSON (kind 0), or the
# bytes a send/recv call moved (kinds 1-4, the calls a program makes by the thousand).
#   kind u8 | sid u32 | t0 i64 | t1 i64 | n i64 | asked i32 | waiting i32 | length u32
RECORD = struct.Struct("<BIqqqiiI")
JSON_KIND = 0
DATA_KIND = 5  # the bytes of the rare call reported just before (a datagram)
TCP_KIND = 6  # the kernel's TCP state after the send or receive before it (whose kind has TCP_FOLLOWS set)
TCP_FOLLOWS = 0x80
#   state u8 | segs_out u32 | segs_in u32 | unacked u32 | notsent u32 | rtt_us u32 | cwnd u32 | rcv_queue i32
TCP_STATE = struct.Struct("<BIIIIIIi")
# With SOCKETLAB_PROBE_KERNEL=1, after each send and receive on a TCP socket the probe asks the kernel
# (getsockopt TCP_INFO, Linux) what the call alone cannot show: bytes handed over but not yet sent or
# not yet acknowledged, segments, round-trip time, congestion window.
KERNEL = os.environ.get("SOCKETLAB_PROBE_KERNEL") == "1" and hasattr(socket, "TCP_INFO")
# the fields of Linux's struct tcp_info the lab shows, read in one go: tcpi_state (0), tcpi_unacked (24:
# segments in flight, not bytes -- unused), tcpi_rtt (68, µs), tcpi_snd_cwnd (80), tcpi_segs_out,
# tcpi_segs_in, tcpi_notsent_bytes (136, 140, 144). Bytes not yet acknowledged are the send queue
# (SIOCOUTQ: written, not acknowledged, sent or not) less the bytes not sent.
TCP_INFO_FIELDS = struct.Struct("<B23xI40xI8xI52xIII")
try:
    SIOCOUTQ = termios.TIOCOUTQ  # the same request number on a socket
except NameError:  # Windows: no termios (and no TCP_INFO either)
    SIOCOUTQ = None
HOT = {"send": 1, "sendall": 2, "recv": 3, "recv_into": 4}
MAX_WAITING = 64 * 1024 * 1024  # bytes queued for the lab before the program waits for it (a bound, not a goal)
LINE_MAX = 500  # characters of one printed or typed line sent to the lab (the rest stays in the program's own output)


class _Reporter:
    """The reports not yet sent, and the thread that sends them to the lab in batches."""

    def __init__(self, where, token, program, argv):
        self.queue = collections.deque()  # append and popleft are atomic: the program's threads never wait on a lock
        self.queued = 0
        self.room = threading.Condition()
        self.sending = threading.Lock()  # one batch at a time: a held call flushes from its own thread
        self.out = None
        try:
            host, port = where.rsplit(":", 1)
            out = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            out.connect((host, int(port)))
            self.out = out
        except (OSError, ValueError) as e:
            sys.stderr.write("socketlab probe: cannot reach the lab at %s (%s); running untraced\n" % (where, e))
            return
        asked = os.environ.get("SOCKETLAB_PROBE_KERNEL") == "1"
        self.put({"hello": 1, "token": token, "pid": os.getpid(), "program": program, "argv": argv,
                  "mono_ns": time.monotonic_ns(), "python": sys.version.split()[0],
                  "kernel": "TCP_INFO" if KERNEL else None,
                  "kernel_why": None if KERNEL or not asked else "this OS gives Python no TCP_INFO (it is Linux's)"})
        self.flush()
        pending = self._first_word(out)  # the lab says at once whether to hold calls: before the program runs
        t = threading.Thread(target=self._loop, name="socketlab-probe", daemon=True)
        t.start()
        threading.Thread(target=self._listen, args=(pending,), name="socketlab-probe-steps", daemon=True).start()
        atexit.register(self.flush)

    @staticmethod
    def _first_word(out):
        """Reads the lab's first line ("step 1" or "step 0") and acts on it; returns what came after it."""
        got = b""
        out.settimeout(5.0)
        try:
            while b"\n" not in got:
                chunk = out.recv(256)
                if not chunk:
                    break
                got += chunk
        except OSError:
            pass
        finally:
            out.settimeout(None)
        line, _, rest = got.partition(b"\n")
        if line.strip() == b"step 1":
            STEP.set()
        return rest

    def _listen(self, pending):
        """The lab's lines back: "step 1", "step 0", "go N"."""
        out = self.out
        while True:
            try:
                chunk = out.recv(256)
            except OSError:
                chunk = b""
            if not chunk:
                break
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                words = line.decode("ascii", "replace").split()
                if words[:1] == ["step"] and len(words) == 2:
                    if words[1] == "1":
                        STEP.set()
                    else:
                        STEP.clear()
                elif words[:1] == ["go"] and len(words) == 2 and words[1].isdigit():
                    held = _held.pop(int(words[1]), None)
                    if held is not None:
                        held.set()
        STEP.clear()  # the lab went away: nothing is held any more
        for held in list(_held.values()):
            held.set()

    def put(self, report, data=None):
        """A report of a rare call, as a dict (and the bytes it moved, for a datagram)."""
        if self.out is not None:
            self.queue.append((report, data))

    def hot(self, record):
        """A send or receive, (kind, sid, t0, t1, n, asked, waiting, data): packed later, by the probe's thread."""
        self.queue.append(record)
        self.queued += len(record[7])
        if self.queued > MAX_WAITING:
            self.wait_for_room()

    def wait_for_room(self):
        """The lab is behind: the program waits for it (a second at most) rather than hold unbounded memory."""
        with self.room:
            self.room.wait(1.0)

    def _loop(self):
        while self.out is not None:
            time.sleep(FLUSH_S)
            self.flush()

    def flush(self):
        with self.sending:
            self._flush()

    def _flush(self):
        q = self.queue
        pack = RECORD.pack
        while True:
            parts = []
            add = parts.append
            size = 0
            while q and size < (4 << 20):
                r = q.popleft()
                if len(r) == 2:  # a rare call: its JSON, then the bytes it moved, if any
                    report, data = r
                    body = json.dumps(report, separators=(",", ":")).encode("utf-8")
                    add(pack(JSON_KIND, 0, 0, 0, 0, 0, 0, len(body)))
                    add(body)
                    size += len(body)
                    if data is not None:
                        add(pack(DATA_KIND, 0, 0, 0, 0, 0, 0, len(data)))
                        add(data)
                        size += len(data)
                else:
                    kind, sid, t0, t1, n, asked, waiting, data, tcp = r
                    add(pack(kind | TCP_FOLLOWS if tcp else kind, sid, t0, t1, n, asked, waiting, len(data)))
                    add(data)
                    size += len(data)
                    if tcp:
                        add(pack(TCP_KIND, sid, 0, 0, 0, 0, 0, len(tcp)))
                        add(tcp)
            self.queued -= size
            out = self.out
            if parts and out is not None:
                try:
                    _send_all(out, parts)
                except OSError:
                    self.out = None  # the lab went away: the program goes on, untraced and at full speed
                    _unwrap()
                    q.clear()
            with self.room:
                self.room.notify_all()
            if not q or self.out is None:
                return


def _send_all(out, parts):
    """Sends the pieces in order; where the OS has sendmsg, without first copying them into one."""
    if not hasattr(out, "sendmsg"):  # Windows
        out.sendall(b"".join(parts))
        return
    for i in range(0, len(parts), 512):
        chunk = parts[i:i + 512]
        n = out.sendmsg(chunk)
        if n == sum(map(len, chunk)):
            continue
        rest = memoryview(b"".join(chunk))[n:]  # the kernel took part: the rest, as one
        while rest:
            rest = rest[out.send(rest):]


_reporter = None
_sids = {}  # id(socket) -> its number in this program, while it is open
_next_id = itertools.count(1)
_last = {}  # thread ident -> the sid of the socket it last used: where a line it prints belongs
_ident = threading.get_ident
# calls after which a line printed belongs to the socket called (accept: to the socket it returned)
_USED = frozenset(("connect", "connect_ex", "sendto", "recvfrom", "recvfrom_into", "shutdown", "close"))


def _sid(sock):
    n = _sids.get(id(sock))
    if n is None:
        n = _sids[id(sock)] = next(_next_id)
    return n


def _addr(a):
    if isinstance(a, tuple) and len(a) >= 2:
        return [str(a[0]), a[1]]
    if isinstance(a, (str, bytes)):  # AF_UNIX: a path ('' for an unnamed end), sent as a string of its own
        return a if isinstance(a, str) else a.decode("utf-8", "replace")
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


_now = time.monotonic_ns


def _tcp(sock):
    """The kernel's TCP state of {sock} now, packed as TCP_STATE; None for a socket that has none (UDP)."""
    try:
        b = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 160)
    except OSError:
        return None
    if len(b) < TCP_INFO_FIELDS.size:
        return None
    state, _in_flight, rtt, cwnd, segs_out, segs_in, notsent = TCP_INFO_FIELDS.unpack_from(b)
    try:
        queued = int.from_bytes(fcntl.ioctl(sock.fileno(), SIOCOUTQ, b"\0\0\0\0"), sys.byteorder)
    except (OSError, TypeError, NameError):
        queued = notsent
    return TCP_STATE.pack(state, segs_out, segs_in, max(0, queued - notsent), notsent, rtt, cwnd, _waiting(sock))


def _report(sock, call, t0, t1, **fields):
    """A rare call's report (not a send or receive): a dict, sent as JSON."""
    r = {"call": call, "sid": _sid(sock), "t0": t0, "t1": t1, "thread": threading.current_thread().name}
    raw = fields.pop("_raw", None)
    r.update(fields)
    if call in _USED:
        _last[_ident()] = r["sid"]
    elif call == "accept" and "new" in r:
        _last[_ident()] = r["new"]
    if raw is not None:
        r["data"] = len(raw)  # its bytes follow, as a record of their own
    _reporter.put(r, raw)


def _failed(sock, call, t0, e, **fields):
    _report(sock, call, t0, _now(),
            err={"type": type(e).__name__, "errno": getattr(e, "errno", None), "text": str(e)}, **fields)


STEP = threading.Event()  # set while the lab holds each call for its presenter (step mode)
_held = {}  # ask number -> the Event the lab's "go" sets
_asks = itertools.count(1)


def _hold(sock, call, what, takes=False):
    """Step mode: reports the call about to run and waits until the lab lets it (its "go").

    {takes}: a receive or an accept, held once there is something to take (on a blocking socket).
    """
    waiting = -1
    if takes:
        timeout = sock.gettimeout()
        if timeout != 0.0:
            try:
                select.select([sock], [], [], timeout)
            except (OSError, ValueError):
                pass
        if call != "accept":
            waiting = _waiting(sock)
    ev = threading.Event()
    n = next(_asks)
    _held[n] = ev
    _reporter.put({"before": call, "sid": _sid(sock), "what": what, "waiting": waiting, "ask": n,
                   "thread": threading.current_thread().name})
    _reporter.flush()
    while not ev.wait(0.05):
        if not STEP.is_set() or _reporter.out is None:
            break
    _held.pop(n, None)


def _wrap(cls):
    """Wraps the methods of socket.socket; every wrapper calls the real method and reports it."""
    orig = {name: getattr(cls, name) for name in (
        "__init__", "bind", "listen", "accept", "connect", "connect_ex", "send", "sendall", "sendto",
        "recv", "recv_into", "recvfrom", "recvfrom_into", "shutdown", "close", "setsockopt")}

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        orig["__init__"](self, family, type, proto, fileno)
        if fileno is None:  # made by the program (accept() makes its sockets from a file number)
            t = _now()
            _report(self, "socket", t, t, family=_family(self.family), type=_type(self.type))

    def plain(name, **describe):
        real = orig[name]

        def call(self, *args):
            if STEP.is_set() and name in ("connect", "connect_ex"):
                _hold(self, name, "%s(%s)" % (name, _where(args[0]) if args else ""))
            t0 = _now()
            try:
                result = real(self, *args)
            except Exception as e:
                _failed(self, name, t0, e, **{k: f(args) for k, f in describe.items()})
                raise
            t1 = _now()
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
        if STEP.is_set():
            _hold(self, "accept", "accept()", takes=True)
        t0 = _now()
        try:
            conn, addr = orig["accept"](self)
        except Exception as e:
            _failed(self, "accept", t0, e)
            raise
        t1 = _now()
        own, peer = _names(conn)
        _report(self, "accept", t0, t1, new=_sid(conn), local=own, remote=peer or _addr(addr))
        return conn, addr

    rep = _reporter
    append = rep.queue.append
    last = _last
    ident = _ident

    def sending(name):
        real = orig[name]
        kind = HOT[name]
        everything = name == "sendall"

        def call(self, data, *args):
            if STEP.is_set():
                _hold(self, name, "%s(%d bytes)" % (name, memoryview(data).nbytes))
            t0 = _now()
            try:
                n = real(self, data, *args)
            except Exception as e:
                _failed(self, name, t0, e, asked=memoryview(data).nbytes)
                raise
            t1 = _now()
            if type(data) is bytes:  # immutable: kept as it is, no copy
                asked = len(data)
                sent = asked if everything else n
                moved = data if sent == asked and sent <= CAPTURE else data[:min(sent, CAPTURE)]
            else:  # a bytearray or memoryview the program may change next: copied
                view = memoryview(data).cast("B")
                asked = view.nbytes
                sent = asked if everything else n
                moved = bytes(view[:min(sent, CAPTURE)])
            sid = _sids.get(id(self)) or _sid(self)
            last[ident()] = sid
            append((kind, sid, t0, t1, sent, asked, -1, moved, _tcp(self) if KERNEL else None))
            rep.queued += len(moved)
            if rep.queued > MAX_WAITING:
                rep.wait_for_room()
            return n

        call.__name__ = name
        return call

    def sendto(self, data, *args):
        if STEP.is_set():
            _hold(self, "sendto", "sendto(%d bytes)" % memoryview(data).nbytes)
        t0 = _now()
        try:
            n = orig["sendto"](self, data, *args)
        except Exception as e:
            _failed(self, "sendto", t0, e, asked=memoryview(data).nbytes)
            raise
        t1 = _now()
        _report(self, "sendto", t0, t1, n=n, _raw=_data(data, n), asked=memoryview(data).nbytes, to=_addr(args[-1]),
                local=_names(self)[0])
        return n

    def receiving(name):
        real = orig[name]
        kind = HOT.get(name)

        def call(self, *args):
            if name in ("recv", "recvfrom"):
                asked = args[0] if args else 0
            else:
                asked = args[1] if len(args) > 1 and args[1] else memoryview(args[0]).nbytes if args else 0
            if STEP.is_set():
                _hold(self, name, "%s(%d)" % (name, asked), takes=True)
            waiting = _waiting(self)
            t0 = _now()
            try:
                result = real(self, *args)
            except Exception as e:
                _failed(self, name, t0, e, asked=asked)
                raise
            t1 = _now()
            sid = _sids.get(id(self)) or _sid(self)
            last[ident()] = sid
            if name == "recv":
                rep.hot((kind, sid, t0, t1, len(result), asked, waiting, result[:CAPTURE], _tcp(self) if KERNEL else None))
            elif name == "recv_into":
                rep.hot((kind, sid, t0, t1, result, asked, waiting, _data(args[0], result), _tcp(self) if KERNEL else None))
            elif name == "recvfrom":
                _report(self, name, t0, t1, asked=asked, waiting=waiting, n=len(result[0]), _raw=_data(result[0]),
                        frm=_addr(result[1]), local=_names(self)[0])
            else:  # recvfrom_into
                _report(self, name, t0, t1, asked=asked, waiting=waiting, n=result[0], _raw=_data(args[0], result[0]),
                        frm=_addr(result[1]), local=_names(self)[0])
            return result

        call.__name__ = name
        return call

    def close(self):
        if getattr(self, "_closed", False):
            return orig["close"](self)
        t0 = _now()
        orig["close"](self)
        _report(self, "close", t0, _now())
        _sids.pop(id(self), None)  # its id may be a new socket's next

    _originals.update(orig)
    cls.__init__ = __init__
    cls.bind = plain("bind")
    cls.listen = plain("listen", backlog=lambda a: a[0] if a else None)
    cls.accept = accept
    cls.connect = plain("connect")
    cls.connect_ex = plain("connect_ex")
    cls.shutdown = plain("shutdown", how=lambda a: {0: "SHUT_RD", 1: "SHUT_WR", 2: "SHUT_RDWR"}.get(a[0], a[0]))
    cls.setsockopt = plain("setsockopt", level=lambda a: a[0], option=lambda a: _option(a[0], a[1]),
                           value=lambda a: a[2] if isinstance(a[2], int) else None)
    for name in ("send", "sendall"):
        setattr(cls, name, sending(name))
    cls.sendto = sendto
    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into"):
        setattr(cls, name, receiving(name))
    cls.close = close


_originals = {}
_selects = {}  # selector class -> its own select, while wrapped


def _wrap_selectors():
    """Wraps select() of the selectors module's classes: which of the program's sockets one call found ready
    (a selectors-based server, and socketserver's own loop). Reported under the first ready socket, with all of them;
    the lab knows which of them listen (it saw their listen()), so nothing more is asked of the kernel here."""
    import selectors
    for name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector"):
        cls = getattr(selectors, name, None)
        if cls is None or cls in _selects:
            continue
        real = cls.select

        def select(self, timeout=None, _real=real):
            t0 = _now()
            ready = _real(self, timeout)
            socks = [k.fileobj for k, _ in ready if isinstance(k.fileobj, socket.socket)]
            if socks:
                _report(socks[0], "select", t0, _now(), ready=[_sid(s) for s in socks])
            return ready

        _selects[cls] = real
        cls.select = select


class _Lines:
    """The program's stdout or stderr, unchanged -- each write goes straight through -- and each whole line
    written to it reported to the lab as a call of its own ("stdout", "stderr"), at the time its newline was
    written, under the socket the writing thread last used. A line is each thread's own: print() writes its
    words and its newline in several writes, and threads printing at once would otherwise glue each other's
    words into one line. Anything else is the stream's own."""

    def __init__(self, stream, call):
        self._stream = stream
        self._call = call
        self._parts = {}  # thread ident -> the line it began and has not ended (an input() prompt, print(end=""))

    def write(self, s):
        n = self._stream.write(s)
        if isinstance(s, str) and _reporter.out is not None:
            me = _ident()
            if "\n" not in s:
                self._parts[me] = (self._parts.get(me, "") + s)[:LINE_MAX]
                return n
            lines = (self._parts.pop(me, "") + s).split("\n")
            rest = lines.pop()
            if rest:
                self._parts[me] = rest[:LINE_MAX]
            t = _now()
            for line in lines:
                _said(self._call, t, line)
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def begun(self):
        """The line this thread began and did not end (a prompt), taken: input() reports it with what was typed."""
        return self._parts.pop(_ident(), "")

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _said(call, t, text, prompt=None):
    r = {"call": call, "sid": _last.get(_ident(), 0), "t0": t, "t1": t, "text": text[:LINE_MAX]}
    if prompt:
        r["prompt"] = prompt
    _reporter.put(r)


def _wrap_output():
    """Reports each line the program prints or reads with input(); its streams work as they did."""
    import builtins
    if sys.stdout is None or sys.stderr is None:  # no console at all (pythonw): nothing is printed to report
        return
    out = sys.stdout = _Lines(sys.stdout, "stdout")
    sys.stderr = _Lines(sys.stderr, "stderr")
    real = builtins.input

    def input(*prompt):
        line = real(*prompt)  # the prompt goes through sys.stdout: it is the line begun there
        if _reporter.out is not None:
            _said("input", _now(), line, out.begun())
        return line

    builtins.input = input


def _unwrap():
    """Puts socket.socket's own methods back, and the selectors' select."""
    for name, method in _originals.items():
        setattr(socket.socket, name, method)
    for cls, method in _selects.items():
        cls.select = method


def _where(a):
    """An address as the banner says it: host:port."""
    if isinstance(a, tuple) and len(a) >= 2:
        return "%s:%s" % (a[0], a[1])
    return str(a)


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


def _exit_on_terminate():
    """When the lab stops the program (SIGTERM), exit as Python does on sys.exit, so the last reports go out."""
    import signal
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        def stop(signum, frame):
            sys.exit(128 + signum)
        signal.signal(signal.SIGTERM, stop)


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
            _wrap_selectors()
            _wrap_output()
            _exit_on_terminate()
    try:
        runpy.run_path(program, run_name="__main__")
    finally:
        if _reporter is not None:
            _reporter.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
