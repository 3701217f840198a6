/*
 * report-reach.c: what the records made under one policy reach (report
 * --policy): for each outcome, whether some record ended there; for each
 * answer, whether it is on some record's path without its question being
 * in that record's unsure list. What is never reached is what a policy
 * owner can question.
 */
#include <stdlib.h>
#include <string.h>

#include "report-private.h"

struct report_reach {
	bool *outcome;         /* per outcome of the policy */
	bool *answer;          /* per answer, question by question */
	size_t *first;         /* per question: its first answer in answer[] */
	uint32_t *unsure;      /* per question: gen when the record being
	                        * marked is unsure of it */
	uint32_t gen;
};

static void mark(struct report_reach *x, const struct aipolicy *p,
    const struct logrec *rec);
static void next_gen(struct report_reach *x, size_t nquestions);

int
report_set_policy(struct report *r, const struct aipolicy *p)
{
	struct report_reach *x = calloc(1, sizeof *x);
	size_t i, total = 0;

	if (x == NULL)
		return -1;
	for (i = 0; i < p->nquestions; i++)
		total += p->questions[i].nanswers;
	x->outcome = calloc(p->noutcomes + 1, sizeof *x->outcome);
	x->answer = calloc(total + 1, sizeof *x->answer);
	x->first = calloc(p->nquestions + 1, sizeof *x->first);
	x->unsure = calloc(p->nquestions + 1, sizeof *x->unsure);
	if (x->outcome == NULL || x->answer == NULL || x->first == NULL ||
	    x->unsure == NULL) {
		free(x->outcome);
		free(x->answer);
		free(x->first);
		free(x->unsure);
		free(x);
		return -1;
	}
	for (i = 0, total = 0; i < p->nquestions; i++) {
		x->first[i] = total;
		total += p->questions[i].nanswers;
	}
	report_reach_free(r);
	r->reach = x;
	r->policy = p;
	return 0;
}

void
report_reach_free(struct report *r)
{
	struct report_reach *x = r->reach;

	if (x == NULL)
		return;
	free(x->outcome);
	free(x->answer);
	free(x->first);
	free(x->unsure);
	free(x);
	r->reach = NULL;
}

bool
report_outcome_reached(const struct report *r, size_t o)
{
	return r->reach != NULL && r->reach->outcome[o];
}

bool
report_answer_reached(const struct report *r, size_t q, size_t a)
{
	return r->reach != NULL && r->reach->answer[r->reach->first[q] + a];
}

/* A new generation of unsure marks; on wrap-around, clear them all. */
static void
next_gen(struct report_reach *x, size_t nquestions)
{
	if (++x->gen == 0) {
		memset(x->unsure, 0, nquestions * sizeof *x->unsure);
		x->gen = 1;
	}
}

/* Mark REC's outcome and the answers on its path that it was sure of.
 * Ids and answers the policy does not have are passed over. */
static void
mark(struct report_reach *x, const struct aipolicy *p, const struct logrec *rec)
{
	const struct logrec_step *s;
	int64_t q, a, o;
	size_t i;

	o = aipolicy_find_outcome(p, rec->outcome, strlen(rec->outcome));
	if (o >= 0)
		x->outcome[o] = true;
	next_gen(x, p->nquestions);
	for (i = 0; i < rec->nunsure; i++) {
		q = aipolicy_find_question(p, rec->unsure[i],
		    strlen(rec->unsure[i]));
		if (q >= 0)
			x->unsure[q] = x->gen;
	}
	for (i = 0; i < rec->npath; i++) {
		s = &rec->path[i];
		q = aipolicy_find_question(p, s->question, strlen(s->question));
		if (q < 0 || x->unsure[q] == x->gen)
			continue;
		a = aipolicy_question_match(&p->questions[q], s->answer,
		    strlen(s->answer));
		if (a >= 0)
			x->answer[x->first[q] + (size_t)a] = true;
	}
}

void
report_reach_add(struct report *r, const struct logrec *rec)
{
	const struct aipolicy *p = r->policy;

	if (p == NULL)
		return;
	if (strcmp(rec->policy_sha256, p->sha256) == 0) {
		r->policy_decisions++;
		mark(r->reach, p, rec);
	} else if (strcmp(rec->policy_id, p->id) == 0 &&
	    strcmp(rec->policy_version, p->version) == 0) {
		r->policy_lookalikes++;
	}
}

json_t *
report_never_reached_json(const struct report *r)
{
	const struct aipolicy *p = r->policy;
	json_t *obj, *outcomes, *answers;
	size_t i, j;
	int rc = 0;

	if (p == NULL)
		return json_null();
	obj = json_object();
	outcomes = json_array();
	answers = json_array();
	if (obj == NULL || outcomes == NULL || answers == NULL)
		rc = -1;
	for (i = 0; i < p->noutcomes && rc == 0; i++) {
		if (!report_outcome_reached(r, i))
			rc = json_array_append_new(outcomes,
			    json_string(p->outcomes[i].id));
	}
	for (i = 0; i < p->nquestions && rc == 0; i++) {
		const struct aipolicy_question *q = &p->questions[i];
		for (j = 0; j < q->nanswers && rc == 0; j++) {
			if (!report_answer_reached(r, i, j))
				rc = json_array_append_new(answers,
				    json_pack("{s:s, s:s}", "question", q->id,
				    "answer", q->answers[j].key));
		}
	}
	if (rc == 0)
		rc = json_object_set(obj, "outcomes", outcomes) |
		    json_object_set(obj, "answers", answers);
	json_decref(outcomes);
	json_decref(answers);
	if (rc != 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}
