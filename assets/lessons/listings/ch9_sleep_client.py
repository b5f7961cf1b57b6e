# Chapter 9, the sleep "fix": a pause between the two sends, hoping the server reads in between.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send("hello world".encode("utf-8"))
time.sleep(0.05)
client.send("haha".encode("utf-8"))
client.close()
