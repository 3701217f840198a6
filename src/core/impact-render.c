/*
 * impact-render.c: what a new version does to logged decisions, as the
 * "impact" object of `diff --format json` and as text for a policy
 * owner's quarterly note (impact.h). Both are rendered whole into a
 * buffer.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/impact.h"
#include "show.h"

/* Questions named in the lead sentence; the rest are summed up. */
#define SENTENCE_QUESTIONS 3

/* The kinds that have examples, in the order they are shown. */
static const enum impact_kind shown_kinds[] = { IMPACT_TIGHTENED,
    IMPACT_LOOSENED, IMPACT_REWORDED, IMPACT_INCOMPLETE };
#define NSHOWN (sizeof shown_kinds / sizeof shown_kinds[0])

static void json_add_example(struct buf *b, const struct impact *im,
    const struct impact_example *e);
static void add_version(struct buf *b, const struct impact *im);
static void add_changes(struct buf *b, const struct impact *im);
static void add_incomplete(struct buf *b, const struct impact *im);
static void add_left_out(struct buf *b, const struct impact *im);
static void add_example(struct buf *b, const struct impact *im,
    const struct impact_example *e);
static void add_examples(struct buf *b, const struct impact *im,
    enum impact_kind k);

/* ---- JSON ------------------------------------------------------------- */

static void
json_add_example(struct buf *b, const struct impact *im,
    const struct impact_example *e)
{
	buf_adds(b, "{\"decision_id\": ");
	show_json(b, e->decision_id);
	buf_addf(b, ", \"change\": \"%s\", \"old\": ", impact_kind_id(e->kind));
	show_json_outcome(b, e->old);
	buf_adds(b, ", \"new\": ");
	if (e->new != NULL) {
		show_json_outcome(b, e->new);
	} else {
		buf_adds(b, "null, \"next\": ");
		show_json(b, im->new->questions[e->next].id);
	}
	buf_addc(b, '}');
}

char *
impact_render_json(const struct impact *im)
{
	static const enum impact_kind all[] = { IMPACT_UNCHANGED,
	    IMPACT_TIGHTENED, IMPACT_LOOSENED, IMPACT_REWORDED,
	    IMPACT_INCOMPLETE };
	const char *sep = "";
	struct buf b;
	size_t i, k;

	buf_init(&b);
	buf_addf(&b, "{\"decisions\": %" PRIu64 ", \"other_version\": %" PRIu64
	    ", \"lines_skipped\": %" PRIu64, im->decisions, im->other_version,
	    im->lines_skipped);
	for (k = 0; k < IMPACT_KINDS; k++)
		buf_addf(&b, ", \"%s\": %" PRIu64, impact_kind_id(all[k]),
		    im->count[all[k]]);
	buf_adds(&b, ", \"incomplete_by_question\": {");
	for (i = 0; i < im->new->nquestions; i++) {
		if (im->incomplete_by_question[i] == 0)
			continue;
		buf_adds(&b, sep);
		show_json(&b, im->new->questions[i].id);
		buf_addf(&b, ": %" PRIu64, im->incomplete_by_question[i]);
		sep = ", ";
	}
	buf_adds(&b, "}, \"examples\": [");
	sep = "";
	for (k = 0; k < NSHOWN && !b.failed; k++) {
		const struct impact_examples *ex =
		    &im->examples[shown_kinds[k]];
		for (i = 0; i < ex->n && !b.failed; i++) {
			buf_adds(&b, sep);
			json_add_example(&b, im, &ex->items[i]);
			sep = ", ";
		}
	}
	buf_adds(&b, "]}");
	return buf_detach(&b);
}

/* ---- text ------------------------------------------------------------- */

/* The old version as the sentence names it: its version text, with its
 * id before it when the two versions' ids differ. */
static void
add_version(struct buf *b, const struct impact *im)
{
	if (strcmp(im->old->id, im->new->id) != 0) {
		show_text(b, im->old->id);
		buf_addc(b, ' ');
	}
	show_text(b, im->old->version);
}

/* "84 would now be stricter, 12 looser, 13 reworded" (the kinds that
 * have decisions), or "none would ..." when none has. */
static void
add_changes(struct buf *b, const struct impact *im)
{
	static const enum impact_kind kinds[] = { IMPACT_TIGHTENED,
	    IMPACT_LOOSENED, IMPACT_REWORDED };
	static const char *const words[] = { "stricter", "looser",
	    "reworded" };
	bool first = true;
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (im->count[kinds[i]] == 0)
			continue;
		buf_adds(b, first ? "" : ", ");
		show_count(b, im->count[kinds[i]]);
		buf_adds(b, first ? " would now be " : " ");
		buf_adds(b, words[i]);
		first = false;
	}
	if (first)
		buf_adds(b, im->count[IMPACT_INCOMPLETE] > 0 ? "none would get "
		    "another outcome" : "none would change");
}

/*
 * "; 31 would need an answer to 'prod'", or with several questions "; 31
 * would need another answer first: 20 to 'prod', 11 to 'tool'" (the
 * questions with most decisions first, file order on ties, at most
 * SENTENCE_QUESTIONS named). Nothing when no decision is incomplete.
 */
