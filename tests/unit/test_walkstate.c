/*
 * test_walkstate.c: struct aipolicy_walk_state, a person's walk one answer at a
 * time as `ask` takes it: the list of answers given ("not sure" included),
 * evaluated as check evaluates them; back and restart; the questions that
 * narrow a worst case down; progress; and the words of the verdict it
 * reaches (ask_present_verdict).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aipolicy/policy.h"
#include "core/present.h"
#include "aipolicy/walk.h"
#include "tui.h"

/* a -> b -> c -> outcome is the longest path; a=y skips b. */
static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: walk-test\n"
	"title: Walk test\n"
	"version: v1\n"
	"owner: Owner\n"
	"effective: 2026-01-01\n"
	"review_by: 2026-12-31\n"
	"start: a\n"
	"questions:\n"
	"  a:\n"
	"    ask: Question A?\n"
	"    label: A?\n"
	"    answers:\n"
	"      x: b\n"
	"      y: c\n"
	"      z: free\n"
	"  b:\n"
	"    ask: Question B?\n"
	"    answers:\n"
	"      p: c\n"
	"      q: free\n"
	"  c:\n"
	"    ask: Question C?\n"
	"    answers:\n"
	"      m: free\n"
	"      n: stop\n"
	"outcomes:\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Go ahead.\n"
	"  stop:\n"
	"    verdict: do-not-use\n"
	"    summary: Do not.\n";

struct fixture {
	struct aipolicy *p;
	struct aipolicy_walk_state s;
	uint32_t a, b, c;
};

static int setup(void **state);
static int teardown(void **state);
static uint32_t qindex(const struct aipolicy *p, const char *id);

static uint32_t qindex(const struct aipolicy *p, const char *id)
{
	int64_t i = aipolicy_find_question(p, id, strlen(id));

	assert_true(i >= 0);
	return (uint32_t)i;
}

static int setup(void **state)
{
	static struct fixture f;
	struct aipolicy_diags d;

	memset(&f, 0, sizeof f);
	aipolicy_diags_init(&d, "walk-test.yaml");
	if (aipolicy_load_buffer("walk-test.yaml", policy_yaml,
	    sizeof policy_yaml - 1, &f.p, &d) != AIPOLICY_OK) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
		aipolicy_diags_release(&d);
		return -1;
	}
	aipolicy_diags_release(&d);
	if (aipolicy_walk_state_init(&f.s, f.p) != 0)
		return -1;
	f.a = qindex(f.p, "a");
	f.b = qindex(f.p, "b");
	f.c = qindex(f.p, "c");
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_release(&f->s);
	aipolicy_free(f->p);
	return 0;
}

static void test_starts_at_start(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.count, 0);
	assert_null(f->s.outcome);
	assert_false(aipolicy_walk_state_narrowing(&f->s));
	assert_int_equal(f->s.result.status, AIPOLICY_WALK_INCOMPLETE);
	for (size_t i = 0; i < f->p->nquestions; i++)
		assert_int_equal(f->s.chosen[i], AIPOLICY_WALK_CHOSEN_NONE);
	assert_false(aipolicy_walk_state_back(&f->s));
	assert_int_equal(f->s.current, f->a);
}

static void test_answer_moves_on(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_answer(&f->s, 0); /* a = x */
	assert_int_equal(f->s.current, f->b);
	assert_int_equal(f->s.count, 1);
	assert_int_equal(f->s.choices[0].question, f->a);
	assert_int_equal(f->s.choices[0].answer, 0);
	assert_int_equal(f->s.chosen[f->a], 0);
	aipolicy_walk_state_answer(&f->s, 0); /* b = p */
	assert_int_equal(f->s.current, f->c);
	aipolicy_walk_state_answer(&f->s, 1); /* c = n */
	assert_non_null(f->s.outcome);
	assert_int_equal(f->s.outcome->verdict, AIPOLICY_VERDICT_DO_NOT_USE);
	assert_string_equal(f->s.outcome->id, "stop");
	assert_int_equal(f->s.count, 3);
	/* the evaluation: the path, nothing unsure, nothing to narrow */
	assert_int_equal(f->s.result.npath, 3);
	assert_int_equal(f->s.result.path[0].question, f->a);
	assert_int_equal(f->s.result.path[0].answer, 0);
	assert_int_equal(f->s.result.path[1].question, f->b);
	assert_int_equal(f->s.result.path[2].question, f->c);
	assert_int_equal(f->s.result.path[2].answer, 1);
	assert_int_equal(f->s.result.nunsure, 0);
	assert_int_equal(f->s.result.next, AIPOLICY_WALK_NO_NEXT);
}

