"""serve_hostile.py AIPOLICY SOURCE_DIR: clients that do not play fair
get an HTTP error or a closed connection, never a crash, and the others
go on being served: 50 connections sending their headers a byte a second
(closed once their request has not arrived in 10 s, while normal requests
are answered meanwhile), random bytes, oversized headers, URLs and
bodies, bad percent-encoding, invalid UTF-8, 100,000 query parameters,
methods nobody uses, more connections than the limit, hostile languages
(Accept-Language huge, of raw bytes, of many entries and weights; ?lang=
huge, binary, given many times). The test suite
runs this against the AddressSanitizer build too (make asan)."""
import os
import random
import resource
import select
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
example = os.path.join(src, "policies", "example.yaml")
t = Checks()
SLOW = 50
SLOW_SECONDS = 25      # a slow client gives up after this long
LIMIT = 1000


def healthy(srv, what):
    """A normal request is answered (a generous timeout, not a timing)."""
    try:
        status, _, body = srv.request("GET", "/healthz", conn=srv.conn(10))
    except OSError as e:
        status, body = repr(e), b""
    t.eq((status, body), (200, b"ok\n"), "served after " + what)


def http_error_or_closed(got, what, codes=None):
    """GOT is nothing (closed) or an HTTP error response."""
    if got == b"":
        t.ok(True, what)
        return
    line = got.split(b"\r\n", 1)[0]
    ok = line.startswith(b"HTTP/1.1 4") or line.startswith(b"HTTP/1.1 5")
    if codes is not None:
        ok = any(line.startswith(b"HTTP/1.1 %d" % c) for c in codes)
    t.ok(ok, "%s: %r" % (what, line))


def slow_client(srv, results, k):
    """Send a request a byte a second; note when the server closes."""
    req = (b"GET /v1/check?data=no HTTP/1.1\r\nHost: localhost\r\n"
           b"X-Slow: " + b"x" * 40 + b"\r\n\r\n")
    s = socket.create_connection((srv.host, srv.port), timeout=5)
    start = time.monotonic()
    closed_at = None
    try:
        for i in range(len(req)):
            if time.monotonic() - start > SLOW_SECONDS:
                break
            s.send(req[i:i + 1])
            p = select.poll()
            p.register(s, select.POLLIN)
            if p.poll(1000) and s.recv(65536) == b"":
                closed_at = time.monotonic() - start
                break
    except OSError:
        closed_at = time.monotonic() - start
    s.close()
    results[k] = closed_at


def test_slow_headers(srv, meanwhile):
    """SLOW slow clients; MEANWHILE (the other tests) runs while they are
    connected, and normal requests are answered."""
    results = [None] * SLOW
    threads = [threading.Thread(target=slow_client, args=(srv, results, k))
               for k in range(SLOW)]
    for th in threads:
        th.start()
    time.sleep(1)
    for i in range(10):
        healthy(srv, "%d slow clients (request %d)" % (SLOW, i))
    meanwhile()
    for th in threads:
        th.join()
    t.ok(all(r is not None for r in results),
         "every slow client was closed before it finished (%d of %d)" %
         (sum(r is not None for r in results), SLOW))
    healthy(srv, "slow clients")


def test_garbage(srv):
    """Random bytes on 30 connections at once (one that looks like the
    start of a request waits for the 10 s limit)."""
    rnd = random.Random(11)
    sends = [bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(1, 3000)))
             + b"\r\n\r\n" for _ in range(30)]
    sends += [b"\x00" * 5000 + b"\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"]
    got = [None] * len(sends)

    def send(i):
        got[i] = srv.raw(sends[i], timeout=20)
    threads = [threading.Thread(target=send, args=(i,))
               for i in range(len(sends))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for i, g in enumerate(got):
        http_error_or_closed(g, "random bytes %d" % i)
    healthy(srv, "random bytes")


def test_sizes(srv):
    http_error_or_closed(srv.raw(b"GET /v1/check?data=" + b"x" * 100000 +
                                 b" HTTP/1.1\r\nHost: x\r\n\r\n"),
                         "a 100 KB URL", (414,))
    http_error_or_closed(srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                 b"X-Big: " + b"a" * 100000 + b"\r\n\r\n"),
                         "a 100 KB header", (431,))
    http_error_or_closed(srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" +
                                 b"X-A: b\r\n" * 20000 + b"\r\n"),
                         "20,000 headers", (431,))
    params = b"&".join(b"q%d=a" % i for i in range(100000))
    http_error_or_closed(srv.raw(b"GET /v1/check?" + params +
                                 b" HTTP/1.1\r\nHost: x\r\n\r\n"),
                         "100,000 query parameters", (414,))
    got = srv.raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
                  b"application/json\r\nContent-Length: 99999999999\r\n\r\n")
    http_error_or_closed(got, "a huge Content-Length", (413,))
    got = srv.raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
                  b"application/json\r\nContent-Length: nope\r\n\r\n{}")
    http_error_or_closed(got, "a Content-Length that is not a number")
    got = srv.raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
                  b"application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"zz\r\n{}\r\n0\r\n\r\n")
    http_error_or_closed(got, "a bad chunk size")
    healthy(srv, "oversized requests")


