/*
 * test_load.c: the loader: every rule of the format, each with the line
 * and column it is reported at.
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

/* A valid policy's head: 8 lines, questions start on line 9. */
#define HEAD \
	"aipolicy: 1\n" \
	"id: t\n" \
	"title: T\n" \
	"version: v1\n" \
	"owner: O\n" \
	"effective: 2026-01-01\n" \
	"review_by: 2026-12-31\n" \
	"start: a\n"

/* A valid tail: two outcomes. */
#define OUTCOMES \
	"outcomes:\n" \
	"  free: { verdict: use-freely, summary: Go. }\n" \
	"  stop: { verdict: do-not-use, summary: Stop. }\n"

#define QA \
	"questions:\n" \
	"  a:\n" \
	"    ask: A?\n" \
	"    answers: { yes: free, no: stop }\n"

static struct aipolicy *
load_ok(const char *yaml, struct aipolicy_diags *d)
{
	struct aipolicy *p = NULL;
	enum aipolicy_status st;
	size_t i;

	aipolicy_diags_init(d, "t.yaml");
	st = aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p, d);
	if (st != AIPOLICY_OK) {
		for (i = 0; i < d->count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d->items[i].line,
			    d->items[i].column, d->items[i].message);
	}
	assert_int_equal(st, AIPOLICY_OK);
	assert_non_null(p);
	return p;
}

/* The load of LEN bytes fails with a diagnostic at LINE:COLUMN whose
 * message holds TEXT. */
static void
expect_errorn(const char *yaml, size_t len, uint32_t line, uint32_t column,
    const char *text)
{
	struct aipolicy *p = (struct aipolicy *)1;
	struct aipolicy_diags d;
	enum aipolicy_status st;
	size_t i;
	bool found = false;

	aipolicy_diags_init(&d, "t.yaml");
	st = aipolicy_load_buffer("t.yaml", yaml, len, &p, &d);
	assert_int_equal(st, AIPOLICY_INVALID);
	assert_null(p);
	for (i = 0; i < d.count; i++) {
		if (d.items[i].severity == AIPOLICY_SEVERITY_ERROR &&
		    d.items[i].line == line && d.items[i].column == column &&
		    strstr(d.items[i].message, text) != NULL)
			found = true;
	}
	if (!found) {
		fprintf(stderr, "wanted %u:%u: ...%s...; got:\n", line, column,
		    text);
		for (i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
	}
	assert_true(found);
	aipolicy_diags_release(&d);
}

static void
expect_error(const char *yaml, uint32_t line, uint32_t column,
    const char *text)
{
	expect_errorn(yaml, strlen(yaml), line, column, text);
}

static bool
has_warning(const struct aipolicy_diags *d, uint32_t line, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (d->items[i].severity == AIPOLICY_SEVERITY_WARNING &&
		    d->items[i].line == line &&
		    strstr(d->items[i].message, text) != NULL)
			return true;
	}
	return false;
}

