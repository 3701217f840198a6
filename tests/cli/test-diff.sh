#!/bin/sh
# End-to-end: aipolicy diff when standard output cannot be written (exit 74).
# usage: test-diff.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
fx=$2/tests/cli/cases/fixtures
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

if [ ! -w /dev/full ]; then
	echo "SKIP: writes to a full disk (/dev/full not installed)"
	echo "$pass passed, $fail failed"
	exit 0
fi
msg='aipolicy: error: cannot write to standard output: No space left on device'
for format in text json; do
	err=$("$bin" diff --format $format "$fx/diff-old.yaml" \
	    "$fx/diff-new.yaml" 2>&1 >/dev/full)
	rc=$?
	[ $rc = 74 ] && ok || no "diff --format $format > /dev/full: exit $rc"
	[ "$err" = "$msg" ] && ok || no "diff --format $format > /dev/full: '$err'"
done
# No change to list: still a write, still checked.
"$bin" diff "$fx/diff-old.yaml" "$fx/diff-old.yaml" >/dev/full 2>/dev/null
rc=$?
[ $rc = 74 ] && ok || no "diff of a version with itself > /dev/full: exit $rc"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
