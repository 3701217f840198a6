/*
 * render.c: aipolicy_render, the formats' names, and what every renderer
 * shares: the page order of the tree, safe and escaped text, display
 * widths and the verdict colours.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/render.h"
#include "core/text.h"
#include "render-private.h"

/* A range of code points, inclusive. */
struct cp_range {
	uint32_t lo, hi;
};

/* A frame of the depth-first walk of render_tree_build. */
struct frame {
	uint32_t question;
	uint32_t next;        /* the next answer to show */
};

static bool in_ranges(uint32_t c, const struct cp_range *r, size_t n);
static size_t cp_width(uint32_t c);
static int add_row(struct render_tree *t, size_t *cap,
    const struct render_row *row);
static int tree_answer(const struct aipolicy *p, struct render_tree *t,
    size_t *cap, struct frame *stack, size_t *depth, uint32_t *nq);
static void add_escaped(struct buf *b, uint32_t c, const char *s, size_t n,
    enum render_escape e);

static const char *const format_names[AIPOLICY_RENDER_FORMAT_COUNT] = {
	"text", "markdown", "mermaid", "dot", "html", "json",
};

/* Characters shown on top of the one before: combining marks, zero-width
 * spaces and joiners, variation selectors. */
static const struct cp_range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x064B, 0x065F },
	{ 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0900, 0x0902 },
	{ 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D },
	{ 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E },
	{ 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
	{ 0x2060, 0x2064 }, { 0x20D0, 0x20FF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xE0100, 0xE01EF },
};

/* East Asian wide and fullwidth characters, and emoji. */
static const struct cp_range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x3247 }, { 0x3250, 0x4DBF }, { 0x4E00, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
	{ 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 },
	{ 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x18CFF }, { 0x1B000, 0x1B2FF },
	{ 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E },
	{ 0x1F191, 0x1F19A }, { 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F },
	{ 0x1F680, 0x1F6FF }, { 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF },
	{ 0x1FA70, 0x1FAFF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Fill and border colours per verdict: green, amber, red. */
static const char *const verdict_fill[AIPOLICY_VERDICT_COUNT] = {
	"#d9f2d9", "#ffe9b3", "#f8d0d0",
};
static const char *const verdict_border[AIPOLICY_VERDICT_COUNT] = {
	"#2e7d32", "#b26a00", "#c62828",
};
static const char *const verdict_class[AIPOLICY_VERDICT_COUNT] = {
	"free", "review", "stop",
};

bool
aipolicy_render_format_parse(const char *name, enum aipolicy_render_format *out)
{
	size_t i;

	for (i = 0; i < AIPOLICY_RENDER_FORMAT_COUNT; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum aipolicy_render_format)i;
			return true;
		}
	}
	return false;
}

const char *
aipolicy_render_format_name(enum aipolicy_render_format f)
{
	return (unsigned)f < AIPOLICY_RENDER_FORMAT_COUNT ?
	    format_names[f] : "?";
}

int
aipolicy_render(const struct aipolicy *p, enum aipolicy_render_format f,
    const struct aipolicy_render_opts *o, char **out, size_t *len)
{
	static const struct aipolicy_render_opts defaults;
	struct render_tree t;
	struct buf b;
	int rc = 0;

	*out = NULL;
	buf_init(&b);
	if (o == NULL)
		o = &defaults;
	if (f == AIPOLICY_RENDER_JSON) {
		rc = render_json(p, o, &b);
	} else if (f == AIPOLICY_RENDER_MERMAID) {
		render_mermaid(p, &b);
	} else if (f == AIPOLICY_RENDER_DOT) {
		render_dot(p, &b);
	} else if (render_tree_build(p, &t) != 0) {
		rc = -1;
	} else {
		if (f == AIPOLICY_RENDER_TEXT)
			render_text_page(p, &t, &b, 0, NULL);
		else if (f == AIPOLICY_RENDER_MARKDOWN)
			render_markdown(p, &t, &b);
		else
			render_html(p, &t, &b);
		render_tree_release(&t);
	}
	if (rc != 0 || b.failed) {
		buf_release(&b);
		return -1;
	}
	if (len != NULL)
		*len = b.len;
	*out = buf_detach(&b);
	return *out != NULL ? 0 : -1;
}

int
aipolicy_render_text_fit(const struct aipolicy *p,
    struct aipolicy_render_fit *fit)
{
	struct render_tree t;
	struct buf b;
	bool failed;

	memset(fit, 0, sizeof *fit);
	if (render_tree_build(p, &t) != 0)
		return -1;
	buf_init(&b);
	render_text_page(p, &t, &b, AIPOLICY_RENDER_PAGE_LINES + 1, fit);
	failed = b.failed;
	buf_release(&b);
	render_tree_release(&t);
	return failed ? -1 : 0;
}

/* ---- the page order ------------------------------------------------------ */

static int
add_row(struct render_tree *t, size_t *cap, const struct render_row *row)
{
	struct render_row *nr;

	if (t->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		nr = realloc(t->rows, *cap * sizeof *nr);
		if (nr == NULL)
			return -1;
		t->rows = nr;
	}
	t->rows[t->nrows++] = *row;
	return 0;
}

/* Show the next answer of the question on top of STACK (DEPTH frames),
 * pushing its target when that is a question shown for the first time. */
static int
tree_answer(const struct aipolicy *p, struct render_tree *t, size_t *cap,
    struct frame *stack, size_t *depth, uint32_t *nq)
{
	struct frame *f = &stack[*depth - 1];
	const struct aipolicy_answer *a =
	    &p->questions[f->question].answers[f->next];
	struct render_row row = { 0 };

