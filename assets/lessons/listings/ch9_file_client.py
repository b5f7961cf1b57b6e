# Chapter 9, a file with the JSON header: its name, size and sha256 go first, then the file itself.
# Given "alter", one byte is changed after hashing, as if damaged on the way.
import hashlib
import json
import os
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
path = sys.argv[2] if len(sys.argv) > 2 else "icon.png"
alter = len(sys.argv) > 3 and sys.argv[3] == "alter"

with open(path, "rb") as f:
    data = f.read()
head = {"filename": os.path.basename(path), "data_size": len(data), "hash": hashlib.sha256(data).hexdigest()}
if alter:
    data = data[:-1] + bytes([data[-1] ^ 0x20])
head_bytes = json.dumps(head).encode("utf-8")

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send(struct.pack("i", len(head_bytes)) + head_bytes)
client.sendall(data)
client.close()
