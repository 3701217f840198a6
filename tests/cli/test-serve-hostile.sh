#!/bin/sh
# End-to-end: hostile clients against aipolicy serve (serve_hostile.py):
# slow headers, random bytes, oversized requests, bad encodings, too many
# connections. HTTP errors or closed connections, never a crash, and the
# other clients still served.
# usage: test-serve-hostile.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: hostile clients (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_hostile.py" "$bin" "$src"
