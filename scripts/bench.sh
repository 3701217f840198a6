#!/bin/sh
# make bench: the speed goals of the engine, measured on this machine.
#  1. check --batch of 200,000 queries on policies/example.yaml (goal: well
#     under a second);
#  2. loading chains of 50,000 / 100,000 / 200,000 questions (goal: time
#     grows linearly with the file).
# usage: bench.sh AIPOLICY [QUERIES]
set -eu
bin=$1
n=${2:-200000}
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
