/*
 * schema-question.c: the mapping `questions`, each question, and its
 * answers, read straight from the YAML events. An answer's target is kept
 * by name (link.c resolves it once every id is known); an inline outcome is
 * read where it stands and numbered after the named ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load-private.h"
#include "policy-private.h"

enum question_key { Q_ASK, Q_LABEL, Q_HELP, Q_ANSWERS, Q_KEYS };

/* An answer's smallest sensible count. */
#define ANSWERS_MIN 2

/* Where the load stood when a question's key was read: what its body
 * adds is taken back when its id turns out to repeat an earlier one. */
struct question_mark {
	uint32_t hash;          /* of its id (strindex_hash) */
	size_t len;             /* of its id */
	size_t ntargets, ninlined;
	struct late_mark late;
};

static enum key_problem key_problem(const struct yread_event *k);
static bool key_report(struct loader *ld, const struct yread_event *k,
    enum key_problem problem, uint32_t same);
static void key_reports_flush(struct loader *ld,
    const struct aipolicy_question *q);
static bool answer_target(struct loader *ld, uint32_t qi, uint32_t ai,
    const struct yread_event *v);
static void answer_entry(struct loader *ld, uint32_t qi,
    const struct yread_event *k, size_t *n);
static void answers_mapping(struct loader *ld, uint32_t qi,
    const struct yread_event *m);
static void question_value(struct loader *ld, uint32_t qi,
    enum question_key k, const struct yread_event *v);
static void question_body(struct loader *ld, uint32_t qi,
    const struct yread_event *m);
static int question_add(struct loader *ld, const struct yread_event *key,
    uint32_t *qi, struct question_mark *m);
static int question_index(struct loader *ld, uint32_t qi,
    const struct question_mark *m);
static bool bad_key_repeats(struct loader *ld, const struct yread_event *key);

/* What is wrong with answer key K (one line, trimmed, at most
 * AIPOLICY_MAX_ANSWER code points, not reserved), or KEY_OK. */
static enum key_problem
key_problem(const struct yread_event *k)
{
	const char *s = k->text;
	size_t n = k->len;

	trim(&s, &n);
	if (n == 0)
		return KEY_EMPTY;
	if (n != k->len)
		return KEY_SPACE;
	if (memchr(s, '\n', n) != NULL)
		return KEY_MULTILINE;
	if (utf8_count(s, n) > AIPOLICY_MAX_ANSWER)
		return KEY_TOO_LONG;
	if (ascii_caseeq(s, n, "?", 1) || ascii_caseeq(s, n, "not sure", 8))
		return KEY_RESERVED;
	return KEY_OK;
}

/* Keep PROBLEM of key K to tell when its mapping ends. */
static bool
key_report(struct loader *ld, const struct yread_event *k,
    enum key_problem problem, uint32_t same)
{
	struct key_report *r;

	if (vec_grow(&ld->reports, &ld->reports_cap, ld->nreports + 1,
	    sizeof *ld->reports) != 0) {
		ld->oom = true;
		return false;
	}
	r = &ld->reports[ld->nreports];
	r->problem = problem;
	r->key = load_strdup(ld, &ld->scratch, k->text, k->len);
	r->line = k->line;
	r->column = k->column;
	r->same = same;
	if (r->key == NULL)
		return false;
	ld->nreports++;
	return true;
}

/* Tell the problems of Q's answer keys kept by key_report, in order. */
static void
key_reports_flush(struct loader *ld, const struct aipolicy_question *q)
{
	const struct aipolicy_answer *same;
	size_t i;

	for (i = 0; i < ld->nreports; i++) {
		const struct key_report *r = &ld->reports[i];
		switch (r->problem) {
		case KEY_EMPTY:
			load_error(ld, r->line, r->column,
			    "an answer of question '%s' is empty", q->id);
			break;
		case KEY_SPACE:
			load_error(ld, r->line, r->column, "answer '%s' of "
			    "question '%s' has white space around it", r->key,
			    q->id);
			break;
		case KEY_MULTILINE:
			load_error(ld, r->line, r->column, "an answer of "
			    "question '%s' must be one line", q->id);
			break;
		case KEY_TOO_LONG:
			load_error(ld, r->line, r->column, "answer '%s' of "
			    "question '%s' is longer than %d characters",
			    r->key, q->id, AIPOLICY_MAX_ANSWER);
			break;
		case KEY_RESERVED:
			load_error(ld, r->line, r->column, "'%s' is reserved "
			    "for \"not sure\" and cannot be an answer", r->key);
			break;
		case KEY_SAME_CASE:
			same = &ld->answers[r->same];
			load_error(ld, r->line, r->column, "answer '%s' is the "
			    "same as '%s' (at %u:%u) when case is ignored",
			    r->key, same->key, same->loc.line,
			    same->loc.column);
			break;
		default:
			break;
		}
	}
	ld->nreports = 0;
}

