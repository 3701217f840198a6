/*
 * test_diff.c: comparing two versions of a policy (diff_run, the combined
 * walk, diff_classify, and the JSON and text renderings).
 *
 * Hand-made pairs cover each kind of change and each thing added or
 * removed; chains of 60 and of 200,000 questions show that the walk
 * neither multiplies paths nor recurses; and a randomised test compares
 * the combined walk on small random pairs with a brute-force enumeration
 * of every assignment of answers: each change's answers reach both its
 * outcomes, no two changes overlap, and together they cover exactly the
 * assignments valid in both versions whose outcome differs. The seed is
 * fixed and printed on a failure; AIPOLICY_SEED=N runs another one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

#include <jansson.h>

#include "core/diff.h"
#include "aipolicy/policy.h"
#include "util.h"

#define HEAD(v) \
	"aipolicy: 1\n" \
	"id: t\n" \
	"title: T\n" \
	"version: " v "\n" \
	"owner: O\n" \
	"effective: 2026-01-01\n" \
	"review_by: 2026-12-31\n"

/* The old version most pairs start from. */
#define BASE_QUESTIONS \
	"start: data\n" \
	"questions:\n" \
	"  data:\n" \
	"    ask: Data?\n" \
	"    answers:\n" \
	"      internal: tool\n" \
	"      public: free\n" \
	"  tool:\n" \
	"    ask: Tool?\n" \
	"    answers:\n" \
	"      yes: purpose\n" \
	"      no: stop\n" \
	"  purpose:\n" \
	"    ask: Purpose?\n" \
	"    answers:\n" \
	"      drafting: free\n" \
	"      credit or fraud decision: decision\n"
#define BASE_OUTCOMES \
	"outcomes:\n" \
	"  free: { verdict: use-freely, summary: Go. }\n" \
	"  decision: { verdict: use-with-review, summary: Review it., " \
	"reviewer: Risk }\n" \
	"  stop: { verdict: do-not-use, summary: Stop. }\n"

static const char base_yaml[] = HEAD("v1") BASE_QUESTIONS BASE_OUTCOMES;

/* A loaded pair and its diff. */
struct pair {
	struct aipolicy *old, *new;
	struct diff *d;
};

static void
pair_free(struct pair *p)
{
	diff_free(p->d);
	aipolicy_free(p->old);
	aipolicy_free(p->new);
	memset(p, 0, sizeof *p);
}

/* Load OLD and NEW and diff them with LIMIT (0: the default) and
 * MAX_STEPS (0: the default). */
static void
pair_run(struct pair *p, const char *old, const char *new, size_t limit,
    uint64_t max_steps)
{
	struct diff_options o;

	diff_options_init(&o);
	if (limit > 0)
		o.limit = limit;
	if (max_steps > 0)
		o.max_steps = max_steps;
	p->old = test_load(old, strlen(old));
	p->new = test_load(new, strlen(new));
	assert_non_null(p->old);
	assert_non_null(p->new);
	p->d = NULL;
	assert_int_equal(diff_run(p->old, p->new, &o, &p->d), 0);
	assert_non_null(p->d);
}

/* Change I of D as "KIND q=a, r=b: OLD -> NEW" (a static buffer). */
static const char *
change_str(const struct diff *d, size_t i)
{
	static char s[4096];
	const struct diff_change *c = &d->changes[i];
	size_t n, k;

	n = (size_t)snprintf(s, sizeof s, "%s ", diff_kind_id(c->kind));
	for (k = 0; k < c->nanswers && n < sizeof s; k++)
		n += (size_t)snprintf(s + n, sizeof s - n, "%s%s=%s",
		    k ? ", " : "", c->answers[k].question,
		    c->answers[k].answer);
	if (n < sizeof s)
		snprintf(s + n, sizeof s - n, ": %s -> %s", c->old->id,
		    c->new->id);
	return s;
}

/* D lists exactly the N changes WANT, in order. */
static void
expect_changes(const struct diff *d, const char *const *want, size_t n)
{
	size_t i;

	for (i = 0; i < d->nchanges; i++)
		print_message("  change %zu: %s\n", i, change_str(d, i));
	assert_int_equal(d->nchanges, n);
	for (i = 0; i < n; i++)
		assert_string_equal(change_str(d, i), want[i]);
}

/* The ids (or "q=a" answers) of one side's list, comma-separated. */
static const char *
only_str(const struct diff_only *o)
{
	static char s[1024];
	size_t n = 0, i;

	s[0] = '\0';
	for (i = 0; i < o->nquestions; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "%sq:%s",
		    n ? "," : "", o->questions[i]->id);
	for (i = 0; i < o->nanswers; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "%sa:%s=%s",
		    n ? "," : "", o->answers[i].question, o->answers[i].answer);
	for (i = 0; i < o->noutcomes; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "%so:%s",
		    n ? "," : "", o->outcomes[i]->id);
	return s;
}

/* ---- hand-made pairs -------------------------------------------------- */

static void
test_diff_identical(void **state)
{
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, base_yaml, 0, 0);
	assert_int_equal(p.d->nchanges, 0);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	assert_false(diff_verdict_changed(p.d));
	assert_string_equal(only_str(&p.d->added), "");
	assert_string_equal(only_str(&p.d->removed), "");
	pair_free(&p);
}

