/*
 * translation-view.c: a policy as read in a translation's language
 * (policy_translate), and a set of them to pick from per request
 * (struct translation_set). A translated policy is a struct aipolicy like
 * any other, so every front end shows it unchanged: its own arrays of
 * questions and outcomes hold the translated texts (the policy's own
 * where the translation has none) and its answers their shown text; ids,
 * keys, targets, tests, dates and the sha256 are the policy's, and its
 * id indexes and source are the policy's too (policy-private.h).
 */
#include <stdlib.h>
#include <string.h>

#include "policy-private.h"
#include "translation-private.h"

static const char *pick(const struct tr_text *t, const char *own);
static int translate_questions(struct aipolicy *v, const struct aipolicy *p,
    const struct translation *t);
static void translate_outcomes(struct aipolicy *v, const struct aipolicy *p,
    const struct translation *t);

/* The translated text T, or OWN, the policy's, when there is none. */
static const char *
pick(const struct tr_text *t, const char *own)
{
	return t->text != NULL ? t->text : own;
}

/* V's questions: P's with T's texts, answers of their own. 0, or -1 when
 * out of memory. */
static int
translate_questions(struct aipolicy *v, const struct aipolicy *p,
    const struct translation *t)
{
	size_t i, j;

	for (i = 0; i < p->nquestions; i++) {
		const struct tr_question *tq = &t->questions[i];
		struct aipolicy_question *q = &v->questions[i];
		struct aipolicy_answer *a;

		q->ask = pick(&tq->ask, q->ask);
		q->help = pick(&tq->help, q->help);
		/* A label not given falls back to ask, translated or not. */
		q->label = q->has_label ? pick(&tq->label, q->label) : q->ask;
		if (tq->answers == NULL)
			continue;
		a = arena_alloc(&v->priv->arena, q->nanswers * sizeof *a);
		if (a == NULL)
			return -1;
		memcpy(a, q->answers, q->nanswers * sizeof *a);
		for (j = 0; j < q->nanswers; j++)
			a[j].shown = pick(&tq->answers[j], a[j].key);
		q->answers = a;
	}
	return 0;
}

/* V's outcomes: P's with T's texts. */
static void
translate_outcomes(struct aipolicy *v, const struct aipolicy *p,
    const struct translation *t)
{
	size_t i;

	for (i = 0; i < p->noutcomes; i++) {
		const struct tr_outcome *to = &t->outcomes[i];
		struct aipolicy_outcome *o = &v->outcomes[i];

		o->summary = pick(&to->summary, o->summary);
		o->why = pick(&to->why, o->why);
		o->reviewer = pick(&to->reviewer, o->reviewer);
		if (to->conditions != NULL)
			o->conditions = to->conditions;
	}
}

struct aipolicy *
policy_translate(const struct aipolicy *p, const struct translation *t)
{
	struct aipolicy *v;

	if (strcmp(p->sha256, t->policy_sha256) != 0 ||
	    (v = calloc(1, sizeof *v)) == NULL)
		return NULL;
	*v = *p;
	v->priv = calloc(1, sizeof *v->priv);
	v->questions = malloc((p->nquestions ? p->nquestions : 1) *
	    sizeof *v->questions);
	v->outcomes = malloc((p->noutcomes ? p->noutcomes : 1) *
	    sizeof *v->outcomes);
	if (v->priv == NULL || v->questions == NULL || v->outcomes == NULL) {
		free(v->priv);
		free(v->questions);
		free(v->outcomes);
		free(v);
		return NULL;
	}
	arena_init(&v->priv->arena);
	v->priv->base = p->priv->base != NULL ? p->priv->base : p;
	v->priv->language = t->language;
	memcpy(v->questions, p->questions,
	    p->nquestions * sizeof *v->questions);
	memcpy(v->outcomes, p->outcomes, p->noutcomes * sizeof *v->outcomes);
	v->title = pick(&t->title, p->title);
	v->owner = pick(&t->owner, p->owner);
	translate_outcomes(v, p, t);
	if (translate_questions(v, p, t) != 0) {
		aipolicy_free(v);
		return NULL;
	}
	return v;
}

void
translation_set_init(struct translation_set *s, const struct aipolicy *base)
{
	memset(s, 0, sizeof *s);
	s->base = base;
}

int
translation_set_add(struct translation_set *s, struct translation *t)
{
	size_t n = s->n + 1;
	const char **tags = realloc(s->tags, n * sizeof *tags);
	struct translation **items;
	struct aipolicy **views;
	struct aipolicy *v;

	if (tags != NULL)
		s->tags = tags;
	items = tags != NULL ? realloc(s->items, n * sizeof *items) : NULL;
	if (items != NULL)
		s->items = items;
	views = items != NULL ? realloc(s->views, n * sizeof *views) : NULL;
	if (views != NULL)
		s->views = views;
	v = views != NULL ? policy_translate(s->base, t) : NULL;
	if (v == NULL) {
		translation_free(t);
		return -1;
	}
	s->tags[s->n] = translation_language(t);
	s->items[s->n] = t;
	s->views[s->n] = v;
	s->n = n;
	return 0;
}

const struct aipolicy *
translation_set_pick(const struct translation_set *s,
    const char (*wanted)[LANG_TAG_MAX], size_t nwanted)
{
	int i = lang_choose_list(s->tags, s->n, wanted, nwanted);

	return i < 0 ? s->base : s->views[i];
}

void
translation_set_release(struct translation_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		aipolicy_free(s->views[i]);
		translation_free(s->items[i]);
	}
	free(s->tags);
	free(s->items);
	free(s->views);
	memset(s, 0, sizeof *s);
}
