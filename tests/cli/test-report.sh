#!/bin/sh
# End-to-end: decision logs written by the real `check --log` and
# `ask --log`, read back by `aipolicy report`; reading a pipe; failing
# writes (exit 74).
# usage: test-report.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
basic=$fixtures/basic.yaml
example=$src/policies/example.yaml
log=$tmp/decisions.jsonl
week=2026-W48
version=$(sed -n 's/^version: //p' "$example")

# A log that ends in a torn line: check adds a newline before its record,
# so the torn text becomes one malformed line.
printf '{"time": "2026-' >"$log"
"$bin" check --log "$log" "$basic" data=no 'audience=only me' >/dev/null
"$bin" check --log "$log" "$basic" data=no 'audience=clients or the public' >/dev/null
"$bin" check --log "$log" "$basic" data=yes approved_tool=no >/dev/null
"$bin" check --log "$log" "$basic" data=no >/dev/null          # no verdict
"$bin" check --log "$log" --worst-case "$basic" data=no >/dev/null
printf 'no\nonly me\n' | "$bin" ask --plain --log "$log" "$basic" >/dev/null
"$bin" check --log "$log" "$example" data=no people=no regulated=no code=no \
    'audience=my team' team_facts=yes >/dev/null
"$bin" check --log "$log" "$example" data=no people=no regulated=no \
    'code=production code' >/dev/null
printf '%s\n' '{"data": "no", "audience": "my team"}' '{"data": "yes", "approved_tool": "yes"}' |
    "$bin" check --batch --log "$log" "$basic" >/dev/null
[ "$(wc -l <"$log")" -eq 10 ] && ok || no "ten lines in the log"
# The same time for every record, so that they fall in one known week.
sed 's/^{"time": "[0-9T:Z-]*"/{"time": "2026-11-28T14:03:05Z"/' "$log" >"$tmp/l" &&
    mv "$tmp/l" "$log"
[ "$(grep -c '"time": "2026-11-28T14:03:05Z"' "$log")" -eq 9 ] && ok ||
    no "nine records with their time set"

"$bin" report --format json "$log" >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && ok || no "report: exit 0"
[ "$(cat "$tmp/err")" = "$log:1: warning: line skipped: not valid JSON: the line ends inside a string (column 16)" ] &&
    ok || { no "report: the torn line named"; cat "$tmp/err"; }
# Worst case with data=no: audience unanswered, the worst is 'reviewed'.
want='{"decisions": 9, "lines_skipped": 1, "by_verdict": {"use-freely": 3, "use-with-review": 5, "do-not-use": 1}, '
want=$want'"by_outcome": {"acme-ai-use/approved_tool.no": 1, "acme-ai-use/code_review": 1, "acme-ai-use/free": 3, "acme-ai-use/reviewed": 3, "acme-ai-use/team_review": 1}, '
want=$want'"by_policy_version": {"acme-ai-use 2026-Q4": 7, "acme-ai-use '$version'": 2}, '
want=$want'"by_week": {"'$week'": 9}, "review_minutes": MINUTES, "never_reached": null}'
got=$(sed 's/"review_minutes": [0-9]*,/"review_minutes": MINUTES,/' "$tmp/out")
if [ "$version" = "2026-Q4" ]; then
	want=$(echo "$want" | sed 's/"acme-ai-use 2026-Q4": 7, "acme-ai-use 2026-Q4": 2/"acme-ai-use 2026-Q4": 9/')
fi
[ "$got" = "$want" ] && ok || { no "report of real records"; echo "  got  $got"; echo "  want $want"; }
# The minutes are those the example's outcomes give.
# minutes ANSWERS...: the review minutes check gives (0 for null).
minutes() {
	m=$("$bin" check --json "$example" "$@" |
	    sed 's/.*"review_minutes": \([0-9a-z]*\),.*/\1/')
	[ "$m" = null ] && echo 0 || echo "$m"
}
sum=$(( $(minutes data=no people=no regulated=no code=no 'audience=my team' \
    team_facts=yes) + $(minutes data=no people=no regulated=no \
    'code=production code') ))
grep -q "\"review_minutes\": $sum," "$tmp/out" && ok || no "review minutes: want $sum"

# Text: the week's bar is full width, the load in hours and minutes.
"$bin" report "$log" >"$tmp/out" 2>/dev/null
grep -q "^  $week  9  0 h [0-9][0-9] min  \(█\)\{40\}$" "$tmp/out" && ok ||
    { no "report text: the week's bar"; cat "$tmp/out"; }
grep -q "^Review load: 0 h [0-9][0-9] min ($sum minutes; 5 use-with-review decisions, 3 without review_minutes)$" \
    "$tmp/out" && ok || no "report text: the review load"

# A pipe, read as a stream.
cat "$log" "$log" | "$bin" report --format json - >"$tmp/out" 2>/dev/null
grep -q '^{"decisions": 18, "lines_skipped": 2,' "$tmp/out" && ok || no "report from a pipe"

# Writes to stdout are checked.
full "report" report "$log"
full "report --format json" report --format json "$log"

finish
