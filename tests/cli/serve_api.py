"""serve_api.py AIPOLICY SOURCE_DIR: every endpoint and error of the JSON
API of `aipolicy serve`: status codes, their order when several apply,
content types, the headers on every response, HEAD, /v1/policy against
`render --format json`, /healthz and /metrics."""
import datetime
import http.client
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, metric  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
example = os.path.join(src, "policies", "example.yaml")
t = Checks()

SECURITY = {
    "content-security-policy": "default-src 'none'; style-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
JSON = "application/json; charset=utf-8"
VERDICT_Q = ("/v1/check?data=no&people=no&regulated=no&code=no&"
             "audience=only%20me")


def headers_ok(h, what):
    for k, v in SECURITY.items():
        t.eq(h.get(k), v, "%s: header %s" % (what, k))


def error(srv, what, status, method, path, body=None, headers=None,
          contains=None):
    """A request answered STATUS with an error object (CONTAINS in it)."""
    got, h, data = srv.request(method, path, body, headers)
    t.eq(got, status, what + ": status")
    headers_ok(h, what)
    t.eq(h.get("content-type"), JSON, what + ": content type")
    try:
        obj = json.loads(data)
    except ValueError:
        obj = None
    t.ok(isinstance(obj, dict) and list(obj) == ["status", "error"] and
         obj["status"] == "error", what + ": error object: %r" % data)
    t.ok(data.endswith(b"}\n") and data.count(b"\n") == 1,
         what + ": one line")
    if contains is not None and isinstance(obj, dict):
        t.ok(contains in obj.get("error", ""),
             "%s: %r in %r" % (what, contains, obj.get("error")))
    return h


def cli(*args):
    r = subprocess.run([aipolicy] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    return r.stdout


def policy_with_status(render, stale, in_force):
    """render --format json's object with "stale" and "in_force" added."""
    assert render.endswith(b"}\n")
    return render[:-2] + (', "stale": %s, "in_force": %s}\n' % (
        "true" if stale else "false",
        "true" if in_force else "false")).encode()


def test_policy():
    render = cli("render", "--format", "json", example)
    dates = json.loads(render)
    effective, review_by = dates["effective"], dates["review_by"]
    day = datetime.timedelta(days=1)
    after = (datetime.date.fromisoformat(review_by) + day).isoformat()
    before = (datetime.date.fromisoformat(effective) - day).isoformat()
    for today, stale, in_force in ((effective, False, True),
                                   (review_by, False, True),
                                   (after, True, True),
                                   (before, False, False)):
        srv = Server(aipolicy, ["--today", today, example])
        status, h, data = srv.request("GET", "/v1/policy")
        t.eq(status, 200, "/v1/policy")
        t.eq(h.get("content-type"), JSON, "/v1/policy: content type")
        headers_ok(h, "/v1/policy")
        t.eq(data, policy_with_status(render, stale, in_force),
             "/v1/policy on %s = render --format json + stale, in_force"
             % today)
        status, h, body = srv.request("HEAD", "/v1/policy")
        t.eq((status, body), (200, b""), "HEAD /v1/policy: no body")
        t.eq(h.get("content-length"), str(len(data)),
             "HEAD /v1/policy: the length of GET's body")
        headers_ok(h, "HEAD /v1/policy")
        status, _, body = srv.request("GET", "/metrics")
        t.eq(metric(body.decode(), "aipolicy_policy_stale"),
             1.0 if stale else 0.0, "metric stale on " + today)
        t.eq(srv.stop(), 0, "exit 0")
    # Without --today: the day of the request.
    today = datetime.date.today().isoformat()
    srv = Server(aipolicy, [example])
    status, _, data = srv.request("GET", "/v1/policy")
    t.eq(data, policy_with_status(render, today > review_by,
                                  today >= effective),
         "/v1/policy: stale and in_force as of today")
    srv.stop()


def test_routes(srv):
    error(srv, "404", 404, "GET", "/nope", contains="'/nope'")
    error(srv, "404 trailing slash", 404, "GET", "/v1/check/")
    error(srv, "404 beats 405", 404, "PUT", "/nope")
    h = error(srv, "405 PUT /v1/check", 405, "PUT", "/v1/check")
    t.eq(h.get("allow"), "GET, HEAD, POST", "405: Allow of /v1/check")
    h = error(srv, "405 GET /v1/batch", 405, "GET", "/v1/batch")
    t.eq(h.get("allow"), "POST", "405: Allow of /v1/batch")
    h = error(srv, "405 POST /healthz", 405, "POST", "/healthz", b"{}",
              {"Content-Type": "application/json"})
    t.eq(h.get("allow"), "GET, HEAD", "405: Allow of /healthz")
    error(srv, "405 beats 415", 405, "PUT", "/v1/check", b"x",
          {"Content-Type": "text/plain"})
    error(srv, "415 text/plain", 415, "POST", "/v1/check", b"{}",
          {"Content-Type": "text/plain"}, contains="application/json")
    error(srv, "415 no Content-Type", 415, "POST", "/v1/check", b"{}", {})
    error(srv, "415 ndjson to /v1/check", 415, "POST", "/v1/check", b"{}",
          {"Content-Type": "application/x-ndjson"})
    error(srv, "415 beats 413", 415, "POST", "/v1/check", b" " * 70000,
          {"Content-Type": "text/plain"})
    big = b'{"answers": {}}' + b" " * (64 * 1024)
    error(srv, "413 /v1/check over 64 KiB", 413, "POST", "/v1/check", big,
          {"Content-Type": "application/json"}, contains="65536")
    error(srv, "413 beats 400", 413, "POST", "/v1/check", b"{" * 70000,
          {"Content-Type": "application/json"})
    exact = b'{"answers": {}}'
    exact += b" " * (64 * 1024 - len(exact))
    status, _, _ = srv.request("POST", "/v1/check", exact,
                               {"Content-Type": "application/json"})
    t.eq(status, 200, "a body of exactly 64 KiB")
    # Chunked (no Content-Length): the limit holds while it arrives.
    c = srv.conn()
    c.putrequest("POST", "/v1/check")
    c.putheader("Content-Type", "application/json")
    c.putheader("Transfer-Encoding", "chunked")
    c.endheaders()
    chunk = b" " * 8192
    for _ in range(10):
        c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    c.send(b"0\r\n\r\n")
    r = c.getresponse()
    t.eq(r.status, 413, "413 for a chunked body over 64 KiB")
    r.read()
    c.close()
    # A batch declared over 16 MiB is refused before its body is read.
    c = srv.conn()
    c.putrequest("POST", "/v1/batch")
    c.putheader("Content-Type", "application/x-ndjson")
    c.putheader("Content-Length", str(16 * 1024 * 1024 + 1))
    c.endheaders()
    r = c.getresponse()
    t.eq(r.status, 413, "413 for a batch over 16 MiB")
    c.close()
    for ctype in ("application/json", "application/x-ndjson",
                  "application/jsonl", "Application/JSON; charset=utf-8"):
        status, h, _ = srv.request("POST", "/v1/batch", b'{"data": "no"}\n',
                                   {"Content-Type": ctype})
        t.eq(status, 200, "batch takes " + ctype)
        t.eq(h.get("content-type"), "application/x-ndjson",
             "batch answers application/x-ndjson")
        headers_ok(h, "batch")
    error(srv, "batch: unknown parameter", 400, "POST",
          "/v1/batch?worst=true", b"{}\n",
          {"Content-Type": "application/x-ndjson"}, contains="'worst'")
    error(srv, "batch: worst_case not a boolean", 400, "POST",
          "/v1/batch?worst_case=yes", b"{}\n",
          {"Content-Type": "application/x-ndjson"})


def post(srv, what, status, body, contains=None):
    return error(srv, what, status, "POST", "/v1/check", body,
                 {"Content-Type": "application/json"}, contains)


def test_check_errors(srv):
    post(srv, "400 invalid JSON", 400, b'{"answers": ',
         contains="invalid JSON at line 1")
    post(srv, "400 empty body", 400, b"")
    post(srv, "400 not an object", 400, b'["data", "no"]',
         contains="must be a JSON object")
    post(srv, "400 no answers", 400, b'{"worst_case": true}',
         contains="no 'answers'")
    post(srv, "400 answers not an object", 400, b'{"answers": ["no"]}',
         contains="'answers' must be an object")
    post(srv, "400 answer not a string", 400, b'{"answers": {"data": 1}}',
         contains="the answer to 'data' must be a string")
    post(srv, "400 worst_case not a boolean", 400,
         b'{"answers": {}, "worst_case": "yes"}',
         contains="'worst_case' must be true or false")
    post(srv, "400 unknown key", 400, b'{"answer": {}}',
         contains="did you mean 'answers'?")
    post(srv, "400 another key", 400, b'{"answers": {}, "today": "x"}',
         contains="unknown key 'today'")
    post(srv, "400 duplicate answer", 400,
         b'{"answers": {"data": "no", "data": "yes"}}', contains="duplicate")
    post(srv, "400 NUL", 400, b'{"answers": {"data": "n\\u0000o"}}',
         contains="NUL")
    post(srv, "400 invalid UTF-8", 400, b'{"answers": {"data": "\xff"}}')
    post(srv, "400 beats 422", 400,
         b'{"answers": {"data": "maybe"}, "x": 1}')
    want = cli("check", "--json", example, "data=maybe")
    status, _, data = srv.request("POST", "/v1/check",
                                  b'{"answers": {"data": "maybe"}}',
                                  {"Content-Type": "application/json"})
    t.eq((status, data), (422, want), "422: check's error object")
    status, _, data = srv.request("GET", "/v1/check?data=maybe")
    t.eq((status, data), (422, want), "422 by GET")
    error(srv, "GET: a question twice", 400, "GET",
          "/v1/check?data=no&people=no&data=no",
          contains="question 'data' is answered twice")
    error(srv, "GET: a NUL", 400, "GET", "/v1/check?data=n%00o",
          contains="NUL")
    # An answer that is not UTF-8 is not one of the question's.
    status, _, _ = srv.request("GET", "/v1/check?data=%ff")
    t.eq(status, 422, "GET: invalid UTF-8 answer: 422")
    status, _, data = srv.request("GET", "/v1/check?nosuch%ff=x")
    t.ok(status == 200 and b'"unused": ["nosuch\xef\xbf\xbd"]' in data,
         "GET: a question id that is not UTF-8 is unused, shown with U+FFFD")


def test_check(srv):
    status, h, data = srv.request("GET", VERDICT_Q)
    t.eq(status, 200, "GET verdict")
    headers_ok(h, "GET /v1/check")
    t.eq(h.get("cache-control"), "no-store", "no-store")
    t.ok(data.endswith(b"}\n") and data.count(b"\n") == 1, "one line")
    status, h, body = srv.request("HEAD", VERDICT_Q)
    t.eq((status, body), (200, b""), "HEAD /v1/check")
    t.eq(h.get("content-length"), str(len(data)), "HEAD: GET's length")
    status, _, data = srv.request("GET", "/v1/check")
    t.ok(status == 200 and json.loads(data)["next"]["question"] == "data",
         "no answers: incomplete, next is the first question")
    # Keep-alive: one connection, many requests.
    c = srv.conn()
    for i in range(5):
        status, _, _ = srv.request("GET", VERDICT_Q, conn=c)
        t.eq(status, 200, "keep-alive request %d" % i)
    c.close()


def test_health_metrics(srv):
    status, h, data = srv.request("GET", "/healthz")
    t.eq((status, data), (200, b"ok\n"), "/healthz")
    t.eq(h.get("content-type"), "text/plain; charset=utf-8", "healthz type")
    headers_ok(h, "/healthz")
    status, h, body = srv.request("HEAD", "/healthz")
    t.eq((status, body), (200, b""), "HEAD /healthz")
    before = srv.request("GET", "/metrics")[2].decode()
    srv.request("GET", VERDICT_Q)
    srv.request("GET", "/nope")
    status, h, data = srv.request("GET", "/metrics")
    text = data.decode()
    t.eq(status, 200, "/metrics")
    t.eq(h.get("content-type"), "text/plain; version=0.0.4; charset=utf-8",
         "/metrics: format 0.0.4")
    name = r'[a-zA-Z_][a-zA-Z0-9_]*'
    value = r'"(?:[^"\\]|\\.)*"'
    line = re.compile(r'^%s(\{%s=%s(,%s=%s)*\})? [0-9.e+-]+$' %
                      (name, name, value, name, value))
    for l in text.splitlines():
        if not l.startswith("# "):
            t.ok(line.match(l) is not None, "metric line: " + l)
    sha = cli("check", "--json", example).decode()
    sha = json.loads(sha)["policy"]["sha256"]
    t.eq(metric(text, 'aipolicy_policy_info{id="acme-ai-use",'
                'version="2026-Q4",sha256="%s"}' % sha), 1.0, "policy_info")
    for name in ("aipolicy_policy_stale",
                 'aipolicy_policy_reloads_total{result="ok"}',
                 'aipolicy_policy_reloads_total{result="failed"}',
                 "aipolicy_log_errors_total"):
        t.eq(metric(text, name), 0.0, name)
    for name in ('aipolicy_requests_total{handler="check",code="200"}',
                 'aipolicy_requests_total{handler="none",code="404"}',
                 'aipolicy_decisions_total{verdict="use-freely"}',
                 "aipolicy_request_duration_seconds_count"):
        a = metric(before, name) or 0
        b = metric(text, name)
        t.ok(b is not None and b >= a + 1, "%s counts: %s -> %s" %
             (name, a, b))
    t.ok('aipolicy_request_duration_seconds_bucket{le="+Inf"}' in text,
         "histogram")


srv = Server(aipolicy, ["--today", "2026-11-28", example])
test_routes(srv)
test_check_errors(srv)
test_check(srv)
test_health_metrics(srv)
t.eq(srv.stop(), 0, "exit 0")
test_policy()
t.done()