static void test_answer_ignored_at_verdict_or_bad(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_answer(&f->s, 7); /* a has 3 answers */
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.count, 0);
	assert_int_equal(f->s.chosen[f->a], AIPOLICY_WALK_CHOSEN_NONE);
	aipolicy_walk_state_answer(&f->s, 2); /* a = z: a verdict at once */
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "free");
	aipolicy_walk_state_answer(&f->s, 0);
	aipolicy_walk_state_answer(&f->s, AIPOLICY_WALK_NOT_SURE);
	assert_int_equal(f->s.count, 1);
	assert_string_equal(f->s.outcome->id, "free");
}

static void test_back_keeps_later_answers(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_answer(&f->s, 0); /* a = x */
	aipolicy_walk_state_answer(&f->s, 0); /* b = p */
	aipolicy_walk_state_answer(&f->s, 1); /* c = n: stop */
	assert_non_null(f->s.outcome);

	/* from the verdict to c */
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_null(f->s.outcome);
	assert_int_equal(f->s.current, f->c);
	assert_int_equal(f->s.count, 2);
	assert_int_equal(f->s.chosen[f->c], 1);

	assert_true(aipolicy_walk_state_back(&f->s)); /* to b */
	assert_int_equal(f->s.current, f->b);
	assert_int_equal(f->s.count, 1);
	assert_int_equal(f->s.chosen[f->b], 0);
	assert_int_equal(f->s.chosen[f->c], 1); /* kept */

	assert_true(aipolicy_walk_state_back(&f->s)); /* to a */
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.count, 0);
	assert_false(aipolicy_walk_state_back(&f->s));

	/* forward again along the pre-selected answers */
	aipolicy_walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_int_equal(f->s.current, f->b);
	aipolicy_walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_int_equal(f->s.current, f->c);
	aipolicy_walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "stop");

	/* a different answer replaces the one remembered */
	assert_true(aipolicy_walk_state_back(&f->s));
	aipolicy_walk_state_answer(&f->s, 0); /* c = m */
	assert_string_equal(f->s.outcome->id, "free");
	assert_int_equal(f->s.chosen[f->c], 0);
}

static void test_restart_forgets(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_answer(&f->s, 1); /* a = y */
	/* c = ?: stop, final */
	aipolicy_walk_state_answer(&f->s, AIPOLICY_WALK_NOT_SURE);
	assert_non_null(f->s.outcome);
	aipolicy_walk_state_restart(&f->s);
	assert_null(f->s.outcome);
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.count, 0);
	assert_int_equal(f->s.result.nunsure, 0);
	for (size_t i = 0; i < f->p->nquestions; i++)
		assert_int_equal(f->s.chosen[i], AIPOLICY_WALK_CHOSEN_NONE);
	aipolicy_walk_state_answer(&f->s, 0);
	assert_int_equal(f->s.current, f->b);
}

static void test_remaining_counts_longest_path(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 3); /* a, b, c */
	/* a = y: at c */
	aipolicy_walk_state_answer(&f->s, 1);
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 1);
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 3);
	/* a = x: at b */
	aipolicy_walk_state_answer(&f->s, 0);
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 2);
	/* b = q: free */
	aipolicy_walk_state_answer(&f->s, 1);
	assert_non_null(f->s.outcome);
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 0);
}

/*
 * "Not sure" does not end the walk: it goes on with the question that
 * narrows the worst case down, until there is none. By hand: a=? reaches
 * stop through a=x, b (never answered) =p, c (never answered) =n, so b is
 * asked; with b=q, stop is still reached through a=y, c=n: c is asked;
 * with c=m every way is free, and the verdict is shown.
 */
