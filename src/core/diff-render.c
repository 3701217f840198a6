/*
 * diff-render.c: a diff as the JSON object of `aipolicy diff --format json`
 * and as the text change log a policy owner can paste into an
 * announcement. Both are rendered whole into a buffer.
 */
#include <string.h>

#include "core/diff.h"
#include "diff-private.h"
#include "show.h"

static void json_add_change(struct buf *b, const struct diff_change *c);
static void json_add_only(struct buf *b, const struct diff_only *only);
static size_t only_total(const struct diff *d);
static void text_add_count(struct buf *b, size_t n, const char *what,
    const char *how, bool *first);
static void text_add_version(struct buf *b, const struct diff *d,
    const struct aipolicy *p);
static void text_add_summary(struct buf *b, const struct diff *d);
static void text_add_change(struct buf *b, const struct diff_change *c);
static void text_add_only(struct buf *b, const struct diff *d);

/* ---- JSON ------------------------------------------------------------- */

static void
json_add_change(struct buf *b, const struct diff_change *c)
{
	size_t i;

	buf_adds(b, "{\"answers\": {");
	for (i = 0; i < c->nanswers; i++) {
		if (i > 0)
			buf_adds(b, ", ");
		show_json(b, c->answers[i].question);
		buf_adds(b, ": ");
		show_json(b, c->answers[i].answer);
	}
	buf_adds(b, "}, \"old\": ");
	show_json_outcome(b, c->old);
	buf_adds(b, ", \"new\": ");
	show_json_outcome(b, c->new);
	buf_adds(b, ", \"change\": \"");
	buf_adds(b, diff_kind_id(c->kind));
	buf_adds(b, "\"}");
}

/* {"questions": [...], "answers": [...], "outcomes": [...]} */
static void
json_add_only(struct buf *b, const struct diff_only *only)
{
	size_t i;

	buf_adds(b, "{\"questions\": [");
	for (i = 0; i < only->nquestions; i++) {
		buf_adds(b, i ? ", " : "");
		show_json(b, only->questions[i]->id);
	}
	buf_adds(b, "], \"answers\": [");
	for (i = 0; i < only->nanswers; i++) {
		buf_adds(b, i ? ", {\"question\": " : "{\"question\": ");
		show_json(b, only->answers[i].question);
		buf_adds(b, ", \"answer\": ");
		show_json(b, only->answers[i].answer);
		buf_addc(b, '}');
	}
	buf_adds(b, "], \"outcomes\": [");
	for (i = 0; i < only->noutcomes; i++) {
		buf_adds(b, i ? ", " : "");
		show_json(b, only->outcomes[i]->id);
	}
	buf_adds(b, "]}");
}

char *
diff_render_json(const struct diff *d)
{
	return diff_render_json_impact(d, NULL);
}

char *
diff_render_json_impact(const struct diff *d, const char *impact_json)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "{\"old\": {\"id\": ");
	show_json(&b, d->old->id);
	buf_adds(&b, ", \"version\": ");
	show_json(&b, d->old->version);
	buf_adds(&b, "}, \"new\": {\"id\": ");
	show_json(&b, d->new->id);
	buf_adds(&b, ", \"version\": ");
	show_json(&b, d->new->version);
	buf_adds(&b, "}, \"changes\": [");
	for (i = 0; i < d->nchanges && !b.failed; i++) {
		buf_adds(&b, i ? ", " : "");
		json_add_change(&b, &d->changes[i]);
	}
	buf_adds(&b, "], \"added\": ");
	json_add_only(&b, &d->added);
	buf_adds(&b, ", \"removed\": ");
	json_add_only(&b, &d->removed);
	buf_adds(&b, d->stop == DIFF_COMPLETE ? ", \"truncated\": false" :
	    ", \"truncated\": true");
	/* What the change does to logged decisions, when logs were given. */
	buf_adds(&b, ", \"impact\": ");
	buf_adds(&b, impact_json != NULL ? impact_json : "null");
	buf_addc(&b, '}');
	if (b.failed) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* ---- text ------------------------------------------------------------- */

/* How many questions, answers and outcomes one version has alone. */
static size_t
only_total(const struct diff *d)
{
	return d->added.nquestions + d->removed.nquestions +
	    d->added.nanswers + d->removed.nanswers + d->added.noutcomes +
	    d->removed.noutcomes;
}

/* ", N WHAT" (WHAT singular, "s" added when N is not 1), when N > 0;
 * *FIRST says no item came before. */
static void
text_add_count(struct buf *b, size_t n, const char *what, const char *how,
    bool *first)
{
	if (n == 0)
		return;
	buf_addf(b, "%s%zu %s%s %s", *first ? "" : ", ", n, what,
	    n == 1 ? "" : "s", how);
	*first = false;
}

/* "ID VERSION" of P, or only VERSION when both policies have P's id. */
static void
text_add_version(struct buf *b, const struct diff *d, const struct aipolicy *p)
{
	if (strcmp(d->old->id, d->new->id) != 0) {
		show_text(b, p->id);
		buf_addc(b, ' ');
	}
	show_text(b, p->version);
}

/* The first line: the versions, the changes by kind, what was added and
 * removed. */
