# Chapter 7, address already in use: a server that closes its connection first, then is started again on
# the same port straight away, as one restarted after a fix would be. Closing first leaves its end of the
# connection in TIME_WAIT; without SO_REUSEADDR the new listener's bind() is refused while it lasts.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


def listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", port))
    s.listen(5)
    return s


server = listener()
conn, addr = server.accept()
print("received:", conn.recv(1024))
conn.close()  # the server closes first: its end waits in TIME_WAIT
server.close()
try:
    server = listener()
    print("restarted on port", port)
    server.close()
except OSError as e:
    print("could not restart:", e)
