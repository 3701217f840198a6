/*
 * test_graph.c: the graph checks on policies built by hand, without YAML:
 * the first cycle and where it closes, heights, what start reaches, and a
 * long chain without recursion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "graph.h"

/* A policy of N questions q0..; question i's answers lead to the targets
 * in T[i] (a question index, or -1 - K for outcome K), ending with 0. */
struct handmade {
	struct aipolicy p;
	struct aipolicy_question q[8];
	struct aipolicy_answer a[8][3];
	struct aipolicy_outcome o[2];
};

static const char *const ids[] = { "q0", "q1", "q2", "q3", "q4", "q5",
    "q6", "q7" };

static void
make(struct handmade *h, size_t n, const int t[][3])
{
	size_t i, j;

	memset(h, 0, sizeof *h);
	h->p.questions = h->q;
	h->p.nquestions = n;
	h->p.outcomes = h->o;
	h->p.noutcomes = 2;
	for (i = 0; i < n; i++) {
		h->q[i].id = ids[i];
		h->q[i].answers = h->a[i];
		for (j = 0; j < 3 && t[i][j] != 0; j++) {
			struct aipolicy_answer *a = &h->a[i][j];
			a->loc.line = (uint32_t)(10 * i + j + 1);
			a->loc.column = 5;
			if (t[i][j] > 0) {
				a->target.kind = AIPOLICY_TARGET_QUESTION;
				a->target.index = (uint32_t)t[i][j];
			} else {
				a->target.kind = AIPOLICY_TARGET_OUTCOME;
				a->target.index = (uint32_t)(-t[i][j] - 1);
			}
		}
		h->q[i].nanswers = j;
	}
}

static void
test_no_cycle_gives_heights(void **state)
{
	/* q0 -> q1 -> q2, q0 -> q2: heights 3, 2, 1. */
	static const int t[][3] = { { 1, 2, 0 }, { 2, -1, 0 }, { -1, -2, 0 } };
	struct handmade h;
	struct graph_cycle c;

	(void)state;
	make(&h, 3, t);
	assert_int_equal(graph_find_cycle(&h.p, &c), 0);
	assert_null(c.path);
	assert_int_equal(h.q[0].height, 3);
	assert_int_equal(h.q[1].height, 2);
	assert_int_equal(h.q[2].height, 1);
}

static void
test_cycle_at_the_answer_that_closes_it(void **state)
{
	/* q0 -> q1 -> q2 -> q1: closed by q2's second answer. */
	static const int t[][3] = { { 1, -1, 0 }, { 2, -1, 0 }, { -2, 1, 0 } };
	struct handmade h;
	struct graph_cycle c;

	(void)state;
	make(&h, 3, t);
	assert_int_equal(graph_find_cycle(&h.p, &c), 1);
	assert_string_equal(c.path, "q1 -> q2 -> q1");
	assert_int_equal(c.at.line, 22);
	free(c.path);
}

static void
test_cycle_away_from_start_is_found(void **state)
{
	/* start q0 -> outcomes; q1 <-> q2 unreached, still a cycle. */
	static const int t[][3] = { { -1, -2, 0 }, { 2, -1, 0 }, { 1, -1, 0 } };
	struct handmade h;
	struct graph_cycle c;

	(void)state;
	make(&h, 3, t);
	assert_int_equal(graph_find_cycle(&h.p, &c), 1);
	assert_string_equal(c.path, "q1 -> q2 -> q1");
	free(c.path);
}

/* What the search from start visits is reachable; what only a later
 * search visits (q2, and the outcome only q2 leads to) is not. */
static void
test_reachable_from_start(void **state)
{
	static const int t[][3] = { { 1, -1, 0 }, { -1, -1, 0 }, { 1, -2, 0 } };
	struct handmade h;
	struct graph_cycle c;

	(void)state;
	make(&h, 3, t);
	h.q[2].reachable = true;
	h.o[1].reachable = true;
	assert_int_equal(graph_find_cycle(&h.p, &c), 0);
	assert_true(h.q[0].reachable);
	assert_true(h.q[1].reachable);
	assert_false(h.q[2].reachable);
	assert_true(h.o[0].reachable);
	assert_false(h.o[1].reachable);
}

/* 200,000 questions in a chain: explicit stacks, no recursion. */
static void
test_long_chain(void **state)
{
	enum { N = 200000 };
	struct aipolicy p;
	struct aipolicy_question *q = calloc(N, sizeof *q);
	struct aipolicy_answer *a = calloc(2 * N, sizeof *a);
	struct aipolicy_outcome o;
	struct graph_cycle c;
	size_t i;

	(void)state;
	assert_non_null(q);
	assert_non_null(a);
	memset(&p, 0, sizeof p);
	memset(&o, 0, sizeof o);
	p.questions = q;
	p.nquestions = N;
	p.outcomes = &o;
	p.noutcomes = 1;
	for (i = 0; i < N; i++) {
		q[i].id = "q";
		q[i].answers = &a[2 * i];
		q[i].nanswers = 2;
		a[2 * i].target.kind = i + 1 < N ? AIPOLICY_TARGET_QUESTION :
		    AIPOLICY_TARGET_OUTCOME;
		a[2 * i].target.index = i + 1 < N ? (uint32_t)(i + 1) : 0;
		a[2 * i + 1].target.kind = AIPOLICY_TARGET_OUTCOME;
	}
	assert_int_equal(graph_find_cycle(&p, &c), 0);
	assert_int_equal(q[0].height, N);
	assert_true(q[N - 1].reachable);
	free(q);
	free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_cycle_gives_heights),
		cmocka_unit_test(test_cycle_at_the_answer_that_closes_it),
		cmocka_unit_test(test_cycle_away_from_start_is_found),
		cmocka_unit_test(test_reachable_from_start),
		cmocka_unit_test(test_long_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
