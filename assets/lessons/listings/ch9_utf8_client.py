# Chapter 9, text is bytes: two Chinese messages, 15 and 6 bytes in UTF-8.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send("你好，世界".encode("utf-8"))
client.send("粘包".encode("utf-8"))
client.close()
