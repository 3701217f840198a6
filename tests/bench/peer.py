"""peer.py: the Python peer of `check --batch` for `make bench`: what a
short script would do with PyYAML, json and a dict walk. It answers each
JSON line of standard input with a JSON line (status, verdict, outcome,
summary, path), walking the policy from its start, matching answers as
aipolicy does (white space trimmed, ASCII case ignored).

usage: python3 peer.py POLICY < queries.jsonl
"""
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
    with open(sys.argv[1], encoding="utf-8") as f:
        policy = yaml.load(f, Loader=Loader)
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
                result = {"status": "incomplete", "next": q}
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
                      "outcome": oid, "summary": o["summary"]}
        result["line"] = n
        result["path"] = path
        out.write(json.dumps(result) + "\n")


main()
