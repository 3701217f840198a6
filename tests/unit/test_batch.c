/*
 * test_batch.c: answering JSON lines (batch_line): blank lines skipped,
 * every kind of bad line an error line with its number and the run going
 * on, results as aipolicy_result_json_render makes them; walking without output
 * (for the decision log); lines cut as getline would cut them
 * (batch_next_line); answers taken from a JSON object in order; the
 * strict parser taking what it should and nothing else, and a batch with it
 * answering many generated lines exactly as one with jansson alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/batch.h"
#include "testutil.h"

/* Lines the generator makes for the comparison of the two parsers. */
#define GEN_LINES 20000
/* Longest generated line. */
#define GEN_MAX 256
/* Out of 8, how often a generated line has a byte changed. */
#define GEN_MUTATE 3

static const char policy_yaml[] = TEST_SMALL_POLICY("b");

struct fixture {
	struct aipolicy *p;
	struct aipolicy_result_json *rj;
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
	f->rj = aipolicy_result_json_new(f->p, false);
	f->b = f->rj != NULL ? batch_new(f->p, f->rj, 0) : NULL;
	return f->b != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		batch_free(f->b);
		aipolicy_result_json_free(f->rj);
		aipolicy_free(f->p);
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
	assert_int_equal(batch_result(f->b)->status, AIPOLICY_WALK_VERDICT);
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
	assert_int_equal(batch_result(f->b)->status, AIPOLICY_WALK_INCOMPLETE);
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
	assert_int_equal(batch_result(f->b)->status, AIPOLICY_WALK_VERDICT);
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
	struct aipolicy_given *given = NULL;
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

/* The strict parser takes flat objects of plain strings, in order. */
static void
test_fast_takes(void **state)
{
	struct fixture *f = *state;
	static const char ok[] = " {\t\"data\" :\"no\", \"\": \"a b?\"} ";
	const struct aipolicy_given *g;
	size_t n;

	assert_int_equal(batch_parse_fast(f->b, ok, sizeof ok - 1, &n), 1);
	assert_int_equal(n, 2);
	g = batch_given(f->b);
	assert_int_equal(g[0].question_len, 4);
	assert_memory_equal(g[0].question, "data", 4);
	assert_int_equal(g[0].answer_len, 2);
	assert_memory_equal(g[0].answer, "no", 2);
	assert_int_equal(g[1].question_len, 0);
	assert_int_equal(g[1].answer_len, 4);
	assert_int_equal(batch_parse_fast(f->b, "{}", 2, &n), 1);
	assert_int_equal(n, 0);
}

/* ... and leaves everything else to jansson. */
static void
test_fast_declines(void **state)
{
	struct fixture *f = *state;
	static const char *const other[] = {
		"", "{", "}", "[]", "{\"a\"}", "{\"a\": 1}", "{\"a\": null}",
		"{\"a\": \"b\",}", "{,}", "{\"a\": \"b\"} x", "{} {}",
		"{\"a\": \"b\" \"c\": \"d\"}", "{\"a\": \"b\", \"a\": \"c\"}",
		"{\"a\\\"\": \"b\"}", "{\"a\": \"\\n\"}",
		"{\"\xc3\xa9\": \"b\"}",
		"{\"a\": \"\x7f\"}", "{\"a\": \"\x01\"}", "{\"a\":\r\"b\"}",
		"{\"a\": \"b\"}\n", "{\"a\": {\"b\": \"c\"}}", "{\"a\": \"b",
	};
	char many[GEN_MAX * 4];
	size_t i, n, len = 0;

	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		assert_int_equal(batch_parse_fast(f->b, other[i],
		    strlen(other[i]), &n), 0);
	/* more answers than it compares for repeats */
	many[len++] = '{';
	for (i = 0; i < 65; i++)
		len += (size_t)snprintf(many + len, sizeof many - len,
		    "%s\"k%zu\": \"v\"", i ? "," : "", i);
	many[len++] = '}';
	assert_int_equal(batch_parse_fast(f->b, many, len, &n), 0);
	assert_int_equal(batch_parse_fast(f->b, many, len - 1, &n), 0);
}

/* The next number of a small fixed generator (no timing, no seeds). */
static uint32_t
gen_next(uint32_t *x)
{
	*x = *x * 1103515245u + 12345u;
	return *x >> 16;
}

/* A line into S (room for GEN_MAX bytes): an object of a few answers from
 * small sets, spaced at random, sometimes with one byte changed. */
static size_t
gen_line(uint32_t *x, char *s)
{
	static const char *const keys[] = { "data", "tool", "x", "" };
	static const char *const vals[] = { "yes", "no", "?", "maybe", "" };
	static const char bytes[] = "\"\\{}[],: \t\r\x01\xc3\xa9\x7f" "1nu\0";
	static const char *const gaps[] = { "", " ", "\t", "  " };
	size_t len = 0, k = gen_next(x) % 5, i;

	len += (size_t)sprintf(s, "%s{", gaps[gen_next(x) % 4]);
	for (i = 0; i < k; i++)
		len += (size_t)sprintf(s + len, "%s%s\"%s\"%s:%s\"%s\"",
		    i ? "," : "", gaps[gen_next(x) % 4], keys[gen_next(x) % 4],
		    gaps[gen_next(x) % 4], gaps[gen_next(x) % 4],
		    vals[gen_next(x) % 5]);
	len += (size_t)sprintf(s + len, "}%s", gaps[gen_next(x) % 4]);
	if (gen_next(x) % 8 < GEN_MUTATE)
		s[gen_next(x) % len] = bytes[gen_next(x) % (sizeof bytes - 1)];
	return len;
}

/* Many generated lines: the same status and the same output line with the
 * strict parser as with jansson alone; the strict parser took many. */
static void
test_fast_agrees(void **state)
{
	struct fixture *f = *state;
	struct batch *slow = batch_new(f->p, f->rj, 0);
	char s[GEN_MAX], *out = NULL;
	size_t i, len, n, olen = 0, ocap = 0, taken = 0;
	enum batch_status st, st2;
	uint32_t x = 1;

	assert_non_null(slow);
	batch_set_fast(slow, false);
	for (i = 0; i < GEN_LINES; i++) {
		len = gen_line(&x, s);
		taken += batch_parse_fast(f->b, s, len, &n) == 1;
		f->len = olen = 0;
		assert_int_equal(batch_line(f->b, s, len, i + 1, &st, &f->out,
		    &f->len, &f->cap), 0);
		assert_int_equal(batch_line(slow, s, len, i + 1, &st2, &out,
		    &olen, &ocap), 0);
		assert_int_equal(st, st2);
		assert_int_equal(f->len, olen);
		assert_memory_equal(f->out, out, olen);
	}
	assert_true(taken > GEN_LINES / 4);
	assert_true(taken < GEN_LINES);
	free(out);
	batch_free(slow);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fast_takes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fast_declines, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fast_agrees, setup,
		    teardown),
		cmocka_unit_test(test_next_line),
		cmocka_unit_test(test_answers_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
