/*
 * test_walk.c: struct aipolicy_walker, answering a whole query at once (check,
 * check --batch, test): answer matching, bad answers, unused answers,
 * incomplete walks, inline outcomes, and "not sure" (`?` and
 * AIPOLICY_WALK_WORST_CASE) on small hand-made policies. struct
 * aipolicy_walk_state has its own file, test_walkstate.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"
#include "util.h"

#define HEADER \
	"aipolicy: 1\n" \
	"id: walk-test\n" \
	"title: Walk test\n" \
	"version: v1\n" \
	"owner: Owner\n" \
	"effective: 2026-01-01\n" \
	"review_by: 2026-12-31\n"

/*
 * The matching policy: keys in mixed case, a non-ASCII key, inline
 * outcomes, and a target naming another question's inline outcome.
 */
static const char match_yaml[] = HEADER
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: Client data?\n"
	"    answers:\n"
	"      Yes: tool\n"
	"      No: audience\n"
	"  tool:\n"
	"    ask: Approved tool?\n"
	"    answers:\n"
	"      yes: reviewed\n"
	"      No: { verdict: do-not-use, summary: Do not. }\n"
	"      Not Approved: { verdict: do-not-use, summary: Never. }\n"
	"  audience:\n"
	"    ask: Who sees it?\n"
	"    answers:\n"
	"      Only Me: free\n"
	"      \xC3\x89quipe: free\n"                /* Équipe */
	"      the public: reviewed\n"
	"      caf\xC3\xA9: tool.no\n"               /* café */
	"outcomes:\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Go ahead.\n"
	"  reviewed:\n"
	"    verdict: use-with-review\n"
	"    summary: Have it reviewed.\n"
	"    reviewer: A colleague\n";

/*
 * The "not sure" policy, a DAG (c is reached from b and from nowhere
 * else; e is shared by b and d):
 *
 *   a: x -> b, y -> d
 *   b: p -> c, q -> rev, r -> e
 *   c: m -> free, n -> stop
 *   d: k -> free, l -> rev2, o -> e
 *   e: s -> free, t -> rev3
 */
static const char ns_yaml[] = HEADER
	"start: a\n"
	"questions:\n"
	"  a:\n"
	"    ask: A?\n"
	"    answers:\n"
	"      x: b\n"
	"      y: d\n"
	"  b:\n"
	"    ask: B?\n"
	"    answers:\n"
	"      p: c\n"
	"      q: rev\n"
	"      r: e\n"
	"  c:\n"
	"    ask: C?\n"
	"    answers:\n"
	"      m: free\n"
	"      n: stop\n"
	"  d:\n"
	"    ask: D?\n"
	"    answers:\n"
	"      k: free\n"
	"      l: rev2\n"
	"      o: e\n"
	"  e:\n"
	"    ask: E?\n"
	"    answers:\n"
	"      s: free\n"
	"      t: rev3\n"
	"outcomes:\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Go ahead.\n"
	"  rev:\n"
	"    verdict: use-with-review\n"
	"    summary: Review.\n"
	"    reviewer: R\n"
	"  rev2:\n"
	"    verdict: use-with-review\n"
	"    summary: Review 2.\n"
	"    reviewer: R\n"
	"  rev3:\n"
	"    verdict: use-with-review\n"
	"    summary: Review 3.\n"
	"    reviewer: R\n"
	"  stop:\n"
	"    verdict: do-not-use\n"
	"    summary: Stop.\n";

#define MAXGIVEN 64

static struct aipolicy_given given[MAXGIVEN];
static size_t ngiven;

struct fixture {
	struct aipolicy *p;
	struct aipolicy_walker *w;
};

static int
fixture_new(void **state, const char *yaml, size_t len)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	f->p = test_load(yaml, len);
	f->w = f->p ? aipolicy_walker_new(f->p) : NULL;
	*state = f;
	return f->w != NULL ? 0 : -1;
}