static void
add_incomplete(struct buf *b, const struct impact *im)
{
	const uint64_t *by = im->incomplete_by_question;
	uint32_t top[SENTENCE_QUESTIONS];
	uint64_t named = 0;
	size_t i, j, n = 0;

	if (im->count[IMPACT_INCOMPLETE] == 0)
		return;
	/* Insertion into the few places of TOP, most first. */
	for (i = 0; i < im->new->nquestions; i++) {
		if (by[i] == 0)
			continue;
		j = n < SENTENCE_QUESTIONS ? n : SENTENCE_QUESTIONS;
		for (; j > 0 && by[top[j - 1]] < by[i]; j--)
			if (j < SENTENCE_QUESTIONS)
				top[j] = top[j - 1];
		if (j < SENTENCE_QUESTIONS)
			top[j] = (uint32_t)i;
		n++;
	}
	buf_adds(b, "; ");
	show_count(b, im->count[IMPACT_INCOMPLETE]);
	buf_adds(b, n == 1 ? " would need an answer to '" :
	    " would need another answer first: ");
	for (i = 0; i < n && i < SENTENCE_QUESTIONS; i++) {
		if (n > 1) {
			buf_adds(b, i > 0 ? ", " : "");
			show_count(b, by[top[i]]);
			buf_adds(b, " to '");
		}
		show_text(b, im->new->questions[top[i]].id);
		buf_addc(b, '\'');
		named += by[top[i]];
	}
	if (n > SENTENCE_QUESTIONS) {
		buf_adds(b, ", ");
		show_count(b, im->count[IMPACT_INCOMPLETE] - named);
		buf_addf(b, " to %zu other question%s", n - SENTENCE_QUESTIONS,
		    n - SENTENCE_QUESTIONS == 1 ? "" : "s");
	}
}

/* "3 decisions made under other versions were left out; 1 line was
 * skipped." on a line of its own, when there are any. */
static void
add_left_out(struct buf *b, const struct impact *im)
{
	if (im->other_version > 0) {
		show_count(b, im->other_version);
		buf_adds(b, im->other_version == 1 ? " decision made under "
		    "another policy or version was left out" : " decisions "
		    "made under other policies or versions were left out");
	}
	if (im->lines_skipped > 0) {
		buf_adds(b, im->other_version > 0 ? "; " : "");
		show_count(b, im->lines_skipped);
		buf_adds(b, im->lines_skipped == 1 ? " line was skipped" :
		    " lines were skipped");
	}
	if (im->other_version + im->lines_skipped > 0)
		buf_adds(b, ".\n");
}

/* "  ID  OLD → NEW", "  ID  OLD: summary changed" (the same outcome,
 * reworded, as diff shows it), or "  ID  OLD → needs an answer to 'q'". */
static void
add_example(struct buf *b, const struct impact *im,
    const struct impact_example *e)
{
	buf_adds(b, "  ");
	show_text(b, e->decision_id);
	buf_adds(b, "  ");
	show_outcome(b, e->old);
	if (e->new == NULL) {
		buf_adds(b, SHOW_ARROW "needs an answer to '");
		show_text(b, im->new->questions[e->next].id);
		buf_adds(b, "'\n");
		return;
	}
	if (e->kind == IMPACT_REWORDED && strcmp(e->old->id, e->new->id) == 0) {
		show_changed(b, e->old, e->new);
		buf_addc(b, '\n');
		return;
	}
	buf_adds(b, SHOW_ARROW);
	show_outcome(b, e->new);
	buf_addc(b, '\n');
}

/* The examples of kind K under a heading with how many there are. */
static void
add_examples(struct buf *b, const struct impact *im, enum impact_kind k)
{
	const struct impact_examples *ex = &im->examples[k];
	size_t i;

	if (ex->n == 0)
		return;
	buf_adds(b, k == IMPACT_TIGHTENED ? "\nStricter (" :
	    k == IMPACT_LOOSENED ? "\nLooser (" : k == IMPACT_REWORDED ?
	    "\nReworded (" : "\nWould need another answer (");
	show_count(b, im->count[k]);
	buf_adds(b, im->count[k] == 1 ? " decision" : " decisions");
	if (ex->n == 1 && im->count[k] > 1) {
		buf_adds(b, ", the first shown");
	} else if (ex->n < im->count[k]) {
		buf_adds(b, ", the first ");
		show_count(b, ex->n);
		buf_adds(b, " shown");
	}
	buf_adds(b, "):\n");
	for (i = 0; i < ex->n && !b->failed; i++)
		add_example(b, im, &ex->items[i]);
}

char *
impact_render_text(const struct impact *im)
{
	struct buf b;
	size_t k;

	buf_init(&b);
	if (im->decisions == 0) {
		buf_adds(&b, "No decision in the logs was made under ");
		add_version(&b, im);
	} else {
		buf_adds(&b, "Of ");
		show_count(&b, im->decisions);
		buf_adds(&b, im->decisions == 1 ? " decision" : " decisions");
		buf_adds(&b, " made under ");
		add_version(&b, im);
		buf_adds(&b, ", ");
		add_changes(&b, im);
		add_incomplete(&b, im);
	}
	buf_adds(&b, ".\n");
	add_left_out(&b, im);
	for (k = 0; k < NSHOWN; k++)
		add_examples(&b, im, shown_kinds[k]);
	return buf_detach(&b);
}
