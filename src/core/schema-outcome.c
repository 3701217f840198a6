/*
 * schema-outcome.c: the mapping `outcomes` and each outcome, named or
 * inline, read straight from the YAML events.
 */
#include <stdlib.h>
#include <string.h>

#include "load-private.h"
#include "policy-private.h"

enum outcome_key {
	O_VERDICT, O_SUMMARY, O_WHY, O_REVIEWER, O_DISCLOSE, O_CONDITIONS,
	O_REVIEW_MINUTES, O_KEYS
};

/* What an outcome's checks across its keys need to know at its end. */
struct outcome_state {
	struct keyspec ks[O_KEYS];
	bool have_verdict;
	bool minutes_ok;      /* review_minutes was a positive number */
};

static void conditions(struct loader *ld, struct aipolicy_outcome *o,
    const struct yread_event *seq);
static void outcome_value(struct loader *ld, struct aipolicy_outcome *o,
    struct outcome_state *st, enum outcome_key k,
    const struct yread_event *v);
static void outcome_rules(struct loader *ld, const struct aipolicy_outcome *o,
    const struct outcome_state *st, const struct yread_event *m,
    const struct what *w);

/* The sequence `conditions` (just started) into O. */
static void
conditions(struct loader *ld, struct aipolicy_outcome *o,
    const struct yread_event *seq)
{
	struct yread_event item;
	const char *t;
	size_t n = 0;

	(void)seq;
	while (!ld->oom && value_next(ld, &item)) {
		t = take_text(ld, &item, "conditions", false);
		if (t == NULL)
			continue;
		if (vec_grow(&ld->conditions, &ld->conditions_cap, n + 1,
		    sizeof *ld->conditions) != 0) {
			ld->oom = true;
			return;
		}
		ld->conditions[n++] = t;
	}
	if (ld->oom || ld->r.stopped)
		return;
	o->conditions = arena_alloc(ld->arena,
	    (n ? n : 1) * sizeof *o->conditions);
	if (o->conditions == NULL) {
		ld->oom = true;
		return;
	}
	if (n > 0)
		memcpy(o->conditions, ld->conditions,
		    n * sizeof *o->conditions);
	o->nconditions = n;
}

/* The value V of key K of outcome O, read to its end. */
static void
outcome_value(struct loader *ld, struct aipolicy_outcome *o,
    struct outcome_state *st, enum outcome_key k, const struct yread_event *v)
{
	bool scalar = v->kind == YREAD_SCALAR;
	struct aipolicy_location at = { v->line, v->column };

	switch (k) {
	case O_VERDICT:
		if (scalar && aipolicy_verdict_parse(v->text, v->len,
		    &o->verdict))
			st->have_verdict = true;
		else
			load_wrong(ld, v, true, "'verdict' must be use-freely, "
			    "use-with-review or do-not-use");
		break;
	case O_SUMMARY:
		o->summary = take_text(ld, v, "summary", false);
		o->summary_loc = at;
		break;
	case O_WHY:
		o->why = take_text(ld, v, "why", true);
		o->why_loc = at;
		break;
	case O_REVIEWER:
		o->reviewer = take_text(ld, v, "reviewer", false);
		o->reviewer_loc = at;
		break;
	case O_DISCLOSE:
		if (scalar && (strcmp(v->text, "true") == 0 ||
		    strcmp(v->text, "yes") == 0))
			o->disclose = true;
		else if (scalar && (strcmp(v->text, "false") == 0 ||
		    strcmp(v->text, "no") == 0))
			o->disclose = false;
		else
			load_wrong(ld, v, true, "'disclose' must be true, "
			    "false, yes or no");
		break;
	case O_CONDITIONS:
		o->conditions_loc = at;
		if (v->kind == YREAD_SEQUENCE)
			conditions(ld, o, v);
		else
			load_wrong(ld, v, false, "'conditions' must be a "
			    "sequence of one-line texts");
		break;
	case O_REVIEW_MINUTES:
		st->minutes_ok = parse_uint(v, &o->review_minutes) &&
		    o->review_minutes > 0;
		if (!st->minutes_ok) {
			o->review_minutes = 0;
			load_wrong(ld, v, true, "'review_minutes' must be a "
			    "positive whole number of minutes");
		}
		break;
	default:
		value_skip(ld, v);
		break;
	}
}

