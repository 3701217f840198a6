/*
 * lint.c: warnings about a loaded policy: its dates (stale or not in
 * force as present.h decides), the one page it no longer fits on, and its
 * test cases run as `test` runs them (outcomes none reaches, answers a
 * case gives that its walk never uses).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/lint.h"
#include "core/present.h"
#include "aipolicy/render.h"
#include "core/testrun.h"
#include "core/text.h"
#include "show.h"

static void warn_at(const struct aipolicy *p, struct aipolicy_diags *d,
    struct aipolicy_location loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int lint_page(const struct aipolicy *p, struct aipolicy_diags *d);
static int lint_case(const struct aipolicy *p, struct aipolicy_diags *d,
    const struct testrun_result *r, bool *reached);
static int lint_tests(const struct aipolicy *p, struct aipolicy_diags *d);
static void lint_dates(const struct aipolicy *p, aipolicy_date_t today,
    struct aipolicy_diags *d);

/* A warning at LOC, with the line of the file for the caret. The line is
 * there (LOC is a node's): without it, memory ran out (D->nomem). */
static void
warn_at(const struct aipolicy *p, struct aipolicy_diags *d,
    struct aipolicy_location loc, const char *fmt, ...)
{
	size_t n = 0;
	const char *line = aipolicy_source_line(p, loc.line, &n);
	va_list ap;

	if (line == NULL && loc.line > 0)
		d->nomem = true;
	va_start(ap, fmt);
	aipolicy_diags_vadd(d, AIPOLICY_SEVERITY_WARNING, loc.line, loc.column,
	    line, n, fmt, ap);
	va_end(ap);
}

/* The text rendering against the page: too long (at 1:1), too wide (at
 * the answer, or the question, whose line is too wide). */
static int
lint_page(const struct aipolicy *p, struct aipolicy_diags *d)
{
	static const struct aipolicy_location top = { 1, 1 };
	struct aipolicy_render_fit fit;
	char *key;

	if (aipolicy_render_text_fit(p, &fit) != 0)
		return -1;
	if (fit.lines > AIPOLICY_RENDER_PAGE_LINES)
		warn_at(p, d, top, "the policy no longer fits on one page: "
		    "its text rendering is longer than %d lines",
		    AIPOLICY_RENDER_PAGE_LINES);
	if (fit.wide_answer != NULL) {
		key = text_sanitize(fit.wide_answer->key,
		    strlen(fit.wide_answer->key), 0);
		if (key == NULL)
			return -1;
		warn_at(p, d, fit.wide_answer->loc, "the policy no longer fits "
		    "on one page: the line of answer '%s' of question '%s' is "
		    "%zu columns wide (at most %d)", key,
		    fit.wide_question->id, fit.wide_width,
		    AIPOLICY_RENDER_PAGE_COLUMNS);
		free(key);
	} else if (fit.wide_question != NULL)
		warn_at(p, d, fit.wide_question->loc, "the policy no longer "
		    "fits on one page: the line of question '%s' is %zu "
		    "columns wide (at most %d)", fit.wide_question->id,
		    fit.wide_width, AIPOLICY_RENDER_PAGE_COLUMNS);
	return 0;
}

/* One case's result R: the outcome it reached, the answers it did not
 * use. Returns 0, or -1 when out of memory. */
static int
lint_case(const struct aipolicy *p, struct aipolicy_diags *d,
    const struct testrun_result *r, bool *reached)
{
	size_t i;

	if (r->status == AIPOLICY_WALK_BAD_ANSWER)
		return 0;
	if (r->reached != NULL)
		reached[r->reached - p->outcomes] = true;
	for (i = 0; i < r->nunused; i++) {
		const struct aipolicy_test_answer *ta =
		    &r->tc->answers[r->unused[i]];
		char *answer = text_sanitize(ta->answer, strlen(ta->answer), 0);
		if (answer == NULL)
			return -1;
		warn_at(p, d, ta->loc, "the walk of this test case never uses "
		    "its answer '%s' to '%s' (the case tests less than it "
		    "seems to)", answer, ta->question);
		free(answer);
	}
	return 0;
}

/* Walk every test case: outcomes none reaches, answers not used. */
static int
lint_tests(const struct aipolicy *p, struct aipolicy_diags *d)
{
	struct testrun *tr = testrun_new(p);
	struct testrun_result r;
	bool *reached = calloc(p->noutcomes ? p->noutcomes : 1,
	    sizeof *reached);
	size_t i;
	int rc = tr != NULL && reached != NULL ? 0 : -1;

	for (i = 0; rc == 0 && i < p->ntests; i++) {
		if (testrun_case(tr, i, &r) != 0 ||
		    lint_case(p, d, &r, reached) != 0)
			rc = -1;
	}
	/* An outcome that start cannot reach is warned about by the loader:
	 * saying also that no test reaches it would add nothing. */
	for (i = 0; rc == 0 && i < p->noutcomes; i++) {
		if (!reached[i] && p->outcomes[i].reachable)
			warn_at(p, d, p->outcomes[i].loc,
			    "no test case reaches outcome '%s'",
			    p->outcomes[i].id);
	}
	testrun_free(tr);
	free(reached);
	return rc;
}

/* The policy is stale, or not in force yet, on TODAY. */
static void
lint_dates(const struct aipolicy *p, aipolicy_date_t today,
    struct aipolicy_diags *d)
{
	char date[SHOW_DATE_SIZE], now[SHOW_DATE_SIZE];

	aipolicy_date_format(today, now);
	switch (present_dates_on(p, today)) {
	case PRESENT_STALE:
		aipolicy_date_format(p->review_by, date);
		warn_at(p, d, p->review_by_loc,
		    "the policy is stale: 'review_by' %s has passed (today is "
		    "%s)", date, now);
		break;
	case PRESENT_NOT_YET:
		aipolicy_date_format(p->effective, date);
		warn_at(p, d, p->effective_loc,
		    "the policy is not in force yet: 'effective' %s is after "
		    "today (%s)", date, now);
		break;
	case PRESENT_CURRENT:
		break;
	}
}

int
aipolicy_lint(const struct aipolicy *p, aipolicy_date_t today,
    struct aipolicy_diags *d)
{
	lint_dates(p, today, d);
	if (lint_page(p, d) != 0)
		return -1;
	return p->ntests > 0 ? lint_tests(p, d) : 0;
}