static void
test_valid_policy(void **state)
{
	struct aipolicy_diags d;
	struct aipolicy *p = load_ok(HEAD
	    "questions:\n"
	    "  a:\n"
	    "    ask: >\n"
	    "      Does it involve\n"
	    "      client data?\n"
	    "    label: Client data?\n"
	    "    help: |\n"
	    "      NDAs.\n"
	    "      HR files.\n"
	    "    x-note: anything [goes] here\n"
	    "    answers:\n"
	    "      Yes: b\n"
	    "      no: { verdict: do-not-use, summary: Stop. }\n"
	    "  b:\n"
	    "    ask: B?\n"
	    "    answers:\n"
	    "      only me: free\n"
	    "      team: review\n"
	    "      other: a.no\n"
	    "outcomes:\n"
	    "  free: { verdict: use-freely, summary: Go., disclose: yes }\n"
	    "  review:\n"
	    "    verdict: use-with-review\n"
	    "    summary: \"Review it.\"\n"
	    "    reviewer: Your manager\n"
	    "    review_minutes: 20\n"
	    "    disclose: true\n"
	    "    conditions: [One., Two.]\n"
	    "x-generated-by: hand\n"
	    "tests:\n"
	    "  - answers: { a: yes, b: only me }\n"
	    "    expect: free\n"
	    "    x-why: because\n", &d);

	(void)state;
	assert_string_equal(p->id, "t");
	assert_int_equal(p->effective, 20260101);
	assert_int_equal(p->review_by, 20261231);
	assert_int_equal(p->nquestions, 2);
	assert_string_equal(p->questions[0].ask,
	    "Does it involve client data?");
	assert_string_equal(p->questions[0].label, "Client data?");
	assert_string_equal(p->questions[0].help, "NDAs.\nHR files.");
	assert_string_equal(p->questions[1].label, "B?"); /* defaults to ask */
	assert_int_equal(p->questions[0].height, 2);
	assert_int_equal(p->questions[1].height, 1);
	assert_int_equal(p->noutcomes, 3);
	assert_string_equal(p->outcomes[2].id, "a.no"); /* lower-cased key */
	assert_true(p->outcomes[2].is_inline);
	assert_true(p->outcomes[0].disclose);
	assert_string_equal(p->outcomes[1].reviewer, "Your manager");
	assert_int_equal(p->outcomes[1].review_minutes, 20);
	assert_int_equal(p->outcomes[1].nconditions, 2);
	assert_string_equal(p->outcomes[1].conditions[1], "Two.");
	assert_null(p->outcomes[0].why);
	/* b's third answer names a's inline outcome. */
	assert_int_equal(p->questions[1].answers[2].target.kind,
	    AIPOLICY_TARGET_OUTCOME);
	assert_int_equal(p->questions[1].answers[2].target.index, 2);
	assert_int_equal(p->questions[0].answers[0].loc.line, 20);
	assert_int_equal(p->questions[0].answers[0].loc.column, 7);
	assert_int_equal(p->ntests, 1);
	assert_int_equal(p->tests[0].nanswers, 2);
	assert_int_equal(strlen(p->sha256), 64);
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(d.nwarnings, 0);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_empty_and_encodings(void **state)
{
	(void)state;
	expect_error("", 1, 1, "the file is empty");
	expect_error("\xEF\xBB\xBF", 1, 1, "the file is empty");
	expect_error("# only a comment\n", 1, 1, "the file is empty");
	expect_errorn("\xFF\xFE" "a\0:\0", 6, 1, 1, "UTF-16");
	expect_errorn("\xFE\xFF\0a\0:", 6, 1, 1, "UTF-16");
	expect_errorn("\xFF\xFE\0\0a\0\0\0", 8, 1, 1, "UTF-32");
	expect_errorn("a\0:\0", 4, 1, 1, "UTF-16");
	/* Reader errors carry a byte offset: shown as line and column in code
	 * points, the byte-order mark not counted. */
	expect_error("a: 1\nb: \xC3\xA9\xC3\xA9 \xFF\n", 2, 7,
	    "not valid UTF-8");
	expect_error("\xEF\xBB\xBF" "ab: \xFF\n", 1, 5, "not valid UTF-8");
	expect_error("a: 1\r\nb: 2\r\nc: \x01\r\n", 3, 4,
	    "control character U+0001");
}

static void
test_yaml_level_rules(void **state)
{
	(void)state;
	expect_error("a: 1\n---\nb: 2\n", 2, 1, "one YAML document");
	expect_error("a: &x 1\nb: 2\n", 1, 4, "aliases are not supported");
	expect_error("a: 1\nb: *x\n", 2, 4, "aliases are not supported");
	expect_error("a: !!str 1\n", 1, 4, "tags are not supported");
	expect_error("a: !foo 1\n", 1, 4, "'!foo'");
	expect_error("a: 1\nb: 2\na: 3\n", 3, 1,
	    "duplicate key 'a' (first at 1:1)");
	expect_error("? [a, b]\n: 1\n", 1, 3, "mapping keys must be scalars");
	/* Syntax errors in plain words (test_yamlerr.c has many more). */
	expect_error("a: [\n", 1, 4, "unclosed '[': the list that starts "
	    "here is never closed");
	expect_error("a: 1\n  b: 2\n", 2, 3,
	    "indented by 2 spaces, but 'a' above it (line 1) is at 0");
	expect_error("title: \"\\e[31m\"\n", 1, 8, "control character U+001B");
	expect_error(HEAD QA OUTCOMES "x-ext: \"\\u0007\"\n", 16, 8,
	    "control character U+0007");
	expect_error(HEAD QA OUTCOMES "x-ext: &y 1\n", 16, 8,
	    "aliases are not supported");
	expect_error("- 1\n", 1, 1, "must be a mapping");
}

static void
test_duplicate_keys_in_big_mapping(void **state)
{
	char yaml[4096];
	size_t n = 0;
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		n += (size_t)snprintf(yaml + n, sizeof yaml - n, "k%d: 1\n", i);
	snprintf(yaml + n, sizeof yaml - n, "k7: 2\n");
	expect_error(yaml, 41, 1, "duplicate key 'k7' (first at 8:1)");
}

static void
test_limits(void **state)
{
	char *big;
	size_t n, i;

	(void)state;
	/* 33 levels. */
	expect_error("a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]"
	    "]]]]]]]]]]]\n", 1, 35, "nesting is deeper than 32");
	/* A scalar over 64 KiB. */
	n = 70000;
	big = malloc(n + 32);
	assert_non_null(big);
	memcpy(big, "a: 1\nb: ", 8);
	memset(big + 8, 'x', n);
	memcpy(big + 8 + n, "\n", 2);
	expect_error(big, 2, 4, "longer than 64 KiB");
	free(big);
	/* A file over 64 MiB: the error is where the limit is reached. */
	n = (size_t)AIPOLICY_MAX_FILE + 10;
	big = malloc(n);
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = (i % 64 == 63) ? '\n' : '#';
	expect_errorn(big, n, (uint32_t)(AIPOLICY_MAX_FILE / 64) + 1, 1,
	    "larger than 64 MiB");
	free(big);
}

static void
test_top_level_keys(void **state)
{
	(void)state;
	expect_error("aipolicy: 1\n", 1, 1, "missing the required keys 'id', "
	    "'title', 'version', 'owner', 'effective', 'review_by', 'start', "
	    "'questions'");
	expect_error(HEAD QA OUTCOMES "reviw_by: 2026-12-31\n", 16, 1,
	    "unknown key 'reviw_by' in the policy (did you mean 'review_by'?)");
	expect_error(HEAD QA OUTCOMES "colour: red\n", 16, 1,
	    "unknown key 'colour' in the policy");
	expect_error("aipolicy: 2\n", 1, 11, "'aipolicy' must be 1");
	expect_error("aipolicy: 01\n", 1, 11, "'aipolicy' must be 1");
	expect_error("aipolicy: +1\n", 1, 11, "'aipolicy' must be 1");
	expect_error("aipolicy: 1\nid: Acme\n", 2, 5, "policy id 'Acme' must "
	    "match");
	expect_error("aipolicy: 1\nid: -a\n", 2, 5, "policy id '-a'");
	expect_error("aipolicy: 1\nid: "
	    "a123456789012345678901234567890123456789012345678901234567890123"
	    "4\n", 2, 5, "at most 64");
	expect_error("aipolicy: 1\ntitle: \"\"\n", 2, 8,
	    "'title' must not be empty");
	expect_error("aipolicy: 1\ntitle: ~\n", 2, 8,
	    "'title' must not be null");
	expect_error("aipolicy: 1\ntitle:\n", 2, 7, "'title' must not be");
	expect_error("aipolicy: 1\ntitle: [a]\n", 2, 8,
	    "'title' must be one line of text, found a sequence");
	expect_error("aipolicy: 1\nowner: \"a\\nb\"\n", 2, 8,
	    "'owner' must be one line");
	expect_error("aipolicy: 1\nversion: |\n  a\n  b\n", 2, 10,
	    "'version' must be one line");
	expect_error("aipolicy: 1\neffective: 2026-02-29\n", 2, 12,
	    "real calendar date");
	expect_error("aipolicy: 1\neffective: 2026-1-01\n", 2, 12,
	    "real calendar date");
	expect_error("aipolicy: 1\neffective: 2026-13-01\n", 2, 12,
	    "real calendar date");
	expect_error("aipolicy: 1\neffective: {a: 1}\n", 2, 12,
	    "found a mapping");
	expect_error("aipolicy: 1\neffective: 2026-10-01\n"
	    "review_by: 2026-09-30\n", 3, 12,
	    "'review_by' (2026-09-30) is before 'effective' (2026-10-01)");
	expect_error("aipolicy: 1\nquestions: [a]\n", 2, 12,
	    "'questions' must be a mapping of question id -> question, found a "
	    "sequence");
	expect_error("aipolicy: 1\nquestions: {}\n", 2, 12, "at least one");
	expect_error("aipolicy: 1\noutcomes: [a]\n", 2, 11,
	    "'outcomes' must be a mapping");
	expect_error(HEAD QA OUTCOMES "tests: {}\n", 16, 8,
	    "'tests' must be a sequence");
}

static void
test_leap_day_is_a_date(void **state)
{
	struct aipolicy_diags d;
	struct aipolicy *p = load_ok("aipolicy: 1\nid: t\ntitle: T\n"
	    "version: v\nowner: O\neffective: \"2028-02-29\"\n"
	    "review_by: '2028-03-01'\nstart: a\n" QA OUTCOMES, &d);

	(void)state;
	assert_int_equal(p->effective, 20280229);
	assert_int_equal(p->review_by, 20280301);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

static void
test_questions(void **state)
{
	(void)state;
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    anwers: {y: free,"
	    " n: stop}\n" OUTCOMES, 12, 5, "unknown key 'anwers' in question "
	    "'a' (did you mean 'answers'?)");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    anwers: {y: free,"
	    " n: stop}\n" OUTCOMES, 11, 5, "question 'a' is missing the "
	    "required key 'answers'");
	expect_error(HEAD "questions:\n  a: just text\n" OUTCOMES, 10, 6,
	    "question 'a' must be a mapping");
	expect_error(HEAD "questions:\n  A:\n    ask: A?\n    answers: {y: "
	    "free, n: stop}\n" OUTCOMES, 10, 3, "question id 'A' must match");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: [free, "
	    "stop]\n" OUTCOMES, 12, 14, "'answers' must be a mapping of answer "
	    "-> target, found a sequence");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: free"
	    "}\n" OUTCOMES, 12, 14, "at least two answers, found 1");
	expect_error(HEAD "questions:\n  a:\n    ask: \"\"\n    answers: {y: "
	    "free, n: stop}\n" OUTCOMES, 11, 10, "'ask' must not be empty");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    label: "
	    "\"12345678901234567890123456789012345678901\"\n    answers: {y: "
	    "free, n: stop}\n" OUTCOMES, 12, 12, "'label' is longer than 40");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n"
	    "    answers: {y: free, n: stop}\n  b:\n    ask: B?\n"
	    "    answers: {y: free, n: stop}\n"
	    "outcomes:\n  free: { verdict: use-freely, summary: Go. }\n"
	    "  stop: { verdict: do-not-use, summary: Stop. }\n"
	    "  b: { verdict: do-not-use, summary: Stop. }\n", 19, 3,
	    "id 'b' is used twice: already a question at 13:3");
}

