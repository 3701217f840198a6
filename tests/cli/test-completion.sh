#!/bin/sh
# test-completion.sh: the bash completion, completion/aipolicy.bash.
#
# Drives its function as bash does (COMP_WORDS split as bash splits them,
# at '=' too, and COMP_CWORD; the function called; COMPREPLY read back) for
# commands, options and their values, files, question ids and answers
# (spaces, quotes, backslashes, tabs); checks `check --list-answers`, the
# hidden interface it reads ids and answers from; then types a few
# completions into a real bash in tmux (bounded polls), where readline
# inserts them. Ends with "N passed, N failed".
# usage: test-completion.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $src in /*) ;; *) src=$(pwd)/$src ;; esac
script=$src/completion/aipolicy.bash
fixtures=$src/tests/cli/cases/fixtures
if ! command -v bash >/dev/null 2>&1; then
	echo "SKIP: bash completion (bash not installed)"
	echo "0 passed, 0 failed"
	exit 0
fi
work=$(mktemp -d) || exit 1
sock=aipolicy-completion-test-$$
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
trap 'exit 2' INT TERM HUP
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
nl='
'

# comp WORD...: COMPREPLY, one a line, sorted, for the words WORD... of a
# command line (the program is $bin; the last word is being completed),
# run in $work; COMP_WORDBREAKS is $breaks when that is set.
comp() {
	(cd "$work" && BREAKS=${breaks-} bash -c '. "$1"; shift
	    [ -n "$BREAKS" ] && COMP_WORDBREAKS=$BREAKS
	    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
	    _aipolicy aipolicy
	    ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"' \
	    bash "$script" "$bin" "$@") 2>"$work/err" | LC_ALL=C sort
}

# expect WHAT WANT WORD...: comp WORD... gives the lines of WANT (sorted
# here) and nothing on stderr.
expect() {
	what=$1
	want=$(printf '%s' "$2" | LC_ALL=C sort)
	shift 2
	got=$(comp "$@")
	if [ "$got" = "$want" ] && [ ! -s "$work/err" ]; then
		ok
	else
		no "$what"
		printf '  want: %s\n' "$want" | sed '2,$s/^/        /'
		printf '  got:  %s\n' "$got" | sed '2,$s/^/        /'
		sed 's/^/  stderr: /' "$work/err"
	fi
}

mkdir "$work/sub"
cp "$src/policies/example.yaml" "$work/ex.yaml"
cp "$src/policies/example.de.yaml" "$work/ex.de.yaml"
cp "$src/policies/example.fr.yaml" "$work/ex.fr.yaml"
cp "$fixtures/paths-escape.yaml" "$work/esc.yml"
cp "$fixtures/basic.yaml" "$work/my policy.yaml"
: >"$work/notes.txt"
: >"$work/decisions.jsonl"
printf 'aipolicy: 2\n' >"$work/bad.yaml"

# Commands: those of `aipolicy --help`, and help.
cmds=$("$bin" --help | sed -n 's/^ *aipolicy \([a-z][a-z-]*\).*/\1/p' |
    LC_ALL=C sort -u)
case $cmds in
*check*help*lint*) ok ;;
*) no "the commands in --help: $cmds" ;;
esac
expect "every command" "$cmds" ''
expect "commands by prefix" "render${nl}report" re
expect "global options" "--help${nl}--version" --
expect "help COMMAND" "check" help ch

# Options: each command's long options, from its --help.
for c in $(echo "$cmds" | grep -vx help); do
	opts=$("$bin" "$c" --help | grep -v '^usage:' |
	    sed -n 's/^ *\(-[a-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p')
	expect "the options of $c" "$opts" "$c" --
done
expect "check's options, the hidden one left out" \
    "--batch${nl}--help${nl}--json${nl}--lang${nl}--log${nl}--today${nl}--worst-case" \
    check --
expect "an option by prefix" "--worst-case" check --w

