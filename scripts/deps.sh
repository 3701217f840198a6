#!/bin/sh
# Install what building and testing aipolicy needs, from Debian's packages.
# As root with apt-get, installs what is missing; otherwise prints the exact
# command to run and fails.
#
# usage: deps.sh [--tools | --web]
# --tools also installs the real clients that some tests check outputs
# with (Graphviz, Chromium, pdfinfo, a JSON Schema validator with a YAML 1.2
# reader, curl), PyYAML for the Python peer of `make bench`, and the load
# generator and reference server of `make bench` (wrk, nginx); without them
# those tests (and those figures) print a SKIP line. CI installs them.
# --web (run by make test) installs what the browser tests need: Debian's
# chromium, nodejs and npm (as root, when missing), then the npm packages
# pinned by tests/web/package-lock.json (mermaid, puppeteer-core) when they
# are missing or older than the lock file. Where it cannot, those tests
# print a SKIP line; this never fails.
set -u
tools=0
[ "${1:-}" = --tools ] && tools=1
if [ "${1:-}" = --web ]; then
	web=$(cd "$(dirname "$0")/../tests/web" && pwd)
	stamp=$web/node_modules/.package-lock.json
	want=""
	command -v chromium >/dev/null 2>&1 || want="$want chromium"
	command -v node >/dev/null 2>&1 || want="$want nodejs"
	command -v npm >/dev/null 2>&1 || want="$want npm"
	if [ -n "$want" ] && [ "$(id -u)" = 0 ] &&
	    command -v apt-get >/dev/null 2>&1; then
		echo "deps: installing:$want"
		export DEBIAN_FRONTEND=noninteractive
		{ apt-get update -qq && apt-get install -y -qq \
		    --no-install-recommends $want >/dev/null; } ||
		    echo "deps: could not install$want: the browser tests" \
		    "will SKIP"
	fi
	if ! command -v npm >/dev/null 2>&1; then
		echo "deps: npm not installed: the browser tests will SKIP"
	elif [ ! -f "$stamp" ] ||
	    [ "$web/package-lock.json" -nt "$stamp" ]; then
		npm ci --prefix "$web" --no-audit --no-fund --loglevel=error ||
		    echo "deps: npm ci failed: the browser tests will SKIP"
	fi
	exit 0
fi

missing=""
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_pc() {
	if ! command -v pkg-config >/dev/null 2>&1 ||
	    ! pkg-config --exists "$1" 2>/dev/null; then
		missing="$missing $2"
	fi
}

need_cmd cc gcc
need_cmd cmake cmake
need_cmd pkg-config pkg-config
need_cmd tmux tmux
need_cmd msgfmt gettext
need_pc yaml-0.1 libyaml-dev
need_pc jansson libjansson-dev
need_pc nettle nettle-dev
need_pc ncursesw libncurses-dev
need_pc cmocka libcmocka-dev
need_pc libmicrohttpd libmicrohttpd-dev
need_py() {
	/usr/bin/python3 -c "import $1" >/dev/null 2>&1 || missing="$missing $2"
}
if [ $tools = 1 ]; then
	need_cmd dot graphviz
	need_cmd chromium chromium
	need_cmd npm npm
	need_cmd pdfinfo poppler-utils
	need_cmd mandoc mandoc
	need_py jsonschema python3-jsonschema
	need_py ruamel.yaml python3-ruamel.yaml
	need_py yaml python3-yaml
	need_cmd curl curl
	need_cmd wrk wrk
	if ! command -v nginx >/dev/null 2>&1 &&
	    [ ! -x /usr/sbin/nginx ]; then
		missing="$missing nginx-light"
	fi
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq &&
	    apt-get install -y -qq --no-install-recommends $missing >/dev/null &&
	    exit 0
	echo "deps: apt-get failed; install these by hand:$missing" >&2
	exit 1
fi
echo "deps: missing packages. Install them with:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