/* How many errors of the load of YAML are on LINE; each holds TEXT. */
static size_t
errors_on_line(const char *yaml, uint32_t line, const char *text)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	size_t i, n = 0;

	aipolicy_diags_init(&d, "t.yaml");
	assert_int_equal(aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p,
	    &d), AIPOLICY_INVALID);
	for (i = 0; i < d.count; i++) {
		if (d.items[i].severity != AIPOLICY_SEVERITY_ERROR ||
		    d.items[i].line != line)
			continue;
		if (strstr(d.items[i].message, text) == NULL)
			fprintf(stderr, "  unexpected: %u:%u: %s\n",
			    d.items[i].line, d.items[i].column,
			    d.items[i].message);
		assert_non_null(strstr(d.items[i].message, text));
		n++;
	}
	aipolicy_diags_release(&d);
	return n;
}

/* One mistake, one error: an id written twice among the questions (or the
 * outcomes) is a duplicate key, not also an id "used twice". */
static void
test_id_twice_reported_once(void **state)
{
	(void)state;
	assert_int_equal(errors_on_line(HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: {y: free, n: stop}\n"
	    "  a:\n    ask: B?\n    answers: {y: free, n: stop}\n" OUTCOMES,
	    13, "duplicate key 'a' (first at 10:3)"), 1);
	assert_int_equal(errors_on_line(HEAD QA OUTCOMES
	    "  free: { verdict: use-freely, summary: Again. }\n", 16,
	    "duplicate key 'free' (first at 14:3)"), 1);
	/* A question id that is also an outcome id is another mistake. */
	assert_int_equal(errors_on_line(HEAD QA OUTCOMES
	    "  a: { verdict: use-freely, summary: Again. }\n", 16,
	    "id 'a' is used twice: already a question at 10:3"), 1);
}

