/*
 * langs.h: the languages of a server that are not the policy's: the
 * program's own words in each language that has a catalogue (loaded once,
 * before any thread starts, since loading goes through gettext and the
 * process's locale), and the name of a language as it calls itself
 * ("Deutsch", "Français"), for the links between the pages.
 */
#ifndef AIPOLICY_SERVE_LANGS_H
#define AIPOLICY_SERVE_LANGS_H

#include <stddef.h>

#include "core/lang.h"
#include "core/words.h"

/* Catalogues of the program's words looked at, at most. */
#define LANGS_CATALOGUES_MAX 64
/* Bytes of a language's name: "Português (BR)" and the like. */
#define LANGS_NAME_SIZE 64

/* The program's words in English and in each language with a catalogue. */
struct langs_words {
	size_t n;                 /* catalogues */
	char (*tags)[LANG_TAG_MAX]; /* each catalogue's tag, sorted */
	const char **tag_list;    /* the same, as pointers (lang_choose) */
	struct words *tables;     /* each catalogue's words */
};

/*
 * langs_words_load: the words of every catalogue there is (words.h) into
 * LW. Changes the process's locale while it runs: call it before any
 * thread starts. 0, or -1 when out of memory (LW then holds none).
 * Release with langs_words_release.
 */
int langs_words_load(struct langs_words *lw);

/* langs_words_release: frees what LW holds; LW has no catalogue after. */
void langs_words_release(struct langs_words *lw);

/* langs_words_for: the words to show in the language TAG: those of the
 * catalogue lang_choose matches to it ("de-AT" takes "de"), else English.
 * LW NULL: English. Owned by LW (or static). */
const struct words *langs_words_for(const struct langs_words *lw,
    const char *tag);

/* langs_name: the name of the language TAG in itself, in OUT
 * (LANGS_NAME_SIZE bytes): "Deutsch" for "de", "Deutsch (CH)" for
 * "de-CH", the tag itself for a language the table does not know. */
void langs_name(const char *tag, char out[LANGS_NAME_SIZE]);

#endif
