#!/bin/sh
# gen-policy.sh: print a large valid policy for benchmarks, the size of the
# ones big organisations generate: N questions (default 40,000, about 7 MB),
# each with a question, some with help or a label, two to four answers
# that lead further down (never back up: no cycle), to one of 1,000 named
# outcomes, or to an inline outcome; every question is reachable from the
# first; 50 test cases at the end.
# usage: gen-policy.sh [N]
set -eu
n=${1:-40000}
awk -v n="$n" 'BEGIN {
	nout = 1000
	print "# A generated policy: " n " questions."
	print "aipolicy: 1"
	print "id: generated-" n
	print "title: Generated policy with " n " questions"
	print "version: 2026-Q4"
	print "owner: AI Governance Office <ai-policy@acme.example>"
	print "effective: 2026-10-01"
	print "review_by: 2099-12-31"
	print "start: q0"
	print "questions:"
	srand(20261128)
	for (i = 0; i < n; i++) {
		print "  q" i ":"
		print "    ask: Does step " i " use material from outside the team?"
		if (i % 4 == 0)
			print "    label: Outside material at step " i "?"
		if (i % 4 == 2) {
			print "    help: >"
			print "      Think of drafts, client documents and"
			print "      anything received by email."
		}
		print "    answers:"
		if (i + 1 < n)
			print "      yes: q" (i + 1)
		else
			print "      yes: o" (i % nout)
		print "      no: o" ((i * 7) % nout)
		if (i % 3 == 0 && i + 2 < n)
			print "      not yet: q" (i + 2 + int(rand() * 50) % (n - i - 2))
		if (i % 5 == 0)
			print "      partly: { verdict: use-with-review, " \
			    "summary: Have it checked., reviewer: A colleague }"
	}
	print "outcomes:"
	for (o = 0; o < nout; o++) {
		print "  o" o ":"
		if (o % 3 == 0) {
			print "    verdict: use-freely"
			print "    summary: Use AI freely for this part of the work."
		} else if (o % 3 == 1) {
			print "    verdict: use-with-review"
			print "    summary: Use AI, and have a colleague check the result."
			print "    reviewer: A colleague who knows the subject"
			print "    review_minutes: 15"
			print "    conditions:"
			print "      - Check every figure against its source."
		} else {
			print "    verdict: do-not-use"
			print "    summary: Do not use AI for this part of the work."
			print "    why: The material may not leave the company."
		}
	}
	print "tests:"
	for (t = 0; t < 50 && t < n; t++) {
		printf "  - answers: {"
		for (i = 0; i < t; i++)
			printf "q%d: yes, ", i
		printf "q%d: no}\n", t
		print "    expect: o" ((t * 7) % nout)
	}
}'