/* The target V of answer AI of question QI: a name kept for later, or an
 * inline outcome read now. false when out of memory. */
static bool
answer_target(struct loader *ld, uint32_t qi, uint32_t ai,
    const struct yread_event *v)
{
	struct aipolicy_answer *a = &ld->answers[ai];
	struct pending_target *t;
	struct aipolicy_outcome *o;
	struct what w = { "inline outcome '%s'", NULL };
	char *id;
	size_t i, n;

	if (v->kind == YREAD_SCALAR && !yread_is_null(v)) {
		if (vec_grow(&ld->targets, &ld->targets_cap, ld->ntargets + 1,
		    sizeof *ld->targets) != 0)
			return false;
		t = &ld->targets[ld->ntargets++];
		t->at.question = qi;
		t->at.answer = ai;
		t->len = (uint32_t)v->len;
		t->hash = strindex_hash(v->text, v->len);
		t->line = v->line;
		t->column = v->column;
		if (v->len < sizeof t->name.text) {
			memcpy(t->name.text, v->text, v->len + 1);
			return true;
		}
		t->name.ptr = load_strdup(ld, &ld->scratch, v->text, v->len);
		return t->name.ptr != NULL;
	}
	if (v->kind != YREAD_MAPPING) {
		load_wrong(ld, v, false, "the target of answer '%s' must be a "
		    "question id, an outcome id or an outcome mapping", a->key);
		return true;
	}
	/* An inline outcome: QUESTION.answer, its letters in lower case. */
	n = strlen(ld->p->questions[qi].id) + 1 + strlen(a->key);
	if ((id = arena_alloc(&ld->p->priv->ids, n + 1)) == NULL ||
	    vec_grow(&ld->inlined, &ld->inlined_cap, ld->ninlined + 1,
	    sizeof *ld->inlined) != 0 || vec_grow(&ld->inlined_at,
	    &ld->inlined_at_cap, ld->ninlined + 1, sizeof *ld->inlined_at) != 0)
		return false;
	n = (size_t)sprintf(id, "%s.", ld->p->questions[qi].id);
	for (i = 0; a->key[i] != '\0'; i++)
		id[n++] = a->key[i] >= 'A' && a->key[i] <= 'Z' ?
		    (char)(a->key[i] - 'A' + 'a') : a->key[i];
	id[n] = '\0';
	if (!id_key_add(&ld->ikeys, &ld->ikeys_cap, ld->ninlined, id, n))
		return false;
	o = &ld->inlined[ld->ninlined];
	memset(o, 0, sizeof *o);
	o->id = id;
	o->is_inline = true;
	o->loc.line = v->line;
	o->loc.column = v->column;
	ld->inlined_at[ld->ninlined].question = qi;
	ld->inlined_at[ld->ninlined].answer = ai;
	a->target.kind = AIPOLICY_TARGET_OUTCOME;
	a->target.index = (uint32_t)ld->ninlined++;
	w.arg = id;
	schema_outcome(ld, o, v, &w);
	return true;
}

/* One entry of question QI's answers: its key K (just read), then its
 * target. *N counts the answers kept. */
static void
answer_entry(struct loader *ld, uint32_t qi, const struct yread_event *k,
    size_t *n)
{
	enum key_problem problem = key_problem(k);
	struct yread_event v;
	struct aipolicy_answer *a;
	size_t i;

	for (i = 0; problem == KEY_OK && i < *n; i++) {
		if (ascii_caseeq(ld->answers[i].key, strlen(ld->answers[i].key),
		    k->text, k->len))
			break;
	}
	if (problem == KEY_OK && i < *n && strcmp(ld->answers[i].key,
	    k->text) != 0)
		problem = KEY_SAME_CASE;
	if (problem != KEY_OK && !key_report(ld, k, problem, (uint32_t)i))
		return;
	if (problem == KEY_OK && i == *n) {
		if (vec_grow(&ld->answers, &ld->answers_cap, *n + 1,
		    sizeof *ld->answers) != 0) {
			ld->oom = true;
			return;
		}
		a = &ld->answers[*n];
		memset(a, 0, sizeof *a);
		a->key = load_strdup(ld, ld->arena, k->text, k->len);
		a->shown = a->key;
		a->loc.line = k->line;
		a->loc.column = k->column;
		if (a->key == NULL || !value_next(ld, &v))
			return;
		(*n)++;
		if (!answer_target(ld, qi, (uint32_t)(*n - 1), &v))
			ld->oom = true;
		return;
	}
	/* A key with a problem, or the same key again: its target is not
	 * looked at. */
	if (value_next(ld, &v))
		value_skip(ld, &v);
}