static int
setup_match(void **state)
{
	return fixture_new(state, match_yaml, sizeof match_yaml - 1);
}

static int
setup_ns(void **state)
{
	return fixture_new(state, ns_yaml, sizeof ns_yaml - 1);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		aipolicy_walker_free(f->w);
		aipolicy_free(f->p);
		free(f);
	}
	return 0;
}

/* Walk with QUESTION, ANSWER, ... NULL (NUL-terminated strings). */
static void
run(struct aipolicy_walker *w, unsigned flags, struct aipolicy_walk_result *r,
    ...)
{
	const char *q, *a;
	va_list ap;

	ngiven = 0;
	va_start(ap, r);
	while ((q = va_arg(ap, const char *)) != NULL) {
		a = va_arg(ap, const char *);
		assert_true(ngiven < MAXGIVEN);
		given[ngiven].question = q;
		given[ngiven].question_len = strlen(q);
		given[ngiven].answer = a;
		given[ngiven].answer_len = strlen(a);
		ngiven++;
	}
	va_end(ap);
	memset(r, 0xA5, sizeof *r);
	assert_int_equal(aipolicy_walker_run(w, given, ngiven, flags, r), 0);
}

/* The path is QUESTION, KEY, ... NULL, keys spelled as the policy does. */
static void
assert_path(const struct aipolicy *p, const struct aipolicy_walk_result *r, ...)
{
	const char *q;
	size_t i = 0;
	va_list ap;

	va_start(ap, r);
	while ((q = va_arg(ap, const char *)) != NULL) {
		const char *key = va_arg(ap, const char *);
		const struct aipolicy_question *qq;
		assert_true(i < r->npath);
		assert_true(r->path[i].question < p->nquestions);
		qq = &p->questions[r->path[i].question];
		assert_string_equal(qq->id, q);
		assert_true(r->path[i].answer < qq->nanswers);
		assert_string_equal(qq->answers[r->path[i].answer].key, key);
		i++;
	}
	va_end(ap);
	assert_int_equal(r->npath, i);
}

/* The unsure list is QUESTION, ... NULL. */
static void
assert_unsure(const struct aipolicy *p, const struct aipolicy_walk_result *r,
    ...)
{
	const char *q;
	size_t i = 0;
	va_list ap;

	va_start(ap, r);
	while ((q = va_arg(ap, const char *)) != NULL) {
		assert_true(i < r->nunsure);
		assert_true(r->unsure[i] < p->nquestions);
		assert_string_equal(p->questions[r->unsure[i]].id, q);
		i++;
	}
	va_end(ap);
	assert_int_equal(r->nunsure, i);
}

/* The unused list is N indexes into given. */
static void
assert_unused(const struct aipolicy_walk_result *r, size_t n, ...)
{
	size_t i;
	va_list ap;

	assert_int_equal(r->nunused, n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_int_equal(r->unused[i], va_arg(ap, int));
	va_end(ap);
}

/* The result's next question is ID, or none when ID is NULL. */
static void
assert_next(const struct aipolicy *p, const struct aipolicy_walk_result *r,
    const char *id)
{
	if (id == NULL) {
		assert_int_equal(r->next, AIPOLICY_WALK_NO_NEXT);
		return;
	}
	assert_true(r->next < p->nquestions);
	assert_string_equal(p->questions[r->next].id, id);
}

static void
assert_verdict(const struct aipolicy_walk_result *r, const char *outcome,
    enum aipolicy_verdict v)
{
	assert_int_equal(r->status, AIPOLICY_WALK_VERDICT);
	assert_non_null(r->outcome);
	assert_string_equal(r->outcome->id, outcome);
	assert_int_equal(r->outcome->verdict, v);
}

static uint32_t
qindex(const struct aipolicy *p, const char *id)
{
	int64_t i = aipolicy_find_question(p, id, strlen(id));

	assert_true(i >= 0);
	return (uint32_t)i;
}

/* ---- answer matching ---------------------------------------------------- */

static void
test_walk_simple(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "No", "audience", "Only Me", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "Only Me", NULL);
	assert_unused(&r, 0);
	assert_unsure(f->p, &r, NULL);

	run(f->w, 0, &r, "data", "Yes", "tool", "yes", NULL);
	assert_verdict(&r, "reviewed", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "data", "Yes", "tool", "yes", NULL);
	assert_unused(&r, 0);
}

