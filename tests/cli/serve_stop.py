"""serve_stop.py AIPOLICY SOURCE_DIR: SIGTERM and SIGINT stop `aipolicy
serve` gracefully: no new connection is accepted, a request already
running finishes (its answer closes the connection, its verdict is
logged), idle connections do not hold the stop up, a request that does
not finish is cut off after 10 s, and the exit code is 0."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
example = os.path.join(src, "policies", "example.yaml")
tmp = tempfile.mkdtemp()
t = Checks()
BODY = (b'{"answers": {"data": "personal data", "approved_tool": "no"}}')


def start_post(srv):
    """A POST whose headers and first half have been sent."""
    s = socket.create_connection((srv.host, srv.port), timeout=30)
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
              b"application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)
              + BODY[:10])
    return s


def read_all(s):
    got = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    except OSError:
        pass
    return got


def refused(srv):
    """A new connection is refused (or closed without an answer)."""
    try:
        s = socket.create_connection((srv.host, srv.port), timeout=5)
    except OSError:
        return True
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    got = read_all(s)
    s.close()
    return got == b""


def test_running_request_finishes(sig):
    log = os.path.join(tmp, "log-%d.jsonl" % sig)
    srv = Server(aipolicy, ["--log", log, example])
    idle = srv.conn()
    idle.request("GET", "/healthz")
    idle.getresponse().read()
    s = start_post(srv)
    time.sleep(0.5)
    srv.send_signal(sig)
    time.sleep(0.5)
    t.ok(refused(srv), "after the signal: no new connection")
    s.sendall(BODY[10:])
    got = read_all(s)
    s.close()
    head, _, body = got.partition(b"\r\n\r\n")
    t.ok(head.startswith(b"HTTP/1.1 200"), "the running request is answered")
    t.ok(b"\r\nConnection: close" in head, "and its connection closed")
    t.eq(json.loads(body or b"{}").get("outcome"), "approved_tool.no",
         "its answer")
    code = srv.proc.wait(30)
    t.eq(code, 0, "signal %d: exit 0" % sig)
    with open(log) as f:
        t.eq(len(f.readlines()), 1, "its verdict logged before the stop")
    idle.close()


def test_stuck_request():
    srv = Server(aipolicy, [example])
    s = start_post(srv)
    time.sleep(0.5)
    began = time.monotonic()
    srv.send_signal(signal.SIGTERM)
    try:
        code = srv.proc.wait(60)
    except subprocess.TimeoutExpired:
        code = None
    took = time.monotonic() - began
    t.eq(code, 0, "a request that never finishes: exit 0")
    t.ok(took < 30, "and the stop does not wait for it for ever (%.1f s)"
         % took)
    t.eq(read_all(s), b"", "its connection closed without an answer")
    s.close()


test_running_request_finishes(signal.SIGTERM)
test_running_request_finishes(signal.SIGINT)
test_stuck_request()
subprocess.run(["rm", "-rf", tmp])
t.done()
