#!/bin/sh
# test-ask-plain.sh: `aipolicy ask` as line prompts (stdin not a terminal).
#
# Usage: sh test-ask-plain.sh BUILD/aipolicy SOURCE_DIR
#
# Pipes answers in and checks the prompts, the verdict text, the exit code,
# that no escape sequence or control character comes out, --log, --today
# and the usage errors. Fixtures go to a temporary directory removed on
# exit. Exit 0 when every check passes.
set -u

BIN=${1:?usage: test-ask-plain.sh AIPOLICY SOURCE_DIR}
SRC=${2:-.}
[ -x "$BIN" ] || { echo "FAIL: $BIN is not an executable"; exit 1; }
export LC_ALL=C.UTF-8
unset NO_COLOR
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ask-plain.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 2' INT TERM HUP

FAILS=0
CHECKS=0
ESC=$(printf '\033')
TAB=$(printf '\t')

fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*"; }

# ask INPUT ARGS...: run `aipolicy ask ARGS` with INPUT (printf format) on
# stdin; output in $TMP/out, errors in $TMP/err, exit code in $code.
ask() {
	input=$1
	shift
	# shellcheck disable=SC2059
	printf "$input" | "$BIN" ask "$@" >"$TMP/out" 2>"$TMP/err"
	code=$?
}

# check WHAT CODE TEXT...: the last run exited CODE and printed each TEXT,
# with no escape character and no tab.
check() {
	what=$1
	want=$2
	shift 2
	CHECKS=$((CHECKS + 1))
	if [ "$code" != "$want" ]; then
		fail "$what: exit $code, want $want"
		sed 's/^/| /' "$TMP/out" "$TMP/err"
	fi
	for text in "$@"; do
		CHECKS=$((CHECKS + 1))
		if ! grep -qF -- "$text" "$TMP/out"; then
			fail "$what: no '$text' in the output"
			sed 's/^/| /' "$TMP/out"
		fi
	done
	CHECKS=$((CHECKS + 1))
	if grep -q "[$ESC$TAB]" "$TMP/out"; then
		fail "$what: escape or tab characters in the output"
		od -c "$TMP/out" | head -20
	fi
}

# refute WHAT TEXT...: the last run's output has no TEXT.
refute() {
	what=$1
	shift
	for text in "$@"; do
		CHECKS=$((CHECKS + 1))
		if grep -qF -- "$text" "$TMP/out"; then
			fail "$what: unexpected '$text' in the output"
		fi
	done
}

cat >"$TMP/p.yaml" <<'YAML'
aipolicy: 1
id: ask-plain
title: Ask plain policy
version: P1
owner: Test Owner <owner@example.test>
effective: 2026-01-01
review_by: 2026-12-31
start: data
questions:
  data:
    ask: "Does the task involve\tclient data? Café 日本語"
    label: Client data?
    help: NDAs, customer records, HR files.
    answers:
      yes: tool
      no: audience
  tool:
    ask: Will you use the approved tool?
    label: Approved tool?
    answers:
      yes: reviewed
      no: { verdict: do-not-use, summary: Do not put this data into an AI tool. }
  audience:
    ask: Who will see the result?
    label: Audience?
    answers:
      only me: free
      my team: free
      clients: reviewed
outcomes:
  free:
    verdict: use-freely
    summary: Use AI freely.
    why: Internal drafts carry little risk.
  reviewed:
    verdict: use-with-review
    summary: Use AI, and have the output reviewed.
    reviewer: Your line manager
    disclose: true
    conditions:
      - Check every figure against its source.
YAML

# answer keys that look like numbers: an exact key wins over a number
cat >"$TMP/k.yaml" <<'YAML'
aipolicy: 1
id: ask-keys
title: Keys policy
version: K1
owner: Keys Owner
effective: 2026-01-01
review_by: 2026-12-31
start: count
questions:
  count:
    ask: How many people?
    answers:
      none: { verdict: use-freely, summary: Fine. }
      "2": { verdict: use-with-review, summary: Review., reviewer: Bob }
      "1": { verdict: do-not-use, summary: Stop. }
YAML

T="--today 2026-06-01"

