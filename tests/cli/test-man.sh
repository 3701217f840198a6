#!/bin/sh
# test-man.sh: the manual pages, man/aipolicy.1 and man/aipolicy-policy.5.
#
# Both pass `mandoc -T lint -W warning` without a word. aipolicy.1 cannot
# drift from the program: every command of `aipolicy --help` is in its
# synopsis and has an entry in its list of commands, every option of
# `aipolicy COMMAND --help` is described in that command's entry, and
# every entry is a command. `aipolicy help COMMAND` prints what `aipolicy
# COMMAND --help` prints. The example policy of aipolicy-policy.5 passes
# `lint --strict` and its `test` cases. `cmake --install` puts the pages
# and the bash completion where man and bash-completion look. Ends with
# "N passed, N failed".
# usage: test-man.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
page1=$src/man/aipolicy.1
page5=$src/man/aipolicy-policy.5
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

# mandoc's lint: no warning, no error.
if command -v mandoc >/dev/null 2>&1; then
	for page in "$page1" "$page5"; do
		out=$(mandoc -T lint -W warning "$page" 2>&1)
		rc=$?
		if [ $rc = 0 ] && [ -z "$out" ]; then
			ok
		else
			no "mandoc -T lint -W warning $page (exit $rc)"
			echo "$out" | sed 's/^/  /'
		fi
	done
else
	echo "SKIP: the man pages linted (mandoc not installed)"
fi

# The commands of `aipolicy --help`.
"$bin" --help >"$tmp/help" || no "aipolicy --help: exit 0"
sed -n 's/^ *aipolicy \([a-z][a-z-]*\) .*/\1/p' "$tmp/help" | sort -u |
    grep -vx help >"$tmp/cmds"
[ "$(wc -l <"$tmp/cmds")" -ge 8 ] && ok ||
    no "aipolicy --help lists the commands: $(cat "$tmp/cmds")"

# The page's synopsis: its commands (.Cm NAME after .Nm).
awk '/^\.Sh / { in_syn = ($2 == "SYNOPSIS") }
    in_syn && prev == ".Nm" && $1 == ".Cm" { print $2 }
    { prev = $0 }' "$page1" | sort -u >"$tmp/synopsis"
# The page's list of commands (the list after "The commands are:"): one
# line "COMMAND" per entry, then "COMMAND -o" or "COMMAND --long" for each
# option (Fl) its list of options describes (.It lines one level down).
awk '/^The commands are:/ { want = 1; next }
    want && /^\.Bl/ { depth++; if (depth == 1) { inlist = 1; want = 0 }; next }
    !inlist { next }
    /^\.Bl/ { depth++; next }
    /^\.El/ { if (--depth == 0) exit; next }
    depth == 1 && /^\.It/ { cmd = ""; need = 1 }
    need {
	for (i = 1; i <= NF; i++)
		if (($i == "Cm" || $i == ".Cm") && i < NF) {
			cmd = $(i + 1); need = 0; print cmd; break
		}
    }
    cmd != "" && depth == 2 && /^\.It/ {
	for (i = 1; i < NF; i++)
		if ($i == "Fl" || $i == ".Fl")
			print cmd, "-" $(i + 1)
    }' "$page1" >"$tmp/entries"
grep -v ' ' "$tmp/entries" | sort -u >"$tmp/entry-cmds"