/* The answers of question QI: the mapping M (just started). */
static void
answers_mapping(struct loader *ld, uint32_t qi, const struct yread_event *m)
{
	struct aipolicy_question *q;
	struct yread_event key;
	size_t entries = 0, n = 0;

	ld->nreports = 0;
	while (!ld->oom && map_next(ld, &key, &entries))
		answer_entry(ld, qi, &key, &n);
	if (ld->oom || ld->r.stopped)
		return;
	q = &ld->p->questions[qi];
	if (entries < ANSWERS_MIN)
		load_error(ld, m->line, m->column, "question '%s' needs at "
		    "least two answers, found %zu", q->id, entries);
	key_reports_flush(ld, q);
	q->answers = arena_alloc(&ld->p->priv->answers,
	    (n ? n : 1) * sizeof *q->answers);
	if (q->answers == NULL) {
		ld->oom = true;
		return;
	}
	if (n > 0)
		memcpy(q->answers, ld->answers, n * sizeof *q->answers);
	q->nanswers = n;
}

/* The value V of key K of question QI, read to its end. */
static void
question_value(struct loader *ld, uint32_t qi, enum question_key k,
    const struct yread_event *v)
{
	struct aipolicy_question *q = &ld->p->questions[qi];
	struct aipolicy_location at = { v->line, v->column };

	switch (k) {
	case Q_ASK:
		q->ask = take_text(ld, v, "ask", true);
		q->ask_loc = at;
		break;
	case Q_LABEL:
		q->label = take_text(ld, v, "label", false);
		q->label_loc = at;
		if (q->label != NULL && utf8_count(q->label, strlen(q->label)) >
		    AIPOLICY_MAX_LABEL)
			load_error(ld, v->line, v->column,
			    "'label' is longer than %d characters",
			    AIPOLICY_MAX_LABEL);
		break;
	case Q_HELP:
		q->help = take_text(ld, v, "help", true);
		q->help_loc = at;
		break;
	case Q_ANSWERS:
		if (v->kind == YREAD_MAPPING)
			answers_mapping(ld, qi, v);
		else
			load_wrong(ld, v, false, "'answers' must be a mapping "
			    "of answer -> target");
		break;
	default:
		value_skip(ld, v);
		break;
	}
}

/* Question QI's mapping M (just started), to its end. */
static void
question_body(struct loader *ld, uint32_t qi, const struct yread_event *m)
{
	struct keyspec ks[Q_KEYS] = {
		[Q_ASK] = { "ask", true, false, 0, 0 },
		[Q_LABEL] = { "label", false, false, 0, 0 },
		[Q_HELP] = { "help", false, false, 0, 0 },
		[Q_ANSWERS] = { "answers", true, false, 0, 0 },
	};
	struct what w = { "question '%s'", ld->p->questions[qi].id };
	struct aipolicy_question *q;
	struct yread_event key, v;
	int k;

	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = keys_match(ld, ks, Q_KEYS, &key, &w);
		if (!value_next(ld, &v))
			return;
		question_value(ld, qi, k < 0 ? Q_KEYS : (enum question_key)k,
		    &v);
	}
	if (ld->oom || ld->r.stopped)
		return;
	keys_missing(ld, ks, Q_KEYS, m->line, m->column, &w);
	q = &ld->p->questions[qi];
	q->has_label = q->label != NULL;
	if (q->label == NULL)
		q->label = q->ask;
}

/*
 * KEY of `questions`, a valid id: a new question, its index in *QI, and
 * where the load stands in *M. Whether the id repeats an earlier one is
 * asked once its body is read (question_index): the index's slot for it,
 * asked for now, has come into the cache by then. 0, or -1 when out of
 * memory.
 */
