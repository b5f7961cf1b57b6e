# The final fix: for each file, a 4-byte length (struct 'i'), a JSON header, then the body; all by sendall().
import hashlib
import json
import socket
import struct

files = [("a.txt", b"hello world"), ("b.txt", b"haha"), ("c.bin", bytes(range(256)) * 40)]
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(("127.0.0.1", 8080))
for name, body in files:
    head = {"filename": name, "data_size": len(body), "hash": hashlib.sha256(body).hexdigest()}
    head_bytes = json.dumps(head).encode("utf-8")
    sock.sendall(struct.pack("i", len(head_bytes)))
    sock.sendall(head_bytes)
    sock.sendall(body)
sock.close()
