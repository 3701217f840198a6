#!/bin/sh
# make bench: the speed goals of the engine, measured on this machine.
#  1. check --batch of 200,000 queries on policies/example.yaml (goal: well
#     under a second);
#  2. loading chains of 50,000 / 100,000 / 200,000 questions (goal: time
#     grows linearly with the file);
#  3. diff --log of RECORDS decision-log records (default 3,000,000, about
#     1.7 GB) fed through a pipe, so that no such file is written: records
#     made by check --log under policies/example.yaml, replayed on its
#     next version in docs/examples (goal: at least 500,000 records a
#     second, and memory that does not grow with the log).
# usage: bench.sh AIPOLICY [QUERIES [RECORDS]]
set -eu
bin=$1
n=${2:-200000}
records=${3:-3000000}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ms() { echo $(( $(date +%s%N) / 1000000 )); }

awk -v n="$n" 'BEGIN {
	q[0] = "{\"data\": \"no\", \"people\": \"no\", \"regulated\": \"no\", \"code\": \"no\", \"audience\": \"only me\"}"
	q[1] = "{\"data\": \"personal data\", \"approved_tool\": \"no\"}"
	q[2] = "{\"data\": \"no\", \"people\": \"no\", \"regulated\": \"no\", \"code\": \"production code\"}"
	q[3] = "{\"data\": \"No\", \"people\": \"no\", \"regulated\": \"no\", \"code\": \"no\", \"audience\": \"my team\", \"team_facts\": \"yes\"}"
	q[4] = "{\"data\": \"no\", \"people\": \"scores, ranks or screens people\"}"
	q[5] = "{\"data\": \"no\", \"people\": \"no\"}"
	q[6] = "{\"data\": \"no\", \"people\": \"no\", \"regulated\": \"no\", \"code\": \"no\", \"audience\": \"clients or the public\", \"client_terms\": \"no\", \"likeness\": \"no\"}"
	q[7] = "{\"data\": \"?\"}"
	for (i = 0; i < n; i++) print q[i % 8]
}' >"$tmp/queries.jsonl"

start=$(ms)
"$bin" check --batch "$here/policies/example.yaml" <"$tmp/queries.jsonl" \
    >"$tmp/out.jsonl" || [ $? = 65 ]
end=$(ms)
lines=$(wc -l <"$tmp/out.jsonl")
[ "$lines" -eq "$n" ] || { echo "bench: $lines answers for $n queries" >&2; exit 1; }
echo "check --batch: $n queries in $((end - start)) ms"

for q in 50000 100000 200000; do
	awk -v n="$q" 'BEGIN {
		print "aipolicy: 1\nid: chain\ntitle: Chain\nversion: v\nowner: O"
		print "effective: 2026-01-01\nreview_by: 2099-12-31\nstart: q0"
		print "questions:"
		for (i = 0; i < n - 1; i++)
			printf "  q%d: {ask: Q?, answers: {y: q%d, n: free}}\n", i, i + 1
		printf "  q%d: {ask: Q?, answers: {y: stop, n: free}}\n", n - 1
		print "outcomes:\n  free: {verdict: use-freely, summary: Go.}"
		print "  stop: {verdict: do-not-use, summary: Stop.}"
	}' >"$tmp/chain.yaml"
	size=$(wc -c <"$tmp/chain.yaml")
	start=$(ms)
	"$bin" lint --today 2026-06-01 "$tmp/chain.yaml"
	end=$(ms)
	echo "load+lint: $q questions ($size bytes) in $((end - start)) ms"
done

# 3. A block of 100,000 records with varied paths (worst cases among them),
# each with its own decision id, sent through the pipe again and again.
old=$here/policies/example.yaml
new=$here/docs/examples/example-2027-q1.yaml
block=100000
{
	head -n 8 "$tmp/queries.jsonl"
	echo '{"data": "personal data", "approved_tool": "yes", "people": "drafts text only, a person decides"}'
	echo '{"data": "client or confidential data", "approved_tool": "yes", "people": "no", "regulated": "no", "code": "no", "audience": "clients or the public", "client_terms": "no", "likeness": "no"}'
	echo '{"data": "no", "people": "no", "regulated": "no", "code": "throwaway script or prototype", "audience": "my team", "team_facts": "no"}'
	echo '{"data": "no", "people": "no", "regulated": "no", "code": "no", "audience": "clients or the public", "client_terms": "yes"}'
	echo '{"data": "no", "people": "no", "regulated": "no", "code": "no", "audience": "my team", "team_facts": "?"}'
} >"$tmp/some.jsonl"
"$bin" check --batch --log "$tmp/some.log" "$old" <"$tmp/some.jsonl" \
    >/dev/null || [ $? = 65 ]
awk -v n="$block" '{ r[k++] = $0 } END {
	for (i = 0; i < n; i++) {
		s = r[i % k]
		id = sprintf("\"decision_id\": \"%08x-0000-4000-8000-%012x\"", i, i)
		sub(/"decision_id": "[^"]*"/, id, s)
		print s
	} }' "$tmp/some.log" >"$tmp/block.log"
rounds=$(( (records + block - 1) / block ))
feed() {
	i=0
	while [ $i -lt $rounds ]; do
		cat "$tmp/block.log"
		i=$((i + 1))
	done
}
bytes=$(( $(wc -c <"$tmp/block.log") * rounds ))
total=$((block * rounds))
timer=
[ -x /usr/bin/time ] && timer="/usr/bin/time -f %M -o $tmp/rss"
start=$(ms)
feed | $timer "$bin" diff --format json --limit 10 --log - "$old" "$new" \
    >"$tmp/impact.json" 2>"$tmp/impact.err" || [ $? = 1 ]