	row.depth = *depth < RENDER_MAX_NEST ? (uint32_t)*depth :
	    RENDER_MAX_NEST;
	row.from_q = f->question;
	row.from_a = f->next++;
	if (a->target.kind == AIPOLICY_TARGET_OUTCOME) {
		row.kind = ROW_OUTCOME;
		row.outcome = a->target.index;
		if (t->onum[row.outcome] == 0) {
			t->outcomes[t->noutcomes++] = row.outcome;
			t->onum[row.outcome] = (uint32_t)t->noutcomes;
		}
		return add_row(t, cap, &row);
	}
	row.question = a->target.index;
	if (t->qnum[row.question] != 0) {
		row.kind = ROW_SEE;
		return add_row(t, cap, &row);
	}
	row.kind = ROW_QUESTION;
	t->qnum[row.question] = ++*nq;
	stack[*depth].question = row.question;
	stack[*depth].next = 0;
	++*depth;
	return add_row(t, cap, &row);
}

int
render_tree_build(const struct aipolicy *p, struct render_tree *t)
{
	struct frame *stack;
	struct render_row row = { 0 };
	size_t depth = 1, cap = 0;
	uint32_t nq = 1;
	int rc = 0;

	memset(t, 0, sizeof *t);
	/* The graph has no cycle: a path holds each question at most once. */
	stack = malloc((p->nquestions + 1) * sizeof *stack);
	t->qnum = calloc(p->nquestions + 1, sizeof *t->qnum);
	t->onum = calloc(p->noutcomes + 1, sizeof *t->onum);
	t->outcomes = malloc((p->noutcomes + 1) * sizeof *t->outcomes);
	if (stack == NULL || t->qnum == NULL || t->onum == NULL ||
	    t->outcomes == NULL) {
		free(stack);
		render_tree_release(t);
		return -1;
	}
	row.kind = ROW_START;
	row.question = p->start;
	t->qnum[p->start] = nq;
	stack[0].question = p->start;
	stack[0].next = 0;
	rc = add_row(t, &cap, &row);
	while (rc == 0 && depth > 0) {
		if (stack[depth - 1].next ==
		    p->questions[stack[depth - 1].question].nanswers)
			depth--;
		else
			rc = tree_answer(p, t, &cap, stack, &depth, &nq);
	}
	free(stack);
	if (rc != 0)
		render_tree_release(t);
	return rc;
}

void
render_tree_release(struct render_tree *t)
{
	free(t->rows);
	free(t->qnum);
	free(t->onum);
	free(t->outcomes);
	memset(t, 0, sizeof *t);
}

/* ---- text ---------------------------------------------------------------- */

/* Append C (the N bytes at S, or its replacement when text_safe changed
 * it) escaped as E. */
static void
add_escaped(struct buf *b, uint32_t c, const char *s, size_t n,
    enum render_escape e)
{
	static const char md_special[] = "\\`*_{}[]()<>#+!|~&$";
	static const char mermaid_special[] = "\"#&<>`'|[]{}()\\;:*_~=%";

	if (c < 0x80 && c != 0) {
		char ch = (char)c;
		if (e == ESC_MARKDOWN && strchr(md_special, ch) != NULL) {
			buf_addc(b, '\\');
		} else if (e == ESC_DOT && (ch == '"' || ch == '\\')) {
			buf_addc(b, '\\');
		} else if (e == ESC_MERMAID &&
		    strchr(mermaid_special, ch) != NULL) {
			buf_addf(b, "#%u;", (unsigned)c);
			return;
		} else if (e == ESC_HTML && strchr("&<>\"'", ch) != NULL) {
			buf_adds(b, ch == '&' ? "&amp;" : ch == '<' ? "&lt;" :
			    ch == '>' ? "&gt;" : ch == '"' ? "&quot;" :
			    "&#39;");
			return;
		}
		buf_addc(b, ch);
		return;
	}
	buf_add(b, s, n);
}

void
render_add_text(struct buf *b, const char *s, enum render_escape e)
{
	size_t i = 0, len = strlen(s), k;
	uint32_t c, safe;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &c);
		safe = text_safe(c);
		if (safe != c)
			add_escaped(b, safe, NULL, 0, e);
		else
			add_escaped(b, c, s + i, k, e);
		i += k;
	}
}

static bool
in_ranges(uint32_t c, const struct cp_range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < r[mid].lo)
			hi = mid;
		else if (c > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

static size_t
cp_width(uint32_t c)
{
	if (c < 0x300)
		return 1;
	if (in_ranges(c, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_ranges(c, wide, sizeof wide / sizeof *wide))
		return 2;
	return 1;
}

size_t
aipolicy_render_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	uint32_t c;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &c);
		w += cp_width(text_safe(c));
	}
	return w;
}

const char *
render_date(aipolicy_date_t d, char *buf)
{
	aipolicy_date_format(d, buf);
	return buf;
}

void
render_add_dates(struct buf *b, const struct aipolicy *p, enum render_escape e)
{
	char eff[SHOW_DATE_SIZE], rev[SHOW_DATE_SIZE];

	render_add_text(b, p->title, e);
	buf_adds(b, ", version ");
	render_add_text(b, p->version, e);
	buf_addf(b, ": in force from %s, review by %s.",
	    render_date(p->effective, eff), render_date(p->review_by, rev));
}

const char *
render_verdict_fill(enum aipolicy_verdict v)
{
	return verdict_fill[v];
}

const char *
render_verdict_border(enum aipolicy_verdict v)
{
	return verdict_border[v];
}

const char *
render_verdict_class(enum aipolicy_verdict v)
{
	return verdict_class[v];
}