/* A question whose id repeats an earlier one is not part of the policy:
 * its body's mistakes, targets and inline outcomes are not told, only the
 * repeated key. */
static void
test_repeated_question_left_out(void **state)
{
	static const char yaml[] = HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: {y: free, n: b}\n"
	    "  b:\n    ask: B?\n    answers: {y: free, n: stop}\n"
	    "  a:\n    ask: Again?\n    bogus: 1\n    answers:\n"
	    "      y: nowhere\n      ' n': free\n"
	    "      m: { verdict: maybe, summary: M. }\n"
	    "  a: [not, a, mapping]\n" OUTCOMES
	    "tests:\n  - answers: {a: y}\n    expect: a.m\n";
	static const struct {
		uint32_t line, column;
		const char *message;
	} want[] = {
		{ 16, 3, "duplicate key 'a' (first at 10:3)" },
		{ 23, 3, "duplicate key 'a' (first at 10:3)" },
		{ 29, 13, "'expect' names no verdict and no outcome: 'a.m'" },
	};
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	assert_int_equal(aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p,
	    &d), AIPOLICY_INVALID);
	aipolicy_diags_sort(&d);
	assert_int_equal(d.count, sizeof want / sizeof want[0]);
	assert_int_equal(d.nerrors, d.count);
	for (i = 0; i < d.count; i++) {
		assert_int_equal(d.items[i].line, want[i].line);
		assert_int_equal(d.items[i].column, want[i].column);
		assert_string_equal(d.items[i].message, want[i].message);
	}
	aipolicy_diags_release(&d);
}

/* A policy of N questions q0... with an unknown key each (one error
 * each, four lines each from line 10), then q0 again with BOGUS unknown
 * keys, then 10 more questions like the first; the caller frees it. */
