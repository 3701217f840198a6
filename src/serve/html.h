/*
 * html.h: writing HTML for the web walk: text escaped for HTML (after the
 * core's sanitiser, for policy text), links whose query is
 * percent-encoded (the language first, when a link carries one), and the
 * page around the content: its language and direction, and the links to
 * the same page in the other languages. Every policy text on a page goes
 * through html_text or html_attr, once.
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

/* html_walk_url: "/walk", with LANG (NULL: none) as ?lang= and then the
 * first N of ANSWERS as its query, each name and value percent-encoded,
 * escaped for an attribute. */
void html_walk_url(struct buf *b, const char *lang,
    const struct html_answer *answers, size_t n);

/* A language a page links to. */
struct html_lang {
	const char *tag;           /* "de" */
	const char *name;          /* "Deutsch": its name in itself */
};

/* A page: what html_begin writes around its content. */
struct html_page {
	const struct words *words; /* the program's words on it */
	const struct aipolicy *p;  /* the policy as shown on it */
	const char *lang;          /* the page's language (a tag) */
	const char *title;         /* our words, or text sanitised already */
	const char *banner;        /* a date warning, or NULL */
	const char *unknown;       /* a language asked for that there is
	                            * not (sanitised), or NULL */
	const struct html_lang *langs; /* the languages there are */
	size_t nlangs;             /* 0 or 1: no links to languages */
	const struct html_answer *answers; /* the page's answers, which */
	size_t nanswers;           /* the links to languages keep */
};

/*
 * html_begin: the start of page PG: the document's head with the
 * stylesheet, <html lang dir> (right to left for a language written so),
 * the policy's title and version, the links to the same page in each
 * other language (each named in itself and marked with its language),
 * what there is to say about a language asked for that there is not, and
 * the banner.
 */
void html_begin(struct buf *b, const struct html_page *pg);
/* html_end: the rest of the page, after the main content. */
void html_end(struct buf *b);

#endif
