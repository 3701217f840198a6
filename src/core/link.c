/*
 * link.c: once the file is read: the outcomes in place (named ones in file
 * order, then inline ones), the policy's id indexes built once at their
 * final size, the names kept aside resolved (answer targets, `start`, the
 * test cases'), then the graph checked.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "graph.h"
#include "load-private.h"
#include "policy-private.h"

/* Past this many ids, an unknown reference gets no "did you mean": the
 * search would cost more than it helps. */
#define SUGGEST_MAX_IDS 5000

static int place_outcomes(struct loader *ld);
static const char *closest_id(const struct loader *ld, const char *s);
static void resolve_target(struct loader *ld, const struct pending_target *t);
static bool resolve_start(struct loader *ld);
static bool graph_ready(const struct loader *ld);
static void check_graph(struct loader *ld);

/* Every named outcome whose id is not a question's, then the inline ones:
 * p->outcomes (owned by the policy) and its index, built at its final
 * size (the question index was built as each question's body ended). The
 * inline outcomes' array becomes p->outcomes, the named ones put in front:
 * the inline ones are not copied into a second array. 0, or -1 when out of
 * memory. */
static int
place_outcomes(struct loader *ld)
{
	struct aipolicy *p = ld->p;
	struct aipolicy_private *pv = p->priv;
	size_t i, n = 0, kept = ld->nnamed;
	struct aipolicy_outcome *all;
	uint32_t q;

	if (strindex_reserve(&pv->outcomes, ld->nnamed + ld->ninlined) != 0)
		return -1;
	/* An outcome whose id is a question's is not part of the policy:
	 * what its body told is taken back (from the last, so that the
	 * earlier ranges stay in place). */
	for (i = ld->nnamed; i-- > 0;) {
		if (strindex_get_hashed(&pv->questions, ld->named[i].id,
		    ld->nkeys[i].len, ld->nkeys[i].hash, &q)) {
			late_drop(ld, &ld->named_said[i]);
			kept--;
		}
	}
	all = realloc(ld->inlined, (kept + ld->ninlined + 1) * sizeof *all);
	if (all == NULL)
		return -1;
	p->outcomes = all;
	ld->inlined = NULL;
	ld->inlined_cap = 0;
	memmove(all + kept, all, ld->ninlined * sizeof *all);
	for (i = 0; i < ld->nnamed; i++) {
		const struct aipolicy_outcome *o = &ld->named[i];
		if (strindex_get_hashed(&pv->questions, o->id, ld->nkeys[i].len,
		    ld->nkeys[i].hash, &q)) {
			load_error(ld, o->loc.line, o->loc.column,
			    "id '%s' is used twice: already a question "
			    "at %u:%u", o->id, p->questions[q].loc.line,
			    p->questions[q].loc.column);
			continue;
		}
		if (strindex_put_hashed(&pv->outcomes, o->id, ld->nkeys[i].len,
		    ld->nkeys[i].hash, (uint32_t)n, NULL) < 0)
			return -1;
		all[n++] = *o;
	}
	for (i = 0; i < ld->ninlined; i++) {
		const struct answer_ref *at = &ld->inlined_at[i];
		p->questions[at->question].answers[at->answer].target.index =
		    (uint32_t)(n + i);
		if (strindex_put_hashed(&pv->outcomes, all[n + i].id,
		    ld->ikeys[i].len, ld->ikeys[i].hash, (uint32_t)(n + i),
		    NULL) < 0)
			return -1;
	}
	p->noutcomes = n + ld->ninlined;
	return 0;
}

/* The id among questions and outcomes closest to S, or NULL. */
static const char *
closest_id(const struct loader *ld, const char *s)
{
	const struct aipolicy *p = ld->p;
	struct text_suggest sg;
	size_t i;

	if (p->nquestions + p->noutcomes > SUGGEST_MAX_IDS)
		return NULL;
	text_suggest_init(&sg, s);
	for (i = 0; i < p->nquestions; i++)
		text_suggest_add(&sg, p->questions[i].id);
	for (i = 0; i < p->noutcomes; i++)
		text_suggest_add(&sg, p->outcomes[i].id);
	return sg.best;
}