static char *
many_mistakes(size_t n, size_t bogus)
{
	size_t cap = (n + 10 + bogus) * 96 + 512, len = 0, i, k;
	char *s = malloc(cap);

	assert_non_null(s);
	len += (size_t)snprintf(s, cap, "aipolicy: 1\nid: t\ntitle: T\n"
	    "version: v1\nowner: O\neffective: 2026-01-01\n"
	    "review_by: 2026-12-31\nstart: q0\nquestions:\n");
	for (i = 0; i < n + 10; i++) {
		if (i == n) {
			len += (size_t)snprintf(s + len, cap - len,
			    "  q0:\n    ask: Again?\n    answers: {y: free, "
			    "n: stop}\n");
			for (k = 0; k < bogus; k++)
				len += (size_t)snprintf(s + len, cap - len,
				    "    bogus%zu: 1\n", k);
		}
		len += (size_t)snprintf(s + len, cap - len, "  q%zu:\n    ask: "
		    "Q?\n    bogus: 1\n    answers: {y: free, n: stop}\n",
		    i + (i >= n));
	}
	snprintf(s + len, cap - len, "%s", OUTCOMES);
	return s;
}

/* The diagnostics of a policy whose repeated question's body has mistakes
 * are those of the same policy without them (20 lines further down after
 * it), even past AIPOLICY_DIAG_KEEP_MAX, the cap crossed inside that body. */
static void
test_repeated_question_past_the_cap(void **state)
{
	const size_t n = AIPOLICY_DIAG_KEEP_MAX - 6, after = 10 + 4 * n + 3;
	char *with = many_mistakes(n, 20), *without = many_mistakes(n, 0);
	struct aipolicy *p = NULL;
	struct aipolicy_diags a, b;
	size_t i;

	(void)state;
	aipolicy_diags_init(&a, "t.yaml");
	aipolicy_diags_init(&b, "t.yaml");
	assert_int_equal(aipolicy_load_buffer("t.yaml", with, strlen(with), &p,
	    &a), AIPOLICY_INVALID);
	assert_int_equal(aipolicy_load_buffer("t.yaml", without,
	    strlen(without), &p, &b), AIPOLICY_INVALID);
	assert_true(b.dropped > 0);
	assert_int_equal(a.count, b.count);
	assert_int_equal(a.nerrors, b.nerrors);
	assert_int_equal(a.nwarnings, b.nwarnings);
	assert_int_equal(a.dropped, b.dropped);
	for (i = 0; i < a.count; i++) {
		assert_int_equal(a.items[i].line, b.items[i].line +
		    (b.items[i].line >= after ? 20 : 0));
		assert_string_equal(a.items[i].message, b.items[i].message);
	}
	aipolicy_diags_release(&a);
	aipolicy_diags_release(&b);
	free(with);
	free(without);
}

/* An outcome whose id is a question's is not part of the policy: its body
 * is not judged, even when the outcomes come first in the file. */
static void
test_outcome_named_like_a_question_is_left_out(void **state)
{
	(void)state;
	assert_int_equal(errors_on_line(HEAD OUTCOMES
	    "  a: { verdict: maybe, summary: Again. }\n" QA, 12,
	    "id 'a' is used twice: already a question at 14:3"), 1);
}

/* A test case's mistakes do not hide the graph's warnings. */
static void
test_graph_checked_despite_bad_test_case(void **state)
{
	const char *yaml = HEAD QA OUTCOMES
	    "  lost: { verdict: use-freely, summary: L. }\n"
	    "tests:\n  - answers: { a: yes }\n    expect: free\n    ask: x\n";
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	assert_int_equal(aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p,
	    &d), AIPOLICY_INVALID);
	assert_true(has_warning(&d, 16, "outcome 'lost' cannot be reached"));
	aipolicy_diags_release(&d);
}

static void
test_answer_keys(void **state)
{
	(void)state;
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      \"?\": stop\n" OUTCOMES, 14, 7,
	    "reserved for \"not sure\"");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      Not Sure: stop\n" OUTCOMES, 14, 7,
	    "reserved for \"not sure\"");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      \" no\": stop\n" OUTCOMES, 14, 7,
	    "white space around it");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      \"\": stop\n" OUTCOMES, 14, 7, "is empty");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      \"a\\nb\": stop\n" OUTCOMES, 14, 7,
	    "must be one line");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      YES: stop\n" OUTCOMES, 14, 7,
	    "answer 'YES' is the same as 'yes' (at 13:7) when case is ignored");
	/* 81 code points, 162 bytes. */
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      yes: free\n      "
	    "ééééééééééééééééééééééééééééééééé"
	    "ééééééééééééééééééééééééééééééééé"
	    "ééééééééééééééé: stop\n" OUTCOMES, 14, 7,
	    "longer than 80");
}

