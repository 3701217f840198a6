/*
 * text.c: the one sanitiser of shown text, and the one "did you mean".
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "util.h"

/* A suggestion is at most this many edits away from the word... */
#define SUGGEST_MAX_DIST 2
/* ...and at most one edit per this many characters of the longer word. */
#define SUGGEST_CHARS_PER_EDIT 3

uint32_t
text_safe(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return ' ';
	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_bidi_override(c) ||
	    c == 0xFEFF || c == 0xFFFD)
		return TEXT_REPLACEMENT;
	return c;
}

char *
text_sanitize(const char *s, size_t len, unsigned flags)
{
	struct buf b;
	size_t i = 0, k;
	uint32_t cp, safe;

	buf_init(&b);
	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if ((cp == '\n' && (flags & TEXT_KEEP_NEWLINE)) ||
		    (cp == '\t' && (flags & TEXT_KEEP_TAB))) {
			buf_addc(&b, (char)cp);
		} else if ((safe = text_safe(cp)) != cp) {
			buf_addc(&b, (char)safe);
		} else {
			buf_add(&b, s + i, k);
		}
		i += k;
	}
	return buf_detach(&b);
}

void
text_suggest_init(struct text_suggest *sg, const char *word)
{
	sg->word = word;
	sg->best = NULL;
	sg->dist = SUGGEST_MAX_DIST + 1;
}

void
text_suggest_add(struct text_suggest *sg, const char *candidate)
{
	size_t wl, cl, longer;
	unsigned d;

	if (candidate == NULL)
		return;
	d = edit_distance(sg->word, candidate, SUGGEST_MAX_DIST);
	if (d >= sg->dist)
		return;
	wl = strlen(sg->word);
	cl = strlen(candidate);
	longer = wl > cl ? wl : cl;
	if ((size_t)d * SUGGEST_CHARS_PER_EDIT > longer)
		return;
	sg->best = candidate;
	sg->dist = d;
}