static void
text_add_summary(struct buf *b, const struct diff *d)
{
	static const enum diff_kind kinds[] = { DIFF_TIGHTENED, DIFF_LOOSENED,
	    DIFF_REWORDED };
	bool first = true;
	size_t i;

	text_add_version(b, d, d->old);
	buf_adds(b, SHOW_ARROW);
	text_add_version(b, d, d->new);
	buf_adds(b, ": ");
	if (d->nchanges == 0 && d->stop == DIFF_COMPLETE) {
		buf_adds(b, "no verdict or outcome changed");
	} else if (d->nchanges == 0) {
		buf_adds(b, "no change found before the comparison gave up; "
		    "there may be some");
	} else {
		if (d->stop == DIFF_STOP_LIMIT && d->nchanges == 1)
			buf_adds(b, "the first change (");
		else
			buf_addf(b, "%s%zu change%s (", d->stop ==
			    DIFF_STOP_LIMIT ? "the first " : "", d->nchanges,
			    d->nchanges == 1 ? "" : "s");
		for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
			if (d->count[kinds[i]] == 0)
				continue;
			buf_addf(b, "%s%zu %s", first ? "" : ", ",
			    d->count[kinds[i]], diff_kind_id(kinds[i]));
			first = false;
		}
		buf_addc(b, ')');
		if (d->stop == DIFF_STOP_LIMIT)
			buf_adds(b, ", and more not listed");
		else if (d->stop == DIFF_STOP_STEPS)
			buf_adds(b, " before the comparison gave up; there may "
			    "be more");
	}
	first = true;
	buf_adds(b, only_total(d) > 0 ? "; " : "");
	text_add_count(b, d->added.nquestions, "question", "added", &first);
	text_add_count(b, d->added.nanswers, "answer", "added", &first);
	text_add_count(b, d->added.noutcomes, "outcome", "added", &first);
	text_add_count(b, d->removed.nquestions, "question", "removed",
	    &first);
	text_add_count(b, d->removed.nanswers, "answer", "removed", &first);
	text_add_count(b, d->removed.noutcomes, "outcome", "removed", &first);
	buf_addc(b, '\n');
}

/*
 * "Stricter: q=a, r=b: Use AI with review (x) → Do not use AI (y)", or for
 * the same outcome with other text "Reworded: q=a: Use AI freely (x):
 * summary, why changed"; then "  Now: SUMMARY".
 */
static void
text_add_change(struct buf *b, const struct diff_change *c)
{
	size_t i;

	buf_adds(b, c->kind == DIFF_TIGHTENED ? "Stricter: " :
	    c->kind == DIFF_LOOSENED ? "Looser: " : "Reworded: ");
	for (i = 0; i < c->nanswers; i++) {
		buf_adds(b, i ? ", " : "");
		show_text(b, c->answers[i].question);
		buf_addc(b, '=');
		show_text(b, c->answers[i].answer);
	}
	buf_adds(b, ": ");
	show_outcome(b, c->old);
	if (c->kind == DIFF_REWORDED && strcmp(c->old->id, c->new->id) == 0) {
		show_changed(b, c->old, c->new);
	} else {
		buf_adds(b, SHOW_ARROW);
		show_outcome(b, c->new);
	}
	buf_adds(b, "\n  Now: ");
	show_text(b, c->new->summary);
	buf_addc(b, '\n');
}

/* The questions, answers and outcomes only one version has. */
static void
text_add_only(struct buf *b, const struct diff *d)
{
	const struct diff_only *sides[] = { &d->added, &d->removed };
	const char *how[] = { "added", "removed" };
	size_t s, i;

	for (s = 0; s < 2; s++) {
		const struct diff_only *o = sides[s];
		if (o->nquestions > 0)
			buf_addf(b, "Questions %s:\n", how[s]);
		for (i = 0; i < o->nquestions; i++) {
			buf_adds(b, "  ");
			show_text(b, o->questions[i]->id);
			buf_adds(b, ": ");
			show_text(b, o->questions[i]->ask);
			buf_addc(b, '\n');
		}
		if (o->nanswers > 0)
			buf_addf(b, "Answers %s:\n", how[s]);
		for (i = 0; i < o->nanswers; i++) {
			buf_adds(b, "  ");
			show_text(b, o->answers[i].question);
			buf_addc(b, '=');
			show_text(b, o->answers[i].answer);
			buf_addc(b, '\n');
		}
		if (o->noutcomes > 0)
			buf_addf(b, "Outcomes %s:\n", how[s]);
		for (i = 0; i < o->noutcomes; i++) {
			buf_adds(b, "  ");
			show_outcome(b, o->outcomes[i]);
			buf_adds(b, ": ");
			show_text(b, o->outcomes[i]->summary);
			buf_addc(b, '\n');
		}
	}
}

char *
diff_render_text(const struct diff *d)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	text_add_summary(&b, d);
	if (d->nchanges > 0)
		buf_addc(&b, '\n');
	for (i = 0; i < d->nchanges && !b.failed; i++)
		text_add_change(&b, &d->changes[i]);
	if (only_total(d) > 0)
		buf_addc(&b, '\n');
	text_add_only(&b, d);
	if (b.failed) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}
