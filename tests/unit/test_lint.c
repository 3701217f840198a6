/*
 * test_lint.c: aipolicy_lint (stale, not in force yet, the one page no longer
 * fits, outcomes no test case reaches, test answers a walk never uses) and
 * the diagnostics list it fills (sorting, --strict).
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

#include "aipolicy/diag.h"
#include "aipolicy/lint.h"
#include "aipolicy/policy.h"

/*
 * Line numbers matter: review_by's value is at 7:15, effective's at 6:12,
 * outcome 'rev' at 25:3 and the inline outcome a.z at 15:10.
 */
#define POLICY \
	"aipolicy: 1\n"                                         /*  1 */ \
	"id: lint-test\n"                                       /*  2 */ \
	"title: Lint test\n"                                    /*  3 */ \
	"version: v1\n"                                         /*  4 */ \
	"owner: Owner\n"                                        /*  5 */ \
	"effective: 2026-01-01\n"                               /*  6 */ \
	"review_by:    2026-12-31\n"                            /*  7 */ \
	"start: a\n"                                            /*  8 */ \
	"questions:\n"                                          /*  9 */ \
	"  a:\n"                                                /* 10 */ \
	"    ask: A?\n"                                         /* 11 */ \
	"    answers:\n"                                        /* 12 */ \
	"      x: b\n"                                          /* 13 */ \
	"      y: free\n"                                       /* 14 */ \
	"      Z: { verdict: do-not-use, summary: No. }\n"      /* 15 */ \
	"  b:\n"                                                /* 16 */ \
	"    ask: B?\n"                                         /* 17 */ \
	"    answers:\n"                                        /* 18 */ \
	"      p: rev\n"                                        /* 19 */ \
	"      q: free\n"                                       /* 20 */ \
	"outcomes:\n"                                           /* 21 */ \
	"  free:\n"                                             /* 22 */ \
	"    verdict: use-freely\n"                             /* 23 */ \
	"    summary: Free.\n"                                  /* 24 */ \
	"  rev:\n"                                              /* 25 */ \
	"    verdict: use-with-review\n"                        /* 26 */ \
	"    summary: Review.\n"                                /* 27 */ \
	"    reviewer: R\n"                                     /* 28 */

static const char no_tests_yaml[] = POLICY;

/* Tests reach 'free' only; 'rev' and the inline 'a.z' are not reached
 * (the second case stops short at b). */
static const char some_tests_yaml[] = POLICY
	"tests:\n"
	"  - answers: { a: y }\n"
	"    expect: free\n"
	"  - answers: { a: x }\n"
	"    expect: rev\n";

static const char all_tests_yaml[] = POLICY
	"tests:\n"
	"  - answers: { a: y }\n"
	"    expect: free\n"
	"  - answers: { a: x, b: p }\n"
	"    expect: rev\n"
	"  - answers: { a: z }\n"
	"    expect: do-not-use\n";

/* Case 1 answers b although a=y ends the walk before it (b at 30:22);
 * case 2 stops short at b, which is no unused answer; case 3 uses all. */
static const char unused_yaml[] = POLICY
	"tests:\n"                                             /* 29 */
	"  - answers: { a: y, b: p }\n"                        /* 30 */
	"    expect: free\n"
	"  - answers: { a: x }\n"
	"    expect: rev\n"
	"  - answers: { a: x, b: p }\n"
	"    expect: rev\n"
	"  - answers:\n"                                        /* 36 */
	"      b: Q\n"                                          /* 37 */
	"      a: z\n"
	"    expect: do-not-use\n";

static const char quoted_dates_yaml[] =
	"aipolicy: 1\n"
	"id: lint-test\n"
	"title: Lint test\n"
	"version: v1\n"
	"owner: Owner\n"
	"review_by: \"2027-03-31\"\n"
	"effective: '2027-02-01'\n"
	"start: a\n"
	"questions:\n"
	"  a:\n"
	"    ask: A?\n"
	"    answers: { x: free, y: free }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: Free. }\n";

/* Lint P on TODAY into D (initialised here). */
static void
lint(const struct aipolicy *p, aipolicy_date_t today, struct aipolicy_diags *d)
{
	aipolicy_diags_init(d, "lint-test.yaml");
	assert_int_equal(aipolicy_lint(p, today, d), 0);
}

static void
print_diags(const struct aipolicy_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		print_message("  %u:%u: %s\n", d->items[i].line,
		    d->items[i].column, d->items[i].message);
}

