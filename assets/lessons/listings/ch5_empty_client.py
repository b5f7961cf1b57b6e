# Chapter 5: the user just pressed Enter, so the message is empty: send(b'') sends nothing at all.
# Half a second later the user types a word; only then does the server's recv() have something to return.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
msg = ""  # what input().strip() gives for a bare Enter
print("send(b'') returned", client.send(msg.encode("utf-8")))
time.sleep(0.5)
client.send(b"hello")
print("the server answered:", client.recv(1024))
client.close()
