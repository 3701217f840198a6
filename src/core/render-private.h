/*
 * render-private.h: what the renderers of render*.c share: the page order
 * of a policy (its tree from start, each question shown once), policy text
 * made safe and escaped for each format, and one entry point per format.
 * Private to src/core.
 */
#ifndef AIPOLICY_RENDER_PRIVATE_H
#define AIPOLICY_RENDER_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/render.h"
#include "show.h"
#include "util.h"

/* What one row of the tree shows. */
enum row_kind {
	ROW_START,    /* the start question */
	ROW_QUESTION, /* an answer leading to a question shown here first */
	ROW_SEE,      /* an answer leading to a question shown above */
	ROW_OUTCOME,  /* an answer leading to an outcome */
};

/* Rows deeper than this are shown at this depth: a page that deep cannot
 * fit anyway, and the indentation of a long chain would grow with the
 * square of its length. */
#define RENDER_MAX_NEST 50

struct render_row {
	enum row_kind kind;
	uint32_t depth;       /* 0 for the start question, 1 for its answers;
	                       * at most RENDER_MAX_NEST */
	uint32_t question;    /* the question this row leads to (not OUTCOME) */
	uint32_t outcome;     /* ROW_OUTCOME: the outcome */
	uint32_t from_q;      /* the question and answer of this row (not */
	uint32_t from_a;      /* ROW_START) */
};

/*
 * The page order: the tree from start, depth first in answer order, each
 * question's answers below it the first time it is reached, and a
 * reference to it every later time. Questions and outcomes are numbered in
 * the order they first appear (1, 2, ...); start cannot reach what is not
 * numbered, and the page leaves it out.
 */
struct render_tree {
	struct render_row *rows;
	size_t nrows;
	uint32_t *qnum;       /* per question: its number, 0 when not shown */
	uint32_t *onum;       /* per outcome: its number, 0 when not shown */
	uint32_t *outcomes;   /* outcome indexes in number order */
	size_t noutcomes;
};

/* render_tree_build: the page order of P into T. Returns 0, or -1 when out
 * of memory (T is then released). Release with render_tree_release. */
int render_tree_build(const struct aipolicy *p, struct render_tree *t);
void render_tree_release(struct render_tree *t);

/* How policy text is escaped, after text_safe() made it safe to show. */
enum render_escape {
	ESC_PLAIN,    /* the terminal: nothing more */
	ESC_MARKDOWN, /* a backslash before Markdown's punctuation */
	ESC_HTML,     /* & < > " ' as character references */
	ESC_DOT,      /* " and \ backslash-escaped, for a quoted DOT string */
	ESC_MERMAID,  /* punctuation as Mermaid's #NN; entity codes */
};

/* render_add_text: S (NUL-terminated UTF-8) onto B, each character passed
 * through text_safe() (line breaks become spaces), then escaped as E. */
void render_add_text(struct buf *b, const char *s, enum render_escape e);

/* render_date: D as YYYY-MM-DD into BUF (at least SHOW_DATE_SIZE bytes);
 * returns BUF. */
const char *render_date(aipolicy_date_t d, char *buf);

/* render_add_dates: "TITLE, version V: in force from D, review by D." of
 * P onto B, policy text escaped as E. */
void render_add_dates(struct buf *b, const struct aipolicy *p,
    enum render_escape e);

/* render_text_page: the one-page text of P onto B; stops after MAX_LINES
 * lines (0: no limit). FIT, when not NULL, is filled as
 * aipolicy_render_text_fit says. */
void render_text_page(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b, size_t max_lines, struct aipolicy_render_fit *fit);

/* One function per other format: P onto B. JSON returns -1 when out of
 * memory; the others mark B failed. */
void render_markdown(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b);
void render_mermaid(const struct aipolicy *p, struct buf *b);
void render_dot(const struct aipolicy *p, struct buf *b);
void render_html(const struct aipolicy *p, const struct render_tree *t,
    struct buf *b);
int render_json(const struct aipolicy *p, const struct aipolicy_render_opts *o,
    struct buf *b);

/* The colours of the three verdicts (fill, border), for the diagrams and
 * the HTML page: green, amber, red; and the name of the class (Mermaid,
 * HTML) that has them: "free", "review", "stop". */
const char *render_verdict_fill(enum aipolicy_verdict v);
const char *render_verdict_border(enum aipolicy_verdict v);
const char *render_verdict_class(enum aipolicy_verdict v);

#endif
