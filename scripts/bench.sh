#!/bin/sh
# make bench: the speed and memory goals, measured on this machine, each
# figure printed beside its goal with a one-line verdict.
# usage: bench.sh AIPOLICY [QUERIES [RECORDS]]
#
# Each block below is one area's goals, with functions of its own name.
# Timings are the fastest of a few runs (the machine is shared); ratios are
# taken within one run of this script.
set -eu
bin=$1
n=${2:-200000}
records=${3:-3000000}
here=$(cd "$(dirname "$0")/.." && pwd)
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# ======================================================================
# perf: the loader, the batch path and start-up
#   load + validate a generated 40,000-question policy (about 7 MB)
#     / a bare libyaml event parse of it              <= 1.5
#   peak resident memory / file size, same policy     <= 6
#   lint of 40,000 questions / lint of 10,000         <= 4.8
#   check --batch, QUERIES queries on a 20-question policy
#                                                     >= 1,000,000 per s
#   the same with a short Python script (PyYAML, json, a dict walk)
#     / aipolicy                                      >= 15
#   one check process / one bare-parse process, small policy,
#     process start included                          <= 1.5
# ======================================================================

PERF_RUNS=5          # runs of each big measurement; the fastest counts
PERF_START_RUNS=300  # runs of each start-up measurement

# perf_tools: the bare-parse floor and the timer, built here.
perf_tools() {
	cc -O2 -o "$tmp/bare-parse" "$here/tests/bench/bare-parse.c" \
	    $(pkg-config --cflags --libs yaml-0.1)
	cc -O2 -o "$tmp/measure" "$here/tests/bench/measure.c"
}

# perf_measure RUNS IN COMMAND...: "MICROSECONDS KIB" of the fastest run.
perf_measure() {
	runs=$1 in=$2
	shift 2
	"$tmp/measure" "$runs" "$in" /dev/null "$@"
}

# perf_verdict NAME VALUE OP GOAL UNIT: one line, the figure beside its
# goal (OP is <= or >=).
perf_verdict() {
	awk -v name="$1" -v v="$2" -v op="$3" -v goal="$4" -v unit="$5" 'BEGIN {
		met = op == "<=" ? v <= goal : v >= goal
		printf "%-44s %12s %-3s (goal %s %s%s): %s\n", name,
		    sprintf(v >= 1000 ? "%.0f" : "%.2f", v), unit, op, goal,
		    unit == "" ? "" : " " unit, met ? "met" : "NOT MET"
	}'
}

# perf_ratio A B: A / B with two decimals.
perf_ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

perf_generate() {
	sh "$here/scripts/gen-policy.sh" 40000 >"$tmp/p40k.yaml"
	sh "$here/scripts/gen-policy.sh" 10000 >"$tmp/p10k.yaml"
	sh "$here/scripts/gen-policy.sh" 20 >"$tmp/p20.yaml"
	# Queries on the 20-question policy: every depth, a verdict at the
	# end of each, some incomplete.
	awk -v n="$n" 'BEGIN {
		for (i = 0; i < n; i++) {
			d = i % 22; s = "{"
			for (j = 0; j < d && j < 20; j++)
				s = s sprintf("%s\"q%d\": \"yes\"", j ? ", " : "", j)
			if (d < 20)
				s = s sprintf("%s\"q%d\": \"No\"", d ? ", " : "", d)
			print s "}"
		}
	}' >"$tmp/q20.jsonl"
}

perf_load() {
	size=$(wc -c <"$tmp/p40k.yaml")
	set -- $(perf_measure $PERF_RUNS /dev/null "$tmp/bare-parse" \
	    "$tmp/p40k.yaml")
	bare=$1
	# check with no answers: load, validate, and say the first question.
	set -- $(perf_measure $PERF_RUNS /dev/null "$bin" check \
	    "$tmp/p40k.yaml")
	load=$1 kib=$2
	echo "load: 40,000 questions ($size bytes): $((load / 1000)) ms," \
	    "bare libyaml parse $((bare / 1000)) ms, peak $((kib / 1024)) MiB"
	perf_verdict "load + validate / bare parse" "$(perf_ratio "$load" \
	    "$bare")" "<=" 1.5 x
	perf_verdict "peak memory / file size" "$(perf_ratio "$((kib * 1024))" \
	    "$size")" "<=" 6 x
}

perf_lint_scaling() {
	set -- $(perf_measure $PERF_RUNS /dev/null "$bin" lint \
	    --today 2026-11-28 "$tmp/p40k.yaml")
	l40=$1
	set -- $(perf_measure $PERF_RUNS /dev/null "$bin" lint \
	    --today 2026-11-28 "$tmp/p10k.yaml")
	l10=$1
	echo "lint: 40,000 questions $((l40 / 1000)) ms," \
	    "10,000 questions $((l10 / 1000)) ms"
	perf_verdict "lint 40k / lint 10k" "$(perf_ratio "$l40" "$l10")" \
	    "<=" 4.8 x
}

