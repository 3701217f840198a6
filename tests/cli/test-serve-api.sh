#!/bin/sh
# End-to-end: aipolicy serve as a command (its exit codes, the "serving"
# line), then every endpoint and error of the JSON API with curl and
# Python's http.client (serve_api.py). Each server listens on a free
# loopback port and is stopped at the end.
# usage: test-serve-api.sh AIPOLICY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd) || exit 1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
example=$src/policies/example.yaml
fixtures=$src/tests/cli/cases/fixtures
tmp=$(mktemp -d) || exit 1
spid=
trap '[ -n "$spid" ] && kill $spid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

# start ARGS...: a server on a free port; sets spid and url.
start() {
	"$bin" serve --listen 127.0.0.1:0 "$@" 2>"$tmp/serve.err" &
	spid=$!
	i=0
	url=
	while [ $i -lt 600 ] && [ -z "$url" ] && kill -0 $spid 2>/dev/null; do
		url=$(sed -n 's/^aipolicy: serving .* at \(http:[^ ]*\)$/\1/p' \
		    "$tmp/serve.err")
		[ -n "$url" ] || sleep 0.1
		i=$((i + 1))
	done
	[ -n "$url" ]
}

# stop: SIGTERM; the exit code in $?.
stop() {
	kill -TERM $spid
	wait $spid
	rc=$?
	spid=
	return $rc
}

# ---- the command ---------------------------------------------------------

"$bin" serve >/dev/null 2>"$tmp/err"
[ $? = 64 ] && grep -q 'no policy file given' "$tmp/err" &&
    grep -q '^usage: aipolicy serve \[--listen ADDR\]' "$tmp/err" &&
    ok || no "no policy: 64 with the usage line"
for bad in 8080 localhost:8080 '127.0.0.1:' '127.0.0.1:65536' '[::1]8080' \
    '1.2.3:80' '127.0.0.1:-1' '[zz]:80'; do
	"$bin" serve --listen "$bad" "$example" >/dev/null 2>"$tmp/err"
	[ $? = 64 ] &&
	    grep -Fq "aipolicy: error: serve: --listen '$bad' is not" \
	    "$tmp/err" && ok || no "--listen '$bad': 64"
done
for bad in 0 -1 x 1025 ''; do
	"$bin" serve --threads "$bad" "$example" >/dev/null 2>&1
	[ $? = 64 ] && ok || no "--threads '$bad': 64"
done
"$bin" serve --today 2026-02-30 "$example" >/dev/null 2>&1
[ $? = 64 ] && ok || no "--today not a date: 64"
"$bin" serve --nope "$example" >/dev/null 2>&1
[ $? = 64 ] && ok || no "unknown option: 64"
"$bin" serve "$example" "$example" >/dev/null 2>&1
[ $? = 64 ] && ok || no "two policies: 64"
"$bin" serve --listen 127.0.0.1:0 "$tmp/none.yaml" 2>"$tmp/err"
[ $? = 66 ] && grep -q "none.yaml: error: cannot open" "$tmp/err" &&
    ok || no "missing policy: 66"
"$bin" serve --listen 127.0.0.1:0 "$fixtures/broken.yaml" 2>"$tmp/err"
[ $? = 65 ] && grep -q '^.*broken.yaml:[0-9]*:[0-9]*: error: ' "$tmp/err" &&
    ok || no "invalid policy: 65 with its diagnostics"
"$bin" serve --listen 127.0.0.1:0 --log "$tmp/no/dir/log" "$example" \
    2>"$tmp/err"
[ $? = 74 ] && grep -q 'cannot open the decision log' "$tmp/err" &&
    ok || no "log that cannot be opened: 74"
"$bin" serve --help >/dev/full 2>/dev/null
[ $? = 74 ] && ok || no "serve --help > /dev/full: 74"
"$bin" serve --help | grep -q '^  --listen ADDR' && ok || no "serve --help"

# ---- listening -------------------------------------------------------------

if start --today 2026-11-28 "$example"; then
	ok
	line='aipolicy: serving acme-ai-use 2026-Q4 at http://127.0.0.1:[0-9]*/'
	grep -qx "$line" "$tmp/serve.err" && ok || no "the serving line"
	port=${url##*:}
	port=${port%/}
	# The same port again: 69, the reason said.
	line="aipolicy: error: cannot listen on 127.0.0.1:$port: Address"
	"$bin" serve --listen "127.0.0.1:$port" "$example" 2>"$tmp/err"
	[ $? = 69 ] && grep -qx "$line already in use" "$tmp/err" &&
	    ok || no "port in use: 69"
	curl -s "${url}healthz" >"$tmp/out" && [ "$(cat "$tmp/out")" = ok ] &&
	    ok || no "curl /healthz"
	curl -s -o "$tmp/out" -w '%{http_code} %{content_type}' \
	    "${url}v1/check?data=no&people=no&regulated=no&code=no&audience=only+me" \
	    >"$tmp/code"
	[ "$(cat "$tmp/code")" = "200 application/json; charset=utf-8" ] &&
	    ok || no "curl GET /v1/check: $(cat "$tmp/code")"
	"$bin" check --json --today 2026-11-28 "$example" data=no people=no \
	    regulated=no code=no 'audience=only me' >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/out" && ok ||
	    no "curl GET /v1/check = check --json"
	curl -s -H 'Content-Type: application/json' \
	    -d '{"answers": {"data": "no", "people": "no"}}' \
	    "${url}v1/check" >"$tmp/out"
	"$bin" check --json --today 2026-11-28 "$example" data=no people=no \
	    >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/out" && ok ||
	    no "curl POST /v1/check = check --json"
	curl -s -D "$tmp/headers" -o /dev/null -X PUT "${url}v1/check"
	grep -qi '^allow: GET, HEAD, POST' "$tmp/headers" &&
	    grep -q '^HTTP/1.1 405' "$tmp/headers" && ok ||
	    no "curl PUT: 405 Allow"
	/usr/bin/python3 "$src/tests/cli/serve_api.py" "$bin" "$src" ||
	    no "serve_api.py"
	stop && ok || no "SIGTERM: exit 0"
else
	no "the server did not start: $(cat "$tmp/serve.err")"
fi

# Every address (":PORT"), and IPv6 loopback where the machine has it.
if start --listen :0 "$example"; then
	grep -q "at http://\[::\]:[0-9]*/\|at http://0.0.0.0:[0-9]*/" \
	    "$tmp/serve.err" && ok || no ":PORT: every address"
	port=${url##*:}
	port=${port%/}
	curl -s "http://127.0.0.1:${port}/healthz" | grep -qx ok &&
	    ok || no ":PORT answers on IPv4 too"
	kill -INT $spid
	wait $spid && ok || no "SIGINT: exit 0"
	spid=
fi
if start --listen '[::1]:0' "$example"; then
	grep -q 'at http://\[::1\]:[0-9]*/$' "$tmp/serve.err" &&
	    ok || no "[::1]:PORT"
	curl -s -g "${url}healthz" | grep -qx ok && ok || no "curl [::1]"
	stop && ok || no "[::1]: exit 0"
else
	echo "SKIP: IPv6 loopback (not configured on this machine)"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