# Values of options.
expect "--format values" "text${nl}json" lint --format ''
expect "--format values by prefix" "markdown${nl}mermaid" render --format m
expect "--format=VALUE, split at '=' as bash splits it" "mermaid" \
    render --format = me
expect "--today: today's date" "$(date +%Y-%m-%d)" check --today ''
expect "--limit N: nothing" "" paths --limit ''
expect "--lang: the translations beside the policy, and C" \
    "C${nl}de${nl}fr" check ex.yaml --lang ''
expect "--lang: by prefix" "de" render ex.yaml --lang d
expect "--lang=VALUE" "fr" ask ex.yaml --lang = f
expect "--lang: no policy on the line: C" "C" check --lang ''

# Files: policies for POLICY, logs for LOG, anything for FILE.
expect "policy files, and translations for lint" \
    "bad.yaml${nl}esc.yml${nl}ex.de.yaml${nl}ex.fr.yaml${nl}ex.yaml${nl}my policy.yaml${nl}sub" \
    lint ''
expect "policy files: no translations where a policy is wanted" \
    "bad.yaml${nl}esc.yml${nl}ex.yaml${nl}my policy.yaml${nl}sub" check ''
expect "policy files by prefix" "ex.yaml" check ex
expect "a second policy for diff" "ex.yaml" diff esc.yml ex
expect "no third policy for diff" "" diff esc.yml ex.yaml ''
expect "log files for report" "decisions.jsonl${nl}sub" report ''
expect "log files for --log LOG" "decisions.jsonl" diff --log d
expect "any file for --log FILE" "decisions.jsonl" check --log d
expect "a policy for --policy" "ex.yaml" report --policy ex
expect "any file for -o" "notes.txt" render -o n

# Question ids and answers of the policy on the line.
ids=$(printf '%s=\n' data approved_tool people regulated code audience \
    team_facts client_terms likeness)
expect "question ids" "$ids" check ex.yaml ''
expect "question ids after options" "$ids" check --json --log x.jsonl \
    --today 2026-11-28 ex.yaml ''
expect "a question id by prefix" "people=" check ex.yaml pe
expect "ids already answered are left out" \
    "$(echo "$ids" | grep -v -e '^data=' -e '^audience=')" \
    check ex.yaml data = no "'audience=my team'" ''
expect "answers after id=" \
    "no${nl}client\\ or\\ confidential\\ data${nl}personal\\ data" \
    check ex.yaml data = ''
expect "answers by prefix, ignoring case" "personal\\ data" check ex.yaml data = P
expect "an answer with commas" "scores,\\ ranks\\ or\\ screens\\ people" \
    check ex.yaml people = sc
expect "an answer typed with a backslash" "my\\ team" \
    check ex.yaml audience = 'my\ t'
expect "an answer after an open single quote" "my team" \
    check ex.yaml audience = "'my t"
expect "an answer after an open double quote" "clients or the public" \
    check ex.yaml audience = '"cl'
expect "id and answer in one quote" "audience=my team" \
    check ex.yaml "'audience=my t"
expect "answers with ; = \\ tab and \"" \
    "$(printf '%s\n' 'a=b\;c' 'back\\slash\	tab' 'Quote\ \"q\"\ ü')" \
    check esc.yml kind = ''
expect "an answer after a second '='" 'b\;c' check esc.yml kind = a = b
expect "an answer with \" in double quotes" 'Quote \"q\" ü' \
    check esc.yml kind = '"Q'
expect "a policy name with a space" "only\\ me" \
    check 'my\ policy.yaml' audience = o
expect "no answers for --batch" "" check --batch ex.yaml ''
expect "no ids of an invalid policy" "" check bad.yaml ''
expect "no ids of a missing policy" "" check nosuch.yaml ''
expect "no answers of an unknown question" "" check ex.yaml nosuch = ''
expect "options after the policy" "--json" check ex.yaml --j

