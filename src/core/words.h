/*
 * words.h: the program's own words (verdicts, labels, key help, banners,
 * errors meant for employees) in one language, through GNU gettext.
 *
 * The words are listed once, in English, in words.def; a struct words
 * holds them in one language. words_english is the table as written;
 * words_load fills a table from the catalogue of a language (po/LANG.po,
 * built into LOCALE/LANG/LC_MESSAGES/aipolicy.mo). Lookups read the table
 * only: they never touch the process's locale or environment, so one
 * table per language may be loaded at start-up and read by any thread.
 *
 *	struct words w;
 *	if (words_load(&w, NULL) != 0) ... out of memory (w is English)
 *	puts(words_text(&w, WORD_VERDICT_LABEL));
 *	printf(words_plural(&w, WORDN_ANSWERED, n), n);
 *
 * Diagnostics for policy owners (lint, loading) are not words: they stay
 * English.
 */
#ifndef AIPOLICY_WORDS_H
#define AIPOLICY_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lang.h"
#include "aipolicy/policy.h"

/* The ids of the texts of words.def: WORD_VERDICT_FREE, ... */
enum word {
#define WORD(id, text) WORD_##id,
#define PLURAL(id, texts)
#include "core/words.def"
#undef WORD
#undef PLURAL
	WORD_COUNT
};

/* The ids of the texts with a count: WORDN_ANSWERED, ... */
enum word_plural {
#define WORD(id, text)
#define PLURAL(id, texts) WORDN_##id,
#include "core/words.def"
#undef WORD
#undef PLURAL
	WORDN_COUNT
};

/* The gettext domain: the catalogues' name (aipolicy.mo). */
#define WORDS_DOMAIN "aipolicy"
/* Plural forms a language has at most (Arabic has six). */
#define WORDS_FORMS_MAX 6
/* Counts whose form is kept; a larger count N takes the form of
 * WORDS_SLOTS / 2 + N % (WORDS_SLOTS / 2), which is exact for every plural
 * rule gettext knows (they look at N % 10, N % 100 and small N). */
#define WORDS_SLOTS 200

/* The forms of one text with a count, and which one each count takes. */
struct words_forms {
	const char *form[WORDS_FORMS_MAX];
	unsigned char form_of[WORDS_SLOTS];
};

/* One language's words. Its texts stay valid for the life of the process
 * (gettext keeps every catalogue it has loaded); it owns no memory. */
struct words {
	char tag[LANG_TAG_MAX];     /* the language: "en", "de", "pt-BR" */
	bool english;               /* the texts as written (plural: n != 1) */
	const char *text[WORD_COUNT];
	struct words_forms plural[WORDN_COUNT];
};

/* The words as written, in English. */
extern const struct words words_english;

/*
 * words_load: fill W with the words of TAG (a BCP 47 tag), or, when TAG
 * is NULL, of the first language the environment asks for (lang_env: the
 * LANGUAGE list, then LC_ALL, LC_MESSAGES, LANG) that has a catalogue;
 * "de-AT" falls back to "de"; English, no catalogue, or a TAG that is not
 * well-formed (lang_tag_valid) gives words_english. A translated text
 * that is not words_usable is left English.
 *
 * The catalogues are looked for in "locale" beside the running program
 * (the build tree), then in the folder chosen when it was installed.
 * Changes LC_MESSAGES and LANGUAGE while it runs and puts both back: call
 * it before any thread starts. Returns 0; or -1 when out of memory, with W
 * English.
 */
int words_load(struct words *w, const char *tag);

/*
 * words_catalogues: the languages there is a catalogue of the program's
 * words for (LOCALE/LANG/LC_MESSAGES/aipolicy.mo in the folder words_load
 * reads), as tags ("de", "pt-BR"), sorted, each once, English left out,
 * into OUT (at most MAX). Reads a folder only: it touches neither the
 * locale nor the environment. Returns how many (0 when the folder cannot
 * be read).
 */
size_t words_catalogues(char out[][LANG_TAG_MAX], size_t max);

/* words_text: the text ID of W (NULL: English). */
const char *words_text(const struct words *w, enum word id);
/* words_plural: the form of text ID of W (NULL: English) for the count N,
 * a printf format with one %zu (a translation may leave it out). */
const char *words_plural(const struct words *w, enum word_plural id,
    size_t n);
/* words_verdict: verdict V in the words of W (NULL: English). */
const char *words_verdict(const struct words *w, enum aipolicy_verdict v);

/*
 * words_usable: TRANSLATED (NULL: no) may stand for ENGLISH, a text of
 * words.def: as a printf format it takes the same arguments, of the same
 * types (positions such as %2$s allowed, every argument used; no "*", no
 * %n), or, when MAY_DROP (a form of a plural), none where ENGLISH takes
 * one; and every character of it is shown as itself (text_safe: no
 * control character, no line break, no invalid UTF-8).
 */
bool words_usable(const char *english, const char *translated,
    bool may_drop);

#endif
