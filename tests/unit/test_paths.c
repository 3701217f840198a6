/*
 * test_paths.c: the decision table: the order of paths, the iterator on a
 * DAG and on a 200,000-question chain, and the TSV and JSON rows.
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

#include "core/paths.h"

#define HEAD(start) \
	"aipolicy: 1\nid: t\ntitle: T\nversion: v1\nowner: O\n" \
	"effective: 2026-01-01\nreview_by: 2026-12-31\nstart: " start "\n"
#define OUTCOMES \
	"outcomes:\n" \
	"  free: { verdict: use-freely, summary: Free. }\n" \
	"  stop: { verdict: do-not-use, summary: Stop. }\n"

static const char basic_yaml[] = HEAD("data")
	"questions:\n"
	"  data:\n    ask: Data?\n    answers:\n"
	"      yes: tool\n      no: free\n"
	"      \"a=b;c\\\\d\\te\": { verdict: use-with-review, summary: R.,"
	" reviewer: M }\n"
	"  tool:\n    ask: Tool?\n    answers: { yes: free, No: stop }\n"
	OUTCOMES;

/* Render every row of P in FORMAT; caller owns the result. */
static char *
render_all(const struct aipolicy *p, enum paths_format format, size_t *rows)
{
	struct paths *it = paths_new(p);
	struct paths_render *pr = paths_render_new(p, format);
	struct paths_row row;
	char *out = NULL;
	size_t len = 0, cap = 0;

	assert_non_null(it);
	assert_non_null(pr);
	*rows = 0;
	assert_int_equal(paths_render_begin(pr, &out, &len, &cap), 0);
	while (paths_next(it, &row)) {
		assert_int_equal(paths_render_row(pr, &row, &out, &len, &cap),
		    0);
		(*rows)++;
	}
	assert_false(paths_next(it, &row));   /* and stays at the end */
	assert_int_equal(paths_render_end(pr, &out, &len, &cap), 0);
	assert_int_equal(strlen(out), len);
	paths_render_free(pr);
	paths_free(it);
	return out;
}

static void
test_tsv(void **state)
{
	struct aipolicy *p = test_load(basic_yaml, sizeof basic_yaml - 1);
	size_t rows;
	char *out;

	(void)state;
	assert_non_null(p);
	out = render_all(p, PATHS_TSV, &rows);
	assert_int_equal(rows, 4);
	assert_string_equal(out,
	    "path\tverdict\toutcome\n"
	    "data=yes;tool=yes\tuse-freely\tfree\n"
	    "data=yes;tool=No\tdo-not-use\tstop\n"
	    "data=no\tuse-freely\tfree\n"
	    "data=a\\=b\\;c\\\\d\\te\tuse-with-review\t"
	    "data.a\\=b\\;c\\\\d\\te\n");
	free(out);
	aipolicy_free(p);
}

#define JSON_START "[{\"path\": [{\"question\": \"data\", \"answer\": " \
	"\"yes\"}, {\"question\": \"tool\", \"answer\": \"yes\"}], " \
	"\"verdict\": \"use-freely\", \"outcome\": \"free\"}, {\"path\": "

static void
test_json(void **state)
{
	struct aipolicy *p = test_load(basic_yaml, sizeof basic_yaml - 1);
	json_error_t err;
	json_t *j, *row, *step;
	size_t rows;
	char *out;

	(void)state;
	assert_non_null(p);
	out = render_all(p, PATHS_JSON, &rows);
	/* One line, ending in a newline, with jansson's separators. */
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);
	assert_true(strncmp(out, JSON_START, strlen(JSON_START)) == 0);
	j = json_loads(out, JSON_REJECT_DUPLICATES, &err);
	assert_non_null(j);
	assert_true(json_is_array(j));
	assert_int_equal(json_array_size(j), rows);
	row = json_array_get(j, 3);
	assert_int_equal(json_object_size(row), 3);
	assert_string_equal(json_string_value(json_object_get(row, "verdict")),
	    "use-with-review");
	assert_string_equal(json_string_value(json_object_get(row, "outcome")),
	    "data.a=b;c\\d\te");
	step = json_array_get(json_object_get(row, "path"), 0);
	assert_string_equal(json_string_value(json_object_get(step, "answer")),
	    "a=b;c\\d\te");
	json_decref(j);
	free(out);
	aipolicy_free(p);
}

/* Ten questions, each with two answers to the next: 2^10 paths, in
 * binary counting order. */