static void
test_walk_match_trim(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "  No\t", "audience", "\n\t the public \r\n",
	    NULL);
	assert_verdict(&r, "reviewed", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "data", "No", "audience", "the public", NULL);

	/* Inner white space is part of the key. */
	run(f->w, 0, &r, "data", "No", "audience", "the  public", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	run(f->w, 0, &r, "data", "N o", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 0);
}

static void
test_walk_match_ascii_case(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "nO", "audience", "ONLY me", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	/* The path spells the keys as the policy does. */
	assert_path(f->p, &r, "data", "No", "audience", "Only Me", NULL);

	run(f->w, 0, &r, "data", "YES", "tool", "YeS", NULL);
	assert_verdict(&r, "reviewed", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "data", "Yes", "tool", "yes", NULL);

	/* A prefix or a longer text is not a match. */
	run(f->w, 0, &r, "data", "Ye", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	run(f->w, 0, &r, "data", "Yess", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	run(f->w, 0, &r, "data", "", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	run(f->w, 0, &r, "data", "   ", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
}

static void
test_walk_match_non_ascii(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/* The exact key matches. */
	run(f->w, 0, &r, "data", "no", "audience", "\xC3\x89quipe", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "\xC3\x89quipe",
	    NULL);
	/* ASCII letters of it are folded, the É is not. */
	run(f->w, 0, &r, "data", "no", "audience", " \xC3\x89QUIPE ", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "\xC3\x89quipe",
	    NULL);
	/* é (U+00E9) is not É (U+00C9). */
	run(f->w, 0, &r, "data", "no", "audience", "\xC3\xA9quipe", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	/* CAFÉ is not café; CAFé is. */
	run(f->w, 0, &r, "data", "no", "audience", "CAF\xC3\x89", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	run(f->w, 0, &r, "data", "no", "audience", "CAF\xC3\xA9", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_VERDICT);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "data", "No", "audience", "caf\xC3\xA9", NULL);
}

/* Given strings are LEN bytes, not NUL-terminated (check splits at '='). */
static void
test_walk_given_lengths(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;
	static const char arg1[] = "data=noise", arg2[] = "audienceXonly meZ";
	struct aipolicy_given g[2] = {
		{ arg1, 4, arg1 + 5, 2 },        /* data = no */
		{ arg2, 8, arg2 + 9, 7 },        /* audience = only me */
	};

	memset(&r, 0, sizeof r);
	assert_int_equal(aipolicy_walker_run(f->w, g, 2, 0, &r), 0);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "Only Me", NULL);
	assert_int_equal(r.nunused, 0);
}

/* ---- bad answers -------------------------------------------------------- */

static void
test_walk_bad_answer(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "maybe", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 0);

	/* The first bad one in given order wins. */
	run(f->w, 0, &r, "data", "no", "audience", "everyone", "tool",
	    "perhaps", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	run(f->w, 0, &r, "tool", "perhaps", "data", "no", "audience",
	    "everyone", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 0);
	/* An answer that is a key of another question is still bad. */
	run(f->w, 0, &r, "data", "only me", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 0);
}

/* A question the walk never reaches is checked too. */
static void
test_walk_bad_answer_unreached(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "no", "audience", "only me", "tool",
	    "perhaps", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 2);
	/* Also when the walk would stop short before it. */
	run(f->w, 0, &r, "audience", "nobody", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 0);
}

/* An answer for an unknown question is not checked: it is unused. */
static void
test_walk_unknown_question_not_bad(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "nope", "whatever", "data", "no", "tool", "x",
	    "audience", "nobody", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 2);
}

/* ---- unused, duplicates, incomplete ------------------------------------- */

static void
test_walk_unused(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "nope", "x", "data", "no", "tool", "yes", "audience",
	    "only me", "zzz", "1", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "Only Me", NULL);
	/* In given order: the unknown ids and the unreached question. */
	assert_unused(&r, 3, 0, 2, 4);

	/* Ids are exact: "Data" is not "data". */
	run(f->w, 0, &r, "data", "yes", "tool", "no", "Data", "no", NULL);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_unused(&r, 1, 2);
}

static void
test_walk_same_question_twice(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/* The first answer counts; the second is unused. */
	run(f->w, 0, &r, "data", "no", "audience", "only me", "data", "yes",
	    NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "data", "No", "audience", "Only Me", NULL);
	assert_unused(&r, 1, 2);

	run(f->w, 0, &r, "data", "yes", "data", "no", "tool", "yes", NULL);
	assert_verdict(&r, "reviewed", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_unused(&r, 1, 1);
}

/*
 * Spec (policy-format.md, "Answer matching"): "Every answer given for a
 * question of the policy is checked against that question's keys before
 * the walk, reached or not: an answer that matches none is an error." The
 * second answer for the same question is one of those.
 */
static void
test_walk_same_question_twice_second_bad(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "no", "audience", "only me", "data",
	    "maybe", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 2);
}

static void
test_walk_incomplete(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "data"));
	assert_path(f->p, &r, NULL);
	assert_unused(&r, 0);
	assert_null(r.outcome);

	run(f->w, 0, &r, "data", "NO", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "audience"));
	assert_path(f->p, &r, "data", "No", NULL);
	assert_unused(&r, 0);
	assert_null(r.outcome);

	/* An answer past the stop is not reached: unused. */
	run(f->w, 0, &r, "audience", "only me", "data", "yes", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "tool"));
	assert_path(f->p, &r, "data", "Yes", NULL);
	assert_unused(&r, 1, 0);
}

