/*
 * served.h: one loaded policy as the server answers for it, in each of
 * its languages: the policy's own texts (taken to be English), each
 * translation beside it, and each language the program's words have a
 * catalogue for (the policy's own texts then, with those words). For each
 * language, what its answers are built from: the policy in it, the
 * program's words, the result objects (one per state the policy's dates
 * can be in), the /v1/policy object, and a pool of walkers. The decision
 * log's record encoder is the policy's: records hold keys, whatever the
 * language.
 *
 * A struct served is reference counted: the server holds one reference to
 * the current policy, and each request holds one from its start to its
 * end, so that a reload (SIGHUP) swaps in a new policy and its
 * translations together while the requests that started on the old ones
 * finish on them; the last release frees it.
 */
#ifndef AIPOLICY_SERVE_SERVED_H
#define AIPOLICY_SERVE_SERVED_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "aipolicy/policy.h"
#include "aipolicy/result.h"
#include "aipolicy/walk.h"
#include "core/lang.h"
#include "core/logwrite.h"
#include "core/present.h"
#include "core/translation.h"
#include "langs.h"

/* The states of enum present_dates: current, stale, not yet in force. */
#define SERVED_DATES_COUNT 3
/* The tag of the policy's own texts. */
#define SERVED_OWN_TAG "en"
/* The query parameter that names a language. */
#define SERVED_LANG_PARAM "lang"

/* The policy in one language. */
struct served_lang {
	char tag[LANG_TAG_MAX];        /* "en", or a translation's or a
	                                * catalogue's tag */
	char name[LANGS_NAME_SIZE];    /* the language's name in itself */
	const struct aipolicy *view;   /* the policy shown: the served one,
	                                * or a translation's; not owned */
	const struct words *words;     /* the program's words; not owned */
	struct aipolicy_result_json *rj[SERVED_DATES_COUNT];
	/* Guarded by the served's lock: */
	struct aipolicy_walker **pool; /* walkers not in use */
	size_t npool, pool_cap;
	char *policy_json[SERVED_DATES_COUNT]; /* made on first use */
	size_t policy_json_len[SERVED_DATES_COUNT];
};

struct served {
	atomic_uint refs;
	struct aipolicy *p;
	struct translation_set tr;     /* the translations, with their views */
	struct served_lang *langs;     /* [0]: the policy's own texts */
	size_t nlangs;
	const char **tags;             /* each language's tag (lang_choose) */
	bool lang_param;               /* ?lang= names the language (false
	                                * when the policy has a question
	                                * 'lang', whose answer it is then) */
	struct logwrite_enc *log;
	char *name;           /* "ID VERSION", sanitised, for messages */
	pthread_mutex_t lock; /* guards the pools and policy objects */
};

/*
 * served_new: serve P, which it takes over on success (freed with the
 * last reference), in its own texts, each translation of TR (loaded
 * against P; the set is taken over and TR left empty, also on failure;
 * NULL: none), and each language of the catalogues of LW (NULL: none),
 * the program's words of each language from LW. One reference, the
 * caller's. NULL when out of memory, and P stays the caller's.
 */
struct served *served_new(struct aipolicy *p, struct translation_set *tr,
    const struct langs_words *lw);
/* served_hold: one more reference to S. */
void served_hold(struct served *s);
/* served_release: drop one reference; the last frees S. NULL is a no-op. */
void served_release(struct served *s);

/* served_find: the language of S that TAG (LEN bytes, a tag or locale
 * name, not NUL-terminated) asks for, as lang_choose matches it (owned
 * by S); NULL when S has none. */
struct served_lang *served_find(struct served *s, const char *tag,
    size_t len);
/* served_accept: the language of S the Accept-Language header HEADER
 * (NULL: none) asks for first, by weight; S's own when it asks for none
 * that S has (owned by S). */
struct served_lang *served_accept(struct served *s, const char *header);

/* served_result: the result objects of language L as of TODAY. */
const struct aipolicy_result_json *served_result(
    const struct served_lang *l, aipolicy_date_t today);

/* served_walker: a walker of the policy in language L of S, for one
 * request, to give back with served_walker_put; NULL when out of
 * memory. */
struct aipolicy_walker *served_walker(struct served *s,
    struct served_lang *l);
void served_walker_put(struct served *s, struct served_lang *l,
    struct aipolicy_walker *w);

/* served_policy_json: the /v1/policy object of language L as of TODAY,
 * ending in a newline, in *OUT (owned by S) and *LEN. 0, or -1 when out
 * of memory. */
int served_policy_json(struct served *s, struct served_lang *l,
    aipolicy_date_t today, const char **out, size_t *len);

/*
 * served_log: append to *OUT (*LEN bytes used, *CAP allocated) the
 * decision log record of R, a verdict of a walker of language L, made
 * at NOW by VIA: the policy's keys, whatever the language. 0, or -1
 * when out of memory.
 */
int served_log(const struct served *s, const struct served_lang *l,
    const struct aipolicy_walk_result *r, const char *via, time_t now,
    char **out, size_t *len, size_t *cap);

#endif