while read -r c; do
	grep -qx "$c" "$tmp/synopsis" && ok ||
	    no "aipolicy.1: '$c' is not in the synopsis"
	grep -qx "$c" "$tmp/entry-cmds" && ok ||
	    no "aipolicy.1: '$c' has no entry in the list of commands"
	"$bin" "$c" --help >"$tmp/chelp" 2>&1 || no "$c --help: exit 0"
	# Its options: -x and --long at the start of an option line.
	grep -v '^usage:' "$tmp/chelp" |
	    sed -n 's/^  \(-[a-zA-Z]\)\{0,1\}\(, \)\{0,1\}\(--[a-z][a-z-]*\)\{0,1\}.*/\1 \3/p' |
	    tr ' ' '\n' | grep . | grep -vx -e -h -e --help >"$tmp/opts"
	[ -s "$tmp/opts" ] || no "$c --help: no options found"
	while read -r o; do
		grep -qx "$c $o" "$tmp/entries" && ok ||
		    no "aipolicy.1: the entry of '$c' does not give $o"
	done <"$tmp/opts"
	"$bin" help "$c" >"$tmp/viahelp" 2>&1
	rc=$?
	[ $rc = 0 ] && cmp -s "$tmp/viahelp" "$tmp/chelp" && ok ||
	    no "aipolicy help $c: exit $rc, and what $c --help prints"
done <"$tmp/cmds"
while read -r c; do
	[ "$c" = help ] && continue
	grep -qx "$c" "$tmp/cmds" && ok ||
	    no "aipolicy.1: the entry '$c' is not a command of aipolicy --help"
done <"$tmp/entry-cmds"
grep -qx help "$tmp/entry-cmds" && grep -qx help "$tmp/synopsis" && ok ||
    no "aipolicy.1: help COMMAND in the synopsis and the list"
grep -qx '\.Fl -version | -help' "$page1" && ok ||
    no "aipolicy.1: --version and --help in the synopsis"
"$bin" help >"$tmp/viahelp" 2>&1 && cmp -s "$tmp/viahelp" "$tmp/help" && ok ||
    no "aipolicy help: what aipolicy --help prints"

# The example policy of aipolicy-policy.5 is a valid policy, tested.
awk '/^A small complete policy:/ { f = 1; next }
    f && /^\.Bd/ { g = 1; next } g && /^\.Ed/ { exit } g' "$page5" \
    >"$tmp/example.yaml"
if "$bin" lint --strict --today 2026-11-28 "$tmp/example.yaml" >"$tmp/out" 2>&1
then
	ok
else
	no "aipolicy-policy.5: its example passes lint --strict"
	cat "$tmp/out"
fi
"$bin" test "$tmp/example.yaml" >"$tmp/out" 2>&1 &&
    grep -qx '3 passed, 0 failed' "$tmp/out" && ok ||
    { no "aipolicy-policy.5: its example's test cases pass"; cat "$tmp/out"; }
# The first example of aipolicy.1 with an exit status says it right.
(cd "$src" && "$bin" check policies/example.yaml data=no people=no \
    regulated=no 'code=production code' >/dev/null 2>&1)
rc=$?
grep -q 'the exit status is 10' "$page1" && [ $rc = 10 ] && ok ||
    no "aipolicy.1: the example of check exits 10 (got $rc)"

# cmake --install puts the pages and the completion in place.
build=${bin%/*}
if command -v cmake >/dev/null 2>&1 && [ -f "$build/cmake_install.cmake" ]; then
	prefix=$tmp/prefix
	if cmake --install "$build" --prefix "$prefix" >"$tmp/out" 2>&1; then
		for f in "man/aipolicy.1 share/man/man1/aipolicy.1" \
		    "man/aipolicy-policy.5 share/man/man5/aipolicy-policy.5" \
		    "completion/aipolicy.bash share/bash-completion/completions/aipolicy"; do
			set -- $f
			cmp -s "$src/$1" "$prefix/$2" && ok ||
			    no "cmake --install: $2 is $1"
		done
		if command -v man >/dev/null 2>&1; then
			[ "$(man -M "$prefix/share/man" -w 5 aipolicy-policy 2>/dev/null)" = \
			    "$prefix/share/man/man5/aipolicy-policy.5" ] && ok ||
			    no "man -M PREFIX/share/man finds aipolicy-policy(5)"
		else
			echo "SKIP: man finds the installed page (man not installed)"
		fi
	else
		no "cmake --install $build --prefix $prefix"
		sed 's/^/  /' "$tmp/out"
	fi
else
	echo "SKIP: cmake --install (cmake or its build folder not found)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
