# A client in the tutorial's style: every message goes out as
#   struct.pack('i', len(head_bytes)) + head_bytes + body
# where head_bytes is json.dumps({'data_size': ..., 'filename': ..., 'hash': ...}).encode('utf8').
# Usage: python3 header_client.py PORT [--sha256] MSG...
import hashlib
import json
import socket
import struct
import sys

port = int(sys.argv[1])
args = sys.argv[2:]
with_hash = '--sha256' in args
messages = [a for a in args if a != '--sha256']

conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
conn.connect(('127.0.0.1', port))
for i, text in enumerate(messages):
    body = text.encode('utf8')
    head = {'data_size': len(body), 'filename': 'msg%d.txt' % i,
            'hash': hashlib.sha256(body).hexdigest() if with_hash else None}
    head_bytes = json.dumps(head).encode('utf8')
    conn.send(struct.pack('i', len(head_bytes)))
    conn.send(head_bytes)
    conn.send(body)
conn.close()
