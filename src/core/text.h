/*
 * text.h: policy text as people are shown it, said once for every front end
 * (check, ask, render, and the diagnostics).
 *
 * Policy text is shown, never interpreted: text_safe() is the one rule for
 * which characters could make a terminal, a browser or a reader's eye do
 * something the policy owner did not write, and text_suggest is the one
 * "did you mean" for a misspelt key or id.
 */
#ifndef AIPOLICY_TEXT_H
#define AIPOLICY_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The code point that stands for a character that cannot be shown. */
#define TEXT_REPLACEMENT '?'

/*
 * text_safe: the code point C as it may be shown: tab, newline and carriage
 * return become a space; any other control character (C0, DEL, C1), a
 * bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069), a
 * byte-order mark (U+FEFF) and U+FFFD (which stands for an invalid byte)
 * become TEXT_REPLACEMENT; everything else is itself.
 */
uint32_t text_safe(uint32_t c);

/* Flags of text_sanitize. */
#define TEXT_KEEP_NEWLINE 0x1u /* '\n' stays a line break */
#define TEXT_KEEP_TAB     0x2u /* a tab stays a tab (a caret lines up) */

/*
 * text_sanitize: S (LEN bytes of UTF-8) with each character passed through
 * text_safe (but for what FLAGS keep); an invalid byte becomes
 * TEXT_REPLACEMENT. Returns a NUL-terminated string the caller owns, or
 * NULL when out of memory.
 */
char *text_sanitize(const char *s, size_t len, unsigned flags);

/*
 * "Did you mean": the candidate closest to a word, when it is close enough
 * to be a typo of it (an edit distance of at most 2, and at most a third of
 * the longer of the two), the first one seen on a tie.
 *
 *	struct text_suggest sg;
 *	text_suggest_init(&sg, word);
 *	for (each candidate c) text_suggest_add(&sg, c);
 *	if (sg.best != NULL) ... "did you mean '%s'?", sg.best
 */
struct text_suggest {
	const char *word;  /* not owned */
	/* the closest candidate so far, or NULL; not owned */
	const char *best;
	unsigned dist;     /* its distance */
};

/* text_suggest_init: no candidate yet for WORD (must outlive SG). */
void text_suggest_init(struct text_suggest *sg, const char *word);
/* text_suggest_add: consider CANDIDATE (must outlive SG; NULL is skipped). */
void text_suggest_add(struct text_suggest *sg, const char *candidate);

#endif
