/*
 * translation-schema.c: a translation's `questions` and `outcomes`, read
 * straight from the YAML events and checked against the policy as they
 * come: every id, answer key and field must be the policy's (else the
 * error says which one was probably meant), each text obeys the rule of
 * the policy's field, a `conditions` list has the policy's length, and
 * the answers as shown keep a question's answers apart.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "translation-private.h"

enum question_key { Q_ASK, Q_LABEL, Q_HELP, Q_ANSWERS, Q_KEYS };
enum outcome_key { O_SUMMARY, O_WHY, O_REVIEWER, O_CONDITIONS, O_KEYS };

/* An outcome's keys that are the policy's own, not texts. */
static const char *const outcome_policy_keys[] = {
	"verdict", "disclose", "review_minutes", NULL
};
/* A question has none: every key of a question is a text. */
static const char *const question_policy_keys[] = { NULL };

static const char *safe(struct tr_loader *tl, const char *s);
static bool text_given(struct tr_loader *tl, const struct yread_event *key,
    const char *field, const struct yread_event *v, const char *what,
    const char *id, const char *policy_text);
static void unknown_id(struct tr_loader *tl, const struct yread_event *key,
    bool question);
static int64_t answer_find(struct tr_loader *tl,
    const struct aipolicy_question *pq, const struct yread_event *key);
static bool shown_ok(struct tr_loader *tl, const struct aipolicy_question *pq,
    const char *key, const struct tr_text *s);
static void shown_apart(struct tr_loader *tl, uint32_t qi);
static void answers_mapping(struct tr_loader *tl, uint32_t qi);
static void question_value(struct tr_loader *tl, uint32_t qi,
    enum question_key k, const struct yread_event *v);
static void question_body(struct tr_loader *tl, uint32_t qi);
static void conditions(struct tr_loader *tl, uint32_t oi,
    const struct yread_event *seq);
static void outcome_value(struct tr_loader *tl, uint32_t oi,
    enum outcome_key k, const struct yread_event *v);
static void outcome_body(struct tr_loader *tl, uint32_t oi);
static bool entry_start(struct tr_loader *tl, const struct yread_event *key,
    bool question, int64_t *index, struct yread_event *v);

/* S as a message may quote it (text.h), in the scratch arena; "?" when
 * out of memory (ld.oom set). */
static const char *
safe(struct tr_loader *tl, const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);
	const char *r = NULL;

	if (clean != NULL)
		r = load_strdup(&tl->ld, &tl->ld.scratch, clean, strlen(clean));
	else
		tl->ld.oom = true;
	free(clean);
	return r != NULL ? r : "?";
}

/* The field FIELD (its key at KEY) of WHAT ID has the value V: true
 * when the policy has that text (POLICY_TEXT not NULL) to translate; else
 * say so, pass over V, and return false. */
static bool
text_given(struct tr_loader *tl, const struct yread_event *key,
    const char *field, const struct yread_event *v, const char *what,
    const char *id, const char *policy_text)
{
	if (policy_text != NULL)
		return true;
	load_error(&tl->ld, key->line, key->column, "the policy gives %s '%s' "
	    "no '%s' to translate", what, id, field);
	value_skip(&tl->ld, v);
	return false;
}

/* KEY names no question (QUESTION) or no outcome of the policy: say so,
 * with the id probably meant. */
static void
unknown_id(struct tr_loader *tl, const struct yread_event *key, bool question)
{
	const struct aipolicy *p = tl->p;
	struct text_suggest sg;
	const char *kind = question ? "question" : "outcome";
	size_t i;

	if (question ? aipolicy_find_outcome(p, key->text, key->len) >= 0 :
	    aipolicy_find_question(p, key->text, key->len) >= 0) {
		load_error(&tl->ld, key->line, key->column, "'%s' is %s of the "
		    "policy, not %s: put it under '%s'", safe(tl, key->text),
		    question ? "an outcome" : "a question",
		    question ? "a question" : "an outcome",
		    question ? "outcomes" : "questions");
		return;
	}
	text_suggest_init(&sg, key->text);
	for (i = 0; question && i < p->nquestions; i++)
		text_suggest_add(&sg, p->questions[i].id);
	for (i = 0; !question && i < p->noutcomes; i++)
		text_suggest_add(&sg, p->outcomes[i].id);
	if (sg.best != NULL)
		load_error(&tl->ld, key->line, key->column, "the policy has no "
		    "%s '%s' (did you mean '%s'?)", kind, safe(tl, key->text),
		    sg.best);
	else
		load_error(&tl->ld, key->line, key->column, "the policy has no "
		    "%s '%s'", kind, safe(tl, key->text));
}

/* The answer of PQ whose key is KEY, as the policy spells it; -1 after
 * saying that there is none, with the key probably meant. */