ask '2\nmy team\n' $T "$TMP/p.yaml"
check "number then key" 0 "Ask plain policy, version P1" \
    "Test Owner <owner@example.test>" \
    "Does the task involve client data? Café 日本語" "  1. yes" "  2. no" \
    "Answer (1-3" "Who will see the result?" "  3. clients" \
    "Verdict: Use AI freely" "Use AI freely." \
    "Why: Internal drafts carry little risk." \
    "Your answers: Client data? no → Audience? my team" \
    "Questions? Ask Test Owner <owner@example.test>"
refute "number then key" "Reviewer" "Disclose" "Warning"

ask '  NO \nCLIENTS\n' --plain $T "$TMP/p.yaml"
check "keys ignore case and spaces" 10 "Verdict: Use AI with review" \
    "Reviewer: Your line manager" "Disclose that AI assisted" \
    "Conditions:" "  - Check every figure against its source." \
    "Your answers: Client data? no → Audience? clients"

ask 'yes\n2\n' $T "$TMP/p.yaml"
check "do not use" 20 "Verdict: Do not use AI" \
    "Do not put this data into an AI tool." \
    "Your answers: Client data? yes → Approved tool? no"

# "Not sure", by hand on p.yaml. At the first question, data=? reaches
# do-not-use through yes, then tool (never answered) =no: the walk goes on
# with tool, to narrow that worst case down. Input ending there is 130.
ask '3\n' $T --log "$TMP/unsure0.jsonl" "$TMP/p.yaml"
check "not sure first: narrowing down" 130 "  3. Not sure" "Answer (1-3" \
    "Worst case so far: Do not use AI. Answering this may lower it." \
    "Question 2 (at most 2 to go): Will you use the approved tool?"
refute "not sure first: narrowing down" "Verdict" "Worst case:"
CHECKS=$((CHECKS + 1))
grep -qx 'aipolicy: error: the input ended before a verdict' "$TMP/err" ||
	fail "input ending while narrowing down: not said on stderr: $(cat "$TMP/err")"
CHECKS=$((CHECKS + 1))
[ ! -s "$TMP/unsure0.jsonl" ] || fail "--log: a record without a verdict"

# tool=no: data=yes, tool=no has no question left unanswered, so the
# worst case is final; data=no would give review at worst (audience is
# open). "not sure" may be typed.
ask 'not sure\n2\n' $T --log "$TMP/unsure.jsonl" "$TMP/p.yaml"
check "not sure, then narrowed down" 20 \
    "Worst case so far: Do not use AI" "Worst case: Do not use AI" \
    "If the answers marked \"not sure\" turn out as shown below:" \
    "Do not put this data into an AI tool." "Less restrictive answers:" \
    "  - Client data? — 'no' gives at worst: Use AI with review" \
    "Your answers: Client data? yes (not sure) → Approved tool? no" \
    "Questions? Ask Test Owner <owner@example.test>"
refute "not sure, then narrowed down" "Who will see the result?" \
    "Approved tool? no (not sure)" "Verdict:"
CHECKS=$((CHECKS + 1))
if [ "$(wc -l <"$TMP/unsure.jsonl")" -ne 1 ] ||
    ! grep -q '"verdict": "do-not-use"' "$TMP/unsure.jsonl" ||
    ! grep -qF '"unsure": ["data"]' "$TMP/unsure.jsonl" ||
    ! grep -qF '"path": [{"question": "data", "answer": "yes"}, {"question": "tool", "answer": "no"}]' "$TMP/unsure.jsonl"; then
	fail "--log after Not sure: want do-not-use with unsure data; got: $(cat "$TMP/unsure.jsonl")"
fi

# tool=yes: data=yes, tool=yes (review) is the first way to the worst
# verdict and asks nothing more; data=no gives no less (clients).
ask 'NOT SURE\n1\n' $T "$TMP/p.yaml"
check "not sure, narrowed to review" 10 "Worst case: Use AI with review" \
    "Reviewer: Your line manager" \
    "  - Client data? — no answer gives a less restrictive verdict" \
    "Your answers: Client data? yes (not sure) → Approved tool? yes"

