# Chapter 9, the remote-command client: one recv(1024) per answer. An answer longer than 1,024 bytes
# stays partly in the buffer, and the next command's recv() finds that rest first.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
for command in ("ls", "pwd"):
    client.send(command.encode("utf-8"))
    out = client.recv(1024)
    print("%s -> %d bytes, starting %r" % (command, len(out), out[:40]))
client.shutdown(socket.SHUT_WR)  # no more commands; what is still on its way is read before close(),
while client.recv(1024):  # since closing with unread bytes would reset the connection
    pass
client.close()