/* ---- inline outcomes ---------------------------------------------------- */

static void
test_walk_inline_outcome(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "data", "yes", "tool", "no", NULL);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_true(r.outcome->is_inline);
	assert_string_equal(r.outcome->summary, "Do not.");
	assert_path(f->p, &r, "data", "Yes", "tool", "No", NULL);

	/* The id is QUESTION.ANSWER with the key lower-cased. */
	run(f->w, 0, &r, "data", "yes", "tool", "not approved", NULL);
	assert_verdict(&r, "tool.not approved", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_true(r.outcome->is_inline);
	assert_string_equal(r.outcome->summary, "Never.");
	assert_path(f->p, &r, "data", "Yes", "tool", "Not Approved", NULL);
	assert_true(aipolicy_find_outcome(f->p, "tool.not approved", 17) >= 0);
	assert_true(aipolicy_find_outcome(f->p, "tool.No", 7) < 0);
}

/* A target may name the inline outcome of another question. */
static void
test_walk_target_inline_of_other(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;
	const struct aipolicy_outcome *via_tool;

	run(f->w, 0, &r, "data", "yes", "tool", "no", NULL);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	via_tool = r.outcome;
	run(f->w, 0, &r, "data", "no", "audience", "caf\xC3\xA9", NULL);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_ptr_equal(r.outcome, via_tool);
	assert_path(f->p, &r, "data", "No", "audience", "caf\xC3\xA9", NULL);
}

/* ---- not sure ----------------------------------------------------------- */

