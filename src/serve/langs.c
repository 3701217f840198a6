/*
 * langs.c: the program's words in every language with a catalogue, and
 * the names of languages in themselves. The names are UTF-8, written as
 * themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "langs.h"

/* A language and its name in itself. */
struct lang_name {
	const char *tag, *name;
};

/* Whole tags before their primary language, so that the first match of
 * a tag is the most precise. */
static const struct lang_name names[] = {
	{ "pt-BR", "Português (Brasil)" },
	{ "zh-Hans", "简体中文" },
	{ "zh-Hant", "繁體中文" },
	{ "ar", "العربية" },
	{ "bg", "Български" },
	{ "ca", "Català" },
	{ "cs", "Čeština" },
	{ "da", "Dansk" },
	{ "de", "Deutsch" },
	{ "el", "Ελληνικά" },
	{ "en", "English" },
	{ "es", "Español" },
	{ "et", "Eesti" },
	{ "fa", "فارسی" },
	{ "fi", "Suomi" },
	{ "fr", "Français" },
	{ "he", "עברית" },
	{ "hi", "हिन्दी" },
	{ "hr", "Hrvatski" },
	{ "hu", "Magyar" },
	{ "id", "Bahasa Indonesia" },
	{ "it", "Italiano" },
	{ "ja", "日本語" },
	{ "ko", "한국어" },
	{ "lt", "Lietuvių" },
	{ "lv", "Latviešu" },
	{ "nb", "Norsk bokmål" },
	{ "nl", "Nederlands" },
	{ "nn", "Norsk nynorsk" },
	{ "pl", "Polski" },
	{ "pt", "Português" },
	{ "ro", "Română" },
	{ "ru", "Русский" },
	{ "sk", "Slovenčina" },
	{ "sl", "Slovenščina" },
	{ "sr", "Српски" },
	{ "sv", "Svenska" },
	{ "th", "ไทย" },
	{ "tr", "Türkçe" },
	{ "uk", "Українська" },
	{ "ur", "اردو" },
	{ "vi", "Tiếng Việt" },
	{ "zh", "中文" },
};
#define NNAMES (sizeof names / sizeof names[0])

int
langs_words_load(struct langs_words *lw)
{
	char (*tags)[LANG_TAG_MAX];
	size_t i, n;

	memset(lw, 0, sizeof *lw);
	tags = calloc(LANGS_CATALOGUES_MAX, sizeof *tags);
	if (tags == NULL)
		return -1;
	n = words_catalogues(tags, LANGS_CATALOGUES_MAX);
	lw->tags = tags;
	lw->tag_list = calloc(n ? n : 1, sizeof *lw->tag_list);
	lw->tables = calloc(n ? n : 1, sizeof *lw->tables);
	if (lw->tag_list == NULL || lw->tables == NULL) {
		langs_words_release(lw);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (words_load(&lw->tables[i], tags[i]) != 0) {
			langs_words_release(lw);
			return -1;
		}
		lw->tag_list[i] = tags[i];
	}
	lw->n = n;
	return 0;
}

void
langs_words_release(struct langs_words *lw)
{
	free(lw->tags);
	free(lw->tag_list);
	free(lw->tables);
	memset(lw, 0, sizeof *lw);
}

const struct words *
langs_words_for(const struct langs_words *lw, const char *tag)
{
	int i;

	if (lw == NULL)
		return &words_english;
	i = lang_choose(lw->tag_list, lw->n, tag);
	return i >= 0 ? &lw->tables[i] : &words_english;
}

void
langs_name(const char *tag, char out[LANGS_NAME_SIZE])
{
	size_t prim = strcspn(tag, "-"), i;

	for (i = 0; i < NNAMES; i++) {
		if (strcasecmp(names[i].tag, tag) == 0) {
			snprintf(out, LANGS_NAME_SIZE, "%s", names[i].name);
			return;
		}
	}
	for (i = 0; i < NNAMES; i++) {
		if (strlen(names[i].tag) == prim &&
		    strncasecmp(names[i].tag, tag, prim) == 0) {
			snprintf(out, LANGS_NAME_SIZE, "%s (%s)", names[i].name,
			    tag + prim + 1);
			return;
		}
	}
	snprintf(out, LANGS_NAME_SIZE, "%s", tag);
}