static void
test_diff_tightened(void **state)
{
	static const char new_yaml[] = HEAD("v2") BASE_QUESTIONS
	    "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go. }\n"
	    "  decision: { verdict: do-not-use, summary: Review it. }\n"
	    "  stop: { verdict: do-not-use, summary: Stop. }\n";
	static const char *const want[] = {
		"tightened data=internal, tool=yes, purpose=credit or fraud "
		"decision: decision -> decision",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 1);
	assert_int_equal(p.d->count[DIFF_TIGHTENED], 1);
	assert_true(diff_verdict_changed(p.d));
	assert_int_equal(p.d->changes[0].old->verdict,
	    AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_int_equal(p.d->changes[0].new->verdict,
	    AIPOLICY_VERDICT_DO_NOT_USE);
	pair_free(&p);
}

static void
test_diff_loosened(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: free\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      no: decision\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES;
	static const char *const want[] = {
		"loosened data=internal, tool=no: stop -> decision",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 1);
	assert_int_equal(p.d->count[DIFF_LOOSENED], 1);
	assert_true(diff_verdict_changed(p.d));
	pair_free(&p);
}

/* Another outcome with the same verdict; the new one is added. */
static void
test_diff_reworded_other_outcome(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: open\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      no: stop\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES
	    "  open: { verdict: use-freely, summary: Go; it is public. }\n";
	static const char *const want[] = {
		"reworded data=public: free -> open",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 1);
	assert_false(diff_verdict_changed(p.d));
	assert_string_equal(only_str(&p.d->added), "o:open");
	assert_string_equal(only_str(&p.d->removed), "");
	pair_free(&p);
}

/*
 * The same outcome id with another summary: reworded wherever it is
 * reached. The new version also lists data's answers the other way round:
 * changes come in the new version's answer order.
 */
static void
test_diff_reworded_text_and_order(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      public: free\n"
	    "      internal: tool\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      no: stop\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go ahead. }\n"
	    "  decision: { verdict: use-with-review, summary: Review it., "
	    "reviewer: Risk }\n"
	    "  stop: { verdict: do-not-use, summary: Stop. }\n";
	static const char *const want[] = {
		"reworded data=public: free -> free",
		"reworded data=internal, tool=yes, purpose=drafting: "
		"free -> free",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 2);
	assert_int_equal(p.d->count[DIFF_REWORDED], 2);
	assert_false(diff_verdict_changed(p.d));
	pair_free(&p);
}

/* Each text field of an outcome makes a rewording; verdicts come first. */
static void
test_diff_classify_fields(void **state)
{
	static const char *const variants[] = {
		"  o: { verdict: use-with-review, summary: S., reviewer: R }\n",
		"  o: { verdict: use-with-review, summary: T., reviewer: R }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: R, "
		"why: W }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: X }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: R, "
		"disclose: true }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: R, "
		"conditions: [C] }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: R, "
		"review_minutes: 5 }\n",
		"  o: { verdict: do-not-use, summary: S. }\n",
		"  o: { verdict: use-freely, summary: S. }\n",
		"  o: { verdict: use-with-review, summary: S., reviewer: R, "
		"conditions: [C, D] }\n",
	};
	static const char *const field[] = { NULL, "summary", "why",
	    "reviewer", "disclose", "conditions", "review_minutes", NULL,
	    NULL, NULL };
	struct aipolicy *p[sizeof variants / sizeof variants[0]];
	const char *fields[DIFF_FIELDS];
	char yaml[1024];
	size_t i, n = sizeof variants / sizeof variants[0];

	(void)state;
	for (i = 0; i < n; i++) {
		snprintf(yaml, sizeof yaml, HEAD("v") "start: q\nquestions:\n"
		    "  q: { ask: Q?, answers: { a: o, b: o } }\noutcomes:\n%s",
		    variants[i]);
		p[i] = test_load(yaml, strlen(yaml));
		assert_non_null(p[i]);
	}
	assert_int_equal(diff_classify(&p[0]->outcomes[0], &p[0]->outcomes[0]),
	    DIFF_SAME);
	for (i = 1; i <= 6; i++) {
		assert_int_equal(diff_classify(&p[0]->outcomes[0],
		    &p[i]->outcomes[0]), DIFF_REWORDED);
		assert_int_equal(diff_text_changed(&p[0]->outcomes[0],
		    &p[i]->outcomes[0], fields), 1);
		assert_string_equal(fields[0], field[i]);
	}
	assert_int_equal(diff_classify(&p[0]->outcomes[0], &p[7]->outcomes[0]),
	    DIFF_TIGHTENED);
	assert_int_equal(diff_classify(&p[0]->outcomes[0], &p[8]->outcomes[0]),
	    DIFF_LOOSENED);
	assert_int_equal(diff_classify(&p[5]->outcomes[0], &p[9]->outcomes[0]),
	    DIFF_REWORDED);
	/* Verdict and reviewer both changed. */
	assert_int_equal(diff_text_changed(&p[0]->outcomes[0],
	    &p[7]->outcomes[0], fields), 2);
	assert_string_equal(fields[0], "verdict");
	assert_string_equal(fields[1], "reviewer");
	assert_string_equal(diff_kind_id(DIFF_SAME), "unchanged");
	for (i = 0; i < n; i++)
		aipolicy_free(p[i]);
}

/* A question added in the middle of a path: it is answered in the
 * changes, before the old version's next question. */
static void
test_diff_added_question(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: free\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: prod\n"
	    "      no: stop\n"
	    "  prod:\n"
	    "    ask: Production?\n"
	    "    answers:\n"
	    "      yes: stop\n"
	    "      no: purpose\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES;
	static const char *const want[] = {
		"tightened data=internal, tool=yes, prod=yes, "
		"purpose=drafting: free -> stop",
		"tightened data=internal, tool=yes, prod=yes, "
		"purpose=credit or fraud decision: decision -> stop",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 2);
	assert_string_equal(only_str(&p.d->added), "q:prod");
	assert_string_equal(only_str(&p.d->removed), "");
	pair_free(&p);
}

/* A question removed: the old version's answers to it are part of the
 * changes it makes. */
static void
test_diff_removed_question(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: purpose\n"
	    "      public: free\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES;
	static const char *const want[] = {
		"loosened data=internal, tool=no, purpose=drafting: "
		"stop -> free",
		"loosened data=internal, tool=no, purpose=credit or fraud "
		"decision: stop -> decision",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 2);
	assert_string_equal(only_str(&p.d->added), "");
	assert_string_equal(only_str(&p.d->removed), "q:tool");
	pair_free(&p);
}

/* Answers added and removed where both versions ask the question: listed
 * as such, never a change (no one could give them in both). */
static void
test_diff_added_removed_answer(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      open: stop\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      no: stop\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      meeting summary: stop\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES;
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, NULL, 0);
	assert_string_equal(only_str(&p.d->added),
	    "a:data=open,a:purpose=meeting summary");
	assert_string_equal(only_str(&p.d->removed), "a:data=public");
	pair_free(&p);
}

/*
 * An answer the old version's question lacks, on a way where the old
 * version does not ask that question: whoever answers so is a person the
 * old version decided about without it, so the way is a change.
 */
static void
test_diff_added_answer_where_not_asked(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: purpose\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      no: stop\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      meeting summary: decision\n"
	    "      credit or fraud decision: decision\n"
	    BASE_OUTCOMES;
	static const char *const want[] = {
		"tightened data=public, purpose=meeting summary: "
		"free -> decision",
		"tightened data=public, purpose=credit or fraud decision: "
		"free -> decision",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 2);
	assert_string_equal(only_str(&p.d->added),
	    "a:purpose=meeting summary");
	pair_free(&p);
}

/* A named outcome replaced by an inline one: removed, added, and a
 * rewording where it was reached. */
static void
test_diff_added_removed_outcome(void **state)
{
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: free\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: purpose\n"
	    "      No: { verdict: do-not-use, summary: Stop. }\n"
	    "  purpose:\n"
	    "    ask: Purpose?\n"
	    "    answers:\n"
	    "      drafting: free\n"
	    "      credit or fraud decision: decision\n"
	    "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go. }\n"
	    "  decision: { verdict: use-with-review, summary: Review it., "
	    "reviewer: Risk }\n";
	static const char *const want[] = {
		"reworded data=internal, tool=No: stop -> tool.no",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 1);
	assert_string_equal(only_str(&p.d->added), "o:tool.no");
	assert_string_equal(only_str(&p.d->removed), "o:stop");
	pair_free(&p);
}

