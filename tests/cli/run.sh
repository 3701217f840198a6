#!/bin/sh
# Run the data-driven end-to-end cases: tests/cli/cases/*.test.
# usage: run.sh AIPOLICY SOURCE_DIR [CASEFILE ...]
#
# A case file holds cases, each starting with a line "=== NAME", then:
#   args: ARGUMENTS         shell words, as typed after `aipolicy`
#   exit: CODE              the expected exit code
#   stdin:                  (optional) the lines up to the next section
#   stdout:                 the exact expected standard output
#   stderr:                 the exact expected standard error
# Cases run in tests/cli/cases, so paths like fixtures/x.yaml are short and
# appear as such in messages. @TMP@ in args names a fresh temporary folder.
# Cases run in the C.UTF-8 locale with no LANGUAGE, so that no policy is
# shown in the language of the machine's user (a case asks with --lang).
set -u
export LC_ALL=C.UTF-8
unset LANGUAGE
bin=$1
src=$2
shift 2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
cases_dir="$src/tests/cli/cases"
[ $# -gt 0 ] || set -- "$cases_dir"/*.test

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0

for file in "$@"; do
	rm -rf "$work/split" && mkdir "$work/split"
	awk -v dir="$work/split" '
		/^=== / { n++; sec = ""; f = dir "/" n;
			  print substr($0, 5) > (f ".name"); close(f ".name");
			  printf "" > (f ".stdin"); printf "" > (f ".stdout");
			  printf "" > (f ".stderr"); next }
		n == 0 { next }
		sec == "" && /^args: / { print substr($0, 7) > (f ".args"); next }
		sec == "" && /^exit: / { print substr($0, 7) > (f ".exit"); next }
		/^(stdin|stdout|stderr):$/ { sec = substr($0, 1, length($0) - 1);
			  next }
		sec != "" { print > (f "." sec) }
	' "$file"
	i=1
	while [ -f "$work/split/$i.name" ]; do
		c="$work/split/$i"
		name=$(cat "$c.name")
		tmp="$work/tmp.$i"
		rm -rf "$tmp" && mkdir "$tmp"
		args=$(sed "s#@TMP@#$tmp#g" "$c.args")
		want=$(cat "$c.exit")
		(cd "$cases_dir" && eval "set -- $args" &&
		    "$bin" "$@" <"$c.stdin" >"$work/out" 2>"$work/err")
		got=$?
		ok=1
		[ "$got" = "$want" ] || ok=0
		cmp -s "$work/out" "$c.stdout" || ok=0
		cmp -s "$work/err" "$c.stderr" || ok=0
		if [ $ok = 1 ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: $(basename "$file"): $name"
			echo "  aipolicy $args"
			echo "  exit: want $want, got $got"
			diff -u "$c.stdout" "$work/out" | head -n 40 |
			    sed 's/^/  stdout /'
			diff -u "$c.stderr" "$work/err" | head -n 40 |
			    sed 's/^/  stderr /'
		fi
		i=$((i + 1))
	done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
