/*
 * render-text.c: the one-page text rendering: the title, the tree of
 * questions from start (each question shown once, numbered Q1, Q2, ...,
 * and referred to by number when reached again), the outcomes (numbered
 * [1], [2], ...: verdict, summary, reviewer, disclosure, conditions), and a
 * footer with title, version, dates and owner. Tree lines wider than the
 * page are cut; outcome and footer text is wrapped.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "render-private.h"

/* Columns of indentation per level of the tree. */
#define TREE_INDENT 2
/* What ends a line cut to the page's width. */
#define CUT_MARK "..."
#define CUT_MARK_WIDTH 3
/* The line after an outcome's first is indented this far. */
#define OUTCOME_INDENT 4

/* The line under the title. */
#define HINT "Start at Q1; each answer leads to the next question or to " \
	"an outcome listed below."

/* A page being written: stops counting and writing after MAX lines. */
struct page {
	struct buf *b;
	size_t lines, max;         /* max 0: no limit */
	struct aipolicy_render_fit *fit;    /* may be NULL */
};

static bool page_full(const struct page *pg);
static void page_line(struct page *pg, const char *s, size_t len);
static size_t fit_bytes(const char *s, size_t len, size_t width);
static void page_cut_line(struct page *pg, const struct aipolicy *p,
    const struct render_row *row, const char *s, size_t len);
static void line_restart(struct buf *line, size_t indent, size_t *used);
static void page_wrap(struct page *pg, const char *first, size_t indent,
    const char *text);
static void tree_row(struct page *pg, const struct aipolicy *p,
    const struct render_tree *t, const struct render_row *row);
static bool ends_sentence(const char *s);
static void outcome_block(struct page *pg, const struct aipolicy_outcome *o,
    uint32_t num);
static void footer(struct page *pg, const struct aipolicy *p);

static bool
page_full(const struct page *pg)
{
	return pg->max != 0 && pg->lines >= pg->max;
}

/* One line of LEN bytes (already safe to show) and its newline. */
static void
page_line(struct page *pg, const char *s, size_t len)
{
	size_t w;

	if (page_full(pg))
		return;
	buf_add(pg->b, s, len);
	buf_addc(pg->b, '\n');
	pg->lines++;
	w = aipolicy_render_width(s, len);
	if (pg->fit != NULL) {
		pg->fit->lines = pg->lines;
		if (w > pg->fit->width)
			pg->fit->width = w;
	}
}

/* How many bytes of S (LEN bytes) fit in WIDTH columns, never cutting a
 * character (nor a combining mark off its base). */
static size_t
fit_bytes(const char *s, size_t len, size_t width)
{
	size_t i = 0, end = 0, used = 0, w;
	uint32_t c;

	while (i < len) {
		size_t k = utf8_decode(s + i, len - i, &c);
		w = aipolicy_render_width(s + i, k);
		if (used + w > width)
			break;
		used += w;
		i += k;
		end = i;
	}
	return end;
}

/* A tree line: cut to the page's width with CUT_MARK when wider, and the
 * first such line noted in the fit. */
static void
page_cut_line(struct page *pg, const struct aipolicy *p,
    const struct render_row *row, const char *s, size_t len)
{
	size_t w = aipolicy_render_width(s, len), keep;
	struct buf cut;

	if (w <= AIPOLICY_RENDER_PAGE_COLUMNS) {
		page_line(pg, s, len);
		return;
	}
	if (pg->fit != NULL && pg->fit->wide_width == 0 && !page_full(pg)) {
		pg->fit->wide_width = w;
		pg->fit->wide_question = &p->questions[row->kind == ROW_START ?
		    row->question : row->from_q];
		pg->fit->wide_answer = row->kind == ROW_START ? NULL :
		    &p->questions[row->from_q].answers[row->from_a];
	}
	keep = fit_bytes(s, len, AIPOLICY_RENDER_PAGE_COLUMNS - CUT_MARK_WIDTH);
	buf_init(&cut);
	buf_add(&cut, s, keep);
	buf_adds(&cut, CUT_MARK);
	if (cut.failed)
		pg->b->failed = true;
	else
		page_line(pg, cut.data, cut.len);
	if (pg->fit != NULL && w > pg->fit->width)
		pg->fit->width = w;
	buf_release(&cut);
}

/* Start a new line of LINE: INDENT spaces; *USED is its width. */
static void
line_restart(struct buf *line, size_t indent, size_t *used)
{
	line->len = 0;
	for (*used = 0; *used < indent; ++*used)
		buf_addc(line, ' ');
}

/*
 * TEXT (made safe here) after FIRST (safe already; a space between them
 * unless FIRST is empty) on as many lines as it takes, each at most the
 * page's width; lines after the first start with INDENT spaces (less than
 * the page's width). Breaks at spaces; a word wider than a line is split
 * between characters.
 */
