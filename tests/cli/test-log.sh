#!/bin/sh
# End-to-end: the decision log (--log) and failing writes (exit 74).
# usage: test-log.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
pol=$fixtures/basic.yaml
sha=$(sha256sum "$pol" | cut -d' ' -f1)

# One record per verdict, every field, in the documented order.
log=$tmp/decisions.jsonl
"$bin" check --log "$log" "$pol" data=no 'audience=clients or the public' \
    >/dev/null
[ $? = 10 ] && ok || no "check --log: exit code"
re='^\{"time": "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", '
re="$re"'"via": "check", "decision_id": "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", '
re="$re"'"policy": \{"id": "acme-ai-use", "version": "2026-Q4", "sha256": "'$sha'"\}, '
re="$re"'"path": \[\{"question": "data", "answer": "no"\}, \{"question": "audience", "answer": "clients or the public"\}\], '
re="$re"'"unsure": \[\], "verdict": "use-with-review", "outcome": "reviewed", "review_minutes": null\}$'
[ "$(wc -l <"$log")" -eq 1 ] && ok || no "one line per verdict"
grep -Eq "$re" "$log" && ok || { no "record format"; cat "$log"; }

# Appends, never truncates; two decisions get two different ids.
"$bin" check --log "$log" "$pol" data=yes approved_tool=no >/dev/null
[ "$(wc -l <"$log")" -eq 2 ] && ok || no "appends"
ids=$(sed 's/.*"decision_id": "\([^"]*\)".*/\1/' "$log" | sort -u | wc -l)
[ "$ids" -eq 2 ] && ok || no "decision ids differ"

# No verdict, no record.
"$bin" check --log "$log" "$pol" data=no >/dev/null
[ $? = 30 ] && [ "$(wc -l <"$log")" -eq 2 ] && ok || no "incomplete logs nothing"

# A torn last line gets a newline before the next record.
printf '{"torn": ' >"$tmp/torn.jsonl"
"$bin" check --log "$tmp/torn.jsonl" "$pol" data=yes approved_tool=no >/dev/null
[ "$(sed -n 1p "$tmp/torn.jsonl")" = '{"torn": ' ] && ok || no "torn line kept"
sed -n 2p "$tmp/torn.jsonl" | grep -q '^{"time": ' && ok || no "newline after torn"

# A batch logs one record per verdict.
printf '%s\n' '{"data": "no", "audience": "only me"}' '{"data": "no"}' \
    '{"data": "yes", "approved_tool": "yes"}' '{"data": "bad"}' |
    "$bin" check --batch --log "$tmp/batch.jsonl" "$pol" >"$tmp/out"
[ $? = 65 ] && ok || no "batch with a bad line exits 65"
[ "$(wc -l <"$tmp/batch.jsonl")" -eq 2 ] && ok || no "batch: one record per verdict"
[ "$(wc -l <"$tmp/out")" -eq 4 ] && ok || no "batch: one output line per input"

# A worst case whose next is not null is a verdict, and is logged.
"$bin" check --log "$tmp/worst.jsonl" "$pol" 'data=?' >"$tmp/out"
[ $? = 20 ] && ok || no "worst case: exit 20"
grep -q 'To narrow it down, answer: approved_tool' "$tmp/out" && ok ||
    no "worst case: the question to narrow it down"
grep -qF '"unsure": ["data", "approved_tool"], "verdict": "do-not-use"' \
    "$tmp/worst.jsonl" && ok || { no "worst case logged"; cat "$tmp/worst.jsonl"; }

# A log that cannot be written: the result is not printed (a result on
# stdout has been logged), exit 74.
out=$("$bin" check --log /dev/full "$pol" data=yes approved_tool=no 2>"$tmp/err")
[ $? = 74 ] && ok || no "log on a full disk: exit 74"
[ -z "$out" ] && ok || no "a result that could not be logged was printed"
grep -q "cannot write the decision log" "$tmp/err" && ok || no "log error said"
"$bin" check --json --log /dev/full "$pol" data=yes approved_tool=no \
    >"$tmp/out" 2>/dev/null
[ $? = 74 ] && ok || no "--json, log on a full disk: exit 74"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q '"status": "error"' "$tmp/out" &&
    ok || no "--json: the error object only"
"$bin" check --json --log "$tmp/nodir/x.jsonl" "$pol" data=yes approved_tool=no \
    >"$tmp/out" 2>/dev/null
[ $? = 74 ] && ok || no "log in a missing folder: exit 74"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q '"status": "error"' "$tmp/out" &&
    ok || no "--json, missing folder: the error object only"
# Opened before the walk: 74 even when the answers reach no verdict.
"$bin" check --log "$tmp/nodir/x.jsonl" "$pol" data=no >"$tmp/out" 2>&1
[ $? = 74 ] && ok || no "incomplete, log in a missing folder: exit 74"
printf '{"data": "no", "audience": "only me"}\n' |
    "$bin" check --batch --log /dev/full "$pol" >"$tmp/out" 2>&1
[ $? = 74 ] && ok || no "batch log failure: exit 74"
# Answer lines are printed only after their records are synced.
grep -q '"line"' "$tmp/out" && no "batch: a line printed whose record failed" ||
    ok

# Writes to stdout are checked.
full "check" check "$pol" data=no 'audience=only me'
# Standard input that cannot be read (a folder) is 66, as for report.
"$bin" check --batch "$pol" <"$tmp" >"$tmp/out" 2>"$tmp/err"
[ $? = 66 ] && ok || no "batch on a folder: exit 66"
[ "$(cat "$tmp/err")" = "aipolicy: error: cannot read standard input: Is a directory" ] &&
    ok || no "batch on a folder: $(cat "$tmp/err")"
full "lint" lint --format json "$pol"
full "--version" --version
printf '{"data": "no"}\n' | "$bin" check --batch "$pol" >/dev/full 2>/dev/null
[ $? = 74 ] && ok || no "batch > /dev/full: exit 74"

# A NUL byte in a batch line is an error line, and the run goes on.
printf '{"data": "no"\000}\n{"data": "yes"}\n' |
    "$bin" check --batch "$pol" >"$tmp/out"
[ $? = 65 ] && ok || no "NUL line: exit 65"
sed -n 1p "$tmp/out" | grep -q '"line": 1, "status": "error", "error": "a NUL byte' &&
    ok || no "NUL line answered with an error"
sed -n 2p "$tmp/out" | grep -q '"line": 2, "status": "incomplete"' && ok ||
    no "NUL line: the run goes on"

finish