/* D holds N diagnostics; shows them when it does not. */
static void
assert_count(const struct aipolicy_diags *d, size_t n)
{
	if (d->count != n)
		print_diags(d);
	assert_int_equal(d->count, n);
}

static const struct aipolicy_diag *
find(const struct aipolicy_diags *d, const char *needle)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (strstr(d->items[i].message, needle) != NULL)
			return &d->items[i];
	}
	return NULL;
}

/* ---- dates -------------------------------------------------------------- */

static void
test_lint_stale(void **state)
{
	struct aipolicy *p = TEST_LOAD(no_tests_yaml);
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20270101, &d);
	assert_count(&d, 1);
	assert_int_equal(d.nwarnings, 1);
	assert_int_equal(d.nerrors, 0);
	w = &d.items[0];
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_non_null(strstr(w->message, "stale"));
	assert_non_null(strstr(w->message, "2026-12-31"));
	/* At the value of review_by, with its line for the caret. */
	assert_int_equal(w->line, 7);
	assert_int_equal(w->column, 15);
	assert_non_null(w->source);
	assert_string_equal(w->source, "review_by:    2026-12-31");
	aipolicy_diags_release(&d);

	/* Long past: still one warning. */
	lint(p, 20300615, &d);
	assert_int_equal(d.count, 1);
	assert_non_null(find(&d, "stale"));
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_lint_not_stale_on_review_day(void **state)
{
	struct aipolicy *p = TEST_LOAD(no_tests_yaml);
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20261231, &d);
	assert_count(&d, 0);
	assert_int_equal(d.nwarnings, 0);
	aipolicy_diags_release(&d);
	lint(p, 20261230, &d);
	assert_int_equal(d.count, 0);
	aipolicy_diags_release(&d);
	/* In force on its first day. */
	lint(p, 20260101, &d);
	assert_int_equal(d.count, 0);
	aipolicy_diags_release(&d);
	assert_false(aipolicy_is_stale(p, 20261231));
	assert_true(aipolicy_is_stale(p, 20270101));
	aipolicy_free(p);
}

static void
test_lint_not_in_force(void **state)
{
	struct aipolicy *p = TEST_LOAD(no_tests_yaml);
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20251231, &d);
	assert_count(&d, 1);
	w = &d.items[0];
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_non_null(strstr(w->message, "not in force yet"));
	assert_non_null(strstr(w->message, "2026-01-01"));
	assert_null(strstr(w->message, "stale"));
	assert_int_equal(w->line, 6);
	assert_int_equal(w->column, 12);
	assert_non_null(w->source);
	assert_string_equal(w->source, "effective: 2026-01-01");
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* Quoted dates: the position is that of the value (its quote). */
static void
test_lint_dates_quoted(void **state)
{
	struct aipolicy *p = TEST_LOAD(quoted_dates_yaml);
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20270401, &d);
	assert_int_equal(d.count, 1);
	w = find(&d, "stale");
	assert_non_null(w);
	assert_int_equal(w->line, 6);
	assert_int_equal(w->column, 12);
	aipolicy_diags_release(&d);

	lint(p, 20270131, &d);
	assert_int_equal(d.count, 1);
	w = find(&d, "not in force yet");
	assert_non_null(w);
	assert_int_equal(w->line, 7);
	assert_int_equal(w->column, 12);
	aipolicy_diags_release(&d);

	lint(p, 20270201, &d);
	assert_int_equal(d.count, 0);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* ---- outcomes no test case reaches ------------------------------------ */