static void
test_columns_count_code_points(void **state)
{
	(void)state;
	/* "é" is two bytes but one column; a tab counts one. */
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      \"é\": free\n      \"no\":\tnowhere\n" OUTCOMES, 14, 13,
	    "unknown target 'nowhere'");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers:\n"
	    "      \"déjà vu\": nowhere\n      no: free\n" OUTCOMES, 13, 18,
	    "unknown target 'nowhere'");
}

/* Names of every length around the eight bytes a pending target holds
 * itself resolve, and are told whole when unknown. */
static void
test_target_name_lengths(void **state)
{
	static const char yaml[] = HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: {y: b234567, n: b2345678}\n"
	    "  b234567:\n    ask: B?\n    answers: {y: o234567, n: free}\n"
	    "  b2345678:\n    ask: C?\n    answers: {y: o2345678, n: stop}\n"
	    OUTCOMES "  o234567: { verdict: use-freely, summary: Go. }\n"
	    "  o2345678: { verdict: use-freely, summary: Go. }\n";
	struct aipolicy_diags d;
	struct aipolicy *p = load_ok(yaml, &d);

	(void)state;
	assert_int_equal(p->questions[0].answers[0].target.index, 1);
	assert_int_equal(p->questions[0].answers[1].target.index, 2);
	assert_string_equal(p->outcomes[p->questions[1].answers[0].target.index]
	    .id, "o234567");
	assert_string_equal(p->outcomes[p->questions[2].answers[0].target.index]
	    .id, "o2345678");
	aipolicy_free(p);
	aipolicy_diags_release(&d);
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: "
	    "x234567, n: stop}\n" OUTCOMES, 12, 18, "unknown target 'x234567'");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: "
	    "x2345678, n: stop}\n" OUTCOMES, 12, 18,
	    "unknown target 'x2345678'");
}

static void
test_targets(void **state)
{
	(void)state;
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: fre,"
	    " n: stop}\n" OUTCOMES, 12, 18, "unknown target 'fre': no question "
	    "or outcome has this id (did you mean 'free'?)");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: "
	    "do-not-use, n: stop}\n" OUTCOMES, 12, 18, "'do-not-use' is a "
	    "verdict, not a target");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: "
	    "[x], n: stop}\n" OUTCOMES, 12, 18, "the target of answer 'y' must "
	    "be a question id, an outcome id or an outcome mapping, found a "
	    "sequence");
	expect_error(HEAD "questions:\n  a:\n    ask: A?\n    answers: {y: "
	    "{verdict: use-freely}, n: stop}\n" OUTCOMES, 12, 18,
	    "inline outcome 'a.y' is missing the required key 'summary'");
	expect_error("aipolicy: 1\nid: t\ntitle: T\nversion: v\nowner: O\n"
	    "effective: 2026-01-01\nreview_by: 2026-12-31\nstart: free\n"
	    QA OUTCOMES, 8, 8, "'start' must name a question, 'free' is an "
	    "outcome");
	expect_error("aipolicy: 1\nid: t\ntitle: T\nversion: v\nowner: O\n"
	    "effective: 2026-01-01\nreview_by: 2026-12-31\nstart: zz\n"
	    QA OUTCOMES, 8, 8, "'start' names no question: 'zz'");
}

static void
test_outcomes(void **state)
{
	(void)state;
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go. }\n  stop: { verdict: stop, summary: S. }\n", 15, 20,
	    "'verdict' must be use-freely, use-with-review or do-not-use, "
	    "found 'stop'");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go. }\n  stop: { verdict: use-with-review, summary: S. "
	    "}\n", 15, 9, "outcome 'stop' is missing the key 'reviewer'");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., reviewer: Bob }\n" "  stop: { verdict: do-not-use, "
	    "summary: S. }\n", 14, 46, "'reviewer' is only allowed with the "
	    "verdict use-with-review");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., review_minutes: 5 }\n" "  stop: { verdict: "
	    "do-not-use, summary: S. }\n", 14, 46, "'review_minutes' is only "
	    "allowed with the verdict use-with-review");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-with-review, "
	    "reviewer: B, summary: Go., review_minutes: 0 }\n  stop: { "
	    "verdict: do-not-use, summary: S. }\n", 14, 80,
	    "'review_minutes' must be a positive whole number");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-with-review, "
	    "reviewer: B, summary: Go., review_minutes: -5 }\n  stop: { "
	    "verdict: do-not-use, summary: S. }\n", 14, 80, "found '-5'");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., disclose: maybe }\n  stop: { verdict: do-not-use, "
	    "summary: S. }\n", 14, 56, "'disclose' must be true, false, yes or "
	    "no, found 'maybe'");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., disclose: True }\n  stop: { verdict: do-not-use, "
	    "summary: S. }\n", 14, 56, "found 'True'");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., conditions: Be careful }\n  stop: { verdict: "
	    "do-not-use, summary: S. }\n", 14, 58, "'conditions' must be a "
	    "sequence of one-line texts, found a scalar");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., conditions: [\"a\\nb\"] }\n  stop: { verdict: "
	    "do-not-use, summary: S. }\n", 14, 59, "'conditions' must be one "
	    "line");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go., sumary: x }\n  stop: { verdict: do-not-use, "
	    "summary: S. }\n", 14, 46, "unknown key 'sumary' in outcome 'free' "
	    "(did you mean 'summary'?)");
	expect_error(HEAD QA "outcomes:\n  free: { verdict: use-freely, "
	    "summary: Go. }\n  stop: { verdict: do-not-use, summary: S. }\n"
	    "  use-freely: { verdict: use-freely, summary: G. }\n", 16, 3,
	    "'use-freely' is a verdict id and cannot be an outcome id");
	expect_error(HEAD QA "outcomes:\n  free: [1]\n  stop: { verdict: "
	    "do-not-use, summary: S. }\n", 14, 9, "outcome 'free' must be a "
	    "mapping");
}

