/*
 * html.c: escaping, links and the page frame of the web walk.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lang.h"
#include "core/text.h"
#include "html.h"
#include "served.h"

/* Room for the note about a language there is not (its value is cut
 * short before). */
#define MSG_NOTE_SIZE 256

static void escape(struct buf *b, const char *s, size_t len, bool breaks);
static void encode(struct buf *b, const char *s, size_t len);
static void add_languages(struct buf *b, const struct html_page *pg);

/* S escaped: & < > " ' as entities; a line break as <br> when BREAKS. */
static void
escape(struct buf *b, const char *s, size_t len, bool breaks)
{
	size_t i, start = 0;
	const char *ent;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		case '\n': ent = breaks ? "<br>\n" : "&#10;"; break;
		case '\r': ent = "&#13;"; break;
		default: continue;
		}
		buf_add(b, s + start, i - start);
		buf_adds(b, ent);
		start = i + 1;
	}
	buf_add(b, s + start, len - start);
}

void
html_text(struct buf *b, const char *s, size_t len)
{
	char *safe = text_sanitize(s, len, TEXT_KEEP_NEWLINE);

	if (safe == NULL) {
		b->failed = true;
		return;
	}
	escape(b, safe, strlen(safe), true);
	free(safe);
}

void
html_texts(struct buf *b, const char *s)
{
	html_text(b, s, strlen(s));
}

void
html_attr(struct buf *b, const char *s, size_t len)
{
	escape(b, s, len, false);
}

/* Percent-encoding of every byte but the unreserved characters. */
static void
encode(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;
	size_t i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			buf_addc(b, (char)c);
		} else {
			buf_addc(b, '%');
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		}
	}
}

void
html_walk_url(struct buf *b, const char *lang,
    const struct html_answer *answers, size_t n)
{
	size_t i;

	buf_adds(b, "/walk");
	if (lang != NULL) {
		buf_adds(b, "?" SERVED_LANG_PARAM "=");
		encode(b, lang, strlen(lang));
	}
	for (i = 0; i < n; i++) {
		buf_adds(b, i == 0 && lang == NULL ? "?" : "&amp;");
		encode(b, answers[i].question, answers[i].question_len);
		buf_addc(b, '=');
		encode(b, answers[i].answer, answers[i].answer_len);
	}
}

/* The note about a language asked for that there is not, then a link to
 * the page in each language but its own, each named in itself. */
static void
add_languages(struct buf *b, const struct html_page *pg)
{
	const struct html_lang *l;
	char note[MSG_NOTE_SIZE];
	size_t i;

	if (pg->unknown != NULL) {
		snprintf(note, sizeof note, words_text(pg->words,
		    WORD_WEB_NO_LANGUAGE), pg->unknown);
		buf_adds(b, "<p class=\"notice\" role=\"note\">");
		html_texts(b, note);
		buf_adds(b, "</p>\n");
	}
	if (pg->nlangs < 2)
		return;
	buf_adds(b, "<nav class=\"languages\" aria-label=\"");
	html_texts(b, words_text(pg->words, WORD_WEB_LANGUAGES));
	buf_adds(b, "\">\n");
	for (i = 0; i < pg->nlangs; i++) {
		l = &pg->langs[i];
		if (strcmp(l->tag, pg->lang) == 0)
			continue;
		buf_adds(b, "<a href=\"");
		html_walk_url(b, l->tag, pg->answers, pg->nanswers);
		buf_adds(b, "\" hreflang=\"");
		html_attr(b, l->tag, strlen(l->tag));
		buf_adds(b, "\" lang=\"");
		html_attr(b, l->tag, strlen(l->tag));
		buf_addf(b, "\" dir=\"%s\">", lang_is_rtl(l->tag) ? "rtl" :
		    "ltr");
		html_texts(b, l->name);
		buf_adds(b, "</a>\n");
	}
	buf_adds(b, "</nav>\n");
}

void
html_begin(struct buf *b, const struct html_page *pg)
{
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(b, pg->lang, strlen(pg->lang));
	buf_addf(b, "\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>", lang_is_rtl(pg->lang) ? "rtl" :
	    "ltr");
	html_texts(b, pg->title);
	buf_adds(b, " \xE2\x80\x94 ");
	html_texts(b, pg->p->title);
	buf_adds(b, "</title>\n<link rel=\"stylesheet\" "
	    "href=\"/static/aipolicy.css\">\n</head>\n<body>\n"
	    "<header>\n<p class=\"policy\">");
	html_texts(b, pg->p->title);
	buf_adds(b, " <span class=\"version\">");
	html_texts(b, words_text(pg->words, WORD_VERSION));
	buf_addc(b, ' ');
	html_texts(b, pg->p->version);
	buf_adds(b, "</span></p>\n");
	add_languages(b, pg);
	buf_adds(b, "</header>\n");
	if (pg->banner != NULL) {
		buf_adds(b, "<p class=\"banner\" role=\"note\">");
		html_texts(b, pg->banner);
		buf_adds(b, "</p>\n");
	}
	buf_adds(b, "<main>\n");
}

void
html_end(struct buf *b)
{
	buf_adds(b, "</main>\n</body>\n</html>\n");
}
