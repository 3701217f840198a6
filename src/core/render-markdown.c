/*
 * render-markdown.c: the one page as Markdown for wikis: the title, the
 * questions as a nested list (the same tree as the text page, with the
 * same Q and outcome numbers), a table of the outcomes, and the footer.
 * Policy text is made safe, then Markdown's punctuation is backslash-
 * escaped, so that no text can open a link, a tag, an emphasis or a new
 * table cell.
 */
#include <string.h>

#include "render-private.h"

/* Spaces of indentation per level of the list. */
#define LIST_INDENT 2
/* Between two conditions in one table cell. */
#define CONDITION_SEP " \xE2\x80\xA2 "

static void md_row(struct buf *b, const struct aipolicy *p,
    const struct render_tree *t, const struct render_row *row);
static void md_outcome(struct buf *b, const struct aipolicy_outcome *o,
    uint32_t num);
static void md_footer(struct buf *b, const struct aipolicy *p);

/* "- ANSWER → **Q3** Label", "→ see **Q3** Label", "→ **Use AI freely**
 * (1)"; the start question as "- **Q1** Label". */
static void
md_row(struct buf *b, const struct aipolicy *p, const struct render_tree *t,
    const struct render_row *row)
{
	size_t i;

	for (i = 0; i < row->depth * LIST_INDENT; i++)
		buf_addc(b, ' ');
	buf_adds(b, "- ");
	if (row->kind != ROW_START) {
		render_add_text(b, p->questions[row->from_q].answers[
		    row->from_a].shown, ESC_MARKDOWN);
		buf_adds(b, SHOW_ARROW);
	}
	if (row->kind == ROW_OUTCOME) {
		buf_addf(b, "**%s** (%u)\n", aipolicy_verdict_words(
		    p->outcomes[row->outcome].verdict), t->onum[row->outcome]);
		return;
	}
	buf_addf(b, "%s**Q%u** ", row->kind == ROW_SEE ? "see " : "",
	    t->qnum[row->question]);
	render_add_text(b, p->questions[row->question].label, ESC_MARKDOWN);
	buf_addc(b, '\n');
}

/* One row of the outcomes table. */
static void
md_outcome(struct buf *b, const struct aipolicy_outcome *o, uint32_t num)
{
	size_t i;

	buf_addf(b, "| %u | %s | ", num, aipolicy_verdict_words(o->verdict));
	render_add_text(b, o->summary, ESC_MARKDOWN);
	buf_adds(b, " | ");
	if (o->reviewer != NULL)
		render_add_text(b, o->reviewer, ESC_MARKDOWN);
	buf_adds(b, o->disclose ? " | yes | " : " | no | ");
	for (i = 0; i < o->nconditions; i++) {
		if (i > 0)
			buf_adds(b, CONDITION_SEP);
		render_add_text(b, o->conditions[i], ESC_MARKDOWN);
	}
	buf_adds(b, " |\n");
}

static void
md_footer(struct buf *b, const struct aipolicy *p)
{
	render_add_dates(b, p, ESC_MARKDOWN);
	buf_adds(b, "  \nOwner: ");
	render_add_text(b, p->owner, ESC_MARKDOWN);
	buf_addc(b, '\n');
}

void
render_markdown(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b)
{
	size_t i;

	buf_adds(b, "# ");
	render_add_text(b, p->title, ESC_MARKDOWN);
	buf_adds(b, "\n\n## Questions\n\n");
	for (i = 0; i < t->nrows; i++)
		md_row(b, p, t, &t->rows[i]);
	buf_adds(b, "\n## Outcomes\n\n"
	    "| # | Verdict | What to do | Reviewer | Disclose | Conditions |\n"
	    "|---|---|---|---|---|---|\n");
	for (i = 0; i < t->noutcomes; i++)
		md_outcome(b, &p->outcomes[t->outcomes[i]], (uint32_t)i + 1);
	buf_addc(b, '\n');
	md_footer(b, p);
}
