/*
 * translation-lint.c: the warnings about a loaded translation that
 * loading does not give: the policy's texts it lacks (how many, in the
 * translation; then each at its place in the policy, where a translator
 * finds what to translate), and the one page of the translated policy
 * that no longer fits.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/render.h"
#include "core/text.h"
#include "policy-private.h"
#include "translation-private.h"

/* What the missing texts are counted and said with. */
struct missing {
	const struct translation *t;
	const struct aipolicy *p;
	struct aipolicy_diags *pd;
	size_t n;
};

static void warn_policy(struct missing *m, struct aipolicy_location at,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn_tr(const struct translation *t, struct aipolicy_diags *d,
    struct aipolicy_location at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void missing_text(struct missing *m, const struct tr_text *tt,
    const char *own, struct aipolicy_location at, const char *field,
    const char *kind, const char *id);
static int missing_question(struct missing *m, size_t i);
static void missing_outcome(struct missing *m, size_t i);
static struct aipolicy_location answer_place(const struct translation *t,
    const struct aipolicy *v, const struct aipolicy_render_fit *fit);
static int lint_page(const struct translation *t, const struct aipolicy *p,
    struct aipolicy_diags *td);

/* A text is missing at AT in the policy: counted, and said there. */
static void
warn_policy(struct missing *m, struct aipolicy_location at, const char *fmt,
    ...)
{
	size_t n = 0;
	const char *line = aipolicy_source_line(m->p, at.line, &n);
	va_list ap;

	m->n++;
	va_start(ap, fmt);
	aipolicy_diags_vadd(m->pd, AIPOLICY_SEVERITY_WARNING, at.line,
	    at.column, line, n, fmt, ap);
	va_end(ap);
}

/* A warning at AT in the translation T (0:0: at its start). */
static void
warn_tr(const struct translation *t, struct aipolicy_diags *d,
    struct aipolicy_location at, const char *fmt, ...)
{
	size_t n = 0;
	const char *line;
	va_list ap;

	if (at.line == 0)
		at = t->root;
	/* the line index is built on first use, once (source.h) */
	line = source_line_text((struct source *)&t->src, at.line, &n);
	va_start(ap, fmt);
	aipolicy_diags_vadd(d, AIPOLICY_SEVERITY_WARNING, at.line, at.column,
	    line, n, fmt, ap);
	va_end(ap);
}

/* The policy's text OWN (at AT), its FIELD of KIND ID ("question",
 * "data"; KIND NULL for the policy's own), has no translation TT. */
static void
missing_text(struct missing *m, const struct tr_text *tt, const char *own,
    struct aipolicy_location at, const char *field, const char *kind,
    const char *id)
{
	if (own == NULL || tt->text != NULL)
		return;
	if (kind == NULL)
		warn_policy(m, at, "'%s' has no translation in %s", field,
		    m->t->file);
	else
		warn_policy(m, at, "'%s' of %s '%s' has no translation in %s",
		    field, kind, id, m->t->file);
}

/* Question I's texts that the translation lacks. 0, or -1 when out of
 * memory. */
static int
missing_question(struct missing *m, size_t i)
{
	const struct aipolicy_question *q = &m->p->questions[i];
	const struct tr_question *tq = &m->t->questions[i];
	static const struct tr_text none = { NULL, { 0, 0 } };
	char *key;
	size_t j;

	missing_text(m, &tq->ask, q->ask, q->ask_loc, "ask", "question",
	    q->id);
	missing_text(m, &tq->label, q->has_label ? q->label : NULL,
	    q->label_loc, "label", "question", q->id);
	missing_text(m, &tq->help, q->help, q->help_loc, "help", "question",
	    q->id);
	for (j = 0; j < q->nanswers; j++) {
		if ((tq->answers != NULL ?
		    &tq->answers[j] : &none)->text != NULL)
			continue;
		if ((key = text_sanitize(q->answers[j].key,
		    strlen(q->answers[j].key), 0)) == NULL)
			return -1;
		warn_policy(m, q->answers[j].loc,
		    "answer '%s' of question '%s' "
		    "has no translation in %s", key, q->id, m->t->file);
		free(key);
	}
	return 0;
}

/* Outcome I's texts that the translation lacks. */
static void
missing_outcome(struct missing *m, size_t i)
{
	const struct aipolicy_outcome *o = &m->p->outcomes[i];
	const struct tr_outcome *to = &m->t->outcomes[i];

	missing_text(m, &to->summary, o->summary, o->summary_loc, "summary",
	    "outcome", o->id);
	missing_text(m, &to->why, o->why, o->why_loc, "why", "outcome", o->id);
	missing_text(m, &to->reviewer, o->reviewer, o->reviewer_loc,
	    "reviewer", "outcome", o->id);
	if (o->nconditions > 0 && to->conditions == NULL)
		warn_policy(m, o->conditions_loc,
		    "'conditions' of outcome '%s' "
		    "have no translation in %s", o->id, m->t->file);
}

/* Where in T the line of FIT (rendered from V) too wide was translated:
 * its answer's shown text, else its question's label or ask; 0:0 when
 * the translation gives neither. */
static struct aipolicy_location
answer_place(const struct translation *t, const struct aipolicy *v,
    const struct aipolicy_render_fit *fit)
{
	static const struct aipolicy_location none = { 0, 0 };
	size_t qi = (size_t)(fit->wide_question - v->questions);
	const struct tr_question *tq = &t->questions[qi];
	size_t a;

	if (fit->wide_answer != NULL && tq->answers != NULL) {
		a = (size_t)(fit->wide_answer - fit->wide_question->answers);
		if (tq->answers[a].text != NULL)
			return tq->answers[a].loc;
	}
	if (tq->label.text != NULL)
		return tq->label.loc;
	return tq->ask.text != NULL ? tq->ask.loc : none;
}

/* The translated policy's one page against the page, as lint_page
 * (lint.c) checks the policy's. 0, or -1 when out of memory. */
static int
lint_page(const struct translation *t, const struct aipolicy *p,
    struct aipolicy_diags *td)
{
	static const struct aipolicy_location start = { 0, 0 };
	struct aipolicy *v = policy_translate(p, t);
	struct aipolicy_render_fit fit;
	char *shown = NULL;

	if (v == NULL || aipolicy_render_text_fit(v, &fit) != 0) {
		aipolicy_free(v);
		return -1;
	}
	if (fit.lines > AIPOLICY_RENDER_PAGE_LINES)
		warn_tr(t, td, start,
		    "the policy in '%s' no longer fits on one "
		    "page: its text rendering is longer than %d lines",
		    t->language, AIPOLICY_RENDER_PAGE_LINES);
	if (fit.wide_answer != NULL && (shown = text_sanitize(
	    fit.wide_answer->shown, strlen(fit.wide_answer->shown), 0)) ==
	    NULL) {
		aipolicy_free(v);
		return -1;
	}
	if (shown != NULL)
		warn_tr(t, td, answer_place(t, v, &fit),
		    "the policy in '%s' no "
		    "longer fits on one page: the line of answer '%s' of "
		    "question '%s' is %zu columns wide (at most %d)",
		    t->language, shown, fit.wide_question->id, fit.wide_width,
		    AIPOLICY_RENDER_PAGE_COLUMNS);
	else if (fit.wide_question != NULL)
		warn_tr(t, td, answer_place(t, v, &fit),
		    "the policy in '%s' no "
		    "longer fits on one page: the line of question '%s' is %zu "
		    "columns wide (at most %d)", t->language,
		    fit.wide_question->id, fit.wide_width,
		    AIPOLICY_RENDER_PAGE_COLUMNS);
	free(shown);
	aipolicy_free(v);
	return 0;
}

int
translation_lint(const struct translation *t, const struct aipolicy *p,
    struct aipolicy_diags *td, struct aipolicy_diags *pd)
{
	static const struct aipolicy_location start = { 0, 0 };
	struct missing m = { t, p, pd, 0 };
	size_t i;

	/* The lines shown under the warnings: built now, so that running out
	 * of memory cannot leave a warning without its line unnoticed. */
	if (source_lines_get(&policy_indexed(p)->src) == NULL ||
	    source_lines_get((struct source *)&t->src) == NULL)
		return -1;
	missing_text(&m, &t->title, p->title, p->title_loc, "title", NULL,
	    NULL);
	missing_text(&m, &t->owner, p->owner, p->owner_loc, "owner", NULL,
	    NULL);
	for (i = 0; i < p->nquestions; i++) {
		if (missing_question(&m, i) != 0)
			return -1;
	}
	for (i = 0; i < p->noutcomes; i++)
		missing_outcome(&m, i);
	if (m.n > 0)
		warn_tr(t, td, start, "%zu text%s of the policy %s no "
		    "translation here; each is named at its place in %s", m.n,
		    m.n == 1 ? "" : "s", m.n == 1 ? "has" : "have", p->file);
	if (lint_page(t, p, td) != 0)
		return -1;
	return td->nomem || pd->nomem ? -1 : 0;
}
