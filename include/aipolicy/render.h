/*
 * render.h: a policy rendered into a buffer, for people (the one-page text,
 * Markdown, HTML), for diagram tools (Mermaid, Graphviz DOT) or for
 * programs (one JSON object).
 *
 * Every format shows policy text through the core's one sanitiser
 * (aipolicy/text.h) and then escapes it for that format, so that no policy
 * text can break out of a label, a table cell or an HTML element. The JSON
 * form keeps values as written (JSON escaping alone makes them safe).
 */
#ifndef AIPOLICY_RENDER_H
#define AIPOLICY_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"

/* The one page: at most this many lines of at most this many columns. */
#define RENDER_PAGE_LINES   66
#define RENDER_PAGE_COLUMNS 100

enum render_format {
	RENDER_TEXT,
	RENDER_MARKDOWN,
	RENDER_MERMAID,
	RENDER_DOT,
	RENDER_HTML,
	RENDER_JSON,
};
#define RENDER_FORMAT_COUNT 6

/* Options of render_policy; a zeroed struct (or NULL) is the default. */
struct render_opts {
	/* JSON only: append "stale" and "in_force" as of TODAY (serve's
	 * GET /v1/policy). */
	bool with_status;
	date_t today;
};

/* render_format_parse: true and *out set when NAME is a format's name
 * ("text", "markdown", ...). */
bool render_format_parse(const char *name, enum render_format *out);
/* render_format_name: "text", "markdown", ... */
const char *render_format_name(enum render_format f);

/*
 * render_policy: P in format F, ending in a newline, as a malloc'd
 * NUL-terminated string in *OUT (its length in *LEN, when LEN is not NULL).
 * The caller owns *OUT. Returns 0, or -1 when out of memory (*OUT is then
 * NULL).
 */
int render_policy(const struct policy *p, enum render_format f,
    const struct render_opts *o, char **out, size_t *len);

/* How the text rendering measures against the page. */
struct render_fit {
	size_t lines;        /* lines rendered; RENDER_PAGE_LINES + 1 means
	                      * "more": rendering stopped there */
	size_t width;        /* the widest line as it would be without cutting
	                      * it to RENDER_PAGE_COLUMNS, in display columns */
	const struct question *wide_question; /* the question of the first
	                      * line wider than the page (cut to fit), NULL
	                      * when none */
	const struct answer *wide_answer; /* that line's answer; NULL when the
	                      * line is the start question's own */
	size_t wide_width;   /* that line's width before cutting */
};

/*
 * render_text_fit: render P as text, up to line RENDER_PAGE_LINES + 1, and
 * fill *FIT. The page fits when fit->lines <= RENDER_PAGE_LINES and
 * fit->wide_question is NULL. Returns 0, or -1 when out of memory.
 */
int render_text_fit(const struct policy *p, struct render_fit *fit);

/*
 * render_width: display columns of LEN bytes of UTF-8 at S shown on one
 * line, the same in every locale: a combining or zero-width character
 * counts 0, an East Asian wide or fullwidth character (and an emoji) 2,
 * anything else (an invalid byte included) 1.
 */
size_t render_width(const char *s, size_t len);

#endif
