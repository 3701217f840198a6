/*
 * render-html.c: the one page as a self-contained HTML file: inline CSS
 * only (no script, no external URL), sized to print on one A4 page and to
 * read well on a screen. The same tree and numbers as the text page, the
 * outcomes as a table coloured by verdict, and the footer. Policy text is
 * made safe, then & < > " ' become character references.
 */
#include <string.h>

#include "core/lang.h"
#include "core/translation.h"
#include "render-private.h"

/* SHOW_ARROW for a page read right to left: U+2190 LEFTWARDS ARROW. */
#define ARROW_RTL " \xE2\x86\x90 "

static void html_style(struct buf *b);
static void html_tree(struct buf *b, const struct aipolicy *p,
    const struct render_tree *t);
static void html_row(struct buf *b, const struct aipolicy *p,
    const struct render_tree *t, const struct render_row *row);
static void html_outcome(struct buf *b, const struct aipolicy_outcome *o,
    uint32_t num);
static void html_meta(struct buf *b, const struct aipolicy *p);

static void
html_style(struct buf *b)
{
	enum aipolicy_verdict v;

	buf_adds(b, "<style>\n"
	    "@page { size: A4; margin: 12mm 14mm; }\n"
	    "html { -webkit-print-color-adjust: exact; "
	    "print-color-adjust: exact; }\n"
	    "body { font: 10pt/1.35 \"DejaVu Sans\", \"Helvetica Neue\", "
	    "Arial, sans-serif; color: #1a1a1a; max-width: 52em; "
	    "margin: 1.5em auto; padding: 0 1em; }\n"
	    "h1 { font-size: 16pt; margin: 0 0 .2em; }\n"
	    "h2 { font-size: 11pt; margin: .8em 0 .3em; "
	    "border-bottom: 1px solid #999; }\n"
	    ".meta, footer { color: #444; font-size: 8.5pt; margin: 0; }\n"
	    "footer { margin-top: .8em; border-top: 1px solid #999; "
	    "padding-top: .3em; }\n"
	    "ul.tree, ul.tree ul { list-style: none; margin: 0; "
	    "padding-inline-start: 1.2em; }\n"
	    "ul.tree { padding-inline-start: 0; }\n"
	    ".a { color: #555; }\n"
	    ".q { font-weight: bold; }\n"
	    ".v { font-weight: bold; padding: 0 .3em; border-radius: 3px; "
	    "border: 1px solid; white-space: nowrap; }\n"
	    "table { border-collapse: collapse; width: 100%; "
	    "font-size: 9pt; }\n"
	    "th, td { text-align: start; vertical-align: top; "
	    "padding: .15em .4em; border-bottom: 1px solid #ccc; }\n"
	    "th.n { width: 1.5em; } th.w { width: 46%; } th.r { width: 22%; }\n"
	    "td ul { margin: 0; padding-inline-start: 1.1em; }\n"
	    "tr { break-inside: avoid; }\n");
	for (v = AIPOLICY_VERDICT_USE_FREELY; v < AIPOLICY_VERDICT_COUNT; v++)
		buf_addf(b, ".%s { background: %s; border-color: %s; }\n",
		    render_verdict_class(v), render_verdict_fill(v),
		    render_verdict_border(v));
	buf_adds(b, "@media print { body { font-size: 9pt; line-height: 1.25; "
	    "margin: 0; padding: 0; max-width: none; } "
	    "table { font-size: 8.5pt; } }\n</style>\n");
}

/* A list item of the tree: answer, arrow (pointing the way the page
 * reads), and where it leads. */
static void
html_row(struct buf *b, const struct aipolicy *p, const struct render_tree *t,
    const struct render_row *row)
{
	const char *lang = policy_language(p);

	buf_adds(b, "<li>");
	if (row->kind != ROW_START) {
		buf_adds(b, "<span class=\"a\">");
		render_add_text(b, p->questions[row->from_q].answers[
		    row->from_a].shown, ESC_HTML);
		buf_adds(b, lang != NULL && lang_is_rtl(lang) ?
		    "</span>" ARROW_RTL : "</span>" SHOW_ARROW);
	}
	if (row->kind == ROW_OUTCOME) {
		enum aipolicy_verdict v = p->outcomes[row->outcome].verdict;
		buf_addf(b, "<span class=\"v %s\">%s</span> (%u)",
		    render_verdict_class(v), aipolicy_verdict_words(v),
		    t->onum[row->outcome]);
		return;
	}
	buf_addf(b, "%s<span class=\"q\">Q%u</span> ",
	    row->kind == ROW_SEE ? "see " : "", t->qnum[row->question]);
	render_add_text(b, p->questions[row->question].label, ESC_HTML);
}