static void
test_cycle(void **state)
{
	(void)state;
	expect_error(HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: { x: b, y: free }\n"
	    "  b:\n    ask: B?\n    answers: { x: c, y: free }\n"
	    "  c:\n    ask: C?\n    answers: { y: free, x: a }\n"
	    OUTCOMES, 18, 25, "cycle: a -> b -> c -> a");
	/* A cycle not reachable from start is still found. */
	expect_error(HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: { x: free, y: stop }\n"
	    "  b:\n    ask: B?\n    answers: { x: b, y: free }\n"
	    OUTCOMES, 15, 16, "cycle: b -> b");
}

static void
test_tests_section(void **state)
{
	(void)state;
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { z: yes }\n"
	    "    expect: free\n", 17, 16, "test case names no question 'z'");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { a: maybe }\n"
	    "    expect: free\n", 17, 19, "'maybe' is not an answer of "
	    "question 'a' (answers: 'yes', 'no')");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { a: yes }\n"
	    "    expect: fre\n", 18, 13, "'expect' names no verdict and no "
	    "outcome: 'fre'");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { a: yes }\n"
	    "    expect: a\n", 18, 13, "names no verdict and no outcome");
	expect_error(HEAD QA OUTCOMES "tests:\n  - just text\n", 17, 5,
	    "a test case must be a mapping");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: [a]\n"
	    "    expect: free\n", 17, 14, "'answers' of a test case must be a "
	    "mapping");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { a: yes }\n",
	    17, 5, "a test case is missing the required key 'expect'");
	expect_error(HEAD QA OUTCOMES "tests:\n  - answers: { a: yes }\n"
	    "    expct: free\n", 18, 5, "(did you mean 'expect'?)");
}

static void
test_collects_many_errors(void **state)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	const char *yaml = "aipolicy: 2\nid: A\ntitle: \"\"\n";

	(void)state;
	aipolicy_diags_init(&d, "t.yaml");
	assert_int_equal(aipolicy_load_buffer("t.yaml", yaml, strlen(yaml), &p,
	    &d), AIPOLICY_INVALID);
	/* aipolicy, id, title, and the missing keys: all in one go. */
	assert_true(d.nerrors >= 4);
	aipolicy_diags_sort(&d);
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[d.count - 1].line, 3);
	/* Each keeps its source line for the caret. */
	assert_string_equal(d.items[d.count - 1].source, "title: \"\"");
	aipolicy_diags_release(&d);
}

static void
test_warnings_when_loading(void **state)
{
	struct aipolicy_diags d;
	struct aipolicy *p = load_ok(HEAD "questions:\n"
	    "  a:\n    ask: A?\n    answers: { x: free, y: stop }\n"
	    "  lost:\n    ask: \"L\u202e?\"\n"
	    "    answers: { x: free, y: stop }\n"
	    OUTCOMES "  unused: { verdict: use-freely, summary: U. }\n", &d);

	(void)state;
	assert_true(has_warning(&d, 13, "question 'lost' cannot be reached"));
	assert_true(has_warning(&d, 14, "bidirectional override U+202E"));
	assert_true(has_warning(&d, 19, "outcome 'unused' cannot be reached"));
	assert_int_equal(d.nwarnings, 3);
	aipolicy_diags_release(&d);
	aipolicy_free(p);
}