static int64_t
answer_find(struct tr_loader *tl, const struct aipolicy_question *pq,
    const struct yread_event *key)
{
	struct text_suggest sg;
	const char *best = NULL;
	size_t i;

	for (i = 0; i < pq->nanswers; i++) {
		if (strcmp(pq->answers[i].key, key->text) == 0)
			return (int64_t)i;
	}
	/* A key spelt in another case is surely that key. */
	for (i = 0; i < pq->nanswers && best == NULL; i++) {
		const char *k = pq->answers[i].key;
		if (ascii_caseeq(k, strlen(k), key->text, key->len))
			best = k;
	}
	text_suggest_init(&sg, key->text);
	for (i = 0; best == NULL && i < pq->nanswers; i++)
		text_suggest_add(&sg, pq->answers[i].key);
	if (best == NULL)
		best = sg.best;
	if (best != NULL)
		load_error(&tl->ld, key->line, key->column, "question '%s' has "
		    "no answer '%s' (did you mean '%s'?)", pq->id,
		    safe(tl, key->text), safe(tl, best));
	else
		load_error(&tl->ld, key->line, key->column, "question '%s' has "
		    "no answer '%s'", pq->id, safe(tl, key->text));
	return -1;
}

/* The shown text S of answer KEY of PQ follows the rules of an answer
 * key: no white space around it, at most AIPOLICY_MAX_ANSWER characters,
 * not "?" nor "not sure". false after saying which it breaks. */
static bool
shown_ok(struct tr_loader *tl, const struct aipolicy_question *pq,
    const char *key, const struct tr_text *s)
{
	const char *t = s->text;
	size_t n = strlen(t), m = n;

	trim(&t, &m);
	if (m != n)
		load_error(&tl->ld, s->loc.line, s->loc.column,
		    "answer '%s' of "
		    "question '%s' is shown with white space around it",
		    safe(tl, key), pq->id);
	else if (utf8_count(t, n) > AIPOLICY_MAX_ANSWER)
		load_error(&tl->ld, s->loc.line, s->loc.column,
		    "answer '%s' of "
		    "question '%s' is shown as more than %d characters",
		    safe(tl, key), pq->id, AIPOLICY_MAX_ANSWER);
	else if (ascii_caseeq(t, n, "?", 1) ||
	    ascii_caseeq(t, n, "not sure", sizeof "not sure" - 1))
		load_error(&tl->ld, s->loc.line, s->loc.column, "'%s' is "
		    "reserved for \"not sure\" and cannot be shown for an "
		    "answer", safe(tl, t));
	else
		return true;
	return false;
}

/*
 * Question QI's answers as shown must keep its answers apart: a shown
 * text is no other answer's key, nor another answer's shown text, when
 * ASCII case is ignored (else typing it could choose either).
 */
static void
shown_apart(struct tr_loader *tl, uint32_t qi)
{
	const struct aipolicy_question *pq = &tl->p->questions[qi];
	const struct tr_text *sh = tl->t->questions[qi].answers;
	size_t i, j, n;

	for (j = 0; sh != NULL && j < pq->nanswers; j++) {
		if (sh[j].text == NULL)
			continue;
		n = strlen(sh[j].text);
		for (i = 0; i < pq->nanswers; i++) {
			const char *k = pq->answers[i].key;
			if (i == j ||
			    !ascii_caseeq(k, strlen(k), sh[j].text, n))
				continue;
			load_error(&tl->ld, sh[j].loc.line, sh[j].loc.column,
			    "answer '%s' of question '%s' is shown as '%s', "
			    "the key of its answer '%s': the two could not be "
			    "told apart", safe(tl, pq->answers[j].key), pq->id,
			    safe(tl, sh[j].text), safe(tl, k));
			break;
		}
		for (i = 0; i < j && i < pq->nanswers; i++) {
			if (sh[i].text == NULL ||
			    !ascii_caseeq(sh[i].text, strlen(sh[i].text),
			    sh[j].text, n))
				continue;
			load_error(&tl->ld, sh[j].loc.line, sh[j].loc.column,
			    "answers '%s' and '%s' of question '%s' are both "
			    "shown as '%s' (at %u:%u) when case is ignored: "
			    "the two could not be told apart",
			    safe(tl, pq->answers[i].key),
			    safe(tl, pq->answers[j].key), pq->id,
			    safe(tl, sh[j].text), sh[i].loc.line,
			    sh[i].loc.column);
			break;
		}
	}
}

/* Question QI's `answers` (a mapping just started): answer key -> the
 * answer as shown. */
