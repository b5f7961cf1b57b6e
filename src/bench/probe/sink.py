# The benchmark's receiver (never traced): reads each connection to its end, then closes it.
import socket
import sys
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
print(srv.getsockname()[1], flush=True)


def drain(conn):
    buf = bytearray(1 << 20)
    while conn.recv_into(buf):
        pass
    conn.close()


while True:
    c, _ = srv.accept()
    threading.Thread(target=drain, args=(c,), daemon=True).start()