/* Keys match ignoring ASCII case and are spelled as the new version
 * spells them, also when the old version branched over the question. */
static void
test_diff_key_case(void **state)
{
	static const char old_yaml[] = HEAD("v1")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      internal: tool\n"
	    "      public: free\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      yes: free\n"
	    "      no: stop\n"
	    BASE_OUTCOMES;
	static const char new_yaml[] = HEAD("v2")
	    "start: data\n"
	    "questions:\n"
	    "  data:\n"
	    "    ask: Data?\n"
	    "    answers:\n"
	    "      Internal: stop\n"
	    "      PUBLIC: tool\n"
	    "  tool:\n"
	    "    ask: Tool?\n"
	    "    answers:\n"
	    "      YES: free\n"
	    "      No: stop\n"
	    BASE_OUTCOMES;
	static const char *const want[] = {
		"tightened data=Internal, tool=YES: free -> stop",
		"tightened data=PUBLIC, tool=No: free -> stop",
	};
	struct pair p;

	(void)state;
	pair_run(&p, old_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 2);
	assert_string_equal(only_str(&p.d->added), "");
	assert_string_equal(only_str(&p.d->removed), "");
	pair_free(&p);
}

/* Every outcome changes: the limit cuts the list and says so; a limit
 * that the changes just fit is not a cut. */
static void
test_diff_limit(void **state)
{
	static const char new_yaml[] = HEAD("v2") BASE_QUESTIONS
	    "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go now. }\n"
	    "  decision: { verdict: use-with-review, summary: Review., "
	    "reviewer: Risk }\n"
	    "  stop: { verdict: do-not-use, summary: Stop now. }\n";
	static const char *const want[] = {
		"reworded data=internal, tool=yes, purpose=drafting: "
		"free -> free",
		"reworded data=internal, tool=yes, purpose=credit or fraud "
		"decision: decision -> decision",
		"reworded data=internal, tool=no: stop -> stop",
		"reworded data=public: free -> free",
	};
	struct pair p;

	(void)state;
	pair_run(&p, base_yaml, new_yaml, 0, 0);
	expect_changes(p.d, want, 4);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	pair_free(&p);
	pair_run(&p, base_yaml, new_yaml, 4, 0);
	expect_changes(p.d, want, 4);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	pair_free(&p);
	pair_run(&p, base_yaml, new_yaml, 2, 0);
	expect_changes(p.d, want, 2);
	assert_int_equal(p.d->stop, DIFF_STOP_LIMIT);
	pair_free(&p);
	pair_run(&p, base_yaml, new_yaml, 1, 0);
	expect_changes(p.d, want, 1);
	assert_int_equal(p.d->stop, DIFF_STOP_LIMIT);
	pair_free(&p);
}

/* ---- chains ----------------------------------------------------------- */

/*
 * A chain of N questions q0..q(N-1): answers a and b lead on (so there are
 * 2^N paths), c to an inline outcome of its own; the last question's a and
 * b lead to the outcomes free and end. Outcome text (summary of q0.c,
 * q(N-1).c, end) and an extra answer of the last question vary with FLAGS.
 */
#define CHAIN_TOP_CHANGED 0x1u  /* q0.c is do-not-use instead of review */
#define CHAIN_END_CHANGED 0x2u  /* the outcome end is reworded */
#define CHAIN_EXTRA_ANSWER 0x4u /* the last question has an answer d */
#define CHAIN_NEW_TOP 0x8u      /* a question top before q0 */

static char *
chain_yaml(size_t n, unsigned flags, const char *version)
{
	size_t cap = n * 128 + 1024, len = 0, i;
	char *s = malloc(cap);

	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len, "aipolicy: 1\nid: chain\n"
	    "title: Chain\nversion: %s\nowner: O\neffective: 2026-01-01\n"
	    "review_by: 2026-12-31\nstart: %s\nquestions:\n", version,
	    flags & CHAIN_NEW_TOP ? "top" : "q0");
	if (flags & CHAIN_NEW_TOP)
		len += (size_t)snprintf(s + len, cap - len, "  top: {ask: T?, "
		    "answers: {x: q0, y: q0}}\n");
	for (i = 0; i < n; i++) {
		bool last = i + 1 == n;
		const char *c_outcome = i == 0 && (flags & CHAIN_TOP_CHANGED) ?
		    "{verdict: do-not-use, summary: C.}" :
		    "{verdict: use-with-review, summary: C., reviewer: R}";
		if (last)
			len += (size_t)snprintf(s + len, cap - len,
			    "  q%zu: {ask: Q?, answers: {a: free, b: end, "
			    "c: %s%s}}\n", i, c_outcome,
			    flags & CHAIN_EXTRA_ANSWER ? ", d: free0" : "");
		else
			len += (size_t)snprintf(s + len, cap - len,
			    "  q%zu: {ask: Q?, answers: {a: q%zu, b: q%zu, "
			    "c: %s}}\n", i, i + 1, i + 1, c_outcome);
	}
	len += (size_t)snprintf(s + len, cap - len, "outcomes:\n"
	    "  free0: {verdict: use-freely, summary: Go.}\n"
	    "  free: {verdict: use-freely, summary: Go.}\n"
	    "  end: {verdict: use-freely, summary: %s}\n",
	    flags & CHAIN_END_CHANGED ? "The end again." : "The end.");
	return s;
}

/* Diff chains of N questions with OLD_FLAGS and NEW_FLAGS. */
static void
chain_run(struct pair *p, size_t n, unsigned old_flags, unsigned new_flags,
    size_t limit)
{
	char *a = chain_yaml(n, old_flags, "v1");
	char *b = chain_yaml(n, new_flags, "v2");

	pair_run(p, a, b, limit, 0);
	free(a);
	free(b);
}

/* 2^60 paths; one outcome at the top changed: one change, at once. */
static void
test_diff_chain_60(void **state)
{
	static const char *const want[] = {
		"tightened q0=c: q0.c -> q0.c",
	};
	struct pair p;

	(void)state;
	chain_run(&p, 60, 0, CHAIN_TOP_CHANGED, 0);
	expect_changes(p.d, want, 1);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	/* Each question pair is walked once: a few steps per question. */
	assert_true(p.d->steps < 60 * 8);
	pair_free(&p);

	/* An answer added at the bottom, a question added at the top:
	 * nothing changes for anyone, and that is found at once too. */
	chain_run(&p, 60, 0, CHAIN_EXTRA_ANSWER | CHAIN_NEW_TOP, 0);
	expect_changes(p.d, NULL, 0);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	assert_true(p.d->steps < 60 * 16);
	assert_string_equal(only_str(&p.d->added), "q:top,a:q59=d");
	pair_free(&p);
}