static void
answers_mapping(struct tr_loader *tl, uint32_t qi)
{
	const struct aipolicy_question *pq = &tl->p->questions[qi];
	struct tr_question *tq = &tl->t->questions[qi];
	struct loader *ld = &tl->ld;
	struct yread_event key, v;
	struct tr_text shown;
	int64_t a;

	if (tq->answers == NULL && (tq->answers = arena_alloc(&tl->t->arena,
	    pq->nanswers * sizeof *tq->answers)) == NULL) {
		ld->oom = true;
		return;
	}
	while (!ld->oom && map_next(ld, &key, NULL)) {
		a = key.duplicate ? -1 : answer_find(tl, pq, &key);
		if (!value_next(ld, &v))
			return;
		if (a < 0) {
			value_skip(ld, &v);
			continue;
		}
		tr_take(tl, &v, pq->answers[a].key, false, &shown);
		if (shown.text != NULL && shown_ok(tl, pq, pq->answers[a].key,
		    &shown))
			tq->answers[a] = shown;
	}
	if (!ld->oom && !ld->r.stopped)
		shown_apart(tl, qi);
}

/* The value V of key K of question QI, read to its end. */
static void
question_value(struct tr_loader *tl, uint32_t qi, enum question_key k,
    const struct yread_event *v)
{
	const struct aipolicy_question *pq = &tl->p->questions[qi];
	struct tr_question *tq = &tl->t->questions[qi];

	switch (k) {
	case Q_ASK:
		tr_take(tl, v, "ask", true, &tq->ask);
		break;
	case Q_LABEL:
		tr_take(tl, v, "label", false, &tq->label);
		if (tq->label.text != NULL && utf8_count(tq->label.text,
		    strlen(tq->label.text)) > AIPOLICY_MAX_LABEL) {
			load_error(&tl->ld, v->line, v->column,
			    "'label' is longer than %d characters",
			    AIPOLICY_MAX_LABEL);
			tq->label.text = NULL;
		}
		break;
	case Q_HELP:
		tr_take(tl, v, "help", true, &tq->help);
		break;
	case Q_ANSWERS:
		if (v->kind == YREAD_MAPPING)
			answers_mapping(tl, qi);
		else
			load_wrong(&tl->ld, v, false,
			    "'answers' of question '%s' "
			    "must be a mapping of answer -> the answer as "
			    "shown", pq->id);
		break;
	default:
		value_skip(&tl->ld, v);
		break;
	}
}

/* Question QI's mapping (just started), to its end. */
static void
question_body(struct tr_loader *tl, uint32_t qi)
{
	struct keyspec ks[Q_KEYS] = {
		[Q_ASK] = { "ask", false, false, 0, 0 },
		[Q_LABEL] = { "label", false, false, 0, 0 },
		[Q_HELP] = { "help", false, false, 0, 0 },
		[Q_ANSWERS] = { "answers", false, false, 0, 0 },
	};
	const struct aipolicy_question *pq = &tl->p->questions[qi];
	struct what w = { "question '%s'", pq->id };
	struct loader *ld = &tl->ld;
	struct yread_event key, v;
	int k;

	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = tr_policy_key(tl, &key, question_policy_keys, &w) ? -1 :
		    keys_match(ld, ks, Q_KEYS, &key, &w);
		if (!value_next(ld, &v))
			return;
		if ((k == Q_LABEL && !text_given(tl, &key, "label", &v,
		    "question", pq->id, pq->has_label ? pq->label : NULL)) ||
		    (k == Q_HELP && !text_given(tl, &key, "help", &v,
		    "question", pq->id, pq->help)))
			continue;
		question_value(tl, qi, k < 0 ? Q_KEYS : (enum question_key)k,
		    &v);
	}
}

/* The sequence `conditions` (just started) of outcome OI: as many
 * one-line texts as the policy's. */
static void
conditions(struct tr_loader *tl, uint32_t oi, const struct yread_event *seq)
{
	const struct aipolicy_outcome *po = &tl->p->outcomes[oi];
	struct tr_outcome *to = &tl->t->outcomes[oi];
	struct loader *ld = &tl->ld;
	struct yread_event item;
	const char *t;
	size_t n = 0;
	bool ok = true;

	while (!ld->oom && value_next(ld, &item)) {
		t = take_text(ld, &item, "conditions", false);
		ok = ok && t != NULL;
		if (vec_grow(&ld->conditions, &ld->conditions_cap, n + 1,
		    sizeof *ld->conditions) != 0) {
			ld->oom = true;
			return;
		}
		ld->conditions[n++] = t;
	}
	if (ld->oom || ld->r.stopped)
		return;
	if (n != po->nconditions) {
		load_error(ld, seq->line, seq->column,
		    "'conditions' of outcome "
		    "'%s' has %zu item%s, the policy's %zu: translate each "
		    "condition in its place", po->id, n, n == 1 ? "" : "s",
		    po->nconditions);
		return;
	}
	to->conditions_loc.line = seq->line;
	to->conditions_loc.column = seq->column;
	if (!ok)
		return;
	to->conditions = arena_alloc(&tl->t->arena, n * sizeof *to->conditions);
	if (to->conditions == NULL) {
		ld->oom = true;
		return;
	}
	memcpy(to->conditions, ld->conditions, n * sizeof *to->conditions);
}

