#!/bin/sh
# End-to-end: SIGTERM and SIGINT stop aipolicy serve gracefully, exit 0
# (serve_stop.py).
# usage: test-serve-stop.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: stopping serve (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_stop.py" "$bin" "$src"
