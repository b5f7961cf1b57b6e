# A client that sends, then fails on purpose: the trace must still hold what it did.
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(("127.0.0.1", 8080))
sock.send(b"before the bug")
raise RuntimeError("a bug in the student's program")
