/*
 * render.h: a policy rendered into a buffer, for people (the one-page text,
 * Markdown, HTML), for diagram tools (Mermaid, Graphviz DOT) or for
 * programs (one JSON object).
 *
 * Every format shows policy text through the engine's one sanitiser and
 * then escapes it for that format, so that no policy text can break out of
 * a label, a table cell or an HTML element. The JSON form keeps values as
 * written (JSON escaping alone makes them safe).
 *
 * Threads: any thread may render a policy, also while others walk it.
 */
#ifndef AIPOLICY_RENDER_H
#define AIPOLICY_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The one page: at most this many lines of at most this many columns. */
#define AIPOLICY_RENDER_PAGE_LINES   66
#define AIPOLICY_RENDER_PAGE_COLUMNS 100

enum aipolicy_render_format {
	AIPOLICY_RENDER_TEXT,
	AIPOLICY_RENDER_MARKDOWN,
	AIPOLICY_RENDER_MERMAID,
	AIPOLICY_RENDER_DOT,
	AIPOLICY_RENDER_HTML,
	AIPOLICY_RENDER_JSON,
};
#define AIPOLICY_RENDER_FORMAT_COUNT 6

/* Options of aipolicy_render; a zeroed struct (or NULL) is the default. */
struct aipolicy_render_opts {
	/* JSON only: append "stale" and "in_force" as of TODAY (serve's
	 * GET /v1/policy). */
	bool with_status;
	aipolicy_date_t today;
};

/* aipolicy_render_format_parse: true and *out set when NAME is a format's name
 * ("text", "markdown", ...). */
AIPOLICY_API bool aipolicy_render_format_parse(const char *name,
    enum aipolicy_render_format *out);
/* aipolicy_render_format_name: "text", "markdown", ... */
AIPOLICY_API const char *aipolicy_render_format_name(
    enum aipolicy_render_format f);

/*
 * aipolicy_render: P in format F, ending in a newline, as a malloc'd
 * NUL-terminated string in *OUT (its length in *LEN, when LEN is not NULL).
 * The caller owns *OUT. Returns 0, or -1 when out of memory (*OUT is then
 * NULL).
 */
AIPOLICY_API int aipolicy_render(const struct aipolicy *p,
    enum aipolicy_render_format f, const struct aipolicy_render_opts *o,
    char **out, size_t *len);

/* How the text rendering measures against the page. */
struct aipolicy_render_fit {
	/* lines rendered; AIPOLICY_RENDER_PAGE_LINES + 1 means "more":
	 * rendering stopped there */
	size_t lines;
	/* the widest line as it would be without cutting it to
	 * AIPOLICY_RENDER_PAGE_COLUMNS, in display columns */
	size_t width;
	/* the question of the first line wider than the page (cut to fit),
	 * NULL when none */
	const struct aipolicy_question *wide_question;
	/* that line's answer; NULL when the line is the start question's
	 * own */
	const struct aipolicy_answer *wide_answer;
	size_t wide_width;   /* that line's width before cutting */
};

/*
 * aipolicy_render_text_fit: render P as text, up to line
 * AIPOLICY_RENDER_PAGE_LINES + 1, and fill *FIT. The page fits when fit->lines
 * <= AIPOLICY_RENDER_PAGE_LINES and fit->wide_question is NULL. Returns 0, or
 * -1 when out of memory.
 */
AIPOLICY_API int aipolicy_render_text_fit(const struct aipolicy *p,
    struct aipolicy_render_fit *fit);

/*
 * aipolicy_render_width: display columns of LEN bytes of UTF-8 at S shown on
 * one line, the same in every locale: a combining or zero-width character
 * counts 0, an East Asian wide or fullwidth character (and an emoji) 2,
 * anything else (an invalid byte included) 1.
 */
AIPOLICY_API size_t aipolicy_render_width(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
