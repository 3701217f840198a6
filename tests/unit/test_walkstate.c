/*
 * test_walkstate.c: struct walk_state, a person's walk one answer at a time
 * (answer, back keeping later answers, restart, progress), as `ask` uses it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

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
	struct policy *p;
	struct walk_state s;
	uint32_t a, b, c;
};

static int setup(void **state);
static int teardown(void **state);
static uint32_t qindex(const struct policy *p, const char *id);

static uint32_t qindex(const struct policy *p, const char *id)
{
	int64_t i = policy_find_question(p, id, strlen(id));

	assert_true(i >= 0);
	return (uint32_t)i;
}

static int setup(void **state)
{
	static struct fixture f;
	struct diags d;

	memset(&f, 0, sizeof f);
	diags_init(&d, "walk-test.yaml");
	if (policy_load_buffer("walk-test.yaml", policy_yaml,
	    sizeof policy_yaml - 1, &f.p, &d) != LOAD_OK) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
		diags_release(&d);
		return -1;
	}
	diags_release(&d);
	if (walk_state_init(&f.s, f.p) != 0)
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

	walk_state_release(&f->s);
	policy_free(f->p);
	return 0;
}

static void test_starts_at_start(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.depth, 0);
	assert_null(f->s.outcome);
	for (size_t i = 0; i < f->p->nquestions; i++)
		assert_int_equal(f->s.chosen[i], -1);
	assert_false(walk_state_back(&f->s));
	assert_int_equal(f->s.current, f->a);
}

static void test_answer_moves_on(void **state)
{
	struct fixture *f = *state;
	struct step path[3];

	walk_state_answer(&f->s, 0); /* a = x */
	assert_int_equal(f->s.current, f->b);
	assert_int_equal(f->s.depth, 1);
	assert_int_equal(f->s.history[0], f->a);
	assert_int_equal(f->s.chosen[f->a], 0);
	walk_state_answer(&f->s, 0); /* b = p */
	assert_int_equal(f->s.current, f->c);
	walk_state_answer(&f->s, 1); /* c = n */
	assert_non_null(f->s.outcome);
	assert_int_equal(f->s.outcome->verdict, VERDICT_DO_NOT_USE);
	assert_string_equal(f->s.outcome->id, "stop");
	assert_int_equal(f->s.depth, 3);
	walk_state_path(&f->s, path);
	assert_int_equal(path[0].question, f->a);
	assert_int_equal(path[0].answer, 0);
	assert_int_equal(path[1].question, f->b);
	assert_int_equal(path[1].answer, 0);
	assert_int_equal(path[2].question, f->c);
	assert_int_equal(path[2].answer, 1);
}

static void test_answer_ignored_at_verdict_or_bad(void **state)
{
	struct fixture *f = *state;

	walk_state_answer(&f->s, 7); /* a has 3 answers */
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.depth, 0);
	assert_int_equal(f->s.chosen[f->a], -1);
	walk_state_answer(&f->s, 2); /* a = z: a verdict at once */
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "free");
	walk_state_answer(&f->s, 0);
	assert_int_equal(f->s.depth, 1);
	assert_string_equal(f->s.outcome->id, "free");
}

static void test_back_keeps_later_answers(void **state)
{
	struct fixture *f = *state;

	walk_state_answer(&f->s, 0); /* a = x */
	walk_state_answer(&f->s, 0); /* b = p */
	walk_state_answer(&f->s, 1); /* c = n: stop */
	assert_non_null(f->s.outcome);

	assert_true(walk_state_back(&f->s)); /* from the verdict to c */
	assert_null(f->s.outcome);
	assert_int_equal(f->s.current, f->c);
	assert_int_equal(f->s.depth, 2);
	assert_int_equal(f->s.chosen[f->c], 1);

	assert_true(walk_state_back(&f->s)); /* to b */
	assert_int_equal(f->s.current, f->b);
	assert_int_equal(f->s.depth, 1);
	assert_int_equal(f->s.chosen[f->b], 0);
	assert_int_equal(f->s.chosen[f->c], 1); /* kept */

	assert_true(walk_state_back(&f->s)); /* to a */
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.depth, 0);
	assert_false(walk_state_back(&f->s));

	/* forward again along the pre-selected answers */
	walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_int_equal(f->s.current, f->b);
	walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_int_equal(f->s.current, f->c);
	walk_state_answer(&f->s, (uint32_t)f->s.chosen[f->s.current]);
	assert_non_null(f->s.outcome);
	assert_string_equal(f->s.outcome->id, "stop");

	/* a different answer replaces the one remembered */
	assert_true(walk_state_back(&f->s));
	walk_state_answer(&f->s, 0); /* c = m */
	assert_string_equal(f->s.outcome->id, "free");
	assert_int_equal(f->s.chosen[f->c], 0);
}

static void test_restart_forgets(void **state)
{
	struct fixture *f = *state;

	walk_state_answer(&f->s, 1); /* a = y */
	walk_state_answer(&f->s, 0); /* c = m */
	assert_non_null(f->s.outcome);
	walk_state_restart(&f->s);
	assert_null(f->s.outcome);
	assert_int_equal(f->s.current, f->a);
	assert_int_equal(f->s.depth, 0);
	for (size_t i = 0; i < f->p->nquestions; i++)
		assert_int_equal(f->s.chosen[i], -1);
	walk_state_answer(&f->s, 0);
	assert_int_equal(f->s.current, f->b);
}

static void test_remaining_counts_longest_path(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(walk_state_remaining(&f->s), 3); /* a, b, c */
	walk_state_answer(&f->s, 1);                      /* a = y: at c */
	assert_int_equal(walk_state_remaining(&f->s), 1);
	assert_true(walk_state_back(&f->s));
	assert_int_equal(walk_state_remaining(&f->s), 3);
	walk_state_answer(&f->s, 0);                      /* a = x: at b */
	assert_int_equal(walk_state_remaining(&f->s), 2);
	walk_state_answer(&f->s, 1);                      /* b = q: free */
	assert_non_null(f->s.outcome);
	assert_int_equal(walk_state_remaining(&f->s), 0);
}

static void test_stale(void **state)
{
	struct fixture *f = *state;

	assert_false(policy_is_stale(f->p, 20261231));
	assert_true(policy_is_stale(f->p, 20270101));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_starts_at_start, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_answer_moves_on, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_answer_ignored_at_verdict_or_bad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_back_keeps_later_answers,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_restart_forgets, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_remaining_counts_longest_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
