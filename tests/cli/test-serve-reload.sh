#!/bin/sh
# End-to-end: SIGHUP reloads the policy while clients keep asking, ten
# times, half of them with an invalid file: nothing fails, valid files are
# served from then on, invalid ones refused (serve_reload.py).
# usage: test-serve-reload.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x /usr/bin/python3 ]; then
	echo "SKIP: reload under load (python3 not installed)"
	exit 0
fi
exec /usr/bin/python3 "$src/tests/cli/serve_reload.py" "$bin" "$src"
