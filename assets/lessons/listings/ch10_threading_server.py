# Chapter 10, many clients at once: socketserver.ThreadingTCPServer gives each accepted client a thread of its own,
# so accept() is back for the next client at once.
# (The tutorial calls serve_forever(); this one handles three clients, so that the lesson's run ends.)
import socketserver
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            self.request.send(data.upper())


socketserver.ThreadingTCPServer.allow_reuse_address = True
with socketserver.ThreadingTCPServer(("127.0.0.1", port), Upper) as server:
    for _ in range(3):
        server.handle_request()  # accepts one client and hands it to a new thread
# leaving the with-block waits for the handlers' threads: the server ends once the clients have gone