static void
test_lint_untested_only_with_tests(void **state)
{
	struct aipolicy *p = TEST_LOAD(no_tests_yaml);
	struct aipolicy_diags d;

	(void)state;
	assert_int_equal(p->ntests, 0);
	lint(p, 20260601, &d);
	assert_count(&d, 0);
	assert_null(find(&d, "no test case"));
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_lint_untested_outcomes(void **state)
{
	struct aipolicy *p = TEST_LOAD(some_tests_yaml);
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	assert_int_equal(p->ntests, 2);
	lint(p, 20260601, &d);
	assert_count(&d, 2);
	assert_int_equal(d.nwarnings, 2);
	assert_null(find(&d, "'free'"));

	w = find(&d, "no test case reaches outcome 'rev'");
	assert_non_null(w);
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_int_equal(w->line, 25);
	assert_int_equal(w->column, 3);
	assert_non_null(w->source);
	assert_string_equal(w->source, "  rev:");

	/* Inline outcomes count too, by their QUESTION.answer id. */
	w = find(&d, "no test case reaches outcome 'a.z'");
	assert_non_null(w);
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_int_equal(w->line, 15);
	assert_int_equal(w->column, 10);
	aipolicy_diags_release(&d);

	/* With the dates too: three warnings. */
	lint(p, 20270102, &d);
	assert_int_equal(d.count, 3);
	assert_non_null(find(&d, "stale"));
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_lint_all_outcomes_tested(void **state)
{
	struct aipolicy *p = TEST_LOAD(all_tests_yaml);
	struct aipolicy_diags d;

	(void)state;
	assert_int_equal(p->ntests, 3);
	lint(p, 20260601, &d);
	assert_count(&d, 0);
	assert_int_equal(d.nwarnings, 0);
	assert_int_equal(d.nerrors, 0);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* ---- test answers a walk never uses ------------------------------------ */

static void
test_lint_unused_test_answers(void **state)
{
	struct aipolicy *p = TEST_LOAD(unused_yaml);
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20260601, &d);
	assert_count(&d, 2);
	aipolicy_diags_sort(&d);
	w = &d.items[0];
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_string_equal(w->message, "the walk of this test case never uses "
	    "its answer 'p' to 'b' (the case tests less than it seems to)");
	assert_int_equal(w->line, 30);
	assert_int_equal(w->column, 22);
	assert_non_null(w->source);
	assert_string_equal(w->source, "  - answers: { a: y, b: p }");
	/* Spelt as the case spells it; at its question id. */
	w = &d.items[1];
	assert_string_equal(w->message, "the walk of this test case never uses "
	    "its answer 'Q' to 'b' (the case tests less than it seems to)");
	assert_int_equal(w->line, 37);
	assert_int_equal(w->column, 7);
	/* Every outcome is reached: no other warning. */
	assert_null(find(&d, "no test case"));
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* ---- the one page ------------------------------------------------------ */

/* A policy whose start question has N answers, the first of them LEN
 * characters long; caller frees. */
static char *
page_yaml(size_t n, size_t len)
{
	FILE *f;
	char *s = NULL;
	size_t size = 0, i;

	f = open_memstream(&s, &size);
	assert_non_null(f);
	fprintf(f, "aipolicy: 1\nid: page\ntitle: Page\nversion: v\n"
	    "owner: O\neffective: 2026-01-01\nreview_by: 2026-12-31\n"
	    "start: q\nquestions:\n  q:\n    ask: Which?\n    answers:\n"
	    "      ");
	for (i = 0; i < len; i++)
		fputc('a' + (int)(i % 26), f);
	fprintf(f, ": done\n");
	for (i = 1; i < n; i++)
		fprintf(f, "      a%zu: done\n", i);
	fprintf(f, "outcomes:\n  done: {verdict: use-freely, summary: Go.}\n");
	fclose(f);
	return s;
}

/* The page of page_yaml(N, LEN) fits: lint warns about nothing. */
static void
assert_page_fits(size_t n, size_t len)
{
	char *yaml = page_yaml(n, len);
	struct aipolicy *p = test_load_ok(yaml, strlen(yaml));
	struct aipolicy_diags d;

	lint(p, 20260601, &d);
	assert_count(&d, 0);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	free(yaml);
}

static void
test_lint_page_too_long(void **state)
{
	char *yaml = page_yaml(57, 3);
	struct aipolicy *p = test_load_ok(yaml, strlen(yaml));
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20260601, &d);
	assert_count(&d, 1);
	w = &d.items[0];
	assert_int_equal(w->severity, AIPOLICY_SEVERITY_WARNING);
	assert_string_equal(w->message,
	    "the policy no longer fits on one page: "
	    "its text rendering is longer than 66 lines");
	assert_int_equal(w->line, 1);
	assert_int_equal(w->column, 1);
	assert_string_equal(w->source, "aipolicy: 1");
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	free(yaml);
	/* One answer less: 66 lines, no warning. */
	assert_page_fits(56, 3);
}

static void
test_lint_page_too_wide(void **state)
{
	/* "  " + 78 characters + " -> Use AI freely [1]" = 101 columns. */
	char *yaml = page_yaml(2, 78);
	struct aipolicy *p = test_load_ok(yaml, strlen(yaml));
	const struct aipolicy_diag *w;
	struct aipolicy_diags d;

	(void)state;
	lint(p, 20260601, &d);
	assert_count(&d, 1);
	w = &d.items[0];
	assert_non_null(strstr(w->message, "the policy no longer fits on one "
	    "page: the line of answer 'abcdefghij"));
	assert_non_null(strstr(w->message, "' of question 'q' is 101 columns "
	    "wide (at most 100)"));
	/* At the answer's key. */
	assert_int_equal(w->line, 13);
	assert_int_equal(w->column, 7);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	free(yaml);
	/* One character less: 100 columns, no warning. */
	assert_page_fits(2, 77);
}

/* The example fits its page and its test cases use every answer. */
static void
test_lint_example_clean(void **state)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;

	(void)state;
	aipolicy_diags_init(&d, "example.yaml");
	assert_int_equal(aipolicy_load_file(SOURCE_DIR "/policies/example.yaml",
	    &p, &d), AIPOLICY_OK);
	assert_int_equal(d.count, 0);
	assert_int_equal(aipolicy_lint(p, 20261128, &d), 0);
	assert_count(&d, 0);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* ---- the diagnostics list ---------------------------------------------- */

/* An outcome start cannot reach gets the loader's warning only. */
static void
test_lint_unreachable_not_untested(void **state)
{
	static const char yaml[] =
	    "aipolicy: 1\nid: t\ntitle: T\nversion: v\nowner: O\n"
	    "effective: 2026-01-01\nreview_by: 2026-12-31\nstart: a\n"
	    "questions:\n"
	    "  a: {ask: A?, answers: {x: free, y: stop}}\n"
	    "outcomes:\n"
	    "  free: {verdict: use-freely, summary: Go.}\n"
	    "  stop: {verdict: do-not-use, summary: Stop.}\n"
	    "  lost: {verdict: do-not-use, summary: Lost.}\n"
	    "tests:\n"
	    "  - answers: {a: x}\n"
	    "    expect: free\n";
	struct aipolicy *p = TEST_LOAD(yaml);
	struct aipolicy_diags d;

	(void)state;
	assert_false(p->outcomes[2].reachable);
	assert_true(p->outcomes[1].reachable);
	lint(p, 20260601, &d);
	assert_count(&d, 1);
	assert_non_null(find(&d, "no test case reaches outcome 'stop'"));
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_diags_sort(void **state)
{
	static const struct {
		uint32_t line, column;
		const char *msg;
	} in[] = {
		{ 5, 3, "e1" }, { 0, 0, "nopos1" }, { 2, 10, "c" },
		{ 2, 4, "b" }, { 5, 3, "e2" }, { 0, 0, "nopos2" },
		{ 1, 1, "a" }, { 5, 2, "d" }, { 5, 3, "e3" }, { 10, 1, "f" },
	};
	static const char *const want[] = {
		"nopos1", "nopos2", "a", "b", "c", "d", "e1", "e2", "e3", "f",
	};
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, "x.yaml");
	aipolicy_diags_sort(&d); /* empty: nothing happens */
	assert_int_equal(d.count, 0);
	for (i = 0; i < sizeof in / sizeof *in; i++)
		aipolicy_diags_add(&d,
		    i % 2 ? AIPOLICY_SEVERITY_ERROR : AIPOLICY_SEVERITY_WARNING,
		    in[i].line, in[i].column, NULL, 0, "%s", in[i].msg);
	assert_int_equal(d.count, 10);
	assert_int_equal(d.nerrors, 5);
	assert_int_equal(d.nwarnings, 5);
	aipolicy_diags_sort(&d);
	for (i = 0; i < d.count; i++)
		assert_string_equal(d.items[i].message, want[i]);
	aipolicy_diags_release(&d);
	assert_int_equal(d.count, 0);
	assert_null(d.items);
	assert_string_equal(d.file, "x.yaml");
}

/* Many diagnostics at one place keep their order of arrival. */
static void
test_diags_sort_stable(void **state)
{
	struct aipolicy_diags d;
	size_t i;
	char want[16];

	(void)state;
	aipolicy_diags_init(&d, "x.yaml");
	for (i = 0; i < 300; i++)
		aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR,
		    i % 3 == 0 ? 7 : 3, 4, NULL, 0, "m%zu", i);
	aipolicy_diags_sort(&d);
	/* First the 200 at line 3 in order, then the 100 at line 7. */
	for (i = 0; i < 300; i++) {
		size_t k = i < 200 ? (i / 2) * 3 + 1 + i % 2 : (i - 200) * 3;
		snprintf(want, sizeof want, "m%zu", k);
		assert_string_equal(d.items[i].message, want);
		assert_int_equal(d.items[i].line, i < 200 ? 3 : 7);
	}
	aipolicy_diags_release(&d);
}

static void
test_diags_promote_warnings(void **state)
{
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, "x.yaml");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_WARNING, 1, 1, NULL, 0, "w1");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 2, 1, NULL, 0, "e1");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_WARNING, 3, 1, NULL, 0, "w2");
	assert_int_equal(d.nerrors, 1);
	assert_int_equal(d.nwarnings, 2);
	aipolicy_diags_promote_warnings(&d);
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(d.nwarnings, 0);
	assert_int_equal(d.count, 3);
	for (i = 0; i < d.count; i++)
		assert_int_equal(d.items[i].severity, AIPOLICY_SEVERITY_ERROR);
	/* Messages and places are kept. */
	assert_string_equal(d.items[0].message, "w1");
	assert_string_equal(d.items[2].message, "w2");
	assert_int_equal(d.items[2].line, 3);
	/* Nothing to promote: no change. */
	aipolicy_diags_promote_warnings(&d);
	assert_int_equal(d.nerrors, 3);
	aipolicy_diags_release(&d);
}