/* The rows as nested lists: a row one level deeper opens a list inside
 * the item before it. */
static void
html_tree(struct buf *b, const struct aipolicy *p, const struct render_tree *t)
{
	uint32_t cur = 0, d;
	size_t i;

	buf_adds(b, "<ul class=\"tree\">\n");
	for (i = 0; i < t->nrows; i++) {
		d = t->rows[i].depth;
		if (i > 0 && d > cur) {
			buf_adds(b, "\n<ul>\n");
		} else if (i > 0) {
			buf_adds(b, "</li>\n");
			for (; cur > d; cur--)
				buf_adds(b, "</ul></li>\n");
		}
		cur = d;
		html_row(b, p, t, &t->rows[i]);
	}
	buf_adds(b, "</li>\n");
	for (; cur > 0; cur--)
		buf_adds(b, "</ul></li>\n");
	buf_adds(b, "</ul>\n");
}

static void
html_outcome(struct buf *b, const struct aipolicy_outcome *o, uint32_t num)
{
	size_t i;

	buf_addf(b, "<tr><td>%u</td><td><span class=\"v %s\">%s</span></td>"
	    "<td>", num, render_verdict_class(o->verdict),
	    aipolicy_verdict_words(o->verdict));
	render_add_text(b, o->summary, ESC_HTML);
	if (o->nconditions > 0) {
		buf_adds(b, "<ul>");
		for (i = 0; i < o->nconditions; i++) {
			buf_adds(b, "<li>");
			render_add_text(b, o->conditions[i], ESC_HTML);
			buf_adds(b, "</li>");
		}
		buf_adds(b, "</ul>");
	}
	buf_adds(b, "</td><td>");
	if (o->reviewer != NULL)
		render_add_text(b, o->reviewer, ESC_HTML);
	buf_adds(b, o->disclose ? "</td><td>yes</td></tr>\n" :
	    "</td><td>no</td></tr>\n");
}

/* "TITLE, version V: in force from D, review by D. Owner: O" */
static void
html_meta(struct buf *b, const struct aipolicy *p)
{
	render_add_dates(b, p, ESC_HTML);
	buf_adds(b, " Owner: ");
	render_add_text(b, p->owner, ESC_HTML);
}

void
render_html(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b)
{
	const char *lang = policy_language(p);
	size_t i;

	/* A policy in its own language is taken to be in English. */
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	render_add_text(b, lang != NULL ? lang : "en", ESC_HTML);
	buf_adds(b, lang != NULL && lang_is_rtl(lang) ? "\" dir=\"rtl\">\n" :
	    "\">\n");
	buf_adds(b, "<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	render_add_text(b, p->title, ESC_HTML);
	buf_adds(b, "</title>\n");
	html_style(b);
	buf_adds(b, "</head>\n<body>\n<h1>");
	render_add_text(b, p->title, ESC_HTML);
	buf_adds(b, "</h1>\n<p class=\"meta\">Answer the questions from Q1 "
	    "down; each answer leads to the next question or to a verdict "
	    "and its outcome number.</p>\n<h2>Questions</h2>\n");
	html_tree(b, p, t);
	buf_adds(b, "<h2>Outcomes</h2>\n<table>\n<thead><tr>"
	    "<th class=\"n\">#</th><th>Verdict</th>"
	    "<th class=\"w\">What to do</th><th class=\"r\">Reviewer</th>"
	    "<th>Disclose</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < t->noutcomes; i++)
		html_outcome(b, &p->outcomes[t->outcomes[i]], (uint32_t)i + 1);
	buf_adds(b, "</tbody>\n</table>\n<footer>");
	html_meta(b, p);
	buf_adds(b, "</footer>\n</body>\n</html>\n");
}
