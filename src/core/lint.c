/*
 * lint.c: warnings about a loaded policy (dates, untested outcomes).
 */
#include <stdlib.h>
#include <string.h>

#include "aipolicy/lint.h"
#include "aipolicy/walk.h"

static void
warn_at(const struct policy *p, struct diags *d, struct location loc,
    const char *fmt, const char *a, const char *b)
{
	size_t n = 0;
	const char *line = policy_source_line(p, loc.line, &n);

	diags_add(d, SEVERITY_WARNING, loc.line, loc.column, line, n, fmt, a,
	    b);
}

int
policy_lint(const struct policy *p, date_t today, struct diags *d)
{
	char date[11], now[11];
	struct walker *w;
	struct given *g;
	struct walk_result r;
	bool *reached;
	size_t i, j, most = 1;

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
	if (p->ntests == 0)
		return 0;
	for (i = 0; i < p->ntests; i++) {
		if (p->tests[i].nanswers > most)
			most = p->tests[i].nanswers;
	}
	w = walker_new(p);
	g = calloc(most, sizeof *g);
	reached = calloc(p->noutcomes ? p->noutcomes : 1, sizeof *reached);
	if (w == NULL || g == NULL || reached == NULL) {
		walker_free(w);
		free(g);
		free(reached);
		return -1;
	}
	for (i = 0; i < p->ntests; i++) {
		const struct test_case *tc = &p->tests[i];
		for (j = 0; j < tc->nanswers; j++) {
			g[j].question = tc->answers[j].question;
			g[j].question_len = strlen(tc->answers[j].question);
			g[j].answer = tc->answers[j].answer;
			g[j].answer_len = strlen(tc->answers[j].answer);
		}
		if (walker_run(w, g, tc->nanswers, 0, &r) == 0 &&
		    r.status == WALK_VERDICT)
			reached[r.outcome - p->outcomes] = true;
	}
	/* An outcome that start cannot reach is warned about by the loader:
	 * saying also that no test reaches it would add nothing. */
	for (i = 0; i < p->noutcomes; i++) {
		if (!reached[i] && p->outcomes[i].reachable)
			warn_at(p, d, p->outcomes[i].loc,
			    "no test case reaches outcome '%s'%s",
			    p->outcomes[i].id, "");
	}
	walker_free(w);
	free(g);
	free(reached);
	return 0;
}
