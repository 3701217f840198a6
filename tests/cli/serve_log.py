"""serve_log.py AIPOLICY SOURCE_DIR: the decision log of `aipolicy serve`:
one record per verdict served (GET and POST /v1/check, each verdict line
of /v1/batch), in the format `check --log` writes with "via": "serve";
nothing for HEAD, incomplete answers or errors; a torn last line; the log
reopened on SIGHUP. Then, with a build whose write() or fsync() fails on
demand: verdicts answered 503 (a batch as a whole), /healthz 503 until a
later write succeeds, the failures counted, answers without a verdict
still served."""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, metric  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
fault_program = os.path.join(os.path.dirname(aipolicy),
                             "aipolicy-serve-fault")
example = os.path.join(src, "policies", "example.yaml")
tmp = tempfile.mkdtemp()
t = Checks()

FREE = "/v1/check?data=no&people=no&regulated=no&code=no&audience=only%20me"
STOP = "/v1/check?data=personal%20data&approved_tool=no"
INCOMPLETE = "/v1/check?data=no"
RECORD = re.compile(
    r'^\{"time": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "via": "serve", '
    r'"decision_id": "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}'
    r'-[0-9a-f]{12}", "policy": \{"id": "acme-ai-use", "version": '
    r'"2026-Q4", "sha256": "[0-9a-f]{64}"\}, "path": \[.*\], "unsure": '
    r'\[.*\], "verdict": "[a-z-]+", "outcome": "[^"]+", "review_minutes": '
    r'(null|\d+)\}$')
BATCH = (b'{"data": "no", "people": "no", "regulated": "no", "code": "no", '
         b'"audience": "my team", "team_facts": "yes"}\n'
         b'{"data": "no"}\n{"data": "bad"}\n\n'
         b'{"data": "personal data", "approved_tool": "no"}\n'
         b'{"data": "?"}\n')
JSON = {"Content-Type": "application/json"}
NDJSON = {"Content-Type": "application/x-ndjson"}


def lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode().split("\n")[:-1]
    except FileNotFoundError:
        return []


def check_log_record(answers, flags=()):
    """The record `check --log` writes for ANSWERS, as a dict."""
    path = os.path.join(tmp, "check.jsonl")
    if os.path.exists(path):
        os.unlink(path)
    subprocess.run([aipolicy, "check", "--log", path] + list(flags) +
                   [example] + ["%s=%s" % qa for qa in answers],
                   stdout=subprocess.DEVNULL)
    return json.loads(lines(path)[0])


def same_record(got, want, what):
    """GOT is WANT but for time, via and decision_id."""
    a = json.loads(got)
    for k in ("time", "decision_id"):
        a.pop(k)
        want.pop(k)
    t.eq(a.pop("via"), "serve", what + ": via serve")
    want.pop("via")
    t.eq(a, want, what + ": the record of check --log")
    t.eq(list(json.loads(got)), ["time", "via", "decision_id", "policy",
                                 "path", "unsure", "verdict", "outcome",
                                 "review_minutes"], what + ": key order")