static void
test_walk_unsure_is_not_bad(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;
	struct aipolicy_given g = { "data", 4, " ? ", 3 };

	assert_true(aipolicy_given_is_unsure(&g));
	g.answer = "??";
	g.answer_len = 2;
	assert_false(aipolicy_given_is_unsure(&g));
	g.answer = "?x";
	assert_false(aipolicy_given_is_unsure(&g));

	/* data=? : Yes -> tool (branched) -> tool.no (first do-not-use). */
	run(f->w, 0, &r, "data", " ?\t", NULL);
	assert_verdict(&r, "tool.no", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "data", "Yes", "tool", "No", NULL);
	assert_unsure(f->p, &r, "data", "tool", NULL);
	assert_unused(&r, 0);
	/* tool was never answered: answering it could lower the verdict. */
	assert_next(f->p, &r, "tool");
}

/* Ties: the first outcome reached depth first, in answer order. */
static void
test_walk_unsure_tie_first_reached(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/* a=?, b=q: x reaches rev, y reaches d (branched): rev2 first. */
	run(f->w, 0, &r, "a", "?", "b", "q", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "a", NULL);
	assert_unused(&r, 0);
	assert_next(f->p, &r, NULL);

	/* b=r leads to e (branched): rev3 is reached before d's rev2. */
	run(f->w, 0, &r, "a", "?", "b", "r", NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "r", "e", "t", NULL);
	assert_unsure(f->p, &r, "a", "e", NULL);
	/* Every review path has an unanswered question (e, or d): the
	 * first reached wins, and e is the question to narrow it down. */
	assert_next(f->p, &r, "e");

	/* b=?, c=m: under b, q (rev) comes before r -> e -> rev3. */
	run(f->w, 0, &r, "a", "x", "b", "?", "c", "m", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "b", NULL);
	assert_unused(&r, 0);
	assert_next(f->p, &r, NULL);

	/* d=?, e=s: l (rev2) is the only review; e's answer is kept. */
	run(f->w, 0, &r, "a", "y", "d", "?", "e", "s", NULL);
	assert_verdict(&r, "rev2", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "y", "d", "l", NULL);
	assert_unsure(f->p, &r, "d", NULL);
	/* e is reached by an explored branch (d=o), so it is used. */
	assert_unused(&r, 0);
}

/* The most restrictive wins over the first reached. */
static void
test_walk_unsure_most_restrictive(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "a", "?", NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "a", "x", "b", "p", "c", "n", NULL);
	assert_unsure(f->p, &r, "a", "b", "c", NULL);
	assert_unused(&r, 0);
	assert_next(f->p, &r, "b");

	/* With c answered, no stop is left: rev via b=q is the first. */
	run(f->w, 0, &r, "c", "m", "a", "?", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "a", "b", NULL);
	assert_unused(&r, 0);
	assert_next(f->p, &r, "b");
}

/*
 * The tie rule: among the paths to the most restrictive verdict, the first
 * reached that has no unanswered question wins, even after one that has.
 */
static void
test_walk_unsure_tie_clean_first(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/* a=x, b=r, e (unanswered) = t is reached first; a=y, d=l has only
	 * questions answered, "?" included. */
	run(f->w, 0, &r, "a", "?", "d", "?", "b", "r", NULL);
	assert_verdict(&r, "rev2", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "y", "d", "l", NULL);
	assert_unsure(f->p, &r, "a", "d", NULL);
	assert_next(f->p, &r, NULL);

	/* e answered: the first path is clean, and it wins. */
	run(f->w, 0, &r, "a", "?", "d", "?", "b", "r", "e", "t", NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "r", "e", "t", NULL);
	assert_unsure(f->p, &r, "a", NULL);
	assert_next(f->p, &r, NULL);

	/* e answered "?" is not unanswered either. */
	run(f->w, 0, &r, "a", "?", "d", "?", "b", "r", "e", "?", NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "r", "e", "t", NULL);
	assert_unsure(f->p, &r, "a", "e", NULL);
	assert_next(f->p, &r, NULL);

	/* Under AIPOLICY_WALK_WORST_CASE an unanswered start makes every path
	 * one with an unanswered question: the first reached, next = a. */
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "d", "l", "b", "q", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "a", NULL);
	assert_next(f->p, &r, "a");
}