/* Lint warnings promoted, as lint --strict does. */
static void
test_lint_strict(void **state)
{
	struct aipolicy *p = TEST_LOAD(some_tests_yaml);
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	lint(p, 20270102, &d);
	assert_int_equal(d.nwarnings, 3);
	aipolicy_diags_promote_warnings(&d);
	assert_int_equal(d.nerrors, 3);
	assert_int_equal(d.nwarnings, 0);
	for (i = 0; i < d.count; i++)
		assert_int_equal(d.items[i].severity, AIPOLICY_SEVERITY_ERROR);
	/* Sorted by position: stale (7) before a.z (15) before rev (25). */
	aipolicy_diags_sort(&d);
	assert_int_equal(d.items[0].line, 7);
	assert_int_equal(d.items[1].line, 15);
	assert_int_equal(d.items[2].line, 25);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_diags_source_sanitised(void **state)
{
	static const char line[] = "a\x1b[31mb\xE2\x80\xAE" "c\td";
	struct aipolicy_diags d;

	(void)state;
	aipolicy_diags_init(&d, "x.yaml");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 1, 1, line,
	    sizeof line - 1, "m %d", 5);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].message, "m 5");
	assert_non_null(d.items[0].source);
	/* ESC and the right-to-left override become '?', a tab stays. */
	assert_string_equal(d.items[0].source, "a?[31mb?c\td");
	aipolicy_diags_release(&d);
}

