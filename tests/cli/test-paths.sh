#!/bin/sh
# End-to-end: `aipolicy paths` at its default limit, streamed, and failing
# writes (exit 74).
# usage: test-paths.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# wide N: N questions, each with two answers to the next: 2^N paths.
wide() {
	printf 'aipolicy: 1\nid: wide\ntitle: T\nversion: v1\nowner: O\n'
	printf 'effective: 2026-01-01\nreview_by: 2026-12-31\nstart: q1\n'
	printf 'questions:\n'
	i=1
	while [ $i -lt $1 ]; do
		printf '  q%d: {ask: Q?, answers: {a: q%d, b: q%d}}\n' $i \
		    $((i + 1)) $((i + 1))
		i=$((i + 1))
	done
	printf '  q%d: {ask: Q?, answers: {a: free, b: stop}}\n' $1
	printf 'outcomes:\n  free: {verdict: use-freely, summary: F.}\n'
	printf '  stop: {verdict: do-not-use, summary: S.}\n'
}
pol=$tmp/wide.yaml
wide 17 >"$pol"
wide 12 >"$tmp/small.yaml"

"$bin" paths "$pol" >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && ok || no "default limit: exit 0"
[ "$(wc -l <"$tmp/out")" -eq 100001 ] && ok || no "default limit: 100000 rows and the header"
[ "$(cat "$tmp/err")" = "aipolicy: $pol: warning: stopped after 100000 paths (--limit 100000); the policy has more" ] &&
    ok || { no "default limit: the note on stderr"; cat "$tmp/err"; }
tail -n 1 "$tmp/out" | grep -q '^q1=b;q2=b;q3=a;.*;q17=b	do-not-use	stop$' && ok ||
    no "default limit: the last row is the 100000th"

# Exactly --limit paths: all of them, and no note.
"$bin" paths --limit 4096 --format json "$tmp/small.yaml" >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && [ ! -s "$tmp/err" ] && ok || no "every path: exit 0, no note"
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 -c 'import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 4096, len(rows)
assert rows[-1]["path"][-1] == {"question": "q12", "answer": "b"}' "$tmp/out" &&
	    ok || no "every path: the JSON holds 4096 rows"
else
	echo "SKIP: JSON of 4096 paths parsed back (python3 not installed)"
fi

# Writes to stdout are checked, small output or streamed.
full "paths" paths "$fixtures/basic.yaml"
"$bin" paths "$pol" >/dev/full 2>"$tmp/err"
[ $? = 74 ] && ok || no "paths (streamed) > /dev/full: exit 74"
grep -q 'stopped after' "$tmp/err" && no "no limit note after a failed write" || ok

finish