end=$(ms)
if [ -n "$timer" ]; then
	rss="peak RSS $(tail -n 1 "$tmp/rss") KB"
else
	rss="peak RSS not measured (/usr/bin/time not installed)"
fi
grep -q "\"impact\": {\"decisions\": $total, " "$tmp/impact.json" ||
    { echo "bench: not every record was replayed" >&2; exit 1; }
taken=$((end - start))
[ $taken -gt 0 ] || taken=1
echo "diff --log: $total records ($bytes bytes, through a pipe) in" \
    "$taken ms, $((total * 1000 / taken)) records/s; $rss"

# ---- serve: HTTP throughput against nginx --------------------------------
# wrk, keep-alive, GET /v1/check of a verdict, against nginx serving a
# static file of the same size on this machine in the same run (its own
# temporary configuration and prefix, a free loopback port; stopped
# after). Goals: aipolicy serve at least 1/2 of nginx's requests per
# second, and with --log (every verdict written and fsynced, in groups) at
# least 1/4. wrk, nginx and Python 3 (for a free port) must be installed.
serve_seconds=${SERVE_BENCH_SECONDS:-10}
serve_conns=${SERVE_BENCH_CONNECTIONS:-64}
if ! command -v wrk >/dev/null 2>&1; then
	echo "serve: SKIP (wrk not installed)"
	exit 0
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ] || [ ! -x /usr/bin/python3 ]; then
	echo "serve: SKIP (nginx or python3 not installed)"
	exit 0
fi
query='/v1/check?data=no&people=no&regulated=no&code=no&audience=only%20me'
spid=
npid=
trap '[ -n "$spid" ] && kill $spid 2>/dev/null;
    [ -n "$npid" ] && kill $npid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

# serve_start ARGS...: aipolicy serve on a free port; sets spid and surl.
serve_start() {
	"$bin" serve --listen 127.0.0.1:0 "$@" 2>"$tmp/serve.err" &
	spid=$!
	surl=
	i=0
	while [ -z "$surl" ] && [ $i -lt 100 ]; do
		sleep 0.1
		surl=$(sed -n 's/^aipolicy: serving .* at \(http:[^ ]*\)$/\1/p' \
		    "$tmp/serve.err")
		i=$((i + 1))
	done
	[ -n "$surl" ] || { echo "serve: did not start" >&2; exit 1; }
	surl=${surl%/}
}

serve_stop() {
	kill -TERM $spid
	wait $spid || { echo "serve: exit $?" >&2; exit 1; }
	spid=
}

# rps URL: the requests per second wrk measures for URL.
rps() {
	wrk -t1 -c"$serve_conns" -d"${serve_seconds}s" "$1" >"$tmp/wrk.out" ||
	    { echo "serve: wrk failed" >&2; exit 1; }
	grep -q 'Non-2xx' "$tmp/wrk.out" &&
	    { echo "serve: errors in the run:" >&2; cat "$tmp/wrk.out" >&2;
	      exit 1; }
	sed -n 's/^Requests\/sec: *\([0-9.]*\)$/\1/p' "$tmp/wrk.out" |
	    cut -d. -f1
}

serve_start "$here/policies/example.yaml"
body=$(curl -s "$surl$query" 2>/dev/null ||
    /usr/bin/python3 -c 'import sys, urllib.request;
sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' \
    "$surl$query")
serve_stop
mkdir -p "$tmp/nginx/logs" "$tmp/nginx/html"
printf '%s\n' "$body" >"$tmp/nginx/html/check.json"
size=$(wc -c <"$tmp/nginx/html/check.json")
chmod -R a+rX "$tmp"
nport=$(/usr/bin/python3 -c 'import socket; s = socket.socket();
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	keepalive_requests 100000000;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/nginx/html;
	}
}
CONF
"$nginx" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" \
    2>"$tmp/nginx/logs/start.err" &
npid=$!
i=0
until curl -s -o /dev/null "http://127.0.0.1:$nport/check.json" ||
    [ $i -ge 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
nginx_rps=$(rps "http://127.0.0.1:$nport/check.json")
kill $npid
wait $npid 2>/dev/null
npid=

serve_start "$here/policies/example.yaml"
serve_rps=$(rps "$surl$query")
serve_stop
serve_start --log "$tmp/decisions.jsonl" "$here/policies/example.yaml"
log_rps=$(rps "$surl$query")
serve_stop
log_records=$(wc -l <"$tmp/decisions.jsonl")

verdict() { # verdict RPS NUM DEN: "ok" when RPS >= NUM/DEN of nginx
	[ $(($1 * $3)) -ge $((nginx_rps * $2)) ] && echo ok ||
	    echo "BELOW THE GOAL"
}
share() { # share RPS: RPS as a fraction of nginx's, two decimals
	echo "$1 $nginx_rps" | awk '{ printf "%.2f", $1 / $2 }'
}
echo "serve: wrk, 1 thread, $serve_conns keep-alive connections," \
    "${serve_seconds} s each, GET /v1/check of a verdict ($size bytes)"
echo "  nginx, a static file of $size bytes: $nginx_rps requests/s"
echo "  aipolicy serve:       $serve_rps requests/s," \
    "$(share "$serve_rps") of nginx (goal: at least 0.50)" \
    "$(verdict "$serve_rps" 1 2)"
echo "  aipolicy serve --log: $log_rps requests/s," \
    "$(share "$log_rps") of nginx (goal: at least 0.25)" \
    "$(verdict "$log_rps" 1 4); $log_records records synced"
