/*
 * testrun-junit.c: test results as JUnit XML (testrun.h), the format CI
 * dashboards read: <testsuites> holding one <testsuite> per policy file,
 * one <testcase> per case, a <failure> in each failing one.
 */
#include <stdlib.h>
#include <string.h>

#include "core/testrun.h"
#include "core/text.h"
#include "util.h"

/* XML 1.0 allows neither of these two non-characters. */
#define XML_NONCHAR_FFFE 0xFFFEu
#define XML_NONCHAR_FFFF 0xFFFFu

struct testrun_junit {
	struct buf suites;     /* the finished <testsuite> elements */
	struct buf cases;      /* the <testcase> elements of the open suite */
	const char *file;      /* the open suite's file and policy */
	const struct aipolicy *p;
	size_t suite_tests, suite_failures;
	size_t tests, failures, errors;
	bool oom;
};

static void add_escaped(struct buf *b, const char *s, bool attr);
static int status(struct testrun_junit *j);

struct testrun_junit *
testrun_junit_new(void)
{
	struct testrun_junit *j = calloc(1, sizeof *j);

	if (j != NULL) {
		buf_init(&j->suites);
		buf_init(&j->cases);
	}
	return j;
}

void
testrun_junit_free(struct testrun_junit *j)
{
	if (j == NULL)
		return;
	buf_release(&j->suites);
	buf_release(&j->cases);
	free(j);
}

/*
 * Append S escaped for XML: in an attribute (ATTR) a newline is written
 * "&#10;" so that it survives; in content it stays a newline. Every other
 * character goes through text_safe (control characters, invalid UTF-8 and
 * the like become '?'), and so do the non-characters XML forbids.
 */
static void
add_escaped(struct buf *b, const char *s, bool attr)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp, safe;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		safe = cp == '\n' ? cp : text_safe(cp);
		if (safe == XML_NONCHAR_FFFE || safe == XML_NONCHAR_FFFF)
			safe = TEXT_REPLACEMENT;
		switch (safe) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\n': buf_adds(b, attr ? "&#10;" : "\n"); break;
		default:
			if (safe == cp)
				buf_add(b, s + i, k);
			else
				buf_addc(b, (char)safe);
		}
		i += k;
	}
}

/* 0, or -1 when an allocation of J has failed. */
static int
status(struct testrun_junit *j)
{
	return j->oom || j->suites.failed || j->cases.failed ? -1 : 0;
}

int
testrun_junit_begin(struct testrun_junit *j, const char *file,
    const struct aipolicy *p)
{
	j->file = file;
	j->p = p;
	j->suite_tests = j->suite_failures = 0;
	j->cases.len = 0;
	return status(j);
}

int
testrun_junit_case(struct testrun_junit *j, const struct testrun_result *r)
{
	const struct aipolicy_test_case *tc = r->tc;
	struct buf *b = &j->cases;
	char *answers = testrun_answers_text(tc), *why = NULL;

	if (answers == NULL || (!r->passed &&
	    (why = testrun_failure_text(j->p, r)) == NULL)) {
		free(answers);
		j->oom = true;
		return -1;
	}
	j->suite_tests++;
	j->suite_failures += !r->passed;
	buf_adds(b, "    <testcase name=\"");
	add_escaped(b, answers, true);
	buf_adds(b, " -> ");
	add_escaped(b, tc->expect, true);
	buf_adds(b, "\" classname=\"");
	add_escaped(b, j->p->id, true);
	buf_adds(b, "\" file=\"");
	add_escaped(b, j->file, true);
	buf_addf(b, "\" line=\"%u\"", tc->loc.line);
	if (r->passed) {
		buf_adds(b, "/>\n");
	} else {
		buf_adds(b, ">\n      <failure type=\"test case failed\" "
		    "message=\"");
		add_escaped(b, why, true);
		buf_adds(b, "\">");
		add_escaped(b, j->file, false);
		buf_addf(b, ":%u:%u: test case failed\nanswers: ",
		    tc->loc.line, tc->loc.column);
		add_escaped(b, answers, false);
		buf_adds(b, "\n");
		add_escaped(b, why, false);
		buf_adds(b, "</failure>\n    </testcase>\n");
	}
	free(answers);
	free(why);
	return status(j);
}

int
testrun_junit_end(struct testrun_junit *j)
{
	buf_adds(&j->suites, "  <testsuite name=\"");
	add_escaped(&j->suites, j->file, true);
	buf_addf(&j->suites, "\" tests=\"%zu\" failures=\"%zu\" "
	    "errors=\"0\"", j->suite_tests, j->suite_failures);
	if (j->suite_tests == 0) {
		buf_adds(&j->suites, "/>\n");
	} else {
		buf_adds(&j->suites, ">\n");
		if (j->cases.len > 0)
			buf_add(&j->suites, j->cases.data, j->cases.len);
		buf_adds(&j->suites, "  </testsuite>\n");
	}
	j->tests += j->suite_tests;
	j->failures += j->suite_failures;
	j->cases.len = 0;
	return status(j);
}

int
testrun_junit_error(struct testrun_junit *j, const char *file,
    const char *message)
{
	buf_adds(&j->suites, "  <testsuite name=\"");
	add_escaped(&j->suites, file, true);
	buf_adds(&j->suites, "\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
	    "    <testcase name=\"load\" classname=\"");
	add_escaped(&j->suites, file, true);
	buf_adds(&j->suites, "\">\n      <error type=\"policy not loaded\" "
	    "message=\"");
	add_escaped(&j->suites, message, true);
	buf_adds(&j->suites, "\"/>\n    </testcase>\n  </testsuite>\n");
	j->tests++;
	j->errors++;
	return status(j);
}

char *
testrun_junit_finish(struct testrun_junit *j, size_t *len)
{
	struct buf b;
	char *s;

	buf_init(&b);
	buf_addf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"aipolicy test\" tests=\"%zu\" failures=\"%zu\" "
	    "errors=\"%zu\">\n", j->tests, j->failures, j->errors);
	if (status(j) != 0)
		b.failed = true;
	else if (j->suites.len > 0)
		buf_add(&b, j->suites.data, j->suites.len);
	buf_adds(&b, "</testsuites>\n");
	*len = b.len;
	s = buf_detach(&b);
	testrun_junit_free(j);
	return s;
}