static void test_not_sure_narrows_down(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_answer(&f->s, AIPOLICY_WALK_NOT_SURE); /* a = ? */
	assert_null(f->s.outcome);
	assert_true(aipolicy_walk_state_narrowing(&f->s));
	assert_int_equal(f->s.chosen[f->a], AIPOLICY_WALK_CHOSEN_NOT_SURE);
	assert_int_equal(f->s.choices[0].answer, AIPOLICY_WALK_NOT_SURE);
	assert_int_equal(f->s.result.outcome->verdict,
	    AIPOLICY_VERDICT_DO_NOT_USE);
	assert_int_equal(f->s.current, f->b);
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 2); /* b, c */

	aipolicy_walk_state_answer(&f->s, 1); /* b = q */
	assert_true(aipolicy_walk_state_narrowing(&f->s));
	assert_int_equal(f->s.result.outcome->verdict,
	    AIPOLICY_VERDICT_DO_NOT_USE);
	assert_int_equal(f->s.current, f->c);
	assert_int_equal(aipolicy_walk_state_remaining(&f->s), 1);

	aipolicy_walk_state_answer(&f->s, 0); /* c = m */
	assert_non_null(f->s.outcome);
	assert_false(aipolicy_walk_state_narrowing(&f->s));
	assert_string_equal(f->s.outcome->id, "free");
	assert_int_equal(f->s.count, 3);
	assert_int_equal(f->s.result.nunsure, 1); /* a */
	assert_int_equal(f->s.result.unsure[0], f->a);

	/* back from the verdict: narrowing down at c again, m selected */
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_true(aipolicy_walk_state_narrowing(&f->s));
	assert_int_equal(f->s.current, f->c);
	assert_int_equal(f->s.chosen[f->c], 0);

	/* "Not sure" again: a=y, c=n has only answered questions ("?" is an
	 * answer), so the worst case is final and shown */
	aipolicy_walk_state_answer(&f->s, AIPOLICY_WALK_NOT_SURE);
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "stop");
	assert_int_equal(f->s.result.npath, 2);
	assert_int_equal(f->s.result.path[0].question, f->a);
	assert_int_equal(f->s.result.path[0].answer, 1);
	assert_int_equal(f->s.result.path[1].question, f->c);
	assert_int_equal(f->s.result.path[1].answer, 1);
	assert_int_equal(f->s.result.nunsure, 2);

	/* back undoes a "Not sure" like any answer, and remembers it */
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_int_equal(f->s.current, f->c);
	assert_int_equal(f->s.chosen[f->c], AIPOLICY_WALK_CHOSEN_NOT_SURE);
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_true(aipolicy_walk_state_back(&f->s));
	assert_int_equal(f->s.current, f->a);
	assert_false(aipolicy_walk_state_narrowing(&f->s));
	assert_int_equal(f->s.result.status, AIPOLICY_WALK_INCOMPLETE);
	assert_int_equal(f->s.chosen[f->a], AIPOLICY_WALK_CHOSEN_NOT_SURE);
	assert_false(aipolicy_walk_state_back(&f->s));
}

/* "Not sure" below answers: a=y, c=? is final at once (c is answered). */
static void test_not_sure_final_at_once(void **state)
{
	struct fixture *f = *state;
	struct present pr;

	aipolicy_walk_state_answer(&f->s, 1);
	aipolicy_walk_state_answer(&f->s, AIPOLICY_WALK_NOT_SURE);
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "stop");
	assert_int_equal(f->s.result.nunsure, 1);

	/* the words of the verdict: a worst case, the assumed answer
	 * marked, what c=m would give */
	present_init(&pr, 0, 0);
	assert_int_equal(ask_present_verdict(&pr, &f->s), 0);
	assert_string_equal(pr.lines[0].text, "Worst case: Do not use AI");
	assert_int_equal(pr.lines[0].role, PRESENT_STOP);
	for (size_t i = 0; i < pr.n; i++)
		assert_null(strstr(pr.lines[i].text, "narrow"));
	{
		bool path = false, lower = false;

		for (size_t i = 0; i < pr.n; i++) {
			path |= strcmp(pr.lines[i].text, "Your answers: A? y "
			    "\xE2\x86\x92 Question C? n (not sure)") == 0;
			lower |= strcmp(pr.lines[i].text, "  - Question C? "
			    "\xE2\x80\x94 'm' gives at worst: Use AI freely") ==
			    0;
		}
		assert_true(path);
		assert_true(lower);
	}
	present_release(&pr);
}

/* A verdict answered all the way needs no worst case: plain words. */
static void test_plain_verdict_words(void **state)
{
	struct fixture *f = *state;
	struct present pr;

	aipolicy_walk_state_answer(&f->s, 2);
	present_init(&pr, 0, 0);
	assert_int_equal(ask_present_verdict(&pr, &f->s), 0);
	assert_string_equal(pr.lines[0].text, "Verdict: Use AI freely");
	present_release(&pr);
}

static void test_stale(void **state)
{
	struct fixture *f = *state;

	assert_false(aipolicy_is_stale(f->p, 20261231));
	assert_true(aipolicy_is_stale(f->p, 20270101));
}

static void test_release_twice(void **state)
{
	struct fixture *f = *state;

	aipolicy_walk_state_release(&f->s);
	aipolicy_walk_state_release(&f->s); /* released twice: a no-op */
	assert_int_equal(aipolicy_walk_state_init(&f->s, f->p), 0);
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_starts_at_start),
		T(test_answer_moves_on),
		T(test_answer_ignored_at_verdict_or_bad),
		T(test_back_keeps_later_answers),
		T(test_restart_forgets),
		T(test_remaining_counts_longest_path),
		T(test_not_sure_narrows_down),
		T(test_not_sure_final_at_once),
		T(test_plain_verdict_words),
		T(test_stale),
		T(test_release_twice),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
