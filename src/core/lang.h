/*
 * lang.h: which language to show, by BCP 47 tag ("de", "fr", "pt-BR").
 *
 * One place decides it for every front end: the tag asked for (--lang, or
 * a web request) or the environment, read in the order gettext reads it
 * (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG), matched against the
 * languages there are, by the whole tag and then by its primary language
 * ("de-AT" falls back to "de"). Tags compare ignoring case, and a POSIX
 * locale name ("pt_BR.UTF-8@euro") reads as its tag ("pt-BR").
 *
 *	char tags[LANG_ENV_MAX][LANG_TAG_MAX];
 *	size_t n = lang_env(tags, LANG_ENV_MAX);
 *	int i = lang_choose_list(avail, navail, tags, n);   -1: none
 */
#ifndef AIPOLICY_LANG_H
#define AIPOLICY_LANG_H

#include <stdbool.h>
#include <stddef.h>

#define LANG_TAG_MAX 36   /* bytes of a tag we keep, its NUL included */
#define LANG_ENV_MAX 8    /* candidates lang_env gives at most */

/* lang_tag_valid: S is a well-formed tag: a primary language of two or
 * three letters, then subtags of one to eight letters or digits, joined
 * by '-'. */
bool lang_tag_valid(const char *s);

/* lang_from_locale: the tag of the POSIX locale name or tag S in OUT
 * (LANG_TAG_MAX bytes): "de_DE.UTF-8@euro" gives "de-DE". False, OUT
 * empty, when S names no language: empty, "C", "POSIX", "C.UTF-8", or
 * not a well-formed tag. */
bool lang_from_locale(const char *s, char out[LANG_TAG_MAX]);

/* lang_env: the languages the environment asks for, best first, in OUT:
 * each entry of LANGUAGE (a colon-separated list), then the first of
 * LC_ALL, LC_MESSAGES and LANG that is set and not empty. Entries that
 * name no language are left out. Returns how many (at most MAX). */
size_t lang_env(char out[][LANG_TAG_MAX], size_t max);

/* lang_accept: the languages an HTTP Accept-Language header asks for,
 * best first (by weight, then in the order given; "q=0" and "*" left
 * out), in OUT. Returns how many (at most MAX). */
size_t lang_accept(const char *header, char out[][LANG_TAG_MAX],
    size_t max);

/* lang_choose: the index in AVAIL (N tags) of the one to show for WANTED:
 * the same tag, else the tag that is WANTED's primary language, else the
 * first with WANTED's primary language. -1 when none matches. */
int lang_choose(const char *const *avail, size_t n, const char *wanted);

/* lang_choose_list: lang_choose for each of the NWANTED tags in turn; the
 * first that matches wins. -1 when none does. */
int lang_choose_list(const char *const *avail, size_t n,
    const char (*wanted)[LANG_TAG_MAX], size_t nwanted);

/* lang_is_rtl: TAG's script is written right to left (Arabic, Hebrew,
 * Persian, Urdu and the like), so a page in it needs dir="rtl". */
bool lang_is_rtl(const char *tag);

/* lang_to_posix: TAG as gettext's LANGUAGE spells it ("pt-BR" gives
 * "pt_BR") in OUT (LANG_TAG_MAX bytes). */
void lang_to_posix(const char *tag, char out[LANG_TAG_MAX]);

#endif
