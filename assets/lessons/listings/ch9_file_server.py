# Chapter 9, a file with the JSON header: read the 4-byte length, the header, then data_size bytes,
# and check the sha256 the header promised against the bytes that came.
import hashlib
import json
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


def recv_exactly(conn, n):
    got = b""
    while len(got) < n:
        chunk = conn.recv(min(n - len(got), 1024))
        if not chunk:
            break
        got += chunk
    return got


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
head_len = struct.unpack("i", recv_exactly(conn, 4))[0]
head = json.loads(recv_exactly(conn, head_len).decode("utf-8"))
data = recv_exactly(conn, head["data_size"])
ok = hashlib.sha256(data).hexdigest() == head["hash"]
print("%s: %d bytes, sha256 %s" % (head["filename"], len(data), "matches" if ok else "does NOT match"))
conn.close()
server.close()