static int
question_add(struct loader *ld, const struct yread_event *key, uint32_t *qi,
    struct question_mark *m)
{
	struct aipolicy *p = ld->p;
	struct aipolicy_question *q;

	m->hash = strindex_hash(key->text, key->len);
	m->len = key->len;
	m->ntargets = ld->ntargets;
	m->ninlined = ld->ninlined;
	late_mark(ld, &m->late);
	strindex_prefetch(&p->priv->questions, m->hash);
	if (vec_grow(&p->questions, &ld->questions_cap, p->nquestions + 1,
	    sizeof *p->questions) != 0)
		return -1;
	q = &p->questions[p->nquestions];
	memset(q, 0, sizeof *q);
	q->id = load_strdup(ld, &ld->p->priv->ids, key->text, key->len);
	q->loc.line = key->line;
	q->loc.column = key->column;
	*qi = (uint32_t)p->nquestions++;
	return q->id == NULL ? -1 : 0;
}

/*
 * Question QI, the last one, read to its end (M taken at its key): into
 * the question index. When its id repeats an earlier question's, the
 * reader is told, and the question is taken back with what its body added
 * (its answers' targets, its inline outcomes, its diagnostics): a repeated
 * question is not part of the policy. 0, or -1 when out of memory.
 */
static int
question_index(struct loader *ld, uint32_t qi, const struct question_mark *m)
{
	struct aipolicy *p = ld->p;
	const struct aipolicy_question *q = &p->questions[qi], *first;
	uint32_t x;
	int rc = strindex_put_hashed(&p->priv->questions, q->id, m->len,
	    m->hash, qi, &x);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	first = &p->questions[x];
	if (!yread_duplicate(&ld->r, first->id, q->loc.line, q->loc.column,
	    first->loc.line, first->loc.column))
		return -1;
	late_rewind(ld, &m->late);
	ld->ntargets = m->ntargets;
	ld->ninlined = m->ninlined;
	p->nquestions--;
	return 0;
}

/* KEY of `questions` is no id: is it the repeat of another such key (told
 * to the reader)? false also when out of memory (ld->oom). */
static bool
bad_key_repeats(struct loader *ld, const struct yread_event *key)
{
	const char *text;
	uint32_t x;

	text = load_strdup(ld, &ld->scratch, key->text, key->len);
	if (text != NULL && strindex_get(&ld->bad_keys, key->text, key->len,
	    &x)) {
		if (!yread_duplicate(&ld->r, text, key->line, key->column,
		    ld->bad_keys_at[x].line, ld->bad_keys_at[x].column))
			ld->oom = true;
		return true;
	}
	if (text == NULL || vec_grow(&ld->bad_keys_at, &ld->bad_keys_cap,
	    ld->nbad_keys + 1, sizeof *ld->bad_keys_at) != 0 ||
	    strindex_put(&ld->bad_keys, text, key->len,
	    (uint32_t)ld->nbad_keys, NULL) < 0) {
		ld->oom = true;
		return false;
	}
	ld->bad_keys_at[ld->nbad_keys].line = key->line;
	ld->bad_keys_at[ld->nbad_keys++].column = key->column;
	return false;
}

void
schema_questions(struct loader *ld, const struct yread_event *m)
{
	struct question_mark mark;
	struct yread_event key, v;
	size_t entries = 0;
	uint32_t qi = 0;
	bool ok;

	/* The question index finds repeated ids, not the reader: each
	 * question goes into it when its body has been read. */
	yread_caller_keys(&ld->r);
	while (!ld->oom && map_next(ld, &key, &entries)) {
		ok = check_id(ld, &key, "question id");
		if (ok && question_add(ld, &key, &qi, &mark) != 0) {
			ld->oom = true;
			return;
		}
		if (!ok)
			bad_key_repeats(ld, &key);
		if (!value_next(ld, &v))
			return;
		if (!ok)
			value_skip(ld, &v);
		else if (v.kind != YREAD_MAPPING)
			load_wrong(ld, &v, false, "question '%s' must be a "
			    "mapping with 'ask' and 'answers'",
			    ld->p->questions[qi].id);
		else
			question_body(ld, qi, &v);
		if (ok && !ld->oom && !ld->r.stopped &&
		    question_index(ld, qi, &mark) != 0) {
			ld->oom = true;
			return;
		}
	}
	if (!ld->oom && !ld->r.stopped && entries == 0)
		load_error(ld, m->line, m->column,
		    "'questions' must hold at least one question");
}