/* 2^60 paths to a changed outcome: the limit stops the list. */
static void
test_diff_chain_60_limit(void **state)
{
	struct pair p;
	size_t i;

	(void)state;
	chain_run(&p, 60, 0, CHAIN_END_CHANGED, 5);
	assert_int_equal(p.d->nchanges, 5);
	assert_int_equal(p.d->stop, DIFF_STOP_LIMIT);
	for (i = 0; i < 5; i++) {
		assert_int_equal(p.d->changes[i].nanswers, 60);
		assert_string_equal(p.d->changes[i].old->id, "end");
		assert_int_equal(p.d->changes[i].kind, DIFF_REWORDED);
	}
	/* Depth first in answer order: a, a, ..., a then b at the bottom. */
	assert_string_equal(p.d->changes[0].answers[58].answer, "a");
	assert_string_equal(p.d->changes[0].answers[59].answer, "b");
	assert_string_equal(p.d->changes[1].answers[58].answer, "b");
	assert_string_equal(p.d->changes[1].answers[59].answer, "b");
	pair_free(&p);
}

/* A chain of N questions where a leads on and b ends (the outcome end,
 * whose summary is END), as a malloc'd policy file. */
static char *
deep_chain_yaml(size_t n, const char *version, const char *end)
{
	size_t cap = n * 64 + 1024, len = 0, i;
	char *s = malloc(cap);

	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len, "aipolicy: 1\nid: deep\n"
	    "title: Deep\nversion: %s\nowner: O\neffective: 2026-01-01\n"
	    "review_by: 2026-12-31\nstart: q0\nquestions:\n", version);
	for (i = 0; i + 1 < n; i++)
		len += (size_t)snprintf(s + len, cap - len,
		    "  q%zu: {ask: Q?, answers: {a: q%zu, b: end}}\n",
		    i, i + 1);
	snprintf(s + len, cap - len, "  q%zu: {ask: Q?, answers: {a: end, "
	    "b: end}}\noutcomes:\n  end: {verdict: use-freely, summary: %s}\n",
	    n - 1, end);
	return s;
}

/* 200,000 questions deep: no recursion, so no stack overflow. Every way
 * ends at the reworded outcome; the first two are the deepest. */
static void
test_diff_long_chain(void **state)
{
	const size_t n = 200000;
	char *a = deep_chain_yaml(n, "v1", "The end.");
	char *b = deep_chain_yaml(n, "v2", "The end again.");
	struct pair p;

	(void)state;
	pair_run(&p, a, b, 2, 0);
	free(a);
	free(b);
	assert_int_equal(p.d->nchanges, 2);
	assert_int_equal(p.d->stop, DIFF_STOP_LIMIT);
	assert_int_equal(p.d->changes[0].nanswers, n);
	assert_int_equal(p.d->changes[1].nanswers, n);
	assert_string_equal(p.d->changes[0].answers[n - 1].answer, "a");
	assert_string_equal(p.d->changes[1].answers[n - 1].answer, "b");
	assert_string_equal(p.d->changes[1].answers[n - 2].answer, "a");
	pair_free(&p);
}

/*
 * The same questions asked in opposite orders: the walk cannot prune, and
 * stops at max_steps (then, with a generous budget, it finishes: the two
 * orders decide the same).
 */
static void
test_diff_max_steps(void **state)
{
	char old_yaml[4096], new_yaml[4096];
	size_t lo = 0, ln = 0, i;
	const size_t n = 12;
	struct pair p;
	char *s;

	(void)state;
	lo += (size_t)snprintf(old_yaml, sizeof old_yaml, HEAD("v1")
	    "start: q0\nquestions:\n");
	ln += (size_t)snprintf(new_yaml, sizeof new_yaml, HEAD("v2")
	    "start: q%zu\nquestions:\n", n - 1);
	for (i = 0; i < n; i++) {
		if (i + 1 < n)
			lo += (size_t)snprintf(old_yaml + lo,
			    sizeof old_yaml - lo,
			    "  q%zu: {ask: Q?, answers: {a: q%zu, b: q%zu}}\n",
			    i, i + 1, i + 1);
		else
			lo += (size_t)snprintf(old_yaml + lo,
			    sizeof old_yaml - lo,
			    "  q%zu: {ask: Q?, answers: {a: free, b: stop}}\n",
			    i);
		if (i > 0)
			ln += (size_t)snprintf(new_yaml + ln,
			    sizeof new_yaml - ln,
			    "  q%zu: {ask: Q?, answers: {a: q%zu, b: q%zu}}\n",
			    i, i - 1, i - 1);
		else
			ln += (size_t)snprintf(new_yaml + ln,
			    sizeof new_yaml - ln,
			    "  q0: {ask: Q?, answers: {a: q%zu, b: q%zu}}\n",
			    n, n);
	}
	/* The new version's last question decides on q(n-1), as old does. */
	snprintf(new_yaml + ln, sizeof new_yaml - ln,
	    "  q%zu: {ask: Q?, answers: {a: free, b: stop}}\n"
	    BASE_OUTCOMES, n);
	snprintf(old_yaml + lo, sizeof old_yaml - lo, "%s", BASE_OUTCOMES);
	/* old: q0 .. q11 (q11 decides); new: q11 .. q0, then q12 decides. */
	pair_run(&p, old_yaml, new_yaml, 0, 1000);
	assert_int_equal(p.d->stop, DIFF_STOP_STEPS);
	assert_int_equal(p.d->steps, 1001);
	assert_true(p.d->nchanges > 0);
	s = diff_render_text(p.d);
	assert_non_null(strstr(s, " before the comparison gave up; there may "
	    "be more; 1 question added\n"));
	free(s);
	pair_free(&p);
	/* Given up before the first change. */
	pair_run(&p, old_yaml, new_yaml, 0, 1);
	assert_int_equal(p.d->stop, DIFF_STOP_STEPS);
	assert_int_equal(p.d->nchanges, 0);
	s = diff_render_text(p.d);
	assert_non_null(strstr(s, ": no change found before the comparison "
	    "gave up; there may be some; 1 question added\n"));
	free(s);
	s = diff_render_json(p.d);
	assert_non_null(strstr(s, "\"truncated\": true"));
	free(s);
	pair_free(&p);
	pair_run(&p, old_yaml, new_yaml, 0, 0);
	assert_int_equal(p.d->stop, DIFF_COMPLETE);
	/* old decides on q11, new on q12, which old does not have: the
	 * changes are every way where they disagree. */
	assert_int_equal(p.d->nchanges, (size_t)1 << n);
	assert_string_equal(only_str(&p.d->added), "q:q12");
	pair_free(&p);
}

/* ---- rendering -------------------------------------------------------- */