# Words not split at '=' (COMP_WORDBREAKS without it): whole words back.
breaks=' '
expect "whole words: an answer" "data=personal\\ data" check ex.yaml data=p
expect "whole words: a --format value" "--format=mermaid" render --format=me
expect "whole words: a date" "--today=$(date +%Y-%m-%d)" check --today=
breaks=

# check --list-answers: QUESTION<TAB>ANSWER, '\', tab and newline escaped.
out=$("$bin" check --list-answers "$work/esc.yml" 2>"$work/err")
rc=$?
want=$(printf 'kind\ta=b;c\nkind\tback\\\\slash\\ttab\nkind\tQuote "q" ü\nnext\tyes\nnext\tno')
[ $rc = 0 ] && [ "$out" = "$want" ] && [ ! -s "$work/err" ] && ok ||
    no "check --list-answers: exit $rc, output: $out"
"$bin" check --list-answers "$work/esc.yml" kind=yes >/dev/null 2>"$work/err"
rc=$?
[ $rc = 64 ] && grep -q 'takes a policy only' "$work/err" && ok ||
    no "check --list-answers with an answer: usage error (64), got $rc"
"$bin" check --list-answers "$work/bad.yaml" >"$work/out" 2>/dev/null
rc=$?
[ $rc = 65 ] && [ ! -s "$work/out" ] && ok ||
    no "check --list-answers of an invalid policy: 65, nothing on stdout"
"$bin" check --list-answers "$work/nosuch.yaml" >/dev/null 2>&1
rc=$?
[ $rc = 66 ] && ok || no "check --list-answers of a missing file: 66, got $rc"
"$bin" check --list-answers "$work/ex.yaml" >/dev/full 2>/dev/null
rc=$?
[ $rc = 74 ] && ok || no "check --list-answers > /dev/full: 74, got $rc"
"$bin" check --help | grep -q list-answers &&
    no "--list-answers is not in check --help" || ok

# In a real bash: what readline puts on the line.
tm() { tmux -L "$sock" -f /dev/null "$@"; }
# line TEXT: the pane's last non-empty line becomes TEXT, trailing spaces
# left out (5 s at most).
line() {
	n=0
	while [ $n -lt 50 ]; do
		[ "$(tm capture-pane -p -t t 2>/dev/null | grep -v '^$' |
		    tail -n 1)" = "$1" ] &&
		    return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
# typed WHAT KEYS WANT: type KEYS, then Tab, then '#' (which shows whether
# a space was added); the line must read WANT.
typed() {
	tm send-keys -t t -l "$2"
	tm send-keys -t t Tab
	tm send-keys -t t -l '#'
	if line "$3"; then
		ok
	else
		no "in bash: $1: want '$3'"
		tm capture-pane -p -t t | grep -v '^$' | tail -n 3 | sed 's/^/  | /'
	fi
	tm send-keys -t t C-e C-u
	line '$' || no "in bash: the line was not cleared"
}
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: completion in a real bash (tmux not installed)"
else
	cat >"$work/rc" <<EOF
PS1='\$ '
. "$script"
EOF
	# The aipolicy under test is the first on PATH.
	shell="env -i HOME=$work PATH=${bin%/*}:$PATH TERM=screen"
	shell="$shell LC_ALL=C.UTF-8 bash --noprofile --rcfile $work/rc -i"
	tm new-session -d -s t -x 200 -y 20 -c "$work" "$shell"
	if line '$'; then
		typed "a command" "aipolicy ch" "\$ aipolicy check #"
		typed "an id" "aipolicy check ex.yaml da" \
		    "\$ aipolicy check ex.yaml data=#"
		typed "an answer with spaces" "aipolicy check ex.yaml audience=my" \
		    "\$ aipolicy check ex.yaml audience=my\\ team #"
		typed "an answer in quotes" "aipolicy check ex.yaml audience='cl" \
		    "\$ aipolicy check ex.yaml audience='clients or the public' #"
		typed "a policy with a space" "aipolicy check my" \
		    "\$ aipolicy check my\\ policy.yaml #"
	else
		no "in bash: no prompt"
	fi
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