ask 'no\n4\n' $T --log "$TMP/unsure2.jsonl" "$TMP/p.yaml"
check "not sure at audience" 10 "  4. Not sure" "Answer (1-4" \
    "Worst case: Use AI with review" "Reviewer: Your line manager" \
    "  - Audience? — 'only me' or 'my team' gives at worst: Use AI freely" \
    "Your answers: Client data? no → Audience? clients (not sure)"
refute "not sure at audience" "Worst case so far" "Client data? —" \
    "Client data? no (not sure)"
CHECKS=$((CHECKS + 1))
grep -qF '"unsure": ["audience"]' "$TMP/unsure2.jsonl" ||
	fail "--log after Not sure: want unsure audience; got: $(cat "$TMP/unsure2.jsonl")"

# no answer of the worst case's question does better; n.yaml has no answer
# beginning with a digit, so "Not sure" is number 3
cat >"$TMP/n.yaml" <<'YAML'
aipolicy: 1
id: ask-none
title: None policy
version: N1
owner: None Owner
effective: 2026-01-01
review_by: 2026-12-31
start: draft
questions:
  draft:
    ask: Is it a draft?
    label: Draft?
    answers:
      yes: { verdict: do-not-use, summary: Stop yes. }
      no: { verdict: do-not-use, summary: Stop no. }
YAML
ask 'not sur\n?\n  Not Sure \n' $T "$TMP/n.yaml"
check "no better answer" 20 "'not sur' is not an answer: type a number from 1 to 3" \
    "Help: There is no help for this question." "Worst case: Do not use AI" \
    "Stop yes." "  - Draft? — no answer gives a less restrictive verdict" \
    "Your answers: Draft? yes (not sure)"
refute "no better answer" "gives at worst" "Stop no." "Worst case so far"

# the worst-case texts are sanitised like all policy text: a tab becomes a
# space, a bidirectional override '?'
cat >"$TMP/s.yaml" <<'YAML'
aipolicy: 1
id: ask-sanitise
title: Sanitise policy
version: S1
owner: S Owner
effective: 2026-01-01
review_by: 2026-12-31
start: draft
questions:
  draft:
    ask: Is it a draft?
    label: "Draft\u202E?"
    answers:
      "y\tes": { verdict: do-not-use, summary: Stop yes. }
      "n\to": { verdict: use-freely, summary: Go no. }
YAML
ask '3\n' $T "$TMP/s.yaml"
check "not sure sanitised" 20 "Worst case: Do not use AI" \
    "  - Draft?? — 'n o' gives at worst: Use AI freely" \
    "Your answers: Draft?? y es (not sure)"
refute "not sure sanitised" "$(printf '\342\200\256')"

ask '1\n' $T "$TMP/k.yaml"
check "exact key '1' wins over number 1" 20 "Verdict: Do not use AI"
ask '2\n' $T "$TMP/k.yaml"
check "exact key '2' wins over number 2" 10 "Verdict: Use AI with review"
ask '3\n' $T "$TMP/k.yaml"
check "number 3" 20 "Verdict: Do not use AI"
ask ' None\n' $T "$TMP/k.yaml"
check "key none" 0 "Verdict: Use AI freely"

ask '?\n2\n?\n1\n' $T "$TMP/p.yaml"
check "help" 0 "Help: NDAs, customer records, HR files." \
    "Help: There is no help for this question." "Verdict: Use AI freely"
refute "help is not Not sure" "Worst case" "(not sure)"

ask '7\nmaybe\n0\n\n\033[31m\n2\n3\n' $T "$TMP/p.yaml"
check "bad answers re-ask" 10 "'7' is not an answer" \
    "'maybe' is not an answer" "'0' is not an answer" \
    "'?[31m' is not an answer" "Verdict: Use AI with review" \
    "'0' is not an answer: type a number from 1 to 3,"
CHECKS=$((CHECKS + 1))
n=$(grep -o 'Answer (1-3' "$TMP/out" | wc -l)
[ "$n" -eq 6 ] || fail "bad answers re-ask: $n prompts for question 1, want 6"

ask '2\n' $T "$TMP/p.yaml"
check "end of input" 130 "Who will see the result?"
refute "end of input" "Verdict"
CHECKS=$((CHECKS + 1))
grep -qx 'aipolicy: error: the input ended before a verdict' "$TMP/err" ||
	fail "end of input: not said on stderr: $(cat "$TMP/err")"