def test_records():
    log = os.path.join(tmp, "serve.jsonl")
    with open(log, "w") as f:
        f.write('{"torn": ')
    srv = Server(aipolicy, ["--log", log, example])
    t.eq(srv.request("GET", FREE)[0], 200, "GET verdict")
    got = lines(log)
    t.eq(len(got), 2, "one record after the torn line")
    t.eq(got[0], '{"torn": ', "the torn line kept")
    same_record(got[1], check_log_record(
        [("data", "no"), ("people", "no"), ("regulated", "no"),
         ("code", "no"), ("audience", "only me")]), "GET")
    for what, method, path, body, hdrs in (
            ("HEAD", "HEAD", FREE, None, {}),
            ("incomplete", "GET", INCOMPLETE, None, {}),
            ("bad answer", "GET", "/v1/check?data=bad", None, {}),
            ("bad body", "POST", "/v1/check", b"{", JSON),
            ("policy", "GET", "/v1/policy", None, {})):
        srv.request(method, path, body, hdrs)
        t.eq(len(lines(log)), 2, what + " logs nothing")
    status, _, _ = srv.request("POST", "/v1/check", json.dumps(
        {"answers": {"data": "no"}, "worst_case": True}).encode(), JSON)
    t.eq(status, 200, "POST worst case")
    got = lines(log)
    t.eq(len(got), 3, "a worst case is a verdict: one record")
    same_record(got[2], check_log_record([("data", "no")], ["--worst-case"]),
                "worst case")
    status, _, _ = srv.request("POST", "/v1/batch", BATCH, NDJSON)
    got = lines(log)
    t.eq(len(got), 6, "a batch: one record per verdict line")
    t.eq([json.loads(l)["outcome"] for l in got[3:]],
         ["team_review", "approved_tool.no", "client_forbids"],
         "batch records in line order")
    for l in got[1:]:
        t.ok(RECORD.match(l) is not None, "record format: " + l)
    ids = [json.loads(l)["decision_id"] for l in got[1:]]
    t.eq(len(set(ids)), len(ids), "decision ids differ")
    # Log rotation: renamed away, SIGHUP, the next record in a new file.
    os.rename(log, log + ".1")
    srv.send_signal(signal.SIGHUP)
    t.ok(srv.wait_line("^aipolicy: reloaded acme-ai-use 2026-Q4$"),
         "SIGHUP: reloaded")
    srv.request("GET", STOP)
    t.eq(len(lines(log)), 1, "after SIGHUP: the new log")
    t.eq(len(lines(log + ".1")), 6, "after SIGHUP: the old log unchanged")
    text = srv.request("GET", "/metrics")[2].decode()
    t.eq(metric(text, "aipolicy_log_records_total"), 6.0, "records counted")
    t.eq(srv.stop(), 0, "exit 0")


def test_failures():
    if not os.path.exists(fault_program):
        print("SKIP: failing log writes (%s not built)" % fault_program)
        return
    log = os.path.join(tmp, "fault.jsonl")
    fault = os.path.join(tmp, "fault")
    env = dict(os.environ, AIPOLICY_FAULT=fault)
    srv = Server(aipolicy, ["--log", log, example], program=fault_program,
                 env=env)
    t.eq(srv.request("GET", FREE)[0], 200, "no fault: 200")
    t.eq(len(lines(log)), 1, "no fault: logged")
    for call in ("write", "fsync"):
        with open(fault, "w") as f:
            f.write(call)
        before = len(lines(log))
        status, _, body = srv.request("GET", FREE)
        t.eq(status, 503, call + " fails: a verdict is 503")
        t.ok(b'"status": "error"' in body and b"decision log" in body,
             call + " fails: the error object")
        if call == "write":
            t.eq(len(lines(log)), before, "write fails: nothing logged")
        status, _, body = srv.request("POST", "/v1/check", json.dumps(
            {"answers": {"data": "personal data", "approved_tool": "no"}}
        ).encode(), JSON)
        t.eq(status, 503, call + " fails: POST verdict is 503")
        status, _, body = srv.request("POST", "/v1/batch", BATCH, NDJSON)
        t.eq(status, 503, call + " fails: a batch with verdicts is 503")
        t.ok(b'"line"' not in body, call + " fails: no line answered")
        status, _, body = srv.request("POST", "/v1/batch",
                                      b'{"data": "no"}\n', NDJSON)
        t.eq(status, 200, call + " fails: a batch without verdicts is 200")
        t.eq(srv.request("GET", INCOMPLETE)[0], 200,
             call + " fails: no verdict, no log: 200")
        t.eq(srv.request("HEAD", FREE)[0], 200,
             call + " fails: HEAD logs nothing: 200")
        t.eq(srv.request("GET", "/healthz")[:3:2], (503,
             b"the decision log cannot be written\n"),
             call + " fails: /healthz 503")
        os.unlink(fault)
        t.eq(srv.request("GET", "/healthz")[0], 503,
             call + ": /healthz 503 until a write succeeds")
        t.eq(srv.request("GET", STOP)[0], 200, call + " works again: 200")
        t.eq(srv.request("GET", "/healthz")[0], 200,
             call + " works again: /healthz 200")
    text = srv.request("GET", "/metrics")[2].decode()
    t.eq(metric(text, "aipolicy_log_errors_total"), 6.0,
         "each failed write counted")
    t.ok(srv.wait_line("error: cannot write the decision log: No space "
                       "left on device", 1, 5) and
         srv.wait_line("error: cannot write the decision log: "
                       "Input/output error", 1, 5) and
         srv.wait_line("the decision log is written again", 2, 5),
         "failures and recoveries said on stderr")
    t.eq(srv.stop(), 0, "exit 0")


test_records()
test_failures()
subprocess.run(["rm", "-rf", tmp])
t.done()
