# Chapter 9, the remote-command client with the JSON header: it reads exactly the answer's size, in
# recv(1024) steps, so nothing of one answer is left for the next command.
import json
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
for command in ("ls", "pwd"):
    client.send(command.encode("utf-8"))
    head_len = struct.unpack("i", client.recv(4))[0]
    head = json.loads(client.recv(head_len).decode("utf-8"))
    out = b""
    while len(out) < head["data_size"]:
        out += client.recv(min(1024, head["data_size"] - len(out)))
    print("%s -> %d bytes, starting %r" % (command, len(out), out[:40]))
client.close()