static void
test_dag(void **state)
{
	char yaml[4096];
	size_t len, i, rows = 0;
	struct aipolicy *p;
	struct paths *it;
	struct paths_row row;

	(void)state;
	len = (size_t)snprintf(yaml, sizeof yaml, "%squestions:\n",
	    HEAD("q0"));
	for (i = 0; i < 10; i++)
		len += (size_t)snprintf(yaml + len, sizeof yaml - len,
		    "  q%zu: {ask: Q?, answers: {a: %s%zu, b: %s%zu}}\n", i,
		    i < 9 ? "q" : "free", i < 9 ? i + 1 : 0,
		    i < 9 ? "q" : "stop", i < 9 ? i + 1 : 0);
	len += (size_t)snprintf(yaml + len, sizeof yaml - len, "%s",
	    "outcomes:\n  free0: { verdict: use-freely, summary: F. }\n"
	    "  stop0: { verdict: do-not-use, summary: S. }\n");
	p = test_load(yaml, len);
	assert_non_null(p);
	it = paths_new(p);
	assert_non_null(it);
	while (paths_next(it, &row)) {
		assert_int_equal(row.nsteps, 10);
		for (i = 0; i < 10; i++) {
			assert_int_equal(row.steps[i].question, i);
			assert_int_equal(row.steps[i].answer,
			    (rows >> (9 - i)) & 1);
		}
		assert_string_equal(row.outcome->id, rows & 1 ? "stop0" :
		    "free0");
		rows++;
	}
	assert_int_equal(rows, 1024);
	paths_free(it);
	aipolicy_free(p);
}

#define CHAIN_END ";q199998=y;q199999=y\tdo-not-use\tstop0\n"

/* A 200,000-question chain: one path 200,000 answers long, then one
 * short path per question; no recursion, so no stack overflow. */
static void
test_long_chain(void **state)
{
	const size_t n = 200000;
	size_t cap = n * 64 + 1024, len, i, rows = 0;
	char *yaml = malloc(cap), *out = NULL;
	struct aipolicy *p;
	struct paths *it;
	struct paths_render *pr;
	struct paths_row row;
	size_t olen = 0, ocap = 0;

	(void)state;
	assert_non_null(yaml);
	len = (size_t)snprintf(yaml, cap, "%squestions:\n", HEAD("q0"));
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(yaml + len, cap - len,
		    "  q%zu: {ask: Q?, answers: {y: %s%zu, n: free}}\n", i,
		    i + 1 < n ? "q" : "stop", i + 1 < n ? i + 1 : 0);
	len += (size_t)snprintf(yaml + len, cap - len, "%s",
	    "outcomes:\n  free: { verdict: use-freely, summary: F. }\n"
	    "  stop0: { verdict: do-not-use, summary: S. }\n");
	p = test_load(yaml, len);
	free(yaml);
	assert_non_null(p);
	it = paths_new(p);
	pr = paths_render_new(p, PATHS_TSV);
	assert_non_null(it);
	assert_non_null(pr);
	assert_true(paths_next(it, &row));
	assert_int_equal(row.nsteps, n);
	assert_string_equal(row.outcome->id, "stop0");
	assert_int_equal(paths_render_row(pr, &row, &out, &olen, &ocap), 0);
	assert_true(strncmp(out, "q0=y;q1=y;q2=y;", 15) == 0);
	assert_string_equal(out + olen - strlen(CHAIN_END), CHAIN_END);
	rows = 1;
	while (paths_next(it, &row)) {
		/* Backtracking: each later path ends one question earlier. */
		assert_int_equal(row.nsteps, n - rows + 1);
		assert_string_equal(row.outcome->id, "free");
		rows++;
	}
	assert_int_equal(rows, n + 1);
	free(out);
	paths_render_free(pr);
	paths_free(it);
	aipolicy_free(p);
}

/* The caller may write the buffer out and empty it between rows. */
static void
test_chunks(void **state)
{
	struct aipolicy *p = test_load(basic_yaml, sizeof basic_yaml - 1);
	struct paths *it;
	struct paths_render *pr;
	struct paths_row row;
	char *out = NULL, joined[1024] = "";
	size_t len = 0, cap = 0;

	(void)state;
	assert_non_null(p);
	it = paths_new(p);
	pr = paths_render_new(p, PATHS_JSON);
	assert_int_equal(paths_render_begin(pr, &out, &len, &cap), 0);
	while (paths_next(it, &row)) {
		assert_int_equal(paths_render_row(pr, &row, &out, &len, &cap),
		    0);
		strncat(joined, out, sizeof joined - strlen(joined) - 1);
		len = 0;
	}
	assert_int_equal(paths_render_end(pr, &out, &len, &cap), 0);
	strncat(joined, out, sizeof joined - strlen(joined) - 1);
	free(out);
	out = render_all(p, PATHS_JSON, &len);
	assert_string_equal(joined, out);
	free(out);
	paths_render_free(pr);
	paths_free(it);
	aipolicy_free(p);
	paths_free(NULL);
	paths_render_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_dag),
		cmocka_unit_test(test_long_chain),
		cmocka_unit_test(test_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
