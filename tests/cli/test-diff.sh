#!/bin/sh
# End-to-end: aipolicy diff when standard output cannot be written (exit
# 74) and when memory runs out (exit 71, nothing half-written).
# usage: test-diff.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# Two versions of a chain of 60 questions (2^60 ways) whose last outcome
# is reworded: without a limit the list of changes outgrows any memory.
chain() {
	printf 'aipolicy: 1\nid: chain\ntitle: Chain\nversion: %s\nowner: O\n' "$1"
	printf 'effective: 2026-01-01\nreview_by: 2026-12-31\nstart: q0\n'
	printf 'questions:\n'
	i=0
	while [ $i -lt 59 ]; do
		printf '  q%d: {ask: Q?, answers: {a: q%d, b: q%d}}\n' $i \
		    $((i + 1)) $((i + 1))
		i=$((i + 1))
	done
	printf '  q59: {ask: Q?, answers: {a: end, b: end}}\n'
	printf 'outcomes:\n  end: {verdict: use-freely, summary: %s}\n' "$2"
}
chain v1 'The end.' >"$tmp/old.yaml"
chain v2 'The end again.' >"$tmp/new.yaml"

# A memory limit that the program starts under but the list outgrows. An
# AddressSanitizer build cannot start under it: then the check is skipped.
mem_kb=200000
if sh -c 'ulimit -v "$1" && exec "$2" --version' sh $mem_kb "$bin" \
    >/dev/null 2>&1; then
	for format in text json; do
		out=$( (ulimit -v $mem_kb; exec "$bin" diff --format $format \
		    --limit 100000000 "$tmp/old.yaml" "$tmp/new.yaml") \
		    2>"$tmp/err")
		rc=$?
		[ $rc = 71 ] && ok || no "out of memory ($format): exit $rc"
		[ -z "$out" ] && ok || no "out of memory ($format): stdout written"
		[ "$(cat "$tmp/err")" = "aipolicy: error: out of memory" ] && ok ||
		    no "out of memory ($format): $(cat "$tmp/err")"
	done
else
	echo "SKIP: out-of-memory check (a memory limit not supported by this build)"
fi

if [ ! -w /dev/full ]; then
	echo "SKIP: writes to a full disk (/dev/full not installed)"
	echo "$pass passed, $fail failed"
	[ $fail = 0 ]
	exit
fi
msg='aipolicy: error: cannot write to standard output: No space left on device'
for format in text json; do
	err=$("$bin" diff --format $format "$fixtures/diff-old.yaml" \
	    "$fixtures/diff-new.yaml" 2>&1 >/dev/full)
	rc=$?
	[ $rc = 74 ] && ok || no "diff --format $format > /dev/full: exit $rc"
	[ "$err" = "$msg" ] && ok || no "diff --format $format > /dev/full: '$err'"
done
# No change to list: still a write, still checked.
full "diff of a version with itself" diff "$fixtures/diff-old.yaml" \
    "$fixtures/diff-old.yaml"
finish