/* next is the first unanswered question on the path, not the first
 * branched one, and never one answered "?". */
static void
test_walk_unsure_next(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "a", "x", "b", "?", NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_unsure(f->p, &r, "b", "c", NULL);
	assert_next(f->p, &r, "c");

	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_next(f->p, &r, "b");
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", "b", "p", NULL);
	assert_next(f->p, &r, "c");

	/* Answering next, as a person narrowing down would: c=m leaves
	 * b's q (rev), with b still unanswered. */
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", "c", "m", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_next(f->p, &r, "b");
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", "c", "m", "b", "r",
	    NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_next(f->p, &r, "e");
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", "c", "m", "b", "r",
	    "e", "s", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_unsure(f->p, &r, NULL);
	assert_next(f->p, &r, NULL);

	/* A plain verdict has no next; an incomplete one has. */
	run(f->w, 0, &r, "a", "y", "d", "k", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_next(f->p, &r, NULL);
	run(f->w, 0, &r, "a", "y", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_next(f->p, &r, "d");
}

/* Shared subtrees: e is below b and d; its result is the same both ways. */
static void
test_walk_unsure_shared_subtree(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/* b=r and d=o both lead to e=?; the first reached is via x. */
	run(f->w, 0, &r, "a", "?", "b", "r", "d", "o", "e", "?", NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "r", "e", "t", NULL);
	assert_unsure(f->p, &r, "a", "e", NULL);
	assert_unused(&r, 0);
	assert_next(f->p, &r, NULL);

	/* e=s: every branch is free; the first is a=x, b=r, e=s. */
	run(f->w, 0, &r, "a", "?", "b", "r", "d", "o", "e", "s", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "a", "x", "b", "r", "e", "s", NULL);
	assert_unsure(f->p, &r, "a", NULL);
	assert_unused(&r, 0);

	/* Through d only: e explored from d. */
	run(f->w, 0, &r, "a", "y", "d", "o", "e", "?", NULL);
	assert_verdict(&r, "rev3", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "y", "d", "o", "e", "t", NULL);
	assert_unsure(f->p, &r, "e", NULL);
}

/* `?` below `?`, and an unanswered question below a `?` is branched. */
static void
test_walk_unsure_nested(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "a", "x", "b", "?", "c", "?", NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "a", "x", "b", "p", "c", "n", NULL);
	assert_unsure(f->p, &r, "b", "c", NULL);
	assert_next(f->p, &r, NULL);

	/* c unanswered below b=?: branched the same. */
	run(f->w, 0, &r, "a", "x", "b", "?", NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "a", "x", "b", "p", "c", "n", NULL);
	assert_unsure(f->p, &r, "b", "c", NULL);

	/* Answered "?" and unanswered mixed deeper down: a=x, b=q is
	 * reached first, but b is unanswered; a=y, d=l has only "?"s. */
	run(f->w, 0, &r, "a", "?", "d", "?", "c", "m", NULL);
	assert_verdict(&r, "rev2", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "y", "d", "l", NULL);
	assert_unsure(f->p, &r, "a", "d", NULL);
	assert_next(f->p, &r, NULL);
}

/* An unanswered question before any `?` stops the walk. */
static void
test_walk_unsure_incomplete_before(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "c", "?", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "a"));
	assert_path(f->p, &r, NULL);
	assert_unsure(f->p, &r, NULL);
	assert_null(r.outcome);
	assert_unused(&r, 1, 0);

	run(f->w, 0, &r, "a", "x", "c", "?", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "b"));
	assert_path(f->p, &r, "a", "x", NULL);
	assert_unsure(f->p, &r, NULL);
	assert_unused(&r, 1, 1);
}