/* The value V of key K of outcome OI, read to its end. */
static void
outcome_value(struct tr_loader *tl, uint32_t oi, enum outcome_key k,
    const struct yread_event *v)
{
	struct tr_outcome *to = &tl->t->outcomes[oi];

	switch (k) {
	case O_SUMMARY:
		tr_take(tl, v, "summary", false, &to->summary);
		break;
	case O_WHY:
		tr_take(tl, v, "why", true, &to->why);
		break;
	case O_REVIEWER:
		tr_take(tl, v, "reviewer", false, &to->reviewer);
		break;
	case O_CONDITIONS:
		if (v->kind == YREAD_SEQUENCE)
			conditions(tl, oi, v);
		else
			load_wrong(&tl->ld, v, false, "'conditions' must be a "
			    "sequence of one-line texts");
		break;
	default:
		value_skip(&tl->ld, v);
		break;
	}
}

/* Outcome OI's mapping (just started), to its end. */
static void
outcome_body(struct tr_loader *tl, uint32_t oi)
{
	struct keyspec ks[O_KEYS] = {
		[O_SUMMARY] = { "summary", false, false, 0, 0 },
		[O_WHY] = { "why", false, false, 0, 0 },
		[O_REVIEWER] = { "reviewer", false, false, 0, 0 },
		[O_CONDITIONS] = { "conditions", false, false, 0, 0 },
	};
	const struct aipolicy_outcome *po = &tl->p->outcomes[oi];
	struct what w = { "outcome '%s'", po->id };
	struct loader *ld = &tl->ld;
	struct yread_event key, v;
	int k;

	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = tr_policy_key(tl, &key, outcome_policy_keys, &w) ? -1 :
		    keys_match(ld, ks, O_KEYS, &key, &w);
		if (!value_next(ld, &v))
			return;
		if ((k == O_WHY && !text_given(tl, &key, "why", &v, "outcome",
		    po->id, po->why)) || (k == O_REVIEWER && !text_given(tl,
		    &key, "reviewer", &v, "outcome", po->id, po->reviewer)) ||
		    (k == O_CONDITIONS && !text_given(tl, &key, "conditions",
		    &v, "outcome", po->id, po->nconditions > 0 ?
		    po->conditions[0] : NULL)))
			continue;
		outcome_value(tl, oi, k < 0 ? O_KEYS : (enum outcome_key)k, &v);
	}
}

/*
 * An entry of `questions` (QUESTION) or `outcomes`: its KEY just read.
 * true with *INDEX the policy's question or outcome and *V its value, a
 * mapping just started, to be read; false when the entry was passed over
 * (a repeated or unknown id, or a value that is no mapping, said), or
 * reading stopped.
 */
static bool
entry_start(struct tr_loader *tl, const struct yread_event *key,
    bool question, int64_t *index, struct yread_event *v)
{
	struct loader *ld = &tl->ld;

	*index = -1;
	if (!key->duplicate) {
		*index = question ?
		    aipolicy_find_question(tl->p, key->text, key->len) :
		    aipolicy_find_outcome(tl->p, key->text, key->len);
		if (*index < 0)
			unknown_id(tl, key, question);
	}
	if (!value_next(ld, v))
		return false;
	if (*index >= 0 && v->kind == YREAD_MAPPING)
		return true;
	if (*index >= 0)
		load_wrong(ld, v, false, "%s '%s' must be a mapping of its "
		    "texts", question ? "question" : "outcome", question ?
		    tl->p->questions[*index].id : tl->p->outcomes[*index].id);
	else
		value_skip(ld, v);
	return false;
}

void
tr_questions(struct tr_loader *tl, const struct yread_event *m)
{
	struct yread_event key, v;
	int64_t qi;

	(void)m;
	while (!tl->ld.oom && map_next(&tl->ld, &key, NULL)) {
		if (!entry_start(tl, &key, true, &qi, &v))
			continue;
		tl->t->questions[qi].loc.line = key.line;
		tl->t->questions[qi].loc.column = key.column;
		question_body(tl, (uint32_t)qi);
	}
}

void
tr_outcomes(struct tr_loader *tl, const struct yread_event *m)
{
	struct yread_event key, v;
	int64_t oi;

	(void)m;
	while (!tl->ld.oom && map_next(&tl->ld, &key, NULL)) {
		if (!entry_start(tl, &key, false, &oi, &v))
			continue;
		tl->t->outcomes[oi].loc.line = key.line;
		tl->t->outcomes[oi].loc.column = key.column;
		outcome_body(tl, (uint32_t)oi);
	}
}
