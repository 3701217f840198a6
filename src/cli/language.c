/*
 * language.c: the language a command shows a policy in (ask, check,
 * render): --lang, else the environment as gettext reads it (lang.h),
 * matched against the translation files beside the policy
 * (aipolicy/translation.h); a --lang with no translation is a usage error
 * that lists the languages there are. A translation asked for with --lang
 * must be valid; one the environment chose that is not (or cannot be read)
 * is passed over with a warning, so that a translator's mistake never
 * stops a script run in that language.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit.h"
#include "core/lang.h"
#include "core/text.h"
#include "core/translation.h"
#include "cmd.h"

static bool means_own(const char *lang);
static int no_such(const char *cmd, const char *path, const char *lang,
    const struct translation_files *f);
static int load_translation(const char *path, bool asked,
    struct cli_shown *s, char **msg);
static void passed_over(const char *path, const struct aipolicy *p);

/* LANG asks for the policy's own texts: C, POSIX (and C.UTF-8). */
static bool
means_own(const char *lang)
{
	return strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0 ||
	    strncmp(lang, "C.", 2) == 0;
}

bool
cli_parse_lang(const char *cmd, const char *arg)
{
	char tag[LANG_TAG_MAX];
	char *safe;

	if (means_own(arg) || lang_from_locale(arg, tag))
		return true;
	safe = text_sanitize(arg, strlen(arg), 0);
	cli_usage_error(cmd, "--lang '%s' is not a language like 'de' or "
	    "'pt-BR'", safe != NULL ? safe : "?");
	free(safe);
	return false;
}

/* --lang LANG has no translation among F, beside PATH: the usage error
 * that lists those there are. */
static int
no_such(const char *cmd, const char *path, const char *lang,
    const struct translation_files *f)
{
	char *safe = text_sanitize(lang, strlen(lang), 0);
	size_t i, len = 0;
	char *list;
	int code;

	for (i = 0; i < f->n; i++)
		len += strlen(f->tags[i]) + 2;
	if (safe == NULL || (list = malloc(len + 1)) == NULL) {
		free(safe);
		return cli_nomem();
	}
	list[0] = '\0';
	for (i = 0; i < f->n; i++) {
		if (i > 0)
			strcat(list, ", ");
		strcat(list, f->tags[i]);
	}
	if (f->n == 0)
		code = cli_usage_error(cmd, "no translation '%s' of %s; it has "
		    "none", safe, path);
	else
		code = cli_usage_error(cmd, "no translation '%s' of %s; there "
		    "are: %s", safe, path, list);
	free(list);
	free(safe);
	return code;
}

/* The translation at PATH, chosen by the environment, cannot be used: one
 * warning, and P's own texts are shown. */
static void
passed_over(const char *path, const struct aipolicy *p)
{
	fprintf(stderr, "aipolicy: %s: warning: this translation cannot be "
	    "used, the policy's own texts are shown (aipolicy lint %s says "
	    "why)\n", path, p->file);
}

/* Load the translation at PATH against s->own and make s->policy. ASKED:
 * --lang asked for it; else the environment chose it, and a translation
 * that cannot be read or is not valid is passed over. */
static int
load_translation(const char *path, bool asked, struct cli_shown *s,
    char **msg)
{
	struct aipolicy_diags d;
	enum aipolicy_status st;

	aipolicy_diags_init(&d, path);
	st = translation_load_file(path, s->own, &s->tr, &d);
	if (!asked && (st == AIPOLICY_CANNOT_OPEN || st == AIPOLICY_INVALID)) {
		aipolicy_diags_release(&d);
		passed_over(path, s->own);
		return EXIT_OK;
	}
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&d);
		return cli_cannot_open(path, msg);
	}
	if (st == AIPOLICY_INVALID)
		cli_report_invalid(path, &d, msg);
	aipolicy_diags_release(&d);
	if (st == AIPOLICY_INVALID)
		return EXIT_DATAERR;
	if (st == AIPOLICY_NOMEM ||
	    (s->policy = policy_translate(s->own, s->tr)) == NULL) {
		if (msg != NULL)
			*msg = strdup("out of memory");
		return cli_nomem();
	}
	return EXIT_OK;
}

int
cli_load_shown(const char *cmd, const char *path, const char *lang,
    unsigned flags, struct cli_shown *s, char **msg)
{
	struct translation_files f;
	char env[LANG_ENV_MAX][LANG_TAG_MAX];
	int code, i;

	memset(s, 0, sizeof *s);
	if ((code = cli_load(path, flags, &s->own, msg)) != EXIT_OK)
		return code;
	s->policy = s->own;
	/* Nothing asked for: no folder to read (most runs of check). */
	if ((lang != NULL && means_own(lang)) ||
	    (lang == NULL && lang_env(env, LANG_ENV_MAX) == 0))
		return EXIT_OK;
	if (translation_files_find(path, &f) != 0) {
		translation_files_release(&f);
		if (msg != NULL)
			*msg = strdup("out of memory");
		return cli_nomem();
	}
	i = translation_files_choose(&f, lang);
	if (i >= 0)
		code = load_translation(f.paths[i], lang != NULL, s, msg);
	else if (lang != NULL)
		code = no_such(cmd, path, lang, &f);
	translation_files_release(&f);
	return code;
}

void
cli_shown_release(struct cli_shown *s)
{
	if (s->policy != s->own)
		aipolicy_free(s->policy);
	translation_free(s->tr);
	aipolicy_free(s->own);
	memset(s, 0, sizeof *s);
}
