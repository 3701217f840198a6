"""peer.py: the Python peer of `check --batch` for `make bench`: what a
short script would do with PyYAML, json and a dict walk. It answers each
JSON line of standard input with a JSON line of the same fields as
aipolicy's (status, verdict, outcome, summary, why, reviewer, disclose,
conditions, review_minutes, path, unused, next, policy), walking the
policy from its start and matching answers as aipolicy does (white space
trimmed, ASCII case ignored). "Not sure" is left out.

usage: python3 peer.py POLICY < queries.jsonl
"""
import datetime
import hashlib
import json
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def key(k):
    """YAML 1.1 reads yes and no as booleans: give them back as text."""
    if k is True:
        return "yes"
    if k is False:
        return "no"
    return str(k)


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    policy = yaml.load(raw.decode("utf-8"), Loader=Loader)
    today = datetime.date.today()
    about = {"id": policy["id"], "version": str(policy["version"]),
             "owner": policy["owner"],
             "sha256": hashlib.sha256(raw).hexdigest(),
             "effective": str(policy["effective"]),
             "review_by": str(policy["review_by"]),
             "stale": today > policy["review_by"],
             "in_force": today >= policy["effective"]}
    questions = policy["questions"]
    outcomes = policy.get("outcomes") or {}
    answers = {q: {key(a).lower(): (key(a), t)
                   for a, t in body["answers"].items()}
               for q, body in questions.items()}
    out = sys.stdout
    for n, line in enumerate(sys.stdin, 1):
        try:
            given = json.loads(line)
        except ValueError as e:
            out.write(json.dumps({"line": n, "status": "error",
                                  "error": str(e)}) + "\n")
            continue
        q, path, result = policy["start"], [], None
        while result is None:
            a = given.get(q)
            if a is None:
                result = {"status": "incomplete", "verdict": None,
                          "outcome": None, "next": {
                              "question": q, "ask": questions[q]["ask"],
                              "answers": [k for k, _ in
                                          answers[q].values()]}}
                break
            hit = answers[q].get(a.strip().lower())
            if hit is None:
                result = {"status": "error", "error": "not an answer"}
                break
            path.append({"question": q, "answer": hit[0]})
            target = hit[1]
            if isinstance(target, dict):
                o, oid = target, q + "." + hit[0].lower()
            elif target in questions:
                q = target
                continue
            else:
                o, oid = outcomes[target], target
            result = {"status": "verdict", "verdict": o["verdict"],
                      "outcome": oid, "summary": o["summary"],
                      "why": o.get("why"), "reviewer": o.get("reviewer"),
                      "disclose": o.get("disclose", False),
                      "conditions": o.get("conditions", []),
                      "review_minutes": o.get("review_minutes"),
                      "next": None}
        line = {"line": n}
        line.update(result)
        line["path"] = path
        line["unused"] = [k for k in given
                          if k not in {s["question"] for s in path}]
        line["unsure"] = []
        line["policy"] = about
        out.write(json.dumps(line) + "\n")


main()
