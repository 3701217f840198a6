/*
 * test_walkstate.c: struct walk_state, a person's walk one answer at a time
 * (answer, back keeping later answers, restart, progress), as `ask` uses it,
 * and the worst case `ask` shows after "Not sure" (src/tui/ask.c).
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

/*
 * "Not sure" at a: a=x, b=p, c=n is the first do-not-use reached, with a, b
 * and c branched. By hand: only a=z (free) does better for a; no answer of
 * b does (a=y still reaches c=n); c=m makes every branch use-freely.
 */
static void test_not_sure_at_start(void **state)
{
	struct fixture *f = *state;
	struct ask_worst w;
	struct ask_last last = { 0 };
	char heading[128], *note, *path;

	assert_int_equal(ask_worst_compute(f->p, &f->s, &w), 0);
	assert_non_null(w.outcome);
	assert_int_equal(w.outcome->verdict, VERDICT_DO_NOT_USE);
	assert_int_equal(w.npath, 3);
	assert_int_equal(w.path[0].question, f->a);
	assert_int_equal(w.path[0].answer, 0);
	assert_int_equal(w.path[1].question, f->b);
	assert_int_equal(w.path[2].answer, 1);
	assert_int_equal(w.nunsure, 3);
	assert_int_equal(w.unsure[0], f->a);
	assert_int_equal(w.unsure[1], f->b);
	assert_int_equal(w.unsure[2], f->c);
	assert_false(w.better[w.better_at[0] + 0]);
	assert_false(w.better[w.better_at[0] + 1]);
	assert_true(w.better[w.better_at[0] + 2]);
	assert_false(w.better[w.better_at[1] + 0]);
	assert_false(w.better[w.better_at[1] + 1]);
	assert_true(w.better[w.better_at[2] + 0]);
	assert_false(w.better[w.better_at[2] + 1]);

	ask_worst_heading(&w, heading, sizeof heading);
	assert_string_equal(heading, "Worst case: you were not sure about "
	    "1 question; 2 after it were not asked.");
	note = ask_worst_note(f->p, &w, 0, " - ");
	assert_string_equal(note, "A? - answering 'z' would allow: "
	    "Use AI with review or better");
	free(note);
	note = ask_worst_note(f->p, &w, 1, " - ");
	assert_string_equal(note, "Question B? - no answer would change "
	    "the verdict");
	free(note);
	path = ask_path_text(f->p, w.path, w.npath, w.unsure, w.nunsure,
	    " > ");
	assert_string_equal(path, "A? x (not sure) > Question B? p (not sure)"
	    " > Question C? n (not sure)");
	free(path);

	/* the walk itself is untouched; the record carries the unsure list */
	assert_int_equal(f->s.current, f->a);
	assert_null(f->s.outcome);
	assert_int_equal(ask_last_record_worst(&last, &w), 0);
	assert_int_equal(last.nunsure, 3);
	assert_int_equal(last.unsure[2], f->c);
	assert_int_equal(last.npath, 3);
	assert_int_equal(ask_quit_code(&last), 20);
	/* a plain verdict after it clears the unsure list */
	walk_state_answer(&f->s, 2);
	assert_int_equal(ask_last_record(&last, &f->s), 0);
	assert_int_equal(last.nunsure, 0);
	assert_int_equal(ask_quit_code(&last), 0);
	ask_last_release(&last);
	ask_worst_release(&w);
	ask_worst_release(&w); /* released twice: a no-op */
}

/* "Not sure" at c after a=y: c=n, do-not-use; c=m would allow use-freely,
 * and with only one unsure question the heading says so. */
static void test_not_sure_below_answers(void **state)
{
	struct fixture *f = *state;
	struct ask_worst w;
	char heading[128], *note, *path;

	walk_state_answer(&f->s, 1);
	assert_int_equal(ask_worst_compute(f->p, &f->s, &w), 0);
	assert_int_equal(w.outcome->verdict, VERDICT_DO_NOT_USE);
	assert_int_equal(w.nunsure, 1);
	assert_int_equal(w.unsure[0], f->c);
	ask_worst_heading(&w, heading, sizeof heading);
	assert_string_equal(heading,
	    "Worst case: you were not sure about 1 question.");
	note = ask_worst_note(f->p, &w, 0, " - ");
	assert_string_equal(note, "Question C? - answering 'm' would allow: "
	    "Use AI with review or better");
	free(note);
	path = ask_path_text(f->p, w.path, w.npath, w.unsure, w.nunsure,
	    " > ");
	assert_string_equal(path, "A? y > Question C? n (not sure)");
	free(path);
	ask_worst_release(&w);

	/* at a verdict there is no question to be unsure about */
	walk_state_answer(&f->s, 0);
	assert_non_null(f->s.outcome);
	assert_int_equal(ask_worst_compute(f->p, &f->s, &w), -1);
	assert_null(w.outcome);
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
		cmocka_unit_test_setup_teardown(test_not_sure_at_start, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_not_sure_below_answers,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
