#!/bin/sh
# test-ask-tmux.sh: `aipolicy ask` in a real terminal, driven through tmux.
#
# Usage: sh test-ask-tmux.sh BUILD/aipolicy SOURCE_DIR
#
# Starts a private tmux server (its own socket, no config) with an 80x24
# pane running an interactive sh, types `aipolicy ask ...` into it, sends
# keys and reads the screen back with capture-pane. Every wait is a bounded
# poll. The fixture policies are written to a temporary directory; the tmux
# server and the directory are removed on exit. Exit 0 when every check
# passes; otherwise each failure is printed with the screen it saw.
set -u

BIN=${1:?usage: test-ask-tmux.sh AIPOLICY SOURCE_DIR}
SRC=${2:-.}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "FAIL: $BIN is not an executable"; exit 1; }
command -v tmux >/dev/null 2>&1 ||
	{ echo "FAIL: tmux is not installed (a test dependency)"; exit 1; }

export LC_ALL=C.UTF-8
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ask-tmux.XXXXXX") || exit 1
SOCK=aipolicy-ask-test-$$
cleanup() {
	tmux -L "$SOCK" kill-server >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
FAILS=0
CHECKS=0

fail() {
	FAILS=$((FAILS + 1))
	echo "FAIL: $*"
	echo "----- screen -----"
	tm capture-pane -p -t t 2>/dev/null | sed 's/^/| /'
	echo "------------------"
}
ok() { CHECKS=$((CHECKS + 1)); }

# wait_for TEXT: poll the pane (at most 5 s) until it shows TEXT.
wait_for() {
	n=0
	while [ $n -lt 50 ]; do
		tm capture-pane -p -t t | grep -qF -- "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}

# expect WHAT TEXT...: the screen shows every TEXT.
expect() {
	what=$1
	shift
	for text in "$@"; do
		if wait_for "$text"; then ok; else fail "$what: no '$text'"; fi
	done
}

# expect_not WHAT TEXT...: the screen (already settled) shows no TEXT.
expect_not() {
	what=$1
	shift
	for text in "$@"; do
		if tm capture-pane -p -t t | grep -qF -- "$text"; then
			fail "$what: unexpected '$text'"
		else
			ok
		fi
	done
}

keys() { tm send-keys -t t "$@"; }

# resize W H: resize the window and wait (at most 5 s) until the pane's
# terminal has that size, so that no later `stty -a` sees the old one.
resize() {
	tm resize-window -t t -x "$1" -y "$2"
	tty=$(tm display-message -p -t t '#{pane_tty}')
	n=0
	while [ "$(stty -F "$tty" size 2>/dev/null)" != "$2 $1" ] && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
}

# start ARGS...: clear the pane and run `aipolicy ask ARGS` in its shell,
# recording `stty -a` before and after, the exit code and the pid.
start() {
	rm -f "$TMP/exit" "$TMP/pid" "$TMP/before" "$TMP/after"
	keys -l "clear; stty -a >$TMP/before; sh $TMP/run.sh $*; echo \$? >$TMP/exit.tmp; stty -a >$TMP/after; mv $TMP/exit.tmp $TMP/exit; echo DONE"
	keys Enter
}

# finish WHAT CODE: wait for the program to end with exit code CODE and
# the terminal to be as it was.
finish() {
	what=$1
	n=0
	while [ ! -f "$TMP/exit" ] && [ $n -lt 50 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	if [ ! -f "$TMP/exit" ]; then
		fail "$what: the program did not end"
		tm send-keys -t t C-c
		return
	fi
	code=$(cat "$TMP/exit")
	if [ "$code" = "$2" ]; then ok; else fail "$what: exit $code, want $2"; fi
	if cmp -s "$TMP/before" "$TMP/after"; then
		ok
	else
		fail "$what: stty -a differs after the program"
		diff "$TMP/before" "$TMP/after"
	fi
	wait_for DONE >/dev/null
	state=$(tm display-message -p -t t '#{alternate_on} #{cursor_flag}')
	if [ "$state" = "0 1" ]; then
		ok
	else
		fail "$what: alternate screen/cursor visible = '$state', want '0 1'"
	fi
}

cat >"$TMP/run.sh" <<RUN
echo \$\$ >$TMP/pid
exec env -u NO_COLOR "\$@"
RUN

cat >"$TMP/p.yaml" <<'YAML'
aipolicy: 1
id: ask-tmux
title: Ask tmux policy
version: T1
owner: Test Owner <owner@example.test>
effective: 2026-01-01
review_by: 2026-12-31
start: data
questions:
  data:
    ask: "Does the task involve client data? Café données 日本語"
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
      no:
        verdict: do-not-use
        summary: Do not put this data into an AI tool.
        why: The data would leave the company.
  audience:
    ask: Who will see the result?
    label: Audience?
    answers:
      only me: free
      my team: free
      managers: reviewed
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
      - Say that AI assisted.
YAML

P="$BIN ask --today 2026-06-01"
Q1="Does the task involve client data?"
Q2="Who will see the result?"
Q3="Will you use the approved tool?"

tm new-session -d -x 80 -y 24 -s t "env PS1='$ ' ENV= sh -i" ||
	{ echo "FAIL: cannot start tmux"; exit 1; }
tm set-option -g status off >/dev/null

# --- a whole walk: every way to answer, back, help, restart, 3 verdicts
start "$P --log $TMP/log.jsonl $TMP/p.yaml"
expect "first question" "$Q1" "Café données 日本語" "Ask tmux policy" \
    "version T1" "Test Owner <owner@example.test>" "0 answered" \
    "at most 2 to go" "> 1. yes" "2. no" "q quit"
expect_not "first question only" "$Q2" "$Q3" "due for review"
keys '?'
expect "help" "NDAs, customer records, HR files." "Press any key to go back"
keys Space
expect "back from help" "> 1. yes"
expect_not "back from help" "NDAs"
keys 2
expect "answer by digit" "$Q2" "1 answered" "at most 1 to go" "> 1. only me"
expect_not "answer by digit" "$Q1"
keys '?'
expect "no help" "There is no help for this question."
keys x
expect "back from help" "> 1. only me"
keys m # "my team" and "managers" share it: nothing happens
sleep 0.3
expect "ambiguous letter" "$Q2" "> 1. only me"
keys Down
expect "down" "> 2. my team"
keys Enter
expect "verdict free" "Use AI freely" "Why: Internal drafts carry little risk." \
    "Your answers: Client data? no → Audience? my team" \
    "Questions? Ask Test Owner <owner@example.test>" "back" "restart" "quit"
expect_not "verdict free" "Reviewer" "Disclose" "$Q2"
keys b
expect "back from verdict pre-selects" "$Q2" "> 2. my team"
keys c
expect "answer by letter: verdict review" "Use AI with review" \
    "Use AI, and have the output reviewed." "Reviewer: Your line manager" \
    "Disclose that AI assisted" "Check every figure against its source." \
    "Say that AI assisted." "Client data? no → Audience? clients"
keys Left
expect "back (Left)" "$Q2" "> 4. clients"
keys BSpace
expect "back (Backspace) pre-selects" "$Q1" "> 2. no" "0 answered"
keys y
expect "answer by letter" "$Q3"
keys Down Enter
expect "arrow+Enter: verdict stop" "Do not use AI" \
    "Do not put this data into an AI tool." \
    "Why: The data would leave the company." \
    "Your answers: Client data? yes → Approved tool? no"
expect_not "verdict stop" "Reviewer" "Disclose"
keys r
expect "restart" "$Q1" "> 1. yes" "0 answered"
expect_not "restart" "Do not use AI"
keys Right
expect "Right chooses" "$Q3"
keys q
# quitting on a question screen after a restart: not the verdicts' code
finish "quit after verdicts and a restart" 130
# one record per verdict screen reached, in order
if [ "$(grep -c '"via": "ask"' "$TMP/log.jsonl" 2>/dev/null)" = 3 ] &&
    sed -n 1p "$TMP/log.jsonl" | grep -q '"verdict": "use-freely"' &&
    sed -n 2p "$TMP/log.jsonl" | grep -q '"verdict": "use-with-review"' &&
    sed -n 3p "$TMP/log.jsonl" | grep -q '"verdict": "do-not-use"'; then
	ok
else
	fail "--log: want three 'ask' records (free, review, stop), got: $(cat "$TMP/log.jsonl" 2>&1)"
fi

# --- "Not sure": narrowing down, back, the worst case and what lowers it
# By hand, on p.yaml: "Not sure" at Audience (after data=no) branches over
# its four answers and asks nothing more: the worst is use-with-review,
# first reached at "managers"; "only me" and "my team" give use-freely.
# "Not sure" at the first question reaches do-not-use through data=yes and
# tool (never answered) =no, so tool is asked next; tool=no makes that
# worst case final; tool=yes lowers it to review (data=no: review too).
start "$P --log $TMP/unsure.jsonl $TMP/p.yaml"
expect "not sure item" "$Q1" "  3. Not sure"
keys n # "no": "Not sure" takes no letter, so 'n' stays unambiguous
expect "letter n is still 'no'" "$Q2" "  5. Not sure"
keys Down Down Down Down
expect "not sure selected" "> 5. Not sure"
keys Enter
expect "worst case by arrow+Enter" "Worst case: Use AI with review" \
    "If the answers marked \"not sure\" turn out as shown below:" \
    "Use AI, and have the output reviewed." "Less restrictive answers:" \
    "Audience? — 'only me' or 'my team' gives at worst: Use AI freely" \
    "Your answers: Client data? no → Audience? managers (not sure)"
expect_not "worst case review" "$Q2" "Do not use AI" "Client data? —" \
    "Worst case so far"
keys b
expect "back from the worst case" "$Q2" "> 5. Not sure" "1 answered"
expect_not "back from the worst case" "Worst case"
keys b
expect "back to the first question" "$Q1" "> 2. no" "0 answered"
keys 3
expect "not sure goes on: narrowing down" "$Q3" \
    "Worst case so far: Do not use AI. Answering this may lower it." \
    "1 answered" "at most 2 to go" "> 1. yes" "3. Not sure"
expect_not "narrowing down" "Worst case:" "$Q1"
keys 2
expect "narrowed down: a final worst case" "Worst case: Do not use AI" \
    "Do not put this data into an AI tool." \
    "Why: The data would leave the company." \
    "Client data? — 'no' gives at worst: Use AI with review" \
    "Your answers: Client data? yes (not sure) → Approved tool? no"
expect_not "final worst case" "Approved tool? no (not sure)" "narrow"
keys Left
expect "back (Left) to narrowing down" "$Q3" "> 2. no" "Worst case so far"
keys 1
expect "narrowed down to review" "Worst case: Use AI with review" \
    "Client data? — no answer gives a less restrictive verdict" \
    "Your answers: Client data? yes (not sure) → Approved tool? yes"
keys q
finish "quit on a worst case" 10
if [ "$(wc -l <"$TMP/unsure.jsonl" 2>/dev/null)" = 3 ] &&
    sed -n 1p "$TMP/unsure.jsonl" | grep -qF '"unsure": ["audience"], "verdict": "use-with-review"' &&
    sed -n 2p "$TMP/unsure.jsonl" | grep -qF '"path": [{"question": "data", "answer": "yes"}, {"question": "tool", "answer": "no"}], "unsure": ["data"], "verdict": "do-not-use"' &&
    sed -n 3p "$TMP/unsure.jsonl" | grep -qF '"unsure": ["data"], "verdict": "use-with-review"'; then
	ok
else
	fail "--log after Not sure: want three records (review, stop, review), none while narrowing; got: $(cat "$TMP/unsure.jsonl" 2>&1)"
fi

# n.yaml: every answer ends in use-freely; no answer begins with 'n', and
# 'n' must not choose "Not sure".
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
      yes: shared
      later: { verdict: use-freely, summary: Fine later. }
  shared:
    ask: Will you share it?
    label: Shared?
    answers:
      yes: { verdict: use-freely, summary: Fine shared. }
      only inside: { verdict: use-freely, summary: Fine inside. }
YAML
start "$P $TMP/n.yaml"
expect "none" "Is it a draft?" "  3. Not sure"
keys n
sleep 0.3
expect "no letter for Not sure" "Is it a draft?" "> 1. yes"
expect_not "no letter for Not sure" "Worst case"
keys Down Down Enter
# every way is use-freely: the one that asks nothing more (later) wins,
# and nothing is less restrictive
expect "use-freely worst case" "Worst case: Use AI freely" "Fine later." \
    "Your answers: Draft? later (not sure)"
expect_not "use-freely worst case" "gives at worst" "Less restrictive" \
    "Shared?" "Will you share it?"
keys r
expect "restart from the worst case" "Is it a draft?" "> 1. yes" "0 answered"
expect_not "restart from the worst case" "Worst case" "Fine later."
keys 1 3
expect "not sure below an answer" "Worst case: Use AI freely" \
    "Your answers: Draft? yes → Shared? yes (not sure)"
keys q
finish "quit on a use-freely worst case" 0

# --- 40x10, the minimum: the key line keeps "q quit"; a list or a verdict
# that does not fit says that more is below
cat >"$TMP/m.yaml" <<'YAML'
aipolicy: 1
id: ask-many
title: Many answers policy with a long title
version: M1
owner: Many Owner
effective: 2026-01-01
review_by: 2026-12-31
start: kind
questions:
  kind:
    ask: What kind of document is it?
    answers:
      letter: long
      memo: long
      report: long
      slides: long
      spreadsheet: long
      contract: long
      press release: long
outcomes:
  long:
    verdict: use-with-review
    summary: Use AI, and have the document reviewed by someone who knows it.
    why: Documents of every kind can carry facts that a reader relies on.
    reviewer: A colleague who knows the subject
    conditions:
      - Check every figure against its source.
      - Check every name against its source.
YAML
resize 40 10
start "$P $TMP/m.yaml"
expect "40x10 question" "What kind of document is it?" "> 1. letter" \
    "↓ more" "q quit" "← back"
expect_not "40x10 question" "press release" "Terminal too small" "← ba…"
keys 7
expect "40x10 verdict" "Verdict: Use AI with review" "↓ more" "q quit" \
    "j/k scroll"
# no blank row that the text needs: the verdict right under the header
if tm capture-pane -p -t t | sed -n 2p | grep -q '^ Verdict: Use AI with review'; then
	ok
else
	fail "40x10 verdict: not on the row under the header"
fi
keys j j j j j j j j j j
expect "40x10 verdict scrolled" "↑ more" "Questions? Ask Many Owner"
keys q
finish "40x10" 10
resize 80 24

# --- quitting before a verdict
start "$P $TMP/p.yaml"
expect "quit with Esc" "$Q1"
keys Escape
finish "Esc before a verdict" 130
start "$P $TMP/p.yaml"
expect "quit with q" "$Q1"
keys 2 q
finish "q before a verdict" 130

# --- signals restore the terminal
start "$P $TMP/p.yaml"
expect "Ctrl-C" "$Q1"
keys 2
expect "Ctrl-C" "$Q2"
keys C-c
finish "Ctrl-C" 130
expect_not "Ctrl-C leaves the screen" "$Q2"
start "$P $TMP/p.yaml"
expect "SIGTERM" "$Q1"
kill -TERM "$(cat "$TMP/pid")"
finish "SIGTERM" 143
start "$P $TMP/p.yaml"
expect "SIGHUP" "$Q1"
kill -HUP "$(cat "$TMP/pid")"
finish "SIGHUP" 129

# --- resize to tiny and back, and the 40x10 boundary
start "$P $TMP/p.yaml"
expect "resize" "$Q1"
tm resize-window -t t -x 30 -y 8
expect "tiny" "Terminal too small"
expect_not "tiny" "$Q1"
tm resize-window -t t -x 40 -y 10
expect "40x10" "> 1. yes"
expect_not "40x10" "Terminal too small"
tm resize-window -t t -x 80 -y 24
expect "back to 80x24" "$Q1" "q quit"
keys 2 3
expect "verdict after resize" "Use AI with review"
tm resize-window -t t -x 39 -y 24
expect "narrow" "Terminal too small"
tm resize-window -t t -x 80 -y 24
expect "verdict comes back" "Use AI with review" "Reviewer: Your line manager"
keys q
finish "quit after resize" 10

# --- colours, and NO_COLOR
start "$P $TMP/p.yaml"
expect "colour" "$Q1"
keys 2 1
expect "colour" "Use AI freely"
if tm capture-pane -p -e -t t | grep -qE '\[([0-9;]*;)?4[1-7](;[0-9;]*)?m'; then
	ok
else
	fail "colour: no background colour on the verdict screen"
fi
keys q
finish "colour" 0
start "NO_COLOR=1 $P $TMP/p.yaml"
expect "NO_COLOR" "$Q1"
keys 2 4
expect "NO_COLOR" "Use AI with review"
screen=$(tm capture-pane -p -e -t t)
if printf '%s\n' "$screen" | grep -qE '\[([0-9;]*;)?([34][0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m'; then
	fail "NO_COLOR: colour escapes on the screen"
else
	ok
fi
if printf '%s\n' "$screen" | grep -qE '\[([0-9;]*;)?7(;[0-9;]*)?m'; then
	ok
else
	fail "NO_COLOR: the banner is not in reverse video"
fi
keys q
finish "NO_COLOR" 10

# --- not yet in force: a banner naming the date on every screen
start "$BIN ask --today 2025-12-01 $TMP/p.yaml"
expect "not in force question" "not in force until 2026-01-01" "$Q1"
keys 2 1
expect "not in force verdict" "not in force until 2026-01-01" "Use AI freely"
keys q
finish "not in force" 0

# --- stale policy: a warning on every screen
start "$BIN ask --today 2027-01-05 $TMP/p.yaml"
expect "stale question" "due for review on 2026-12-31" "Test Owner" "$Q1"
keys '?'
expect "stale help" "due for review on 2026-12-31" "NDAs"
keys Space 1 1
expect "stale verdict" "due for review on 2026-12-31" "Use AI with review"
keys q
finish "stale" 10

# --- TERM=dumb falls back to the line prompts
start "TERM=dumb $P $TMP/p.yaml"
expect "TERM=dumb" "Answer (1-3"
keys -l 2
keys Enter
expect "TERM=dumb" "Answer (1-5"
keys -l "only me"
keys Enter
expect "TERM=dumb verdict" "Verdict: Use AI freely"
finish "TERM=dumb" 0

# --- German from the environment alone: LANG=de_DE.UTF-8, a locale not
# installed here (the words come from the catalogue, the characters stay
# UTF-8); plurals on the status line (0 and 2 plural, 1 singular)
DE="env -u LC_ALL -u LANGUAGE LANG=de_DE.UTF-8 $P"
start "$DE $TMP/p.yaml"
expect "German question" "$Q1" "Café données 日本語" "Version T1" \
    "0 Antworten" "höchstens noch 2 Fragen" "3. Weiß nicht" "? Hilfe" \
    "q beenden"
expect_not "German question" "answered" "q quit" "Caf?"
keys '?'
expect "German help" "Hilfe: $Q1" "Zurück mit beliebiger Taste"
keys Space 2
expect "German, one answered" "$Q2" "1 Antwort ·" "höchstens noch 1 Frage"
keys 5
expect "German worst case" "Schlimmstenfalls: KI mit Prüfung nutzen" \
    "Wenn die mit „weiß nicht“ markierten Antworten" \
    "Prüfung durch: Your line manager" \
    "Ihre Antworten: Client data? no → Audience? managers (weiß nicht)" \
    "Antworten mit milderem Ergebnis:" "'only me' oder 'my team' ergibt" \
    "Fragen? Wenden Sie sich an Test Owner" "← zurück" "r von vorn"
keys q
finish "German" 10
# the smallest screen in German: the key line keeps "q beenden", the list
# says that more is below; smaller still, the notice in German
resize 40 10
start "$DE $TMP/m.yaml"
expect "German 40x10 question" "> 1. letter" "↓ mehr" "q beenden" \
    "0 Antworten · höchstens noch 1 Frage"
expect_not "German 40x10 question" "Terminal zu klein"
keys 7
expect "German 40x10 verdict" "Entscheidung: KI mit Prüfung nutzen" \
    "↓ mehr" "q beenden" "j/k blättern"
tm resize-window -t t -x 30 -y 8
expect "German, too small" "Terminal zu klein" "(mindestens 40x10)"
tm resize-window -t t -x 40 -y 10
expect "German, 40x10 again" "Entscheidung: KI mit Prüfung nutzen"
keys q
finish "German 40x10" 10
# French at 40x10: 0 and 1 are singular, and the status line fits
start "env -u LANG -u LANGUAGE LC_ALL=fr_FR.UTF-8 $P $TMP/p.yaml"
expect "French 40x10" "0 réponse · au plus 2 restantes" "q quitter" \
    "3. Je ne sais pas"
keys 2
expect "French 40x10, one answered" "1 réponse · au plus 1 restante"
keys q
finish "French 40x10" 130
resize 80 24
# --- a translation chosen by the environment alone (LANG names a locale
# this machine may not have): the screens in German, answers chosen by
# the letter of their shown text, the log with the policy's keys
cat >"$TMP/p.de.yaml" <<'YAML'
aipolicy-translation: 1
policy: ask-tmux
version: T1
language: de
title: Richtlinie für den tmux-Test
questions:
  data:
    ask: "Geht es um Kundendaten? 日本語の文も画面の幅に合わせて正しく折り返されることを確かめるための、少し長めの説明文です。改行の位置は文字の幅で決まります。"
    label: Kundendaten?
    help: Geheimhaltung, Kundendaten, Personalakten.
    answers:
      yes: ja
      no: nein
  audience:
    ask: Wer sieht das Ergebnis?
    label: Publikum?
    answers:
      only me: nur ich
      my team: mein Team
      managers: Führungskräfte
      clients: Kunden
outcomes:
  free:
    summary: Nutzen Sie KI frei.
YAML
start "env -u LC_ALL -u LANGUAGE LANG=de_DE.UTF-8 $P --log $TMP/de.jsonl $TMP/p.yaml"
expect "German from LANG" "Geht es um Kundendaten?" "日本語の文も画面の幅に" \
    "改行の位置は文字の幅で決まります。" "Richtlinie für den tmux-Test" \
    "> 1. ja" "2. nein"
expect_not "German from LANG" "$Q1" "> 1. yes"
# wide text wrapped by its width: whole characters, no line past 80 columns
if tm capture-pane -p -t t | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
    [ "$(tm capture-pane -p -t t | grep -c '日本語の文も画面の幅に合わせて正しく折り返されることを確かめるための、少し長めの説明文です。改行')" = 0 ]; then
	ok
else
	fail "Japanese text: wrapped by width, valid UTF-8"
fi
keys '?'
expect "German help" "Geheimhaltung, Kundendaten, Personalakten."
keys Space n
expect "letter of a shown answer" "Wer sieht das Ergebnis?" "3. Führungskräfte"
keys F
expect "German verdict" "Entscheidung: KI mit Prüfung nutzen" \
    "Ihre Antworten: Kundendaten? nein → Publikum? Führungskräfte"
keys q
finish "German from LANG" 10
if grep -q '"path": \[{"question": "data", "answer": "no"}, {"question": "audience", "answer": "managers"}\]' \
    "$TMP/de.jsonl" 2>/dev/null; then
	ok
else
	fail "German walk: the log records the keys, got: $(cat "$TMP/de.jsonl" 2>&1)"
fi
rm -f "$TMP/p.de.yaml"

# --- a smoke test on the example policy, when there is one
if [ -f "$SRC/policies/example.yaml" ]; then
	start "$BIN ask $SRC/policies/example.yaml"
	expect "example.yaml" "answered" "q quit"
	keys q
	finish "example.yaml" 130
fi

if [ "$FAILS" -ne 0 ]; then
	echo "test-ask-tmux: $FAILS failed, $CHECKS passed"
	exit 1
fi
echo "test-ask-tmux: all $CHECKS checks passed"