/* A bad answer inside a branch is still a bad answer. */
static void
test_walk_unsure_bad_in_branch(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, 0, &r, "a", "?", "d", "bogus", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "c", "n", "e", "z", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(r.bad, 1);
	/* `?` for a question is never bad, even off every path. */
	run(f->w, 0, &r, "a", "y", "d", "k", "c", "?", NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_unused(&r, 1, 2);
}

/* `unused` lists the answers that no explored branch reaches. */
static void
test_walk_unsure_unused(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	/*
	 * a=?: x -> b=q -> rev; y -> d=k -> free. c is only reached by
	 * b=p, which is not explored; d is explored, though not on the path.
	 */
	run(f->w, 0, &r, "zzz", "1", "a", "?", "b", "q", "c", "n", "d", "k",
	    "e", "t", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "a", NULL);
	assert_unused(&r, 3, 0, 3, 5);

	/* The same question twice in not-sure mode: the second is unused. */
	run(f->w, 0, &r, "a", "?", "a", "y", "b", "q", "d", "k", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_unused(&r, 1, 1);
}

static void
test_walk_worst_case(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;

	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, NULL);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_path(f->p, &r, "a", "x", "b", "p", "c", "n", NULL);
	assert_unsure(f->p, &r, "a", "b", "c", NULL);
	assert_next(f->p, &r, "a");
	assert_int_equal(r.nopen, 5); /* every question is unanswered */

	/* Answered questions are followed; only the rest are branched. */
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "y", NULL);
	assert_verdict(&r, "rev2", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "y", "d", "l", NULL);
	assert_unsure(f->p, &r, "d", NULL);

	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "x", "b", "p", "c", "m",
	    NULL);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_path(f->p, &r, "a", "x", "b", "p", "c", "m", NULL);
	assert_unsure(f->p, &r, NULL);
	assert_next(f->p, &r, NULL);
	assert_int_equal(r.nopen, 0);

	/* Without the flag the same answers stop short. */
	run(f->w, 0, &r, "a", "y", NULL);
	assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(r.next, qindex(f->p, "d"));
	assert_unsure(f->p, &r, NULL);

	/* "?" and the flag together: the same as either. */
	run(f->w, AIPOLICY_WALK_WORST_CASE, &r, "a", "?", "c", "m", NULL);
	assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_path(f->p, &r, "a", "x", "b", "q", NULL);
	assert_unsure(f->p, &r, "a", "b", NULL);
}

/* One walker answers many queries; each is independent of the last. */
static void
test_walk_reuse(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_walk_result r;
	int i;

	for (i = 0; i < 1000; i++) {
		run(f->w, 0, &r, "a", "?", NULL);
		assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
		run(f->w, 0, &r, "a", "x", "b", "q", NULL);
		assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
		assert_unsure(f->p, &r, NULL);
		run(f->w, 0, &r, "a", "x", NULL);
		assert_int_equal(r.status, AIPOLICY_WALK_INCOMPLETE);
		run(f->w, 0, &r, "a", "?", "c", "m", "b", "?", NULL);
		assert_verdict(&r, "rev", AIPOLICY_VERDICT_USE_WITH_REVIEW);
		assert_unused(&r, 0);
	}
}

/*
 * 60 questions in a chain, each with two answers to the next one: 2^60
 * paths. The last question's second answer is the only do-not-use.
 */