def test_encodings(srv):
    for path, codes in ((b"/v1/check?data=%zz&people=%", (422,)),
                        (b"/v1/check?data=%ff%fe", (422,)),
                        (b"/v1/check?%ff=x", (200,)),
                        (b"/v1/%ff%00", (404,)),
                        (b"/v1/check?data=no&data=%6eo", (400,)),
                        (b"/v1/check?=x", (400,)),
                        (b"/v1/check?data=%00", (400,)),
                        (b"/%2e%2e/%2e%2e/etc/passwd", (404,))):
        got = srv.raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n"
                      b"Connection: close\r\n\r\n")
        line = got.split(b"\r\n", 1)[0]
        t.ok(any(line.startswith(b"HTTP/1.1 %d" % c) for c in codes),
             "%r: %r" % (path, line))
    for method in (b"FOO", b"DELETE", b"OPTIONS", b"TRACE", b"CONNECT"):
        got = srv.raw(method + b" /v1/check HTTP/1.1\r\nHost: x\r\n"
                      b"Connection: close\r\n\r\n")
        http_error_or_closed(got, method.decode())
    body = b'{"answers": {"data": "\xc3\x28"}}'
    got = srv.raw(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
                  b"application/json\r\nContent-Length: %d\r\n"
                  b"Connection: close\r\n\r\n%s" % (len(body), body))
    t.ok(got.startswith(b"HTTP/1.1 400"), "invalid UTF-8 in JSON: 400")
    healthy(srv, "strange encodings")


def status_of(got):
    """The status code of the response GOT, or None."""
    line = got.split(b"\r\n", 1)[0]
    return int(line[9:12]) if line.startswith(b"HTTP/1.1 ") else None


def test_languages(srv):
    """Every hostile language is answered, and by its rules: a page falls
    back (200, 400 for a NUL), the API says 404 (or 400 for ?lang= twice);
    libmicrohttpd refuses what is over its limits by itself."""
    many = b", ".join(b"x%d;q=0.%d" % (i, i % 10) for i in range(2000))
    for accept, codes in ((b"a" * 20000, (200,)),
                          (bytes(range(0x80, 0x100)) * 40, (200,)),
                          (many, (200,)),
                          (b"de;q=1.5, fr;q=-1, *;q=1, ;q=, ,,,", (200,)),
                          (b"a" * 100000, (431,))):
        got = srv.raw(b"GET /walk HTTP/1.1\r\nHost: x\r\nAccept-Language: "
                      + accept + b"\r\nConnection: close\r\n\r\n")
        t.ok(status_of(got) in codes, "Accept-Language of %d bytes: %r" %
             (len(accept), got[:12]))
    for query, walk, api in ((b"lang=" + b"de" * 5000, 200, 404),
                             (b"lang=%ff%fe%00", 400, 404),
                             (b"lang=%0a%0d%3cscript%3e", 200, 404),
                             (b"lang=de&" * 200 + b"data=no", 200, 400),
                             (b"lang=de-" + b"x" * 30, 200, 404),
                             (b"lang=DE_at.UTF-8", 200, 200),
                             (b"lang", 200, 200)):
        for path, want in ((b"/walk?", walk), (b"/v1/check?", api),
                           (b"/v1/policy?", api), (b"/?", 303)):
            got = srv.raw(b"GET " + path + query + b" HTTP/1.1\r\n"
                          b"Host: x\r\nConnection: close\r\n\r\n")
            t.eq(status_of(got), want, "%r%r..." % (path, query[:30]))
    healthy(srv, "hostile languages")


def test_limit(srv):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = LIMIT + 200
    if hard < want:
        print("SKIP: the connection limit (this test may open only %d "
              "files)" % hard)
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, want), hard))
    socks = [socket.create_connection((srv.host, srv.port), timeout=10)
             for _ in range(LIMIT + 20)]
    # The ones over the limit are closed at once (well before the 10 s
    # that would close the others as too slow).
    p = select.poll()
    for s in socks:
        p.register(s, select.POLLIN)
    closed = set()
    until = time.monotonic() + 5
    while len(closed) < 20 and time.monotonic() < until:
        for fd, _ in p.poll(100):
            closed.add(fd)
            p.unregister(fd)
    closed = len(closed)
    t.ok(closed == 20, "connections over the limit are refused (%d of %d "
         "closed at once)" % (closed, len(socks)))
    for s in socks:
        s.close()
    time.sleep(1)
    healthy(srv, "more connections than the limit")


def the_others():
    test_garbage(srv)
    test_sizes(srv)
    test_encodings(srv)
    test_languages(srv)


srv = Server(aipolicy, [example])
test_limit(srv)
test_slow_headers(srv, the_others)
t.eq(srv.stop(), 0, "exit 0 (no crash, no leak)")
t.done()
