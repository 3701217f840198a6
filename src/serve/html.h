/*
 * html.h: writing HTML for the web walk: text escaped for HTML (after the
 * core's sanitiser, for policy text), links whose query is
 * percent-encoded, and the page around the content. Every policy text on
 * a page goes through html_text or html_attr, once.
 */
#ifndef AIPOLICY_SERVE_HTML_H
#define AIPOLICY_SERVE_HTML_H

#include <stddef.h>

#include "aipolicy/policy.h"
#include "core/words.h"
#include "util.h"

/* One answer of a walk's URL: a question and its answer as given. */
struct html_answer {
	const char *question, *answer;
	size_t question_len, answer_len;
};

/* html_text: LEN bytes of S, sanitised (a line break becomes <br>),
 * escaped for element content. */
void html_text(struct buf *b, const char *s, size_t len);
/* html_texts: html_text of a NUL-terminated S. */
void html_texts(struct buf *b, const char *s);
/* html_attr: LEN bytes of S escaped for a double-quoted attribute value
 * (not sanitised: a form must send back what it was given). */
void html_attr(struct buf *b, const char *s, size_t len);

/* html_walk_url: "/walk", with the first N of ANSWERS as its query, each
 * name and value percent-encoded, escaped for an attribute. */
void html_walk_url(struct buf *b, const struct html_answer *answers,
    size_t n);

/*
 * html_begin: the start of a page in the language of W whose <title> is
 * TITLE (our words, or text sanitised already): the document's head with
 * the stylesheet, the policy's title and version, and BANNER (a date
 * warning, or NULL).
 */
void html_begin(struct buf *b, const struct words *w, const struct aipolicy *p,
    const char *title, const char *banner);
/* html_end: the rest of the page, after the main content. */
void html_end(struct buf *b);

#endif
