"""serve_agree.py AIPOLICY SOURCE_DIR: the JSON API answers exactly what
the command line answers: POST and GET /v1/check against `check --json`
for every check query of the CLI test cases and every answer path of the
example policy, POST /v1/batch against `check --batch` byte for byte, and
GET /v1/policy against `render --format json`; and in each language of
the example, with ?lang= against --lang, answers given as keys or as
shown."""
import glob
import json
import os
import shlex
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
cases_dir = os.path.join(src, "tests", "cli", "cases")
example = os.path.join(src, "policies", "example.yaml")
t = Checks()
servers = {}


def server(policy, today):
    """A server for POLICY as of TODAY (None: per request); None when the
    policy does not load."""
    key = (policy, today)
    if key not in servers:
        args = (["--today", today] if today else []) + [policy]
        try:
            servers[key] = Server(aipolicy, args)
        except RuntimeError:
            servers[key] = None
    return servers[key]


def cli(args, stdin=b""):
    r = subprocess.run([aipolicy] + args, input=stdin, cwd=cases_dir,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return r.returncode, r.stdout


def parse_case(words):
    """(today, worst_case, batch, policy, [(q, a)]) of a check command."""
    today, worst, batch, policy, answers = None, False, False, None, []
    i = 1
    while i < len(words):
        w = words[i]
        if w == "--today":
            today = words[i + 1]
            i += 1
        elif w == "--worst-case":
            worst = True
        elif w == "--batch":
            batch = True
        elif w.startswith("-"):
            pass
        elif policy is None:
            policy = w
        else:
            q, _, a = w.partition("=")
            answers.append((q, a))
        i += 1
    return today, worst, batch, policy, answers


def cases():
    """(name, args words, stdin) of every case running check."""
    for path in sorted(glob.glob(os.path.join(cases_dir, "*.test"))):
        name, words, stdin, section = None, None, [], None
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("=== "):
                if words and words[0] == "check":
                    yield name, words, "".join(stdin)
                name, words, stdin, section = line[4:], None, [], None
            elif section is None and line.startswith("args: "):
                words = shlex.split(line[6:])
            elif line in ("stdin:", "stdout:", "stderr:"):
                section = line[:-1]
            elif section == "stdin":
                stdin.append(line + "\n")
        if words and words[0] == "check":
            yield name, words, "".join(stdin)


def agree_check(what, srv, policy, today, worst, answers):
    """POST (and GET, without worst case) against check --json."""
    args = ["check", "--json"] + (["--today", today] if today else [])
    args += (["--worst-case"] if worst else []) + [policy]
    code, want = cli(args + ["%s=%s" % qa for qa in answers])
    if code in (64, 66):
        return
    status = 422 if code == 65 else 200
    body = json.dumps({"answers": dict(answers), "worst_case": worst})
    got = srv.request("POST", "/v1/check", body.encode(),
                      {"Content-Type": "application/json"})
    t.eq((got[0], got[2]), (status, want), what + ": POST = check --json")
    if worst:
        return
    query = "&".join("%s=%s" % (urllib.parse.quote(q, safe=""),
                                urllib.parse.quote(a, safe=""))
                     for q, a in answers)
    got = srv.request("GET", "/v1/check" + ("?" + query if query else ""))
    t.eq((got[0], got[2]), (status, want), what + ": GET = check --json")


def agree_batch(what, srv, policy, today, worst, stdin):
    args = ["check", "--batch"] + (["--today", today] if today else [])
    args += (["--worst-case"] if worst else []) + [policy]
    code, want = cli(args, stdin)
    path = "/v1/batch" + ("?worst_case=true" if worst else "")
    got = srv.request("POST", path, stdin,
                      {"Content-Type": "application/x-ndjson"})
    t.eq((got[0], got[2]), (200, want), what + ": /v1/batch = check --batch")


def test_cases():
    n = 0
    for name, words, stdin in cases():
        today, worst, batch, policy, answers = parse_case(words)
        if policy is None or len(set(q for q, _ in answers)) < len(answers):
            continue
        srv = server(os.path.join(cases_dir, policy), today)
        if srv is None:
            continue
        if batch:
            if answers:
                continue
            agree_batch(name, srv, os.path.join(cases_dir, policy), today,
                        worst, stdin.encode())
        else:
            agree_check(name, srv, os.path.join(cases_dir, policy), today,
                        worst, answers)
            n += 1
    t.ok(n >= 20, "the check cases were found (%d)" % n)


def test_example_paths():
    """Every answer path of the example, whole and cut short, answered
    "?" and in other spellings."""
    srv = server(example, "2026-11-28")
    _, paths = cli(["paths", "--format", "json", example])
    for p in json.loads(paths):
        answers = [(s["question"], s["answer"]) for s in p["path"]]
        agree_check("path %r" % answers, srv, example, "2026-11-28", False,
                    answers)
        agree_check("path %r cut" % answers, srv, example, "2026-11-28",
                    False, answers[:-1])
        shout = [(q, " %s " % a.upper()) for q, a in answers]
        agree_check("path %r spelt" % answers, srv, example, "2026-11-28",
                    False, shout)
        unsure = answers[:-1] + [(answers[-1][0], "?")]
        agree_check("path %r unsure" % answers, srv, example, "2026-11-28",
                    False, unsure)
        agree_check("path %r worst case" % answers, srv, example,
                    "2026-11-28", True, answers[:1])


def test_big_batch():
    """Every path, bad lines, blank lines and CRLF, over a few thousand
    lines; with and without the worst case."""
    srv = server(example, "2026-11-28")
    _, paths = cli(["paths", "--format", "json", example])
    lines = []
    for p in json.loads(paths):
        lines.append(json.dumps({s["question"]: s["answer"]
                                 for s in p["path"]}))
    lines += ["", "  \t", "not json", '{"data": "maybe"}', '{"data": 1}',
              '{"data": "?"}', '["x"]', '{"data": "no"}\r', "{}",
              '{"data": "n\\u0000o"}', '{"\xe6\x97\xa5": "x"}']
    body = ("\n".join(lines * 40) + "\n").encode()
    agree_batch("big batch", srv, example, "2026-11-28", False, body)
    agree_batch("big batch, worst case", srv, example, "2026-11-28", True,
                body)
    agree_batch("batch without a final newline", srv, example,
                "2026-11-28", False, b'{"data": "no"}\n{"data": "no"}')
    agree_batch("empty batch", srv, example, "2026-11-28", False, b"")


def test_policies():
    for policy in [example] + sorted(glob.glob(
            os.path.join(cases_dir, "fixtures", "*.yaml"))):
        srv = server(policy, "2026-11-28")
        if srv is None:
            continue
        code, want = cli(["render", "--format", "json", policy])
        got = srv.request("GET", "/v1/policy")[2]
        obj = json.loads(got)
        t.ok(code == 0 and got.startswith(want[:-2]) and
             list(obj)[-2:] == ["stale", "in_force"],
             "/v1/policy = render --format json for %s" % policy)


def test_languages():
    """?lang=LANG against --lang LANG: every path of the example, by keys
    and by the answers as shown, cut short (next with its labels), a bad
    answer; the batch; the policy."""
    srv = server(example, "2026-11-28")
    _, paths = cli(["paths", "--format", "json", example])
    for lang in ("fr", "de"):
        _, rendered = cli(["render", "--format", "json", "--lang", lang,
                           example])
        shown = {q["id"]: {a["key"]: a["label"] for a in q["answers"]}
                 for q in json.loads(rendered)["questions"]}
        lines = []
        for p in json.loads(paths):
            keys = [(s["question"], s["answer"]) for s in p["path"]]
            labels = [(q, shown[q][a]) for q, a in keys]
            for answers in (keys, labels, keys[:-1], labels[:1] +
                            [(keys[-1][0], "x")]):
                agree_lang(srv, lang, answers)
            lines.append(json.dumps(dict(labels)))
        lines.append('{"data": "maybe"}')
        body = ("\n".join(lines) + "\n").encode()
        code, want = cli(["check", "--batch", "--today", "2026-11-28",
                          "--lang", lang, example], body)
        got = srv.request("POST", "/v1/batch?lang=" + lang, body,
                          {"Content-Type": "application/x-ndjson"})
        t.eq((got[0], got[2]), (200, want),
             "/v1/batch?lang=%s = check --batch --lang %s" % (lang, lang))
        got = srv.request("GET", "/v1/policy?lang=" + lang)[2]
        t.ok(got.startswith(rendered[:-2]) and
             json.loads(got)["language"] == lang,
             "/v1/policy?lang=%s = render --format json --lang %s" %
             (lang, lang))


def agree_lang(srv, lang, answers):
    """GET and POST /v1/check?lang=LANG against check --json --lang."""
    what = "%s %r" % (lang, answers)
    code, want = cli(["check", "--json", "--today", "2026-11-28", "--lang",
                      lang, example] + ["%s=%s" % qa for qa in answers])
    status = 422 if code == 65 else 200
    query = "&".join("%s=%s" % (urllib.parse.quote(q, safe=""),
                                urllib.parse.quote(a, safe=""))
                     for q, a in answers)
    got = srv.request("GET", "/v1/check?lang=%s&%s" % (lang, query))
    t.eq((got[0], got[2]), (status, want), what + ": GET = check --json")
    body = json.dumps({"answers": dict(answers)})
    got = srv.request("POST", "/v1/check?lang=" + lang, body.encode(),
                      {"Content-Type": "application/json"})
    t.eq((got[0], got[2]), (status, want), what + ": POST = check --json")


test_cases()
test_example_paths()
test_languages()
test_big_batch()
test_policies()
for s in servers.values():
    if s is not None:
        t.eq(s.stop(), 0, "exit 0")
t.done()