static void
test_diags_keep_max(void **state)
{
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, "x.yaml");
	for (i = 0; i < AIPOLICY_DIAG_KEEP_MAX + 4; i++)
		aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, (uint32_t)i + 1,
		    1, NULL, 0, "e");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_WARNING, 1, 1, NULL, 0, "w");
	assert_int_equal(d.count, AIPOLICY_DIAG_KEEP_MAX);
	assert_int_equal(d.dropped, 5);
	assert_int_equal(d.nerrors, AIPOLICY_DIAG_KEEP_MAX + 4);
	assert_int_equal(d.nwarnings, 1);
	aipolicy_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lint_stale),
		cmocka_unit_test(test_lint_not_stale_on_review_day),
		cmocka_unit_test(test_lint_not_in_force),
		cmocka_unit_test(test_lint_dates_quoted),
		cmocka_unit_test(test_lint_untested_only_with_tests),
		cmocka_unit_test(test_lint_untested_outcomes),
		cmocka_unit_test(test_lint_all_outcomes_tested),
		cmocka_unit_test(test_lint_unreachable_not_untested),
		cmocka_unit_test(test_lint_unused_test_answers),
		cmocka_unit_test(test_lint_page_too_long),
		cmocka_unit_test(test_lint_page_too_wide),
		cmocka_unit_test(test_lint_example_clean),
		cmocka_unit_test(test_diags_sort),
		cmocka_unit_test(test_diags_sort_stable),
		cmocka_unit_test(test_diags_promote_warnings),
		cmocka_unit_test(test_lint_strict),
		cmocka_unit_test(test_diags_source_sanitised),
		cmocka_unit_test(test_diags_keep_max),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
