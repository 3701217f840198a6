#!/bin/sh
# test-oom.sh: allocation failure survived, curl- and SQLite-style.
#
# usage: test-oom.sh BUILD/aipolicy SOURCE_DIR
#
# Runs BUILD/aipolicy-oom (the program with every allocation passing through
# tests/oom/failalloc.c) on five real runs: loading policies/example.yaml
# for check --json, a check --batch with a decision log, ask --plain to a
# verdict with a log, check --json in French (the policy, the translation
# files beside it, and the translation loaded and made into a translated
# policy), and lint of a policy with two translations beside it (their
# checks, the texts they lack, their pages). It counts each run's allocations, then fails the
# 1st, 2nd, ... k-th in turn and checks every time: no crash (nor, under
# `make asan`, a leak: AddressSanitizer makes the exit code another), either
# the very same result or exit 71 with "out of memory" on stderr, standard
# output a beginning of the normal one, and the decision log whole records
# only, the same ones. Every k up to OOM_FIRST is failed, then a sample of
# the rest (OOM_SAMPLE in all per run); AIPOLICY_OOM_ALL=1 fails every one.
set -u
bin=$1
src=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
oom=$(dirname "$bin")/aipolicy-oom
[ -x "$oom" ] || { echo "FAIL: $oom is not built"; exit 1; }
OOM_FIRST=300
OOM_SAMPLE=${OOM_SAMPLE:-500}
export LC_ALL=C.UTF-8
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
NOMEM='aipolicy: error: out of memory'
JSON_NOMEM='{"status": "error", "error": "out of memory"}'

pol=$src/policies/example.yaml
wide=$src/tests/cli/cases/fixtures/tr/wide/wide.yaml
answers='data=no people=no regulated=no code=no audience=my team team_facts=yes'
cat >"$tmp/queries" <<'QUERIES'
{"data": "no", "people": "no", "regulated": "no", "code": "no", "audience": "only me"}
{"data": "personal data", "approved_tool": "no"}
not json
{"data": "no", "people": "no", "regulated": "no", "code": "production code"}
{"data": "maybe"}
{"data": "?"}
QUERIES
printf '2\n1\n1\n1\n1\n2\n1\n' >"$tmp/ask-input"

# run NAME K: run scenario NAME with the K-th allocation failing (0: none),
# into $tmp/out, $tmp/err, $tmp/log; its exit code in $rc.
run() {
	rm -f "$tmp/log"
	: >"$tmp/log"
	case $1 in
	check)
		# shellcheck disable=SC2086
		AIPOLICY_FAIL_ALLOC=$2 "$oom" check --json --today 2026-11-28 \
		    "$pol" data=no people=no regulated=no code=no \
		    'audience=my team' team_facts=yes </dev/null ;;
	batch)
		AIPOLICY_FAIL_ALLOC=$2 "$oom" check --batch --today 2026-11-28 \
		    --log "$tmp/log" "$pol" <"$tmp/queries" ;;
	ask)
		AIPOLICY_FAIL_ALLOC=$2 "$oom" ask --plain --today 2026-11-28 \
		    --log "$tmp/log" "$pol" <"$tmp/ask-input" ;;
	trcheck)
		AIPOLICY_FAIL_ALLOC=$2 "$oom" check --json --lang fr \
		    --today 2026-11-28 "$pol" data=non people=non regulated=non \
		    code=no 'audience=mon équipe' </dev/null ;;
	lint)
		AIPOLICY_FAIL_ALLOC=$2 "$oom" lint --format json \
		    --today 2026-11-28 "$wide" </dev/null ;;
	esac >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# A record without what changes from run to run: its time and id.
stable() {
	sed 's/"time": "[^"]*", //; s/"decision_id": "[^"]*", //' "$1"
}

# whole_lines FILE: empty, or ends with a line break.
whole_lines() {
	[ ! -s "$1" ] || [ -z "$(tail -c 1 "$1" | tr -d '\n')" ]
}

# judge NAME K: the run with allocation K failing did what it must.
judge() {
	case $rc in
	71)
		grep -qxF "$NOMEM" "$tmp/err" || {
			no "$1, allocation $2: exit 71 without '$NOMEM'"
			return; } ;;
	"$ref_rc")
		cmp -s "$tmp/out" "$tmp/ref.out" || {
			no "$1, allocation $2: exit $rc with another output"
			diff "$tmp/ref.out" "$tmp/out" | cut -c 1-200 | head -6
			return; } ;;
	*)
		no "$1, allocation $2: exit $rc (want $ref_rc or 71)"
		sed 's/^/| /' "$tmp/err" | head -20
		return ;;
	esac
	# Standard output: a beginning of the normal one (or the JSON error of
	# check when the policy could not be loaded), and line by line where lines are printed whole.
	if [ "$1" != ask ] && [ "$1" != lint ] &&
	    [ "$(cat "$tmp/out")" = "$JSON_NOMEM" ]; then
		:
	elif ! cmp -s -n "$(wc -c <"$tmp/out")" "$tmp/out" "$tmp/ref.out"; then
		no "$1, allocation $2: output is not a beginning of the normal one"
		return
	elif [ "$1" != ask ] && ! whole_lines "$tmp/out"; then
		no "$1, allocation $2: a line half written"
		return
	fi
	# The log: whole records, the same as in the normal run.
	stable "$tmp/log" >"$tmp/log.stable"
	if ! whole_lines "$tmp/log" ||
	    ! cmp -s -n "$(wc -c <"$tmp/log.stable")" "$tmp/log.stable" \
	    "$tmp/ref.log"; then
		no "$1, allocation $2: the log holds a half or another record"
		sed 's/^/| /' "$tmp/log" | head -5
		return
	fi
	[ "$rc" = 71 ] || cmp -s "$tmp/log.stable" "$tmp/ref.log" || {
		no "$1, allocation $2: exit $rc with a log not whole"
		return; }
	pass=$((pass + 1))
}

for name in check batch ask trcheck lint; do
	AIPOLICY_COUNT_ALLOC=$tmp/count run "$name" 0
	ref_rc=$rc
	cp "$tmp/out" "$tmp/ref.out"
	stable "$tmp/log" >"$tmp/ref.log"
	n=$(cat "$tmp/count")
	case $ref_rc in 0|10|20|30|65) ;; *)
		no "$name: the normal run exits $ref_rc"; sed 's/^/| /' "$tmp/err"
		continue ;;
	esac
	step=1
	if [ "${AIPOLICY_OOM_ALL:-0}" != 1 ] && [ "$n" -gt "$OOM_SAMPLE" ]; then
		step=$(( (n - OOM_FIRST) / (OOM_SAMPLE - OOM_FIRST) + 1 ))
	fi
	k=1
	while [ "$k" -le "$n" ]; do
		run "$name" "$k"
		judge "$name" "$k"
		if [ "$k" -lt "$OOM_FIRST" ]; then
			k=$((k + 1))
		else
			k=$((k + step))
		fi
	done
	echo "$name: $n allocations, failed in turn (every ${step} past $OOM_FIRST)"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