static void
test_walk_unsure_chain_60(void **state)
{
	enum { N = 60 };
	struct buf b;
	struct aipolicy *p;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result r;
	char qid[16];
	size_t i;

	(void)state;
	buf_init(&b);
	buf_adds(&b, HEADER "start: q0\nquestions:\n");
	for (i = 0; i < N; i++) {
		buf_addf(&b, "  q%zu:\n    ask: Question %zu?\n"
		    "    answers:\n", i, i);
		if (i + 1 < N)
			buf_addf(&b, "      a: q%zu\n      b: q%zu\n", i + 1,
			    i + 1);
		else
			buf_adds(&b, "      a: free\n      b: stop\n");
	}
	buf_adds(&b, "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go. }\n"
	    "  stop: { verdict: do-not-use, summary: Stop. }\n");
	assert_false(b.failed);
	p = test_load(b.data, b.len);
	buf_release(&b);
	assert_non_null(p);
	w = aipolicy_walker_new(p);
	assert_non_null(w);

	alarm(20); /* exponential work would never finish: fail instead */
	given[0] = (struct aipolicy_given){ "q0", 2, "?", 1 };
	assert_int_equal(aipolicy_walker_run(w, given, 1, 0, &r), 0);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_int_equal(r.npath, N);
	assert_int_equal(r.nunsure, N);
	for (i = 0; i < N; i++) {
		snprintf(qid, sizeof qid, "q%zu", i);
		assert_string_equal(p->questions[r.path[i].question].id, qid);
		/* Ties (every branch reaches stop) go to the first answer. */
		assert_int_equal(r.path[i].answer, i + 1 < N ? 0 : 1);
		assert_int_equal(r.unsure[i], r.path[i].question);
	}
	/* The first unanswered question is q1 (q0 is answered "?"). */
	assert_int_equal(r.next, r.path[1].question);
	assert_int_equal(r.nopen, N - 1);

	assert_int_equal(aipolicy_walker_run(w, NULL, 0,
	    AIPOLICY_WALK_WORST_CASE, &r), 0);
	assert_verdict(&r, "stop", AIPOLICY_VERDICT_DO_NOT_USE);
	assert_int_equal(r.npath, N);
	assert_int_equal(r.nunsure, N);
	assert_int_equal(r.next, r.path[0].question);
	assert_int_equal(r.nopen, N);

	/* The last answered: nothing worse than free is left, so nothing
	 * to narrow down, though q1..q58 are unanswered. */
	given[1] = (struct aipolicy_given){ "q59", 3, "a", 1 };
	assert_int_equal(aipolicy_walker_run(w, given, 2, 0, &r), 0);
	assert_verdict(&r, "free", AIPOLICY_VERDICT_USE_FREELY);
	assert_int_equal(r.npath, N);
	assert_int_equal(r.nunsure, N - 1);
	assert_int_equal(r.nunused, 0);
	assert_int_equal(r.next, AIPOLICY_WALK_NO_NEXT);
	alarm(0);

	aipolicy_walker_free(w);
	aipolicy_free(p);
}

static void
test_walker_free_null(void **state)
{
	(void)state;
	aipolicy_walker_free(NULL);
}

int
main(void)
{
#define M(t) cmocka_unit_test_setup_teardown(t, setup_match, teardown)
#define NS(t) cmocka_unit_test_setup_teardown(t, setup_ns, teardown)
	const struct CMUnitTest tests[] = {
		M(test_walk_simple),
		M(test_walk_match_trim),
		M(test_walk_match_ascii_case),
		M(test_walk_match_non_ascii),
		M(test_walk_given_lengths),
		M(test_walk_bad_answer),
		M(test_walk_bad_answer_unreached),
		M(test_walk_unknown_question_not_bad),
		M(test_walk_unused),
		M(test_walk_same_question_twice),
		M(test_walk_same_question_twice_second_bad),
		M(test_walk_incomplete),
		M(test_walk_inline_outcome),
		M(test_walk_target_inline_of_other),
		M(test_walk_unsure_is_not_bad),
		NS(test_walk_unsure_tie_first_reached),
		NS(test_walk_unsure_most_restrictive),
		NS(test_walk_unsure_tie_clean_first),
		NS(test_walk_unsure_next),
		NS(test_walk_unsure_shared_subtree),
		NS(test_walk_unsure_nested),
		NS(test_walk_unsure_incomplete_before),
		NS(test_walk_unsure_bad_in_branch),
		NS(test_walk_unsure_unused),
		NS(test_walk_worst_case),
		NS(test_walk_reuse),
		cmocka_unit_test(test_walk_unsure_chain_60),
		cmocka_unit_test(test_walker_free_null),
	};
#undef M
#undef NS

	return cmocka_run_group_tests(tests, NULL, NULL);
}
