/*
 * test_testrun.c: running a policy's test cases (testrun_case), the words
 * for a failure, and the JUnit XML with its escaping.
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
#include "core/testrun.h"

#define HEAD \
	"aipolicy: 1\nid: acme\ntitle: T\nversion: v1\nowner: O\n" \
	"effective: 2026-01-01\nreview_by: 2026-12-31\nstart: data\n" \
	"questions:\n" \
	"  data:\n    ask: Data?\n    answers:\n" \
	"      yes: tool\n      no: audience\n" \
	"  tool:\n    ask: Tool?\n    answers:\n" \
	"      yes: reviewed\n" \
	"      no: { verdict: do-not-use, summary: No. }\n" \
	"  audience:\n    ask: Who?\n    answers:\n" \
	"      only me: free\n      the public: reviewed\n" \
	"outcomes:\n" \
	"  free: { verdict: use-freely, summary: Free. }\n" \
	"  reviewed: { verdict: use-with-review, summary: R., reviewer: M }\n"

/* Case 0 passes by verdict id, 1 by outcome id, 2 reaches the wrong one,
 * 3 stops short, 4 matches but leaves an answer unused, 5 has both a wrong
 * outcome and an unused answer, 6 has no answers. */
static const char policy_yaml[] = HEAD
	"tests:\n"
	"  - answers: { data: no, audience: only me }\n"
	"    expect: use-freely\n"
	"  - answers: { data: YES, tool: ' yes ' }\n"
	"    expect: reviewed\n"
	"  - answers: { data: no, audience: the public }\n"
	"    expect: free\n"
	"  - answers: { data: no }\n"
	"    expect: free\n"
	"  - answers: { data: yes, tool: no, audience: only me }\n"
	"    expect: tool.no\n"
	"  - answers: { audience: only me, data: yes, tool: yes }\n"
	"    expect: do-not-use\n"
	"  - answers: {}\n"
	"    expect: free\n";

struct fixture {
	struct aipolicy *p;
	struct testrun *t;
	struct testrun_result r;
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
	f->t = testrun_new(f->p);
	return f->t != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		testrun_free(f->t);
		aipolicy_free(f->p);
		free(f);
	}
	return 0;
}

/* Run case I and check what its failure text says (NULL: it passes). */
static void
run(struct fixture *f, size_t i, const char *why)
{
	char *s;

	assert_int_equal(testrun_case(f->t, i, &f->r), 0);
	assert_ptr_equal(f->r.tc, &f->p->tests[i]);
	if (why == NULL) {
		assert_true(f->r.passed);
		return;
	}
	assert_false(f->r.passed);
	s = testrun_failure_text(f->p, &f->r);
	assert_non_null(s);
	assert_string_equal(s, why);
	free(s);
}

static void
test_passing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->p->ntests, 7);
	run(f, 0, NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	assert_string_equal(f->r.reached->id, "free");
	assert_int_equal(f->r.nunused, 0);
	/* Matched ignoring case and surrounding space, as check does. */
	run(f, 1, NULL);
	assert_string_equal(f->r.reached->id, "reviewed");
}

static void
test_wrong_outcome(void **state)
{
	struct fixture *f = *state;

	run(f, 2, "expected 'free', reached 'reviewed' (use-with-review)");
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	assert_string_equal(f->r.reached->id, "reviewed");
}

static void
test_stops_short(void **state)
{
	struct fixture *f = *state;

	run(f, 3, "expected 'free', stopped at question 'audience', which "
	    "the case does not answer");
	assert_int_equal(f->r.status, AIPOLICY_WALK_INCOMPLETE);
	assert_null(f->r.reached);
	assert_string_equal(f->p->questions[f->r.next].id, "audience");
	run(f, 6, "expected 'free', stopped at question 'data', which the "
	    "case does not answer");
}

/* The right outcome is not enough: every answer must be used. */
static void
test_unused_answer(void **state)
{
	struct fixture *f = *state;

	run(f, 4, "reached 'tool.no' (do-not-use) as expected, but answers "
	    "not used: audience='only me'");
	assert_int_equal(f->r.nunused, 1);
	assert_int_equal(f->r.unused[0], 2);
	run(f, 5, "expected 'do-not-use', reached 'reviewed' "
	    "(use-with-review); answers not used: audience='only me'");
	assert_int_equal(f->r.unused[0], 0);
}

static void
test_expect_matches(void **state)
{
	struct fixture *f = *state;
	const struct aipolicy_outcome *o = &f->p->outcomes[0];

	assert_string_equal(o->id, "free");
	assert_true(testrun_expect_matches(o, "free"));
	assert_true(testrun_expect_matches(o, "use-freely"));
	assert_false(testrun_expect_matches(o, "reviewed"));
	assert_false(testrun_expect_matches(o, "use-with-review"));
	assert_false(testrun_expect_matches(o, "Free"));
}

static void
test_answers_text(void **state)
{
	struct fixture *f = *state;
	char *s;

	s = testrun_answers_text(&f->p->tests[1]);
	assert_non_null(s);
	assert_string_equal(s, "data='YES', tool=' yes '");
	free(s);
	s = testrun_answers_text(&f->p->tests[6]);
	assert_non_null(s);
	assert_string_equal(s, "(none)");
	free(s);
}

