# lib.sh: what the end-to-end scripts tests/cli/test-*.sh share. A script
# run as `sh test-x.sh AIPOLICY SOURCE_DIR` starts with
#
#	. "$(dirname "$0")/lib.sh"
#
# and ends with `finish`. It then has:
#   bin       the program, as an absolute path
#   src       the source tree, as an absolute path
#   fixtures  the fixtures of the CLI cases
#   py        Debian's python3 (the one with the modules the tests use)
#   tmp       a fresh folder, removed on exit (kept when KEEP is set)
#   ok        count a check that passed
#   no WHAT   count a check that failed, saying which
#   skip WHAT TOOL   say that a check is skipped because TOOL is missing
#   full WHAT ARGS...   run the program with ARGS, stdout on /dev/full:
#             the check passes when it exits 74 (a write failed)
#   finish    print "N passed, N failed"; the script's exit status is 0
#             when none failed
# Scripts run in the C.UTF-8 locale with no LANGUAGE (a policy is shown in
# its own language unless a check asks for another).
set -u
export LC_ALL=C.UTF-8
unset LANGUAGE
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
fixtures=$src/tests/cli/cases/fixtures
py=/usr/bin/python3
tmp=$(mktemp -d) || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }
skip() { echo "SKIP: $1 ($2 not installed)"; }

full() {
	what=$1
	shift
	"$bin" "$@" >/dev/full 2>"$tmp/full.err"
	[ $? = 74 ] && ok || no "$what > /dev/full: exit 74"
}

finish() {
	echo "$pass passed, $fail failed"
	[ $fail = 0 ]
}