/* A 200,000-question chain: no recursion, so no stack overflow. */
static void
test_long_chain(void **state)
{
	const size_t n = 200000;
	size_t cap = n * 64 + 1024, len, i;
	char *yaml = malloc(cap);
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;

	(void)state;
	assert_non_null(yaml);
	len = (size_t)snprintf(yaml, cap, "%s", "aipolicy: 1\nid: t\n"
	    "title: T\nversion: v1\nowner: O\neffective: 2026-01-01\n"
	    "review_by: 2026-12-31\nstart: q0\nquestions:\n");
	for (i = 0; i < n; i++) {
		if (i + 1 < n)
			len += (size_t)snprintf(yaml + len, cap - len,
			    "  q%zu: {ask: Q?, answers: {y: q%zu, n: free}}\n",
			    i, i + 1);
		else
			len += (size_t)snprintf(yaml + len, cap - len,
			    "  q%zu: {ask: Q?, answers: {y: stop, n: free}}\n",
			    i);
	}
	len += (size_t)snprintf(yaml + len, cap - len, "%s", OUTCOMES);
	aipolicy_diags_init(&d, "chain.yaml");
	assert_int_equal(aipolicy_load_buffer("chain.yaml", yaml, len, &p, &d),
	    AIPOLICY_OK);
	assert_int_equal(p->nquestions, n);
	assert_int_equal(p->questions[0].height, n);
	aipolicy_free(p);
	aipolicy_diags_release(&d);

	/* The same chain closed into a cycle at its end. */
	{
		char *s = strstr(yaml, "{y: stop, n: free}");
		assert_non_null(s);
		memcpy(s + 4, "q0  ", 4);
	}
	aipolicy_diags_init(&d, "chain.yaml");
	assert_int_equal(aipolicy_load_buffer("chain.yaml", yaml, len, &p, &d),
	    AIPOLICY_INVALID);
	assert_int_equal(d.nerrors, 1);
	assert_non_null(strstr(d.items[0].message, "cycle: q0 -> q1 -> q2"));
	assert_non_null(strstr(d.items[0].message, "q199999 -> q0"));
	aipolicy_diags_release(&d);
	free(yaml);
}

static void
test_load_file(void **state)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;

	(void)state;
	aipolicy_diags_init(&d, "x");
	assert_int_equal(aipolicy_load_file("/nonexistent/x.yaml", &p, &d),
	    AIPOLICY_CANNOT_OPEN);
	assert_int_equal(aipolicy_load_file("/", &p, &d), AIPOLICY_CANNOT_OPEN);
	assert_int_equal(aipolicy_load_file(SOURCE_DIR "/policies/example.yaml",
	    &p, &d), AIPOLICY_OK);
	assert_int_equal(d.nerrors, 0);
	aipolicy_free(p);
	aipolicy_diags_release(&d);
	aipolicy_free(NULL);
}

/* The file is hashed only when the caller asks for the digest. */
static void
test_load_file_digest(void **state)
{
	const char *path = SOURCE_DIR "/policies/example.yaml";
	struct aipolicy *with = NULL, *without = NULL, *plain = NULL;
	struct aipolicy_diags d;
	size_t i;

	(void)state;
	aipolicy_diags_init(&d, path);
	assert_int_equal(aipolicy_load_file_with(path, 0, &without, &d),
	    AIPOLICY_OK);
	assert_string_equal(without->sha256, "");
	assert_int_equal(aipolicy_load_file_with(path, AIPOLICY_LOAD_DIGEST,
	    &with, &d), AIPOLICY_OK);
	assert_int_equal(strlen(with->sha256), 64);
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", with->sha256[i]));
	/* aipolicy_load_file computes it. */
	assert_int_equal(aipolicy_load_file(path, &plain, &d), AIPOLICY_OK);
	assert_string_equal(plain->sha256, with->sha256);
	assert_int_equal(d.nerrors, 0);
	aipolicy_free(with);
	aipolicy_free(without);
	aipolicy_free(plain);
	aipolicy_diags_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_policy),
		cmocka_unit_test(test_empty_and_encodings),
		cmocka_unit_test(test_yaml_level_rules),
		cmocka_unit_test(test_duplicate_keys_in_big_mapping),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_top_level_keys),
		cmocka_unit_test(test_leap_day_is_a_date),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_id_twice_reported_once),
		cmocka_unit_test(test_repeated_question_left_out),
		cmocka_unit_test(test_repeated_question_past_the_cap),
		cmocka_unit_test(
		    test_outcome_named_like_a_question_is_left_out),
		cmocka_unit_test(test_graph_checked_despite_bad_test_case),
		cmocka_unit_test(test_answer_keys),
		cmocka_unit_test(test_columns_count_code_points),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_target_name_lengths),
		cmocka_unit_test(test_outcomes),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_tests_section),
		cmocka_unit_test(test_collects_many_errors),
		cmocka_unit_test(test_warnings_when_loading),
		cmocka_unit_test(test_long_chain),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_file_digest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
