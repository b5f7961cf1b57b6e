# Chapter 7, the fix for "address already in use": the same server with SO_REUSEADDR set on each listening
# socket before bind(). Its old connection still waits in TIME_WAIT; the new listener may bind all the same.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


def listener():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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
