#!/bin/sh
# End-to-end: aipolicy serve's decision log (serve_log.py): one record per
# verdict served, as check --log writes them; reopened on SIGHUP; and what
# happens when it cannot be written (a test build whose write and fsync
# fail on demand): 503, /healthz 503 until it can, the errors counted.
# usage: test-serve-log.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: the decision log of serve (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_log.py" "$bin" "$src"
