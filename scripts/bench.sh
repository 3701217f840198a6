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
