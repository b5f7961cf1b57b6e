# The sticky-packet client: two send() calls, one right after the other.
import socket

phone = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
phone.connect(("127.0.0.1", 8080))
phone.send("hello world".encode("utf8"))
phone.send("haha".encode("utf8"))
phone.close()
