/*
 * translation.h: one policy read in several languages.
 *
 * A translation file NAME.LANG.yaml, beside the policy NAME.yaml, gives
 * the policy's texts in the language LANG (a BCP 47 tag): its title and
 * owner, each question's ask, label, help and answers as shown, each
 * outcome's summary, why, reviewer and conditions, by the policy's ids
 * and answer keys (docs/translations.md). A translation is loaded against
 * the policy it translates and checked against it: every id, answer key
 * and field must be the policy's.
 *
 * policy_translate then makes a translated policy: the same ids, keys,
 * graph, tests, dates and sha256, with the shown texts in the language
 * (those the translation lacks in the policy's own), and each answer's
 * shown text beside its key. Everything that takes a policy (walk,
 * present, render, result) works on it unchanged; answers still match
 * their keys, which paths, logs and JSON keep, and also their shown text.
 *
 *	struct translation_files f;
 *	translation_files_find("acme.yaml", &f);   acme.de.yaml, acme.fr.yaml
 *	i = translation_files_choose(&f, "de-AT"); NULL: the environment
 *	translation_load_file(f.paths[i], p, &t, &d);
 *	view = policy_translate(p, t);             show view; keys as p's
 *
 * A server that loads every translation once and picks one per request
 * keeps them in a struct translation_set.
 */
#ifndef AIPOLICY_TRANSLATION_H
#define AIPOLICY_TRANSLATION_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/diag.h"
#include "core/lang.h"
#include "aipolicy/policy.h"

/* A translation file's format version: `aipolicy-translation: 1`. */
#define TRANSLATION_FORMAT 1

struct translation;

/*
 * translation_load_file: read the translation at PATH and check it
 * against P, the policy it translates. On AIPOLICY_OK, *OUT is a new
 * translation the caller owns (translation_free; P must outlive it), and
 * D holds the warnings found while loading (a translation of another
 * version of the policy; bidirectional text). Otherwise *OUT is NULL and
 * D holds the errors (AIPOLICY_INVALID), or errno says why the file could not
 * be read (AIPOLICY_CANNOT_OPEN), or memory ran out (AIPOLICY_NOMEM). PATH is
 * copied; when its file name is NAME.LANG.EXT, LANG must be the file's
 * `language`.
 */
enum aipolicy_status translation_load_file(const char *path,
    const struct aipolicy *p, struct translation **out,
    struct aipolicy_diags *d);

/* translation_load_buffer: the same for LEN bytes at BUF (not kept),
 * named NAME in diagnostics (copied). */
enum aipolicy_status translation_load_buffer(const char *name, const char *buf,
    size_t len, const struct aipolicy *p, struct translation **out,
    struct aipolicy_diags *d);

/* translation_free: frees T and everything it owns; NULL is a no-op. */
void translation_free(struct translation *t);

/* translation_language: T's language tag, as its `language` spells it
 * ("de", "pt-BR"); owned by T. */
const char *translation_language(const struct translation *t);

/* translation_file: the name T was loaded under; owned by T. */
const char *translation_file(const struct translation *t);

/*
 * translation_lint: add the warnings of T (loaded against P) that loading
 * does not give: the texts of P that T lacks (one warning in TD, at the
 * start of T, saying how many, and one in PD, P's list, at each text's
 * place in P), and the one page of the translated policy that no longer
 * fits (in TD, at the translated text of the line too wide, or at the
 * start of T). Returns 0, or -1 when out of memory.
 */
int translation_lint(const struct translation *t, const struct aipolicy *p,
    struct aipolicy_diags *td, struct aipolicy_diags *pd);

/*
 * policy_translate: P with the texts of T, which was loaded against P:
 * the shown texts T gives, P's own for the rest; every id, key, target,
 * test, date and the sha256 as P's; policy_language() gives T's tag.
 * Caller owns the result (aipolicy_free); P and T must outlive it. NULL
 * when out of memory (or when T was not loaded against P's file).
 */
struct aipolicy *policy_translate(const struct aipolicy *p,
    const struct translation *t);

/*
 * The translation files beside a policy: for the policy at DIR/NAME.EXT,
 * each DIR/NAME.LANG.EXT whose LANG is a well-formed tag (lang.h), sorted
 * by tag. A policy named without an extension has translations
 * NAME.LANG.yaml.
 */
struct translation_files {
	size_t n;
	char **paths;                 /* each file's path; owned */
	char (*tags)[LANG_TAG_MAX];   /* each file's LANG, as in its name */
	const char **tag_list;        /* the same tags as an array of
	                               * pointers (for lang_choose) */
};

/*
 * translation_files_find: the translation files beside the policy at
 * POLICY_PATH into *OUT (the caller releases it with
 * translation_files_release, also after a failure). Returns 0 (none
 * found included: a folder that cannot be read has none), or -1 when out
 * of memory.
 */
int translation_files_find(const char *policy_path,
    struct translation_files *out);

/* translation_files_release: free what F holds; F is empty afterwards. */
void translation_files_release(struct translation_files *f);

/*
 * translation_files_choose: the index in F of the translation to show for
 * WANTED, a tag or POSIX locale name (--lang), matched as lang_choose
 * matches it; for WANTED NULL, the first of the environment's languages
 * (lang_env) that has one. -1 when none has.
 */
int translation_files_choose(const struct translation_files *f,
    const char *wanted);

/*
 * translation_path_split: PATH names a translation by its form,
 * DIR/NAME.LANG.EXT (EXT "yaml" or "yml"), LANG a well-formed tag: the
 * policy's path DIR/NAME.EXT in *POLICY_PATH (malloc'd, the caller owns
 * it) and LANG in TAG. false when PATH has another form (*POLICY_PATH
 * NULL), or when out of memory (*POLICY_PATH NULL, errno ENOMEM).
 */
bool translation_path_split(const char *path, char **policy_path,
    char tag[LANG_TAG_MAX]);

/*
 * A policy and its translations, loaded once, for a front end that picks
 * a language per request (serve). Each translation added is made into a
 * translated policy at once; picking one is a lookup.
 *
 *	struct translation_set s;
 *	translation_set_init(&s, p);
 *	for each file: load t, then translation_set_add(&s, t)
 *	n = lang_accept(header, wanted, LANG_ENV_MAX);
 *	view = translation_set_pick(&s, wanted, n);   p when none matches
 */
struct translation_set {
	const struct aipolicy *base;     /* not owned */
	size_t n;
	const char **tags;             /* each translation's tag, in the
	                                * order added; owned by the items */
	struct translation **items;    /* owned */
	struct aipolicy **views;         /* the translated policies; owned */
};

/* translation_set_init: BASE (which must outlive S) and no translation. */
void translation_set_init(struct translation_set *s,
    const struct aipolicy *base);

/* translation_set_add: take T (loaded against S's base) into S and make
 * its translated policy. 0, or -1 when out of memory (T is freed then). */
int translation_set_add(struct translation_set *s, struct translation *t);

/* translation_set_pick: the translated policy for the first of the
 * NWANTED tags that S has a translation for (lang_choose_list), or S's
 * base when it has none. */
const struct aipolicy *translation_set_pick(const struct translation_set *s,
    const char (*wanted)[LANG_TAG_MAX], size_t nwanted);

/* translation_set_release: free the translations and their policies. */
void translation_set_release(struct translation_set *s);

/* policy_language: the language tag of a translated policy (what
 * policy_translate made), or NULL for a policy as loaded, shown in its own
 * language. */
const char *policy_language(const struct aipolicy *p);

#endif
