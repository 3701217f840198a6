/*
 * testrun.c: running a policy's test cases with the walker, and saying in
 * words what a case reached (testrun.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/testrun.h"
#include "core/text.h"
#include "util.h"

struct testrun {
	const struct aipolicy *p;
	struct aipolicy_walker *w;
	struct aipolicy_given *given;   /* room for the largest case */
};

static void add_answer(struct buf *b, const struct aipolicy_test_answer *a);
static char *sanitized(struct buf *b);

struct testrun *
testrun_new(const struct aipolicy *p)
{
	struct testrun *t = calloc(1, sizeof *t);
	size_t i, most = 1;

	if (t == NULL)
		return NULL;
	t->p = p;
	for (i = 0; i < p->ntests; i++) {
		if (p->tests[i].nanswers > most)
			most = p->tests[i].nanswers;
	}
	t->w = aipolicy_walker_new(p);
	t->given = calloc(most, sizeof *t->given);
	if (t->w == NULL || t->given == NULL) {
		testrun_free(t);
		return NULL;
	}
	return t;
}

void
testrun_free(struct testrun *t)
{
	if (t == NULL)
		return;
	aipolicy_walker_free(t->w);
	free(t->given);
	free(t);
}

bool
testrun_expect_matches(const struct aipolicy_outcome *o, const char *expect)
{
	return strcmp(o->id, expect) == 0 ||
	    strcmp(aipolicy_verdict_id(o->verdict), expect) == 0;
}

int
testrun_case(struct testrun *t, size_t i, struct testrun_result *r)
{
	const struct aipolicy_test_case *tc = &t->p->tests[i];
	struct aipolicy_walk_result wr;
	size_t j;

	for (j = 0; j < tc->nanswers; j++) {
		t->given[j].question = tc->answers[j].question;
		t->given[j].question_len = strlen(tc->answers[j].question);
		t->given[j].answer = tc->answers[j].answer;
		t->given[j].answer_len = strlen(tc->answers[j].answer);
	}
	if (aipolicy_walker_run(t->w, t->given, tc->nanswers, 0, &wr) != 0)
		return -1;
	memset(r, 0, sizeof *r);
	r->tc = tc;
	r->status = wr.status;
	if (wr.status == AIPOLICY_WALK_BAD_ANSWER) {
		r->bad = wr.bad;
		return 0;
	}
	r->reached = wr.status == AIPOLICY_WALK_VERDICT ? wr.outcome : NULL;
	r->next = wr.next;
	r->unused = wr.unused;
	r->nunused = wr.nunused;
	r->passed = r->reached != NULL && r->nunused == 0 &&
	    testrun_expect_matches(r->reached, tc->expect);
	return 0;
}

/* Append "question='answer'". */
static void
add_answer(struct buf *b, const struct aipolicy_test_answer *a)
{
	buf_adds(b, a->question);
	buf_adds(b, "='");
	buf_adds(b, a->answer);
	buf_addc(b, '\'');
}

/* B's content passed through text_sanitize; B is released. Caller owns
 * the result; NULL when out of memory. */
static char *
sanitized(struct buf *b)
{
	char *s = NULL;

	if (!b->failed)
		s = text_sanitize(b->data != NULL ? b->data : "", b->len, 0);
	buf_release(b);
	return s;
}

char *
testrun_answers_text(const struct aipolicy_test_case *tc)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (tc->nanswers == 0)
		buf_adds(&b, "(none)");
	for (i = 0; i < tc->nanswers; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		add_answer(&b, &tc->answers[i]);
	}
	return sanitized(&b);
}

char *
testrun_failure_text(const struct aipolicy *p, const struct testrun_result *r)
{
	const struct aipolicy_test_case *tc = r->tc;
	bool matched = r->status == AIPOLICY_WALK_VERDICT &&
	    testrun_expect_matches(r->reached, tc->expect);
	struct buf b;
	size_t i;

	buf_init(&b);
	if (matched)
		buf_addf(&b, "reached '%s' (%s) as expected, but ",
		    r->reached->id, aipolicy_verdict_id(r->reached->verdict));
	else if (r->status == AIPOLICY_WALK_VERDICT)
		buf_addf(&b, "expected '%s', reached '%s' (%s)", tc->expect,
		    r->reached->id, aipolicy_verdict_id(r->reached->verdict));
	else if (r->status == AIPOLICY_WALK_INCOMPLETE)
		buf_addf(&b, "expected '%s', stopped at question '%s', which "
		    "the case does not answer", tc->expect,
		    p->questions[r->next].id);
	else
		buf_addf(&b, "expected '%s', but '%s' is not an answer of "
		    "question '%s'", tc->expect, tc->answers[r->bad].answer,
		    tc->answers[r->bad].question);
	for (i = 0; i < r->nunused; i++) {
		if (i == 0)
			buf_adds(&b, matched ? "answers not used: " :
			    "; answers not used: ");
		else
			buf_adds(&b, ", ");
		add_answer(&b, &tc->answers[r->unused[i]]);
	}
	return sanitized(&b);
}
