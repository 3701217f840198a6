/*
 * test_batch.c: answering JSON lines (batch_line): blank lines skipped,
 * every kind of bad line an error line with its number and the run going
 * on, results as result_json_render makes them; walking without output
 * (for the decision log); lines cut as getline would cut them
 * (batch_next_line); answers taken from a JSON object in order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aipolicy/batch.h"
#include "testutil.h"

static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: b\n"
	"title: T\n"
	"version: v\n"
	"owner: O\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: Data?\n"
	"    answers:\n"
	"      yes: tool\n"
	"      no: free\n"
	"  tool:\n"
	"    ask: Tool?\n"
	"    answers:\n"
	"      yes: free\n"
	"      no: { verdict: do-not-use, summary: Stop. }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: Go. }\n";

struct fixture {
	struct policy *p;
	struct result_json *rj;
	struct batch *b;
	char *out;
	size_t len, cap;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	*state = f;
	if (f == NULL)
		return -1;
	f->p = test_load(policy_yaml, sizeof policy_yaml - 1);
	if (f->p == NULL)
		return -1;
	f->rj = result_json_new(f->p, false);
	f->b = f->rj != NULL ? batch_new(f->p, f->rj, 0) : NULL;
	return f->b != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		batch_free(f->b);
		result_json_free(f->rj);
		policy_free(f->p);
		free(f->out);
		free(f);
	}
	return 0;
}

/* Answer LINE as line number N; returns its status and checks that the
 * output is one line (or none, when skipped). */
static enum batch_status
line(struct fixture *f, const char *text, size_t n, size_t lineno)
{
	enum batch_status st;
	size_t before = f->len;

	assert_int_equal(batch_line(f->b, text, n, lineno, &st, &f->out,
	    &f->len, &f->cap), 0);
	if (st == BATCH_SKIPPED) {
		assert_int_equal(f->len, before);
	} else {
		assert_int_equal(f->out[f->len - 1], '\n');
		assert_ptr_equal(memchr(f->out + before, '\n', f->len - before),
		    f->out + f->len - 1);
	}
	return st;
}

static void
test_lines(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = {
		"not json", "[\"data\", \"no\"]", "{\"data\": 1}",
		"{\"data\": \"no\", \"data\": \"yes\"}",
		"{\"data\": \"maybe\"}",
		"{\"data\": \"n\\u0000o\"}",
	};
	size_t i;

	assert_int_equal(line(f, "", 0, 1), BATCH_SKIPPED);
	assert_int_equal(line(f, " \t ", 3, 2), BATCH_SKIPPED);
	assert_int_equal(line(f, "{\"data\": \"no\"}", 14, 3), BATCH_ANSWERED);
	assert_int_equal(batch_result(f->b)->status, WALK_VERDICT);
	assert_non_null(strstr(f->out,
	    "{\"line\": 3, \"status\": \"verdict\""));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(line(f, bad[i], strlen(bad[i]), 4 + i),
		    BATCH_ERROR);
	assert_non_null(strstr(f->out, "{\"line\": 4, \"status\": \"error\", "
	    "\"error\": \"invalid JSON at column 3: '[' or '{' expected near "
	    "'not'\"}\n"));
	assert_non_null(strstr(f->out, "\"error\": \"the answer to 'data' "
	    "must be a string\""));
	assert_non_null(strstr(f->out, "'maybe' is not an answer of question "
	    "'data' (answers: 'yes', 'no')"));
	assert_non_null(strstr(f->out, "{\"line\": 9, \"status\": \"error\", "
	    "\"error\": \"invalid JSON at column 19: a NUL character is not "
	    "allowed\"}"));
	/* A raw NUL byte. */
	assert_int_equal(line(f, "{\"data\"\0}", 9, 10), BATCH_ERROR);
	assert_non_null(strstr(f->out, "a NUL byte is not allowed"));
	assert_int_equal(line(f, "{\"data\": \"yes\"}", 15, 11),
	    BATCH_ANSWERED);
	assert_int_equal(batch_result(f->b)->status, WALK_INCOMPLETE);
}

static void
test_walk_only(void **state)
{
	struct fixture *f = *state;
	enum batch_status st;
	const char *q = "{\"data\": \"yes\", \"tool\": \"no\"}";

	assert_int_equal(batch_line(f->b, q, strlen(q), 1, &st, NULL, NULL,
	    NULL), 0);
	assert_int_equal(st, BATCH_ANSWERED);
	assert_int_equal(batch_result(f->b)->status, WALK_VERDICT);
	assert_string_equal(batch_result(f->b)->outcome->id, "tool.no");
	assert_int_equal(batch_line(f->b, "{", 1, 2, &st, NULL, NULL, NULL), 0);
	assert_int_equal(st, BATCH_ERROR);
	assert_null(f->out);
}

static void
test_next_line(void **state)
{
	static const char text[] = "a\nb\r\n\r\n\nlast\r";
	const char *expect[] = { "a", "b", "", "", "last" };
	const char *l;
	size_t pos = 0, n, i = 0;

	(void)state;
	while (batch_next_line(text, sizeof text - 1, &pos, &l, &n)) {
		assert_true(i < 5);
		assert_int_equal(n, strlen(expect[i]));
		assert_memory_equal(l, expect[i], n);
		i++;
	}
	assert_int_equal(i, 5);
	pos = 0;
	assert_false(batch_next_line("", 0, &pos, &l, &n));
	assert_true(batch_next_line("\n", 1, &pos, &l, &n));
	assert_int_equal(n, 0);
	assert_false(batch_next_line("\n", 1, &pos, &l, &n));
}

static void
test_answers_in_order(void **state)
{
	json_t *obj = json_loads("{\"z\": \"1\", \"a\": \"2\", \"m\": \"3\"}",
	    0, NULL);
	struct given *given = NULL;
	size_t n, cap = 0;
	char err[100];

	(void)state;
	assert_int_equal(batch_answers(obj, &given, &n, &cap, err, sizeof err),
	    0);
	assert_int_equal(n, 3);
	assert_memory_equal(given[0].question, "z", 1);
	assert_memory_equal(given[1].question, "a", 1);
	assert_memory_equal(given[2].answer, "3", 1);
	json_decref(obj);
	obj = json_loads("{\"a\": \"x\", \"b\": null}", 0, NULL);
	assert_int_equal(batch_answers(obj, &given, &n, &cap, err, sizeof err),
	    1);
	assert_string_equal(err, "the answer to 'b' must be a string");
	json_decref(obj);
	free(given);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_only, setup,
		    teardown),
		cmocka_unit_test(test_next_line),
		cmocka_unit_test(test_answers_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