static const char render_new_yaml[] = HEAD("2026-Q4")
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: Data?\n"
	"    answers:\n"
	"      internal: tool\n"
	"      public: free\n"
	"      \"caf\\u00e9 \\\"menu\\\"\": free\n"
	"  tool:\n"
	"    ask: Tool?\n"
	"    answers:\n"
	"      yes: prod\n"
	"      no: stop\n"
	"  prod:\n"
	"    ask: \"Will it run\\tin production?\"\n"
	"    answers:\n"
	"      yes: stop\n"
	"      no: purpose\n"
	"  purpose:\n"
	"    ask: Purpose?\n"
	"    answers:\n"
	"      drafting: free\n"
	"      credit or fraud decision: decision\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: \"Go \\u202e now.\" }\n"
	"  decision: { verdict: use-with-review, summary: Review it., "
	"reviewer: Risk }\n"
	"  stop: { verdict: do-not-use, summary: Stop. }\n";

static void
test_diff_render_json(void **state)
{
	static const char want[] =
	    "{\"old\": {\"id\": \"t\", \"version\": \"v1\"}, "
	    "\"new\": {\"id\": \"t\", \"version\": \"2026-Q4\"}, "
	    "\"changes\": ["
	    "{\"answers\": {\"data\": \"internal\", \"tool\": \"yes\", "
	    "\"prod\": \"yes\", \"purpose\": \"drafting\"}, "
	    "\"old\": {\"verdict\": \"use-freely\", \"outcome\": \"free\"}, "
	    "\"new\": {\"verdict\": \"do-not-use\", \"outcome\": \"stop\"}, "
	    "\"change\": \"tightened\"}, "
	    "{\"answers\": {\"data\": \"internal\", \"tool\": \"yes\", "
	    "\"prod\": \"yes\", \"purpose\": \"credit or fraud decision\"}, "
	    "\"old\": {\"verdict\": \"use-with-review\", \"outcome\": "
	    "\"decision\"}, "
	    "\"new\": {\"verdict\": \"do-not-use\", \"outcome\": \"stop\"}, "
	    "\"change\": \"tightened\"}, "
	    "{\"answers\": {\"data\": \"internal\", \"tool\": \"yes\", "
	    "\"prod\": \"no\", \"purpose\": \"drafting\"}, "
	    "\"old\": {\"verdict\": \"use-freely\", \"outcome\": \"free\"}, "
	    "\"new\": {\"verdict\": \"use-freely\", \"outcome\": \"free\"}, "
	    "\"change\": \"reworded\"}, "
	    "{\"answers\": {\"data\": \"public\"}, "
	    "\"old\": {\"verdict\": \"use-freely\", \"outcome\": \"free\"}, "
	    "\"new\": {\"verdict\": \"use-freely\", \"outcome\": \"free\"}, "
	    "\"change\": \"reworded\"}], "
	    "\"added\": {\"questions\": [\"prod\"], \"answers\": "
	    "[{\"question\": \"data\", \"answer\": "
	    "\"caf\xC3\xA9 \\\"menu\\\"\"}], \"outcomes\": []}, "
	    "\"removed\": {\"questions\": [], \"answers\": [], "
	    "\"outcomes\": []}, \"truncated\": false, \"impact\": null}";
	struct pair p;
	char *s;
	json_t *j;
	json_error_t err;

	(void)state;
	pair_run(&p, base_yaml, render_new_yaml, 0, 0);
	s = diff_render_json(p.d);
	assert_non_null(s);
	assert_string_equal(s, want);
	j = json_loads(s, 0, &err);
	assert_non_null(j);
	json_decref(j);
	free(s);
	pair_free(&p);

	pair_run(&p, base_yaml, render_new_yaml, 1, 0);
	s = diff_render_json(p.d);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"truncated\": true, \"impact\": null}"));
	free(s);
	pair_free(&p);
}

static void
test_diff_render_text(void **state)
{
	static const char want[] =
	    "v1 \xE2\x86\x92 2026-Q4: 4 changes (2 tightened, 2 reworded); "
	    "1 question added, 1 answer added\n"
	    "\n"
	    "Stricter: data=internal, tool=yes, prod=yes, purpose=drafting: "
	    "Use AI freely (free) \xE2\x86\x92 Do not use AI (stop)\n"
	    "  Now: Stop.\n"
	    "Stricter: data=internal, tool=yes, prod=yes, purpose=credit or "
	    "fraud decision: Use AI with review (decision) \xE2\x86\x92 "
	    "Do not use AI (stop)\n"
	    "  Now: Stop.\n"
	    "Reworded: data=internal, tool=yes, prod=no, purpose=drafting: "
	    "Use AI freely (free): summary changed\n"
	    "  Now: Go ? now.\n"
	    "Reworded: data=public: Use AI freely (free): summary changed\n"
	    "  Now: Go ? now.\n"
	    "\n"
	    "Questions added:\n"
	    "  prod: Will it run in production?\n"
	    "Answers added:\n"
	    "  data=caf\xC3\xA9 \"menu\"\n";
	static const char want_same[] =
	    "v1 \xE2\x86\x92 v1: no verdict or outcome changed\n";
	static const char want_cut[] =
	    "v1 \xE2\x86\x92 2026-Q4: the first change (1 tightened), and "
	    "more not listed; 1 question added, 1 answer added\n";
	struct pair p;
	char *s;

	(void)state;
	pair_run(&p, base_yaml, render_new_yaml, 0, 0);
	s = diff_render_text(p.d);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
	pair_free(&p);

	pair_run(&p, base_yaml, base_yaml, 0, 0);
	s = diff_render_text(p.d);
	assert_string_equal(s, want_same);
	free(s);
	pair_free(&p);

	pair_run(&p, base_yaml, render_new_yaml, 1, 0);
	s = diff_render_text(p.d);
	assert_non_null(s);
	assert_memory_equal(s, want_cut, strlen(want_cut));
	free(s);
	pair_free(&p);
}

/* ---- randomised: the combined walk against brute force ------------------ */

#define DEFAULT_SEED 20260701u
#define ROUNDS       400   /* random pairs */
#define POOL_Q       7     /* question ids q0..q6, in rank order */
#define POOL_O       6     /* named outcome ids o0..o5 */
#define POOL_K       4     /* answer keys a..d */
#define MUTATIONS    4     /* at most this many edits old -> new */

/* A target: a question (its pool rank), a named outcome, or inline. */
enum rkind { R_QUESTION, R_OUTCOME, R_INLINE };

struct r_outcome {
	int verdict;           /* enum aipolicy_verdict */
	int text;              /* which summary */
};

struct r_answer {
	char key[2];           /* one letter, in either case */
	enum rkind kind;
	int index;             /* question rank or outcome id */
	struct r_outcome inl;  /* R_INLINE */
};

struct r_question {
	bool present;
	int na;
	struct r_answer a[POOL_K];
};

struct r_model {
	int start;
	int id[POOL_Q];        /* per rank: the number in its id, q<N>; a
	                        * version that swaps two asks them in
	                        * another order than the other version */
	struct r_question q[POOL_Q];
	bool has_o[POOL_O];
	struct r_outcome o[POOL_O];
};

static uint64_t g_seed = DEFAULT_SEED;

