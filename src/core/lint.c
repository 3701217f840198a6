/*
 * lint.c: warnings about a loaded policy: its dates, the one page it no
 * longer fits on, and its test cases walked (outcomes none reaches,
 * answers a case gives that its walk never uses).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/lint.h"
#include "aipolicy/render.h"
#include "aipolicy/text.h"
#include "aipolicy/walk.h"

static void warn_at(const struct policy *p, struct diags *d,
    struct location loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int lint_page(const struct policy *p, struct diags *d);
static int lint_case(const struct policy *p, struct diags *d,
    const struct test_case *tc, const struct walk_result *r, bool *reached);
static int lint_tests(const struct policy *p, struct diags *d);

/* A warning at LOC, with the line of the file for the caret. */
static void
warn_at(const struct policy *p, struct diags *d, struct location loc,
    const char *fmt, ...)
{
	size_t n = 0;
	const char *line = policy_source_line(p, loc.line, &n);
	va_list ap;

	va_start(ap, fmt);
	diags_vadd(d, SEVERITY_WARNING, loc.line, loc.column, line, n, fmt,
	    ap);
	va_end(ap);
}

/* The text rendering against the page: too long (at 1:1), too wide (at
 * the answer, or the question, whose line is too wide). */
static int
lint_page(const struct policy *p, struct diags *d)
{
	static const struct location top = { 1, 1 };
	struct render_fit fit;
	char *key;

	if (render_text_fit(p, &fit) != 0)
		return -1;
	if (fit.lines > RENDER_PAGE_LINES)
		warn_at(p, d, top, "the policy no longer fits on one page: "
		    "its text rendering is longer than %d lines",
		    RENDER_PAGE_LINES);
	if (fit.wide_answer != NULL) {
		key = text_sanitize(fit.wide_answer->key,
		    strlen(fit.wide_answer->key), 0);
		if (key == NULL)
			return -1;
		warn_at(p, d, fit.wide_answer->loc, "the policy no longer fits "
		    "on one page: the line of answer '%s' of question '%s' is "
		    "%zu columns wide (at most %d)", key,
		    fit.wide_question->id, fit.wide_width,
		    RENDER_PAGE_COLUMNS);
		free(key);
	} else if (fit.wide_question != NULL)
		warn_at(p, d, fit.wide_question->loc, "the policy no longer "
		    "fits on one page: the line of question '%s' is %zu "
		    "columns wide (at most %d)", fit.wide_question->id,
		    fit.wide_width, RENDER_PAGE_COLUMNS);
	return 0;
}

/* One case's walk R: the outcome it reached, the answers it did not use.
 * Returns 0, or -1 when out of memory. */
static int
lint_case(const struct policy *p, struct diags *d,
    const struct test_case *tc, const struct walk_result *r, bool *reached)
{
	size_t i;

	if (r->status == WALK_BAD_ANSWER)
		return 0;
	if (r->status == WALK_VERDICT)
		reached[r->outcome - p->outcomes] = true;
	for (i = 0; i < r->nunused; i++) {
		const struct test_answer *ta = &tc->answers[r->unused[i]];
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
lint_tests(const struct policy *p, struct diags *d)
{
	struct walker *w;
	struct given *g;
	struct walk_result r;
	bool *reached;
	size_t i, j, most = 1;
	int rc = 0;

	for (i = 0; i < p->ntests; i++) {
		if (p->tests[i].nanswers > most)
			most = p->tests[i].nanswers;
	}
	w = walker_new(p);
	g = calloc(most, sizeof *g);
	reached = calloc(p->noutcomes ? p->noutcomes : 1, sizeof *reached);
	if (w == NULL || g == NULL || reached == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < p->ntests; i++) {
		const struct test_case *tc = &p->tests[i];
		for (j = 0; j < tc->nanswers; j++) {
			g[j].question = tc->answers[j].question;
			g[j].question_len = strlen(tc->answers[j].question);
			g[j].answer = tc->answers[j].answer;
			g[j].answer_len = strlen(tc->answers[j].answer);
		}
		if (walker_run(w, g, tc->nanswers, 0, &r) != 0 ||
		    lint_case(p, d, tc, &r, reached) != 0)
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
	walker_free(w);
	free(g);
	free(reached);
	return rc;
}

int
policy_lint(const struct policy *p, date_t today, struct diags *d)
{
	char date[11], now[11];

	date_format(today, now);
	if (policy_is_stale(p, today)) {
		date_format(p->review_by, date);
		warn_at(p, d, p->review_by_loc,
		    "the policy is stale: 'review_by' %s has passed (today is "
		    "%s)", date, now);
	}
	if (p->effective > today) {
		date_format(p->effective, date);
		warn_at(p, d, p->effective_loc,
		    "the policy is not in force yet: 'effective' %s is after "
		    "today (%s)", date, now);
	}
	if (lint_page(p, d) != 0)
		return -1;
	return p->ntests > 0 ? lint_tests(p, d) : 0;
}