/* The rules across an outcome's keys, once its mapping M has ended. */
static void
outcome_rules(struct loader *ld, const struct aipolicy_outcome *o,
    const struct outcome_state *st, const struct yread_event *m,
    const struct what *w)
{
	const struct keyspec *reviewer = &st->ks[O_REVIEWER];
	const struct keyspec *minutes = &st->ks[O_REVIEW_MINUTES];
	bool review = o->verdict == AIPOLICY_VERDICT_USE_WITH_REVIEW;
	char what[WHAT_MAX];

	keys_missing(ld, st->ks, O_KEYS, m->line, m->column, w);
	if (st->have_verdict && review && !reviewer->seen)
		load_error(ld, m->line, m->column,
		    "%s is missing the key 'reviewer', required with the "
		    "verdict use-with-review", load_what(w, what, sizeof what));
	if (st->have_verdict && !review && reviewer->seen)
		load_error(ld, reviewer->line, reviewer->column,
		    "'reviewer' is only allowed with the verdict "
		    "use-with-review, not %s", aipolicy_verdict_id(o->verdict));
	if (st->minutes_ok && st->have_verdict && !review)
		load_error(ld, minutes->line, minutes->column,
		    "'review_minutes' is only allowed with the verdict "
		    "use-with-review, not %s", aipolicy_verdict_id(o->verdict));
}

void
schema_outcome(struct loader *ld, struct aipolicy_outcome *o,
    const struct yread_event *m, const struct what *w)
{
	struct outcome_state st = {
		.ks = {
			[O_VERDICT] = { "verdict", true, false, 0, 0 },
			[O_SUMMARY] = { "summary", true, false, 0, 0 },
			[O_WHY] = { "why", false, false, 0, 0 },
			[O_REVIEWER] = { "reviewer", false, false, 0, 0 },
			[O_DISCLOSE] = { "disclose", false, false, 0, 0 },
			[O_CONDITIONS] = { "conditions", false, false, 0, 0 },
			[O_REVIEW_MINUTES] = { "review_minutes", false, false,
			    0, 0 },
		},
	};
	struct yread_event key, v;
	int k;

	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = keys_match(ld, st.ks, O_KEYS, &key, w);
		if (!value_next(ld, &v))
			return;
		outcome_value(ld, o, &st, k < 0 ? O_KEYS : (enum outcome_key)k,
		    &v);
	}
	if (!ld->oom && !ld->r.stopped)
		outcome_rules(ld, o, &st, m, w);
}

void
schema_outcomes(struct loader *ld, const struct yread_event *m)
{
	struct yread_event key, v;
	struct what w = { "outcome '%s'", NULL };
	struct aipolicy_outcome *o = NULL;
	enum aipolicy_verdict verdict;
	bool ok;

	(void)m;
	while (!ld->oom && map_next(ld, &key, NULL)) {
		ok = check_id(ld, &key, "outcome id");
		if (ok && aipolicy_verdict_parse(key.text, key.len, &verdict)) {
			load_error(ld, key.line, key.column, "'%s' is a "
			    "verdict id and cannot be an outcome id", key.text);
			ok = false;
		}
		ok = ok && !key.duplicate;
		if (ok) {
			if (vec_grow(&ld->named, &ld->named_cap, ld->nnamed + 1,
			    sizeof *ld->named) != 0 || vec_grow(&ld->named_said,
			    &ld->named_said_cap, ld->nnamed + 1,
			    sizeof *ld->named_said) != 0 ||
			    !id_key_add(&ld->nkeys, &ld->nkeys_cap, ld->nnamed,
			    key.text, key.len)) {
				ld->oom = true;
				return;
			}
			o = &ld->named[ld->nnamed];
			memset(o, 0, sizeof *o);
			o->id = load_strdup(ld, &ld->p->priv->ids, key.text,
			    key.len);
			o->loc.line = key.line;
			o->loc.column = key.column;
			if (o->id == NULL)
				return;
			ld->nnamed++;
		}
		if (!value_next(ld, &v))
			return;
		if (!ok) {
			value_skip(ld, &v);
			continue;
		}
		ld->named_said[ld->nnamed - 1].from = ld->late.count;
		if (v.kind != YREAD_MAPPING) {
			load_wrong(ld, &v, false, "outcome '%s' must be a "
			    "mapping with 'verdict' and 'summary'", o->id);
		} else {
			w.arg = o->id;
			schema_outcome(ld, o, &v, &w);
		}
		ld->named_said[ld->nnamed - 1].to = ld->late.count;
	}
}