/* Point the answer of T at what it names, or say why it cannot. */
static void
resolve_target(struct loader *ld, const struct pending_target *t)
{
	struct aipolicy *p = ld->p;
	struct aipolicy_answer *a =
	    &p->questions[t->at.question].answers[t->at.answer];
	const char *hint, *name = pending_name(t);
	enum aipolicy_verdict v;
	uint32_t x;

	if (strindex_get_hashed(&p->priv->questions, name, t->len, t->hash,
	    &x)) {
		a->target.kind = AIPOLICY_TARGET_QUESTION;
		a->target.index = x;
		return;
	}
	a->target.kind = AIPOLICY_TARGET_OUTCOME;
	if (strindex_get_hashed(&p->priv->outcomes, name, t->len, t->hash,
	    &x)) {
		a->target.index = x;
		return;
	}
	a->target.index = UINT32_MAX; /* unresolved: the load fails */
	if (aipolicy_verdict_parse(name, t->len, &v)) {
		load_error(ld, t->line, t->column,
		    "'%s' is a verdict, not a target: name an outcome, or "
		    "write one inline ({ verdict: %s, summary: ... })",
		    name, name);
		return;
	}
	hint = closest_id(ld, name);
	if (hint != NULL)
		load_error(ld, t->line, t->column,
		    "unknown target '%s': no question or outcome has this id "
		    "(did you mean '%s'?)", name, hint);
	else
		load_error(ld, t->line, t->column,
		    "unknown target '%s': no question or outcome has this id",
		    name);
}

/* `start` names a question: p->start set. false otherwise (said why,
 * unless the key is missing, which is told already). */
static bool
resolve_start(struct loader *ld)
{
	const struct yread_event *v = &ld->start.ev;
	struct aipolicy *p = ld->p;
	int64_t x;

	if (!ld->start.present)
		return false;
	if (v->kind != YREAD_SCALAR || yread_is_null(v)) {
		if (v->kind != YREAD_ALIAS)
			load_error(ld, v->line, v->column, "'start' must be a "
			    "question id, found %s", load_found(v));
		return false;
	}
	if ((x = aipolicy_find_question(p, v->text, v->len)) >= 0) {
		p->start = (uint32_t)x;
		return true;
	}
	if (aipolicy_find_outcome(p, v->text, v->len) >= 0)
		load_error(ld, v->line, v->column,
		    "'start' must name a question, '%s' is an outcome",
		    v->text);
	else
		load_error(ld, v->line, v->column,
		    "'start' names no question: '%s'", v->text);
	return false;
}

/* The graph can be checked: every question complete, nothing wrong. */
static bool
graph_ready(const struct loader *ld)
{
	const struct aipolicy *p = ld->p;
	size_t i;

	if (p->nquestions == 0)
		return false;
	for (i = 0; i < p->nquestions; i++) {
		if (p->questions[i].nanswers < 2 || p->questions[i].ask == NULL)
			return false; /* told already */
	}
	return ld->d->nerrors == ld->errors_before &&
	    ld->late.nerrors == ld->test_errors;
}

/* Cycles (an error), then what start cannot reach (warnings). */
static void
check_graph(struct loader *ld)
{
	struct aipolicy *p = ld->p;
	struct graph_cycle c;
	const char *from;
	size_t i;
	int rc = graph_find_cycle(p, &c);

	if (rc == 1)
		load_error(ld, c.at.line, c.at.column, "cycle: %s", c.path);
	free(c.path);
	if (rc < 0)
		ld->oom = true;
	if (rc != 0 || ld->oom)
		return;
	from = p->questions[p->start].id;
	for (i = 0; i < p->nquestions; i++) {
		if (!p->questions[i].reachable)
			load_warning(ld, p->questions[i].loc.line,
			    p->questions[i].loc.column,
			    "question '%s' cannot be reached from start '%s'",
			    p->questions[i].id, from);
	}
	for (i = 0; i < p->noutcomes; i++) {
		if (!p->outcomes[i].reachable && !p->outcomes[i].is_inline)
			load_warning(ld, p->outcomes[i].loc.line,
			    p->outcomes[i].loc.column,
			    "outcome '%s' cannot be reached from start '%s'",
			    p->outcomes[i].id, from);
	}
}

void
link_policy(struct loader *ld)
{
	bool start_ok;
	size_t i;

	if (place_outcomes(ld) != 0) {
		ld->oom = true;
		return;
	}
	for (i = 0; i < ld->ntargets; i++)
		resolve_target(ld, &ld->targets[i]);
	start_ok = resolve_start(ld);
	if (start_ok && graph_ready(ld))
		check_graph(ld);
	if (!ld->oom)
		link_tests(ld);
}
