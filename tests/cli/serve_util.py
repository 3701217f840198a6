"""serve_util: what the end-to-end tests of `aipolicy serve` share.

Each test starts its own server on a free loopback port (--listen
127.0.0.1:0), reads the port from the "serving" line on stderr, talks to
it over real sockets, and stops it. Every wait is bounded.
"""
import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time

SERVING = re.compile(r"^aipolicy: serving (.*) at http://([^/]+):(\d+)/$")
START_SECONDS = 60     # an ASan build starts slowly on a busy machine
STOP_SECONDS = 60


class Checks:
    """Counts passes and failures; prints each failure."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: " + what, flush=True)
        return cond

    def eq(self, got, want, what):
        if not self.ok(got == want, what):
            print("  want: %r\n  got:  %r" % (want, got), flush=True)

    def done(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)


class Server:
    """A running server; ARGS are what follows `aipolicy serve --listen
    127.0.0.1:0`. PROGRAM runs instead of `AIPOLICY serve` when given
    (the fault-injecting build)."""

    def __init__(self, aipolicy, args, program=None, env=None):
        if program is None:
            cmd = [aipolicy, "serve"]
        else:
            cmd = [program]
        cmd += ["--listen", "127.0.0.1:0"] + list(args)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=env)
        self.lines = []
        self.cond = threading.Condition()
        line = self._first_line()
        m = SERVING.match(line)
        if not m:
            self.proc.kill()
            raise RuntimeError("no serving line: %r" % line)
        self.name, self.host, self.port = m.group(1), m.group(2), \
            int(m.group(3))
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _first_line(self):
        fd = self.proc.stderr.fileno()
        buf = b""
        until = time.monotonic() + START_SECONDS
        while b"\n" not in buf and time.monotonic() < until:
            r, _, _ = select.select([fd], [], [], 1)
            if r:
                chunk = os.read(fd, 1)
                if not chunk:
                    break
                buf += chunk
        return buf.decode("utf-8", "replace").rstrip("\n")

    def _drain(self):
        for raw in self.proc.stderr:
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()

    def wait_line(self, pattern, count=1, seconds=60):
        """Wait until COUNT stderr lines match PATTERN; True when so."""
        rx = re.compile(pattern)
        until = time.monotonic() + seconds
        with self.cond:
            while sum(1 for l in self.lines if rx.search(l)) < count:
                left = until - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
        return True

    def lines_matching(self, pattern):
        """The stderr lines so far that match PATTERN."""
        rx = re.compile(pattern)
        with self.cond:
            return [l for l in self.lines if rx.search(l)]

    def conn(self, timeout=30):
        return http.client.HTTPConnection(self.host, self.port,
                                          timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        """(status, headers as a dict of lower-case names, body bytes)."""
        c = conn or self.conn()
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        if conn is None:
            c.close()
        return r.status, hdrs, data

    def raw(self, data, timeout=15):
        """Send DATA on a fresh socket; what came back before the server
        closed it (or the timeout)."""
        s = socket.create_connection((self.host, self.port), timeout=timeout)
        got = b""
        try:
            s.sendall(data)
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += chunk
        except (socket.timeout, ConnectionResetError, BrokenPipeError):
            pass
        finally:
            s.close()
        return got

    def send_signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self, sig=signal.SIGTERM):
        """Stop the server; its exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.reader.join(5)
        if code != 0:
            print("server stderr:\n" + self.stderr(), flush=True)
        return code

    def stderr(self):
        with self.cond:
            return "\n".join(self.lines)


def metric(text, name):
    """The value of the metric line NAME (with its labels) in TEXT."""
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split(" ")[-1])
    return None