static uint32_t
rnd(uint64_t *s, uint32_t n)
{
	/* xorshift64* */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return (uint32_t)((*s * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

static void
r_outcome_random(uint64_t *s, struct r_outcome *o)
{
	o->verdict = (int)rnd(s, AIPOLICY_VERDICT_COUNT);
	o->text = (int)rnd(s, 2);
}

/* A random target for an answer of the question of rank R. */
static void
r_target(uint64_t *s, const struct r_model *m, int r, struct r_answer *a)
{
	int later[POOL_Q], nl = 0, i, named[POOL_O], nn = 0;

	for (i = r + 1; i < POOL_Q; i++)
		if (m->q[i].present)
			later[nl++] = i;
	for (i = 0; i < POOL_O; i++)
		if (m->has_o[i])
			named[nn++] = i;
	if (nl > 0 && rnd(s, 2) == 0) {
		a->kind = R_QUESTION;
		a->index = later[rnd(s, (uint32_t)nl)];
	} else if (nn > 0 && rnd(s, 3) > 0) {
		a->kind = R_OUTCOME;
		a->index = named[rnd(s, (uint32_t)nn)];
	} else {
		a->kind = R_INLINE;
		r_outcome_random(s, &a->inl);
	}
}

/* A key letter the question does not have yet, in random case; false when
 * it has them all. */
static bool
r_new_key(uint64_t *s, const struct r_question *q, char *key)
{
	int start = (int)rnd(s, POOL_K), i, k;
	char c;

	for (i = 0; i < POOL_K; i++) {
		c = (char)('a' + (start + i) % POOL_K);
		for (k = 0; k < q->na; k++)
			if ((q->a[k].key[0] | 0x20) == c)
				break;
		if (k == q->na) {
			key[0] = rnd(s, 3) == 0 ? (char)(c - 'a' + 'A') : c;
			key[1] = '\0';
			return true;
		}
	}
	return false;
}

static void
r_model_random(uint64_t *s, struct r_model *m)
{
	int i, n;

	memset(m, 0, sizeof *m);
	for (i = 0; i < POOL_Q; i++)
		m->id[i] = i;
	for (i = 0; i < POOL_O; i++)
		if ((m->has_o[i] = rnd(s, 3) > 0))
			r_outcome_random(s, &m->o[i]);
	m->start = (int)rnd(s, 3);
	for (i = m->start; i < POOL_Q; i++)
		m->q[i].present = i == m->start || rnd(s, 4) > 0;
	for (i = m->start; i < POOL_Q; i++) {
		struct r_question *q = &m->q[i];
		if (!q->present)
			continue;
		for (n = 2 + (int)rnd(s, 2); q->na < n; q->na++) {
			r_new_key(s, q, q->a[q->na].key);
			r_target(s, m, i, &q->a[q->na]);
		}
	}
}

/* A present question of M other than start, or -1. */
static int
r_pick_question(uint64_t *s, const struct r_model *m, bool with_start)
{
	int list[POOL_Q], n = 0, i;

	for (i = 0; i < POOL_Q; i++)
		if (m->q[i].present && (with_start || i != m->start))
			list[n++] = i;
	return n ? list[rnd(s, (uint32_t)n)] : -1;
}

/* A question added after rank QI, on one of its answers. */
static void
r_add_question(uint64_t *s, struct r_model *m, int qi)
{
	struct r_question *q = &m->q[qi];
	int r, k;

	for (r = qi + 1; r < POOL_Q && m->q[r].present; r++)
		;
	if (r >= POOL_Q)
		return;
	m->q[r].present = true;
	m->q[r].na = 2;
	for (k = 0; k < 2; k++) {
		m->q[r].a[k].key[0] = (char)('a' + k);
		m->q[r].a[k].key[1] = '\0';
		r_target(s, m, r, &m->q[r].a[k]);
	}
	k = (int)rnd(s, (uint32_t)q->na);
	q->a[k].kind = R_QUESTION;
	q->a[k].index = r;
}

/* A question other than start removed; what led to it leads where its
 * first answer did. */
static void
r_remove_question(uint64_t *s, struct r_model *m)
{
	int r = r_pick_question(s, m, false), i, k;

	if (r < 0)
		return;
	m->q[r].present = false;
	for (i = 0; i < POOL_Q; i++) {
		for (k = 0; m->q[i].present && k < m->q[i].na; k++) {
			struct r_answer *a = &m->q[i].a[k];
			if (a->kind != R_QUESTION || a->index != r)
				continue;
			a->kind = m->q[r].a[0].kind;
			a->index = m->q[r].a[0].index;
			a->inl = m->q[r].a[0].inl;
		}
	}
}

/* A named outcome removed, when nothing leads to it. */
static void
r_remove_outcome(uint64_t *s, struct r_model *m)
{
	int i = (int)rnd(s, POOL_O), r, k;

	for (r = 0; r < POOL_Q; r++)
		for (k = 0; m->q[r].present && k < m->q[r].na; k++)
			if (m->q[r].a[k].kind == R_OUTCOME &&
			    m->q[r].a[k].index == i)
				return;
	m->has_o[i] = false;
}

/* One random edit of M. */
static void
r_mutate(uint64_t *s, struct r_model *m)
{
	int qi = r_pick_question(s, m, true), i, k;
	struct r_question *q = &m->q[qi];
	struct r_answer tmp;

	switch (rnd(s, 13)) {
	case 0: /* another verdict or summary for a named outcome */
	case 1:
		i = (int)rnd(s, POOL_O);
		if (m->has_o[i])
			r_outcome_random(s, &m->o[i]);
		break;
	case 2: /* another target */
		r_target(s, m, qi, &q->a[rnd(s, (uint32_t)q->na)]);
		break;
	case 3: /* an answer added */
		if (q->na < POOL_K && r_new_key(s, q, q->a[q->na].key)) {
			r_target(s, m, qi, &q->a[q->na]);
			q->na++;
		}
		break;
	case 4: /* an answer removed */
		if (q->na > 2) {
			k = (int)rnd(s, (uint32_t)q->na);
			memmove(&q->a[k], &q->a[k + 1],
			    (size_t)(q->na - k - 1) * sizeof q->a[0]);
			q->na--;
		}
		break;
	case 5: /* a key in another case */
		q->a[rnd(s, (uint32_t)q->na)].key[0] ^= 0x20;
		break;
	case 6: /* answers in another order */
		k = (int)rnd(s, (uint32_t)q->na);
		tmp = q->a[0];
		q->a[0] = q->a[k];
		q->a[k] = tmp;
		break;
	case 7:
		r_add_question(s, m, qi);
		break;
	case 8:
		r_remove_question(s, m);
		break;
	case 9: /* an inline outcome reworded, or a named one added */
		k = (int)rnd(s, (uint32_t)q->na);
		if (q->a[k].kind == R_INLINE) {
			r_outcome_random(s, &q->a[k].inl);
		} else if (!m->has_o[i = (int)rnd(s, POOL_O)]) {
			m->has_o[i] = true;
			r_outcome_random(s, &m->o[i]);
			q->a[k].kind = R_OUTCOME;
			q->a[k].index = i;
		}
		break;
	case 10:
		r_remove_outcome(s, m);
		break;
	default: /* two questions swap ids: asked in another order */
		i = (int)rnd(s, POOL_Q);
		k = m->id[qi];
		m->id[qi] = m->id[i];
		m->id[i] = k;
		break;
	}
}

static const char *const r_verdicts[] = { "use-freely", "use-with-review",
    "do-not-use" };

static void
r_put_outcome(struct buf *b, const struct r_outcome *o)
{
	buf_addf(b, "{ verdict: %s, summary: S%d.%s }", r_verdicts[o->verdict],
	    o->text, o->verdict == AIPOLICY_VERDICT_USE_WITH_REVIEW ?
	    ", reviewer: R" : "");
}

/* M as a policy file (a malloc'd string). */
static char *
r_yaml(const struct r_model *m, const char *version)
{
	struct buf b;
	int i, k;

	buf_init(&b);
	buf_addf(&b, "aipolicy: 1\nid: r\ntitle: R\nversion: %s\nowner: O\n"
	    "effective: 2026-01-01\nreview_by: 2026-12-31\nstart: q%d\n"
	    "questions:\n", version, m->id[m->start]);
	for (i = 0; i < POOL_Q; i++) {
		if (!m->q[i].present)
			continue;
		buf_addf(&b, "  q%d:\n    ask: Q%d?\n    answers:\n", m->id[i],
		    m->id[i]);
		for (k = 0; k < m->q[i].na; k++) {
			const struct r_answer *a = &m->q[i].a[k];
			buf_addf(&b, "      %s: ", a->key);
			if (a->kind == R_QUESTION)
				buf_addf(&b, "q%d", m->id[a->index]);
			else if (a->kind == R_OUTCOME)
				buf_addf(&b, "o%d", a->index);
			else
				r_put_outcome(&b, &a->inl);
			buf_addc(&b, '\n');
		}
	}
	buf_adds(&b, "outcomes:\n");
	for (i = 0; i < POOL_O; i++) {
		if (!m->has_o[i])
			continue;
		buf_addf(&b, "  o%d: ", i);
		r_put_outcome(&b, &m->o[i]);
		buf_addc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Lower-case letter of a one-letter key. */
static int
key_letter(const char *key)
{
	return (key[0] | 0x20) - 'a';
}

/*
 * Walk P with the answers ANS (per pool question, a key letter index, or
 * -1 for none): the outcome reached, or NULL when a question asked has no
 * answer that P's question has. ASKED (when not NULL) gets the questions
 * asked.
 */
static const struct aipolicy_outcome *
r_walk(const struct aipolicy *p, const int *ans, bool *asked)
{
	const struct aipolicy_question *q = &p->questions[p->start];
	size_t k;
	int rank;

	for (;;) {
		rank = atoi(q->id + 1);
		if (asked != NULL)
			asked[rank] = true;
		if (ans[rank] < 0)
			return NULL;
		for (k = 0; k < q->nanswers; k++)
			if (key_letter(q->answers[k].key) == ans[rank])
				break;
		if (k == q->nanswers)
			return NULL;
		if (q->answers[k].target.kind == AIPOLICY_TARGET_OUTCOME)
			return &p->outcomes[q->answers[k].target.index];
		q = &p->questions[q->answers[k].target.index];
	}
}

/* A change's answers as per pool question key letters (-1: none). */
static void
r_change_answers(const struct diff_change *c, int *ans)
{
	size_t i;

	for (i = 0; i < POOL_Q; i++)
		ans[i] = -1;
	for (i = 0; i < c->nanswers; i++)
		ans[atoi(c->answers[i].question + 1)] =
		    key_letter(c->answers[i].answer);
}

/* Print the seed and both policies, then fail. */
static void
r_fail(const char *what, const char *old_yaml, const char *new_yaml,
    const struct diff *d)
{
	size_t i;

	print_error("seed %llu: %s\n--- old\n%s--- new\n%s",
	    (unsigned long long)g_seed, what, old_yaml, new_yaml);
	for (i = 0; d != NULL && i < d->nchanges; i++)
		print_error("change %zu: %s\n", i, change_str(d, i));
	fail();
}

/* The letters of pool question I in either policy (a bit set). */
static unsigned
r_universe(const struct aipolicy *a, const struct aipolicy *b, int i)
{
	char id[8];
	unsigned set = 0;
	const struct aipolicy *ps[2] = { a, b };
	int64_t qi;
	size_t k, s;

	snprintf(id, sizeof id, "q%d", i);
	for (s = 0; s < 2; s++) {
		qi = aipolicy_find_question(ps[s], id, strlen(id));
		for (k = 0; qi >= 0 && k < ps[s]->questions[qi].nanswers; k++)
			set |= 1u <<
			    key_letter(ps[s]->questions[qi].answers[k].key);
	}
	return set;
}

/*
 * Check change C of D: its answers lead each version to its outcomes, each
 * is asked by a version and spelled as the new one spells it, and no later
 * change is compatible with it. Adds the full assignments over the letters
 * UNI it covers to *COVERED. Returns NULL, or what is wrong.
 */
static const char *
r_check_change(const struct diff *d, size_t c, const unsigned *uni,
    uint64_t *covered)
{
	const struct diff_change *ch = &d->changes[c];
	const struct aipolicy *pn = d->new;
	int ans[POOL_Q], other[POOL_Q], i, q;
	bool asked[POOL_Q] = { false }, clash;
	uint64_t per = 1;
	size_t e, k;
	int64_t qi;

	r_change_answers(ch, ans);
	if (r_walk(d->old, ans, asked) != ch->old ||
	    r_walk(pn, ans, asked) != ch->new || ch->kind == DIFF_SAME ||
	    diff_classify(ch->old, ch->new) != ch->kind)
		return "a change does not reach its outcomes";
	for (k = 0; k < ch->nanswers; k++) {
		q = atoi(ch->answers[k].question + 1);
		if (!asked[q])
			return "a change answers a question not asked";
		qi = aipolicy_find_question(pn, ch->answers[k].question,
		    strlen(ch->answers[k].question));
		for (e = 0; qi >= 0 && e < pn->questions[qi].nanswers; e++)
			if (key_letter(pn->questions[qi].answers[e].key) ==
			    ans[q] && strcmp(pn->questions[qi].answers[e].key,
			    ch->answers[k].answer) != 0)
				return "a key not spelled as in new";
	}
	for (e = c + 1; e < d->nchanges; e++) {
		r_change_answers(&d->changes[e], other);
		for (i = 0, clash = false; i < POOL_Q; i++)
			clash |= ans[i] >= 0 && other[i] >= 0 &&
			    ans[i] != other[i];
		if (!clash)
			return "two changes overlap";
	}
	for (i = 0; i < POOL_Q; i++)
		if (ans[i] < 0 && uni[i] != 0)
			per *= (uint64_t)__builtin_popcount(uni[i]);
	*covered += per;
	return NULL;
}

/* How many full assignments over the letters UNI lead both PO and PN to
 * outcomes that differ. */
static uint64_t
r_count_differing(const struct aipolicy *po, const struct aipolicy *pn,
    const unsigned *uni)
{
	const struct aipolicy_outcome *oo, *on;
	uint64_t differing = 0;
	int ans[POOL_Q], i;

	for (i = 0; i < POOL_Q; i++)
		ans[i] = uni[i] ? __builtin_ctz(uni[i]) : -1;
	for (;;) {
		oo = r_walk(po, ans, NULL);
		on = r_walk(pn, ans, NULL);
		if (oo != NULL && on != NULL &&
		    diff_classify(oo, on) != DIFF_SAME)
			differing++;
		/* The next assignment, like an odometer. */
		for (i = 0; i < POOL_Q; i++) {
			if (uni[i] == 0)
				continue;
			do
				ans[i]++;
			while (ans[i] < POOL_K && !(uni[i] & (1u << ans[i])));
			if (ans[i] < POOL_K)
				break;
			ans[i] = __builtin_ctz(uni[i]);
		}
		if (i == POOL_Q)
			return differing;
	}
}

/*
 * Check every property of D against brute force: each change is right,
 * no two overlap, and together they cover exactly the assignments whose
 * outcome differs. False (after printing why) on a mismatch.
 */
static bool
r_check(const struct diff *d, const char *old_yaml, const char *new_yaml)
{
	unsigned uni[POOL_Q];
	uint64_t differing, covered = 0;
	const char *bad;
	char msg[128];
	size_t c;
	int i;

	for (i = 0; i < POOL_Q; i++)
		uni[i] = r_universe(d->old, d->new, i);
	for (c = 0; c < d->nchanges; c++) {
		if ((bad = r_check_change(d, c, uni, &covered)) != NULL) {
			r_fail(bad, old_yaml, new_yaml, d);
			return false;
		}
	}
	differing = r_count_differing(d->old, d->new, uni);
	if (differing != covered) {
		snprintf(msg, sizeof msg, "%llu assignments change, the "
		    "changes cover %llu", (unsigned long long)differing,
		    (unsigned long long)covered);
		r_fail(msg, old_yaml, new_yaml, d);
		return false;
	}
	return true;
}

/* The same pair with a limit one short lists a prefix and says so. */
static bool
r_check_prefix(const struct diff *full, const char *old_yaml,
    const char *new_yaml)
{
	struct diff_options o;
	struct diff *d = NULL;
	size_t i, k;
	bool ok = true;

	diff_options_init(&o);
	o.limit = full->nchanges - 1;
	assert_int_equal(diff_run(full->old, full->new, &o, &d), 0);
	ok = d->nchanges == o.limit && d->stop == DIFF_STOP_LIMIT;
	for (i = 0; ok && i < d->nchanges; i++) {
		ok = d->changes[i].old == full->changes[i].old &&
		    d->changes[i].new == full->changes[i].new &&
		    d->changes[i].nanswers == full->changes[i].nanswers;
		for (k = 0; ok && k < d->changes[i].nanswers; k++)
			ok = strcmp(d->changes[i].answers[k].answer,
			    full->changes[i].answers[k].answer) == 0;
	}
	if (!ok)
		r_fail("a lower limit does not list a prefix", old_yaml,
		    new_yaml, d);
	diff_free(d);
	return ok;
}

static void
test_diff_random(void **state)
{
	const char *env = getenv("AIPOLICY_SEED");
	struct r_model old, new;
	struct pair p;
	char *a, *b;
	uint64_t s;
	int round, k, nmut;
	unsigned long with_changes = 0, with_removed = 0, with_added = 0,
	    reordered = 0;

	(void)state;
	if (env != NULL)
		g_seed = strtoull(env, NULL, 0);
	s = g_seed ? g_seed : 1;
	for (round = 0; round < ROUNDS; round++) {
		r_model_random(&s, &old);
		new = old;
		nmut = 1 + (int)rnd(&s, MUTATIONS);
		for (k = 0; k < nmut; k++)
			r_mutate(&s, &new);
		a = r_yaml(&old, "old");
		b = r_yaml(&new, "new");
		pair_run(&p, a, b, 0, 0);
		assert_int_equal(p.d->stop, DIFF_COMPLETE);
		if (!r_check(p.d, a, b) ||
		    (p.d->nchanges > 1 && !r_check_prefix(p.d, a, b))) {
			free(a);
			free(b);
			pair_free(&p);
			return;
		}
		with_changes += p.d->nchanges > 0;
		reordered += memcmp(old.id, new.id, sizeof old.id) != 0;
		with_added += p.d->added.nquestions + p.d->added.nanswers > 0;
		with_removed += p.d->removed.nquestions +
		    p.d->removed.nanswers > 0;
		free(a);
		free(b);
		pair_free(&p);
	}
	/* The generator must keep producing each kind of pair. */
	print_message("seed %llu: %lu of %d pairs with changes, %lu with "
	    "added, %lu with removed questions or answers, %lu reordered\n",
	    (unsigned long long)g_seed, with_changes, ROUNDS, with_added,
	    with_removed, reordered);
	assert_true(with_changes > ROUNDS / 4);
	assert_true(with_added > ROUNDS / 10);
	assert_true(with_removed > ROUNDS / 10);
	assert_true(reordered > ROUNDS / 10);
}

static void
test_diff_free_null(void **state)
{
	(void)state;
	diff_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff_identical),
		cmocka_unit_test(test_diff_tightened),
		cmocka_unit_test(test_diff_loosened),
		cmocka_unit_test(test_diff_reworded_other_outcome),
		cmocka_unit_test(test_diff_reworded_text_and_order),
		cmocka_unit_test(test_diff_classify_fields),
		cmocka_unit_test(test_diff_added_question),
		cmocka_unit_test(test_diff_removed_question),
		cmocka_unit_test(test_diff_added_removed_answer),
		cmocka_unit_test(test_diff_added_answer_where_not_asked),
		cmocka_unit_test(test_diff_added_removed_outcome),
		cmocka_unit_test(test_diff_key_case),
		cmocka_unit_test(test_diff_limit),
		cmocka_unit_test(test_diff_chain_60),
		cmocka_unit_test(test_diff_chain_60_limit),
		cmocka_unit_test(test_diff_long_chain),
		cmocka_unit_test(test_diff_max_steps),
		cmocka_unit_test(test_diff_render_json),
		cmocka_unit_test(test_diff_render_text),
		cmocka_unit_test(test_diff_random),
		cmocka_unit_test(test_diff_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