ask '' $T "$TMP/p.yaml"
check "empty input" 130 "Answer (1-3"

ask '2\n1\n' --today 2027-01-05 "$TMP/p.yaml"
check "stale" 0 "Warning: this policy was due for review on 2026-12-31" \
    "Test Owner <owner@example.test> whether it still applies"
ask '2\n1\n' --today 2026-12-31 "$TMP/p.yaml"
check "not stale on review_by" 0
refute "not stale on review_by" "Warning"
ask '2\n1\n' --today 2025-12-31 "$TMP/p.yaml"
check "not in force yet" 0 "Warning: this policy is not in force until 2026-01-01" \
    "ask Test Owner <owner@example.test> which rules apply until then"
ask '2\n1\n' --today 2026-01-01 "$TMP/p.yaml"
check "in force on effective" 0
refute "in force on effective" "Warning"

# --log: one record on exit, none without a verdict, 74 when unwritable
ask '2\n3\n' $T --log "$TMP/log.jsonl" "$TMP/p.yaml"
check "--log" 10 "Verdict: Use AI with review"
CHECKS=$((CHECKS + 1))
if [ "$(wc -l <"$TMP/log.jsonl")" -ne 1 ] ||
    ! grep -q '"ask"' "$TMP/log.jsonl" ||
    ! grep -q '"use-with-review"' "$TMP/log.jsonl" ||
    ! grep -q '"clients"' "$TMP/log.jsonl"; then
	fail "--log: want one ask record, got: $(cat "$TMP/log.jsonl")"
fi
ask '2\n' $T --log "$TMP/log.jsonl" "$TMP/p.yaml"
check "--log without a verdict" 130
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$TMP/log.jsonl")" -eq 1 ] || fail "--log: a record without a verdict"
if [ -w /dev/full ]; then
	ask '2\n1\n' $T --log /dev/full "$TMP/p.yaml"
	check "--log /dev/full" 74 "Verdict: Use AI freely"
fi
ask '2\n1\n' $T --log "$TMP/no/such/dir/log" "$TMP/p.yaml"
check "--log in a missing directory" 74

# usage and load errors
ask '' "$TMP/p.yaml" extra
check "two policies" 64
ask ''
check "no policy" 64
ask '' --bogus "$TMP/p.yaml"
check "unknown option" 64
ask '' --today 2026-02-30 "$TMP/p.yaml"
check "bad --today" 64
ask '' "$TMP/missing.yaml"
check "missing file" 66
printf 'aipolicy: 1\n' >"$TMP/bad.yaml"
ask '' "$TMP/bad.yaml"
check "invalid policy" 65
ask '' --help
check "--help" 0 "ask"

if [ -w /dev/full ]; then
	CHECKS=$((CHECKS + 1))
	printf '2\n1\n' | "$BIN" ask $T "$TMP/p.yaml" >/dev/full 2>/dev/null
	code=$?
	[ "$code" -eq 74 ] || fail "stdout on /dev/full: exit $code, want 74"
fi

# a signal while waiting for an answer: 143 for SIGTERM, 129 for SIGHUP
for sig in TERM:143 HUP:129 INT:130; do
	rm -f "$TMP/out"
	mkfifo "$TMP/fifo"
	"$BIN" ask $T "$TMP/p.yaml" <"$TMP/fifo" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	exec 3>"$TMP/fifo" # hold the pipe open: no end of input
	n=0
	while ! grep -q 'Answer (' "$TMP/out" 2>/dev/null && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	kill -"${sig%:*}" "$pid"
	wait "$pid"
	code=$?
	exec 3>&-
	rm -f "$TMP/fifo"
	check "SIG${sig%:*} while waiting" "${sig#*:}" "Answer (1-3"
done

if [ -f "$SRC/policies/example.yaml" ]; then
	ask '?\n' "$SRC/policies/example.yaml"
	check "example.yaml" 130 "Answer (1-"
fi

if [ "$FAILS" -ne 0 ]; then
	echo "test-ask-plain: $FAILS of $CHECKS checks failed"
	exit 1
fi
echo "test-ask-plain: all $CHECKS checks passed"
