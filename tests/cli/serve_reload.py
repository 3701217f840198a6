"""serve_reload.py AIPOLICY SOURCE_DIR: reload under load. Clients keep
asking, in English and in German (JSON and pages), while the policy file
and its German translation are replaced (written beside them, renamed
over them) and SIGHUP sent, ten times, every other time with an invalid
policy: no request fails, the new version and its translation are served
after a valid reload, the old ones kept after an invalid one, a broken
French translation is left out with a warning while the rest is served,
and the metric counts both kinds."""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server, metric  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
example = os.path.join(src, "policies", "example.yaml")
tmp = tempfile.mkdtemp()
policy = os.path.join(tmp, "policy.yaml")
german = os.path.join(tmp, "policy.de.yaml")
french = os.path.join(tmp, "policy.fr.yaml")
t = Checks()
CLIENTS = 4
QUERY = "/v1/check?data=no&people=no&regulated=no&code=no&audience=only%20me"
# The same in German, every other client, answers as shown.
QUERY_DE = ("/v1/check?lang=de&data=nein&people=nein&regulated=nein&"
            "code=nein&audience=nur%20ich")
SUMMARY_DE = "Nutzen Sie KI frei; das Ergebnis verantworten Sie."

with open(example, encoding="utf-8") as f:
    original = f.read()
with open(os.path.join(src, "policies", "example.de.yaml"),
          encoding="utf-8") as f:
    original_de = f.read()
with open(os.path.join(src, "policies", "example.fr.yaml"),
          encoding="utf-8") as f:
    original_fr = f.read()


def install(text, path=policy):
    """Replace the file at PATH whole (a rename, as editors and deploys
    do)."""
    part = path + ".new"
    with open(part, "w", encoding="utf-8") as f:
        f.write(text)
    os.rename(part, path)


def version(n):
    return re.sub(r"(?m)^version: .*$", "version: R%d" % n, original)


def version_de(n):
    """The German translation of version Rn, its summary of 'free'
    marked Rn."""
    text = re.sub(r"(?m)^version: .*$", "version: R%d" % n, original_de)
    return text.replace(SUMMARY_DE, "%s R%d" % (SUMMARY_DE, n))


stop = threading.Event()
failures = []
counts = [0] * CLIENTS


def page(srv, conn):
    """A German verdict page, chosen by Accept-Language: 200 in German."""
    status, _, body = srv.request("GET", QUERY_DE.replace(
        "/v1/check?lang=de&", "/walk?"), conn=conn,
        headers={"Accept-Language": "de-AT, fr;q=0.5"})
    if status != 200 or b'<html lang="de"' not in body or \
            SUMMARY_DE.encode() not in body:
        failures.append((status, body[:200]))


def client(srv, k):
    """Client K asks in English (even K), in German (odd K), and for the
    German page every other time (K = 3)."""
    conn = srv.conn(timeout=60)
    german = k % 2 == 1
    while not stop.is_set():
        try:
            if k == 3 and counts[k] % 2:
                page(srv, conn)
                counts[k] += 1
                continue
            status, _, body = srv.request("GET", QUERY_DE if german else
                                          QUERY, conn=conn)
            obj = json.loads(body)
            if status != 200 or obj.get("verdict") != "use-freely" or \
                    (german and SUMMARY_DE not in obj.get("summary")):
                failures.append((status, body))
        except (OSError, ValueError) as e:
            failures.append(repr(e))
            conn.close()
            conn = srv.conn(timeout=60)
        counts[k] += 1
    conn.close()


install(version(0))
install(version_de(0), german)
install(original_fr, french)
srv = Server(aipolicy, ["--today", "2026-11-28", "--log",
                        os.path.join(tmp, "log.jsonl"), policy])
threads = [threading.Thread(target=client, args=(srv, k), daemon=True)
           for k in range(CLIENTS)]
for th in threads:
    th.start()
served = 0
ok_reloads = failed_reloads = 0
def more_requests(n):
    """Wait (30 s at most) until the clients made N more requests."""
    want = sum(counts) + n
    until = time.monotonic() + 30
    while sum(counts) < want and time.monotonic() < until:
        time.sleep(0.01)
    return sum(counts) >= want


for n in range(1, 11):
    t.ok(more_requests(20), "before reload %d: clients asking" % n)
    before = sum(counts)
    if n % 2:
        install(version(n))
        install(version_de(n), german)
        if n == 5:
            install(original_fr.replace("questions:", "questionz:"), french)
        ok_reloads += 1
        srv.send_signal(signal.SIGHUP)
        t.ok(srv.wait_line(r"^aipolicy: reloaded acme-ai-use R%d$" % n),
             "reload %d: reloaded" % n)
        served = n
    else:
        install(original.replace("start: data", "start: nosuch"))
        failed_reloads += 1
        srv.send_signal(signal.SIGHUP)
        t.ok(srv.wait_line(r"^aipolicy: reload failed; still serving ",
                           failed_reloads) and
             srv.lines_matching(r"reload failed")[-1].endswith(
                 "acme-ai-use R%d" % served),
             "reload %d: refused" % n)
    status, _, body = srv.request("GET", "/v1/policy")
    t.eq(json.loads(body)["version"], "R%d" % served,
         "after reload %d: version R%d served" % (n, served))
    status, _, body = srv.request("GET", QUERY)
    t.eq(json.loads(body)["policy"]["version"], "R%d" % served,
         "after reload %d: answers from R%d" % (n, served))
    status, _, body = srv.request("GET", QUERY_DE)
    t.eq(json.loads(body)["summary"], "%s R%d" % (SUMMARY_DE, served),
         "after reload %d: the German translation of R%d" % (n, served))
    # Left out, French is the program's words only (the policy's texts),
    # or no language at all in a build without catalogues (make tsan).
    english = json.loads(srv.request("GET", QUERY)[2])["summary"]
    status, _, body = srv.request("GET", QUERY + "&lang=fr")
    left_out = status == 404 or json.loads(body).get("summary") == english
    t.eq(left_out, served >= 5, "after reload %d: the French translation %s"
         % (n, "left out" if served >= 5 else "served"))
    t.ok(more_requests(20), "after reload %d: clients go on" % n)
stop.set()
for th in threads:
    th.join()
t.eq(failures[:3], [], "no request failed (%d made)" % sum(counts))
t.ok(srv.wait_line(r"error: .*start.*nosuch", 5, 5),
     "an invalid file's diagnostics on stderr")
t.ok(srv.wait_line(r"policy\.fr\.yaml:.*error: .*questionz", 1, 5) and
     srv.wait_line(r"^aipolicy: .*policy\.fr\.yaml: warning: this "
                   r"translation is not served", 3, 5),
     "a broken translation: its errors and a warning, at each reload")
text = srv.request("GET", "/metrics")[2].decode()
t.eq(metric(text, 'aipolicy_policy_reloads_total{result="ok"}'),
     float(ok_reloads), "reloads counted: ok")
t.eq(metric(text, 'aipolicy_policy_reloads_total{result="failed"}'),
     float(failed_reloads), "reloads counted: failed")
t.ok('version="R9"' in text, "policy_info of the last version")
# A file that cannot be read at all is refused the same way.
os.unlink(policy)
srv.send_signal(signal.SIGHUP)
t.ok(srv.wait_line(r"policy.yaml: error: cannot open: No such file", 1) and
     srv.wait_line(r"reload failed; still serving acme-ai-use R9$", 2),
     "a missing file: refused, still serving")
t.eq(srv.stop(), 0, "exit 0")
subprocess.run(["rm", "-rf", tmp])
t.done()
