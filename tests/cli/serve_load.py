"""serve_load.py AIPOLICY SOURCE_DIR [CLIENTS REQUESTS]: many clients at
once, each on one keep-alive connection, each answer checked byte for
byte; with --log, the log then holds exactly one whole record per verdict
served, with unique decision ids, written in fewer syncs than records
(group commit). 32 clients of 1,000 requests unless told otherwise (the
ThreadSanitizer run is smaller)."""
import json
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, metric  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 32
requests = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
example = os.path.join(src, "policies", "example.yaml")
tmp = tempfile.mkdtemp()
log = os.path.join(tmp, "decisions.jsonl")
t = Checks()

QUERIES = [
    [("data", "no"), ("people", "no"), ("regulated", "no"), ("code", "no"),
     ("audience", "only me")],
    [("data", "personal data"), ("approved_tool", "no")],
    [("data", "no"), ("people", "scores, ranks or screens people")],
    [("data", "no"), ("people", "no")],
    [("data", "no"), ("people", "no"), ("regulated", "no"),
     ("code", "production code")],
    [("data", "?")],
    [("data", "maybe")],
]


def expected(answers):
    r = subprocess.run([aipolicy, "check", "--json", "--today", "2026-11-28",
                        example] + ["%s=%s" % qa for qa in answers],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    status = 422 if r.returncode == 65 else 200
    verdict = r.returncode in (0, 10, 20)
    return status, r.stdout, verdict


def client(srv, k, want, results):
    conn = srv.conn(timeout=120)
    bad = verdicts = 0
    for i in range(requests):
        q = (k + i) % len(QUERIES)
        status, body, verdict = want[q]
        try:
            if i % 2:
                got = srv.request("POST", "/v1/check", json.dumps(
                    {"answers": dict(QUERIES[q])}).encode(),
                    {"Content-Type": "application/json"}, conn=conn)
            else:
                got = srv.request("GET", "/v1/check?" + urllib.parse.urlencode(
                    QUERIES[q]), conn=conn)
        except OSError as e:
            print("client %d request %d: %s" % (k, i, e), flush=True)
            bad += 1
            conn.close()
            conn = srv.conn(timeout=120)
            continue
        if (got[0], got[2]) != (status, body):
            bad += 1
        elif verdict:
            verdicts += 1
    conn.close()
    results[k] = (bad, verdicts)


srv = Server(aipolicy, ["--today", "2026-11-28", "--log", log, example])
want = [expected(q) for q in QUERIES]
results = [None] * clients
threads = [threading.Thread(target=client, args=(srv, k, want, results))
           for k in range(clients)]
for th in threads:
    th.start()
for th in threads:
    th.join()
bad = sum(r[0] for r in results)
verdicts = sum(r[1] for r in results)
t.eq(bad, 0, "%d clients x %d requests: every answer right" %
     (clients, requests))
text = srv.request("GET", "/metrics")[2].decode()
t.eq(srv.stop(), 0, "exit 0")
with open(log, "rb") as f:
    data = f.read()
t.ok(data.endswith(b"\n"), "the log ends with a whole record")
records = data.decode().split("\n")[:-1]
t.eq(len(records), verdicts, "one record per verdict served")
ids = set()
whole = True
for r in records:
    try:
        ids.add(json.loads(r)["decision_id"])
    except (ValueError, KeyError):
        whole = False
t.ok(whole, "every record is whole JSON")
t.eq(len(ids), len(records), "decision ids are unique")
syncs = metric(text, "aipolicy_log_syncs_total")
t.ok(syncs is not None and 0 < syncs < len(records),
     "group commit: %s syncs for %d records" % (syncs, len(records)))
subprocess.run(["rm", "-rf", tmp])
t.done()