static void
page_wrap(struct page *pg, const char *first, size_t indent,
    const char *text)
{
	struct buf safe, line;
	const char *s, *end, *word;
	size_t used, wl, ww, k;
	bool sep = first[0] != '\0', has_word = false;

	buf_init(&safe);
	render_add_text(&safe, text, ESC_PLAIN);
	buf_init(&line);
	buf_adds(&line, first);
	used = aipolicy_render_width(first, strlen(first));
	s = safe.data ? safe.data : "";
	end = s + safe.len;
	while (s < end && !page_full(pg) && !line.failed) {
		if (*s == ' ') {
			s++;
			continue;
		}
		for (word = s; s < end && *s != ' '; s++)
			;
		wl = (size_t)(s - word);
		ww = aipolicy_render_width(word, wl);
		if (has_word && used + 1 + ww > AIPOLICY_RENDER_PAGE_COLUMNS) {
			page_line(pg, line.data, line.len);
			line_restart(&line, indent, &used);
			sep = false;
		}
		if (sep) {
			buf_addc(&line, ' ');
			used++;
		}
		/* A word wider than the room left: split it. */
		while (used + ww > AIPOLICY_RENDER_PAGE_COLUMNS &&
		    !line.failed) {
			k = fit_bytes(word, wl,
			    AIPOLICY_RENDER_PAGE_COLUMNS - used);
			buf_add(&line, word, k);
			page_line(pg, line.data, line.len);
			line_restart(&line, indent, &used);
			word += k;
			wl -= k;
			ww = aipolicy_render_width(word, wl);
		}
		buf_add(&line, word, wl);
		used += ww;
		sep = has_word = true;
	}
	if (line.len > 0)
		page_line(pg, line.data, line.len);
	if (safe.failed || line.failed)
		pg->b->failed = true;
	buf_release(&safe);
	buf_release(&line);
}

/* One row of the tree: "ANSWER -> Q3 Label", "-> see Q3 Label",
 * "-> Use AI freely [1]"; the start question alone as "Q1 Label". */
static void
tree_row(struct page *pg, const struct aipolicy *p,
    const struct render_tree *t, const struct render_row *row)
{
	struct buf line;
	size_t i;

	buf_init(&line);
	for (i = 0; i < row->depth * TREE_INDENT; i++)
		buf_addc(&line, ' ');
	if (row->kind != ROW_START) {
		render_add_text(&line, p->questions[row->from_q].answers[
		    row->from_a].shown, ESC_PLAIN);
		buf_adds(&line, " -> ");
	}
	if (row->kind == ROW_OUTCOME) {
		buf_addf(&line, "%s [%u]", aipolicy_verdict_words(
		    p->outcomes[row->outcome].verdict), t->onum[row->outcome]);
	} else {
		buf_addf(&line, "%sQ%u ", row->kind == ROW_SEE ? "see " : "",
		    t->qnum[row->question]);
		render_add_text(&line, p->questions[row->question].label,
		    ESC_PLAIN);
	}
	if (line.failed)
		pg->b->failed = true;
	else
		page_cut_line(pg, p, row, line.data, line.len);
	buf_release(&line);
}

/* S ends with a full stop, a question or an exclamation mark. */
static bool
ends_sentence(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

/* "[N] Verdict: summary", then the reviewer and disclosure, then each
 * condition. */
static void
outcome_block(struct page *pg, const struct aipolicy_outcome *o, uint32_t num)
{
	char first[64];
	struct buf more;
	size_t i;

	snprintf(first, sizeof first, "[%u] %s:", num,
	    aipolicy_verdict_words(o->verdict));
	page_wrap(pg, first, OUTCOME_INDENT, o->summary);
	buf_init(&more);
	if (o->reviewer != NULL) {
		buf_adds(&more, "Reviewer: ");
		buf_adds(&more, o->reviewer);
		if (!ends_sentence(o->reviewer))
			buf_addc(&more, '.');
		if (o->disclose)
			buf_adds(&more, " Disclose that AI assisted.");
	} else if (o->disclose) {
		buf_adds(&more, "Disclose that AI assisted.");
	}
	if (more.len > 0)
		page_wrap(pg, "   ", OUTCOME_INDENT, more.data);
	for (i = 0; i < o->nconditions; i++)
		page_wrap(pg, "    -", OUTCOME_INDENT + 2, o->conditions[i]);
	if (more.failed)
		pg->b->failed = true;
	buf_release(&more);
}

/* "TITLE, version V: in force from D, review by D.", "Owner: O". */
static void
footer(struct page *pg, const struct aipolicy *p)
{
	struct buf s;

	buf_init(&s);
	render_add_dates(&s, p, ESC_PLAIN);
	page_wrap(pg, "", 0, s.failed ? "" : s.data);
	if (s.failed)
		pg->b->failed = true;
	buf_release(&s);
	page_wrap(pg, "Owner:", OUTCOME_INDENT, p->owner);
}

void
render_text_page(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b, size_t max_lines, struct aipolicy_render_fit *fit)
{
	struct page pg = { b, 0, max_lines, fit };
	size_t i;

	page_wrap(&pg, "", 0, p->title);
	page_line(&pg, HINT, strlen(HINT));
	page_line(&pg, "", 0);
	for (i = 0; i < t->nrows && !page_full(&pg); i++)
		tree_row(&pg, p, t, &t->rows[i]);
	page_line(&pg, "", 0);
	page_line(&pg, "Outcomes", strlen("Outcomes"));
	for (i = 0; i < t->noutcomes && !page_full(&pg); i++)
		outcome_block(&pg, &p->outcomes[t->outcomes[i]],
		    (uint32_t)i + 1);
	page_line(&pg, "", 0);
	footer(&pg, p);
}