/* After loading, an answer that is not one cannot happen; if a caller
 * changes a case, it fails with words, not a crash. */
static void
test_bad_answer(void **state)
{
	struct fixture *f = *state;
	const char *saved = f->p->tests[0].answers[1].answer;

	f->p->tests[0].answers[1].answer = "maybe";
	run(f, 0, "expected 'use-freely', but 'maybe' is not an answer of "
	    "question 'audience'");
	assert_int_equal(f->r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(f->r.bad, 1);
	f->p->tests[0].answers[1].answer = saved;
}

/* Control characters and a tab in shown text are replaced. */
static void
test_text_sanitised(void **state)
{
	struct fixture *f = *state;
	const char *saved = f->p->tests[0].answers[1].answer;
	char *s;

	f->p->tests[0].answers[1].answer = "a\x1b[31m\tb";
	s = testrun_answers_text(&f->p->tests[0]);
	assert_non_null(s);
	assert_string_equal(s, "data='no', audience='a?[31m b'");
	free(s);
	f->p->tests[0].answers[1].answer = saved;
}

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites " \
	"name=\"aipolicy test\" tests=\"8\" failures=\"5\" errors=\"1\">\n"
#define FOOTER "  </testsuite>\n</testsuites>\n"

static void
test_junit(void **state)
{
	struct fixture *f = *state;
	struct testrun_junit *j = testrun_junit_new();
	size_t i, len;
	char *xml;

	assert_non_null(j);
	assert_int_equal(testrun_junit_begin(j, "a&b<\"c\">.yaml", f->p), 0);
	for (i = 0; i < f->p->ntests; i++) {
		assert_int_equal(testrun_case(f->t, i, &f->r), 0);
		assert_int_equal(testrun_junit_case(j, &f->r), 0);
	}
	assert_int_equal(testrun_junit_end(j), 0);
	/* A file name with a control character, invalid UTF-8 and U+FFFF. */
	assert_int_equal(testrun_junit_error(j, "bad\x01\xff\xef\xbf\xbf.yaml",
	    "bad\x01.yaml: cannot open"), 0);
	xml = testrun_junit_finish(j, &len);
	assert_non_null(xml);
	assert_int_equal(strlen(xml), len);
	assert_true(strncmp(xml, HEADER, strlen(HEADER)) == 0);
	assert_non_null(strstr(xml, "<testsuite name=\"a&amp;b&lt;&quot;c"
	    "&quot;&gt;.yaml\" tests=\"7\" failures=\"5\" errors=\"0\">"));
	assert_non_null(strstr(xml, "<testcase name=\"data='no', "
	    "audience='only me' -> use-freely\" classname=\"acme\" "
	    "file=\"a&amp;b&lt;&quot;c&quot;&gt;.yaml\" line=\"29\"/>"));
	assert_non_null(strstr(xml, "<testcase name=\"(none) -> free\""));
	assert_non_null(strstr(xml, "<testsuite name=\"bad???.yaml\" "
	    "tests=\"1\" failures=\"0\" errors=\"1\">"));
	assert_non_null(strstr(xml, "message=\"bad?.yaml: cannot open\""));
	assert_int_equal(test_count(xml, "<testcase "), 8);
	assert_int_equal(test_count(xml, "<failure "), 5);
	assert_int_equal(test_count(xml, "</failure>"), 5);
	assert_int_equal(test_count(xml, "<error "), 1);
	assert_null(strchr(xml, '\x01'));
	assert_string_equal(xml + len - strlen(FOOTER), FOOTER);
	free(xml);
}

/* A newline in an attribute is kept as a character reference. */
static void
test_junit_newline(void **state)
{
	struct testrun_junit *j = testrun_junit_new();
	size_t len;
	char *xml;

	(void)state;
	assert_non_null(j);
	assert_int_equal(testrun_junit_error(j, "x.yaml", "one\ntwo"), 0);
	xml = testrun_junit_finish(j, &len);
	assert_non_null(xml);
	assert_non_null(strstr(xml, "message=\"one&#10;two\""));
	assert_non_null(strstr(xml, "<testsuite name=\"x.yaml\" tests=\"1\" "));
	free(xml);
}

static void
test_junit_empty(void **state)
{
	struct testrun_junit *j = testrun_junit_new();
	size_t len;
	char *xml;

	(void)state;
	assert_non_null(j);
	xml = testrun_junit_finish(j, &len);
	assert_non_null(xml);
	assert_string_equal(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"aipolicy test\" tests=\"0\" failures=\"0\" "
	    "errors=\"0\">\n</testsuites>\n");
	free(xml);
	testrun_junit_free(NULL);
	testrun_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_passing),
		cmocka_unit_test(test_wrong_outcome),
		cmocka_unit_test(test_stops_short),
		cmocka_unit_test(test_unused_answer),
		cmocka_unit_test(test_expect_matches),
		cmocka_unit_test(test_answers_text),
		cmocka_unit_test(test_bad_answer),
		cmocka_unit_test(test_text_sanitised),
		cmocka_unit_test(test_junit),
		cmocka_unit_test(test_junit_newline),
		cmocka_unit_test(test_junit_empty),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
