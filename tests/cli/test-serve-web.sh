#!/bin/sh
# End-to-end: the web walk of aipolicy serve in a real headless Chromium
# driven by puppeteer-core (tests/web/walk.mjs), then its pages as HTML
# without a browser (serve_web.py). A missing browser, Node.js or the
# pinned npm driver (npm ci --prefix tests/web, which make test runs) is a
# SKIP line; the rest still runs.
# usage: test-serve-web.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
rc=0
if ! command -v node >/dev/null 2>&1; then
	echo "SKIP: the web walk in a browser (node not installed)"
elif [ ! -x /usr/bin/chromium ]; then
	echo "SKIP: the web walk in a browser (chromium not installed)"
elif [ ! -d "$src/tests/web/node_modules/puppeteer-core" ]; then
	echo "SKIP: the web walk in a browser (puppeteer-core not installed:" \
	    "npm ci --prefix tests/web)"
else
	timeout 600 node "$src/tests/web/walk.mjs" "$bin" "$src" || rc=1
fi
if [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 "$src/tests/cli/serve_web.py" "$bin" "$src" || rc=1
else
	echo "SKIP: the web walk's pages (python3 not installed)"
fi
exit $rc
