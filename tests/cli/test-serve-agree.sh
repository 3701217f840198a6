#!/bin/sh
# End-to-end: aipolicy serve's JSON API answers byte for byte what the
# command line answers (serve_agree.py): /v1/check and check --json on
# every check query of the CLI test cases and every path of the example,
# /v1/batch and check --batch, /v1/policy and render --format json.
# usage: test-serve-agree.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: the API against the command line (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_agree.py" "$bin" "$src"
