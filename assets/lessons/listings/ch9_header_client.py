# Chapter 9, the final fix: each message goes out as a 4-byte length, a JSON header that gives the body's
# size and sha256, then the body itself.
import hashlib
import json
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
for text in ("hello world", "haha"):
    body = text.encode("utf-8")
    head = {"data_size": len(body), "hash": hashlib.sha256(body).hexdigest()}
    head_bytes = json.dumps(head).encode("utf-8")
    client.sendall(struct.pack("i", len(head_bytes)) + head_bytes + body)
client.close()