perf_batch() {
	"$bin" check --batch "$tmp/p20.yaml" <"$tmp/q20.jsonl" \
	    >"$tmp/out.jsonl" || true
	lines=$(wc -l <"$tmp/out.jsonl")
	[ "$lines" -eq "$n" ] ||
	    { echo "bench: $lines answers for $n queries" >&2; exit 1; }
	set -- $(perf_measure $PERF_RUNS "$tmp/q20.jsonl" "$bin" check \
	    --batch "$tmp/p20.yaml")
	batch=$1
	echo "check --batch: $n queries in $((batch / 1000)) ms"
	perf_verdict "check --batch queries per second" \
	    "$(awk -v n="$n" -v t="$batch" 'BEGIN { printf "%.0f", n / t * 1e6 }')" \
	    ">=" 1000000 /s
}

perf_python() {
	if ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
		echo "SKIP: the Python peer (python3-yaml not installed)"
		return
	fi
	set -- $(perf_measure 3 "$tmp/q20.jsonl" /usr/bin/python3 \
	    "$here/tests/bench/peer.py" "$tmp/p20.yaml")
	py=$1
	echo "Python peer (PyYAML, json, a dict walk): $n queries in" \
	    "$((py / 1000)) ms"
	perf_verdict "Python peer / aipolicy" "$(perf_ratio "$py" "$batch")" \
	    ">=" 15 x
}

perf_startup() {
	small=$here/policies/example.yaml
	set -- $(perf_measure $PERF_START_RUNS /dev/null "$tmp/bare-parse" \
	    "$small")
	bare=$1
	set -- $(perf_measure $PERF_START_RUNS /dev/null "$bin" check --json \
	    "$small" data=no)
	one=$1
	echo "start-up: check of the example ${one} us, bare parse ${bare} us"
	perf_verdict "one check / one bare parse (small)" \
	    "$(perf_ratio "$one" "$bare")" "<=" 1.5 x
}


# ======================================================================
# impact: diff --log of RECORDS decision-log records (default 3,000,000,
# about 1.7 GB) fed through a pipe, so that no such file is written:
# records made by check --log under policies/example.yaml, replayed on its
# next version in docs/examples.
#   records replayed per second                       >= 500,000
#   memory                                            does not grow with the log
# A block of 100,000 records with varied paths (worst cases among them),
# each with its own decision id, is sent through the pipe again and again.
# ======================================================================

impact_ms() { echo $(( $(date +%s%N) / 1000000 )); }

impact_replay() {
	old=$here/policies/example.yaml
	new=$here/docs/examples/example-2027-q1.yaml
	block=100000
	{
		cat "$here/tests/bench/impact-queries.jsonl"
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
	start=$(impact_ms)
	feed | $timer "$bin" diff --format json --limit 10 --log - "$old" "$new" \
	    >"$tmp/impact.json" 2>"$tmp/impact.err" || [ $? = 1 ]
	end=$(impact_ms)
	if [ -n "$timer" ]; then
		rss="peak RSS $(tail -n 1 "$tmp/rss") KB"
	else
		rss="peak RSS not measured (/usr/bin/time not installed)"
	fi
	grep -q "\"impact\": {\"decisions\": $total, " "$tmp/impact.json" ||
	    { echo "bench: not every record was replayed" >&2; exit 1; }
	taken=$((end - start))
	[ $taken -gt 0 ] || taken=1
	rate=$((total * 1000 / taken))
	echo "diff --log: $total records ($bytes bytes, through a pipe) in" \
	    "$taken ms, $rate records/s; $rss"
	perf_verdict "diff --log records per second" "$rate" ">=" 500000 "/s"
}


# ======================================================================
# serve: HTTP throughput against nginx
# wrk, keep-alive, GET /v1/check of a verdict, against nginx serving a
# static file of the same size on this machine in the same run (its own
# temporary configuration and prefix, a free loopback port; stopped
# after). Goals: aipolicy serve at least 1/2 of nginx's requests per
# second, and with --log (every verdict written and fsynced, in groups) at
# least 1/4. wrk, nginx and Python 3 (for a free port) must be installed.
# ======================================================================

serve_bench() {
	serve_seconds=${SERVE_BENCH_SECONDS:-10}
	serve_conns=${SERVE_BENCH_CONNECTIONS:-64}
	if ! command -v wrk >/dev/null 2>&1; then
		echo "serve: SKIP (wrk not installed)"
		return 0
	fi
	nginx=$(command -v nginx || echo /usr/sbin/nginx)
	if [ ! -x "$nginx" ] || [ ! -x /usr/bin/python3 ]; then
		echo "serve: SKIP (nginx or python3 not installed)"
		return 0
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
}

perf_tools
perf_generate
perf_load
perf_lint_scaling
perf_batch
perf_python
perf_startup
impact_replay
serve_bench
