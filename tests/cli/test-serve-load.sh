#!/bin/sh
# End-to-end: 32 clients x 1,000 keep-alive requests at once against
# aipolicy serve --log, every answer checked, the log exactly one whole
# record per verdict with unique ids, written by group commit
# (serve_load.py). CLIENTS and REQUESTS may follow the two arguments.
# usage: test-serve-load.sh AIPOLICY SOURCE_DIR [CLIENTS REQUESTS]
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
shift 2
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: serve under load (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_load.py" "$bin" "$src" "$@"
