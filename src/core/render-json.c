/*
 * render-json.c: the whole policy as one JSON object for programs, values
 * as written: id, title, version, owner, effective, review_by, sha256,
 * start, questions (id, ask, label, help, answers: key, label (the
 * answer as shown) and next), outcomes (named ones in file order, then
 * the inline ones in question order), language (a translated policy's
 * tag, else null), and, for serve, stale and in_force. One line; the separators
 * ", " and ": " are jansson's without JSON_COMPACT, and jansson keeps keys in
 * the order they were set.
 */
#include <stdlib.h>

#include <jansson.h>

#include "core/jsonmem.h"
#include "core/translation.h"
#include "render-private.h"

static json_t *str_or_null(const char *s);
static json_t *question_json(const struct aipolicy *p,
    const struct aipolicy_question *q);
static json_t *outcome_json(const struct aipolicy_outcome *o);
static json_t *policy_json(const struct aipolicy *p,
    const struct aipolicy_render_opts *o);

/* S as a JSON string, or null for NULL. */
static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
question_json(const struct aipolicy *p, const struct aipolicy_question *q)
{
	json_t *answers = json_array(), *j;
	size_t i;

	for (i = 0; answers != NULL && i < q->nanswers; i++) {
		const struct aipolicy_target *t = &q->answers[i].target;
		const char *next = t->kind == AIPOLICY_TARGET_QUESTION ?
		    p->questions[t->index].id : p->outcomes[t->index].id;
		if (json_array_append_new(answers, json_pack("{s:s, s:s, s:s}",
		    "key", q->answers[i].key, "label", q->answers[i].shown,
		    "next", next)) != 0) {
			json_decref(answers);
			return NULL;
		}
	}
	j = json_pack("{s:s, s:s, s:o, s:o, s:o}", "id", q->id, "ask", q->ask,
	    "label", str_or_null(q->has_label ? q->label : NULL),
	    "help", str_or_null(q->help), "answers", answers);
	return j;
}

static json_t *
outcome_json(const struct aipolicy_outcome *o)
{
	json_t *conditions = json_array();
	size_t i;

	for (i = 0; conditions != NULL && i < o->nconditions; i++) {
		if (json_array_append_new(conditions,
		    json_string(o->conditions[i])) != 0) {
			json_decref(conditions);
			return NULL;
		}
	}
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:b, s:o, s:o}",
	    "id", o->id, "verdict", aipolicy_verdict_id(o->verdict),
	    "summary", o->summary, "why", str_or_null(o->why),
	    "reviewer", str_or_null(o->reviewer), "disclose", o->disclose,
	    "conditions", conditions, "review_minutes",
	    o->review_minutes > 0 ? json_integer(o->review_minutes) :
	    json_null());
}

/* The object, or NULL when out of memory. */
static json_t *
policy_json(const struct aipolicy *p, const struct aipolicy_render_opts *o)
{
	char eff[SHOW_DATE_SIZE], rev[SHOW_DATE_SIZE];
	json_t *questions = json_array(), *outcomes = json_array(), *j;
	size_t i;
	int bad = questions == NULL || outcomes == NULL;

	for (i = 0; !bad && i < p->nquestions; i++)
		bad = json_array_append_new(questions,
		    question_json(p, &p->questions[i])) != 0;
	for (i = 0; !bad && i < p->noutcomes; i++)
		bad = json_array_append_new(outcomes,
		    outcome_json(&p->outcomes[i])) != 0;
	if (bad) {
		json_decref(questions);
		json_decref(outcomes);
		return NULL;
	}
	j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o}",
	    "id", p->id, "title", p->title, "version", p->version,
	    "owner", p->owner, "effective", render_date(p->effective, eff),
	    "review_by", render_date(p->review_by, rev), "sha256", p->sha256,
	    "start", p->questions[p->start].id, "questions", questions,
	    "outcomes", outcomes, "language",
	    str_or_null(policy_language(p)));
	if (j != NULL && o->with_status &&
	    (json_object_set_new(j, "stale",
	    json_boolean(aipolicy_is_stale(p, o->today))) != 0 ||
	    json_object_set_new(j, "in_force",
	    json_boolean(p->effective <= o->today)) != 0)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

int
render_json(const struct aipolicy *p, const struct aipolicy_render_opts *o,
    struct buf *b)
{
	json_t *j = policy_json(p, o);
	char *s;

	if (j == NULL)
		return -1;
	s = jsonmem_dumps(j, 0);
	json_decref(j);
	if (s == NULL)
		return -1;
	buf_adds(b, s);
	buf_addc(b, '\n');
	free(s);
	return b->failed ? -1 : 0;
}
