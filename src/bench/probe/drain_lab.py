# A lab that only takes the probe's reports: it answers the probe's hello with "step 0" and reads every
# report to its end without looking at it. Run against it, the probe's cost is its own -- the wrapping,
# timing, queueing and batching inside the traced program -- without the real lab's decoding and JSON
# competing for the same cores. Prints the port it listens on.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
print(srv.getsockname()[1], flush=True)


def drain(conn):
    conn.sendall(b"step 0\n")
    buf = bytearray(1 << 20)
    while conn.recv_into(buf):
        pass
    conn.close()


while True:
    c, _ = srv.accept()
    threading.Thread(target=drain, args=(c,), daemon=True).start()
