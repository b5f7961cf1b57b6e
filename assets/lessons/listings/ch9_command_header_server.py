# Chapter 9, the remote-command server with the JSON header: a 4-byte length, a header that gives the
# answer's size, then the answer. Made safe: only a fixed set of commands, never a shell.
import json
import os
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


def answer(command):
    if command == "ls":  # a long answer: the names in Python's own library folder
        return "\n".join(sorted(os.listdir(os.path.dirname(os.__file__)))) + "\n"
    if command == "pwd":
        return os.getcwd() + "\n"
    return "this server answers only ls and pwd\n"


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
while True:
    command = conn.recv(1024)
    if not command:
        break
    out = answer(command.decode("utf-8").strip()).encode("utf-8")
    head_bytes = json.dumps({"data_size": len(out), "hash": None, "filename": None}).encode("utf-8")
    conn.send(struct.pack("i", len(head_bytes)))
    conn.send(head_bytes)
    conn.sendall(out)
conn.close()
server.close()
