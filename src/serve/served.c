/*
 * served.c: a policy as the server answers for it, in each of its
 * languages, reference counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/render.h"
#include "core/text.h"
#include "served.h"
#include "util.h"

/* Walkers a language's pool holds at first. */
#define POOL_FIRST 8

static char *make_name(const struct aipolicy *p);
static aipolicy_date_t day_of(const struct aipolicy *p, enum present_dates k);
static int add_lang(struct served *s, const char *tag,
    const struct aipolicy *view, const struct langs_words *lw);
static int add_langs(struct served *s, const struct langs_words *lw);
static void lang_release(struct served_lang *l);
static void served_free(struct served *s);

/* "ID VERSION" with anything a terminal would act on replaced. */
static char *
make_name(const struct aipolicy *p)
{
	struct buf b;
	char *out;

	buf_init(&b);
	buf_adds(&b, p->id);
	buf_addc(&b, ' ');
	buf_adds(&b, p->version);
	if (b.failed) {
		buf_release(&b);
		return NULL;
	}
	out = text_sanitize(b.data, b.len, 0);
	buf_release(&b);
	return out;
}

/* A day on which P's dates stand as K (present_dates_on compares days in
 * their YYYYMMDD order, so one past review_by need not be a real date). */
static aipolicy_date_t
day_of(const struct aipolicy *p, enum present_dates k)
{
	switch (k) {
	case PRESENT_STALE:
		return p->review_by + 1;
	case PRESENT_NOT_YET:
		return p->effective - 1;
	default:
		return p->effective;
	}
}

const struct aipolicy_result_json *
served_result(const struct served_lang *l, aipolicy_date_t today)
{
	return l->rj[present_dates_on(l->view, today)];
}

/* The language TAG, showing VIEW, as s->langs[s->nlangs] (room for it
 * was made), with the words of LW. 0, or -1 when out of memory. */
static int
add_lang(struct served *s, const char *tag, const struct aipolicy *view,
    const struct langs_words *lw)
{
	struct served_lang *l = &s->langs[s->nlangs];
	int i;

	memset(l, 0, sizeof *l);
	snprintf(l->tag, sizeof l->tag, "%s", tag);
	langs_name(l->tag, l->name);
	l->view = view;
	l->words = langs_words_for(lw, l->tag);
	s->tags[s->nlangs++] = l->tag;
	for (i = 0; i < SERVED_DATES_COUNT; i++) {
		l->rj[i] = aipolicy_result_json_new(view, day_of(view,
		    (enum present_dates)i));
		if (l->rj[i] == NULL)
			return -1;
	}
	return 0;
}

/* Every language of S: its own texts, each translation of s->tr, then
 * each catalogue of LW that none of those serves already. 0, or -1 when
 * out of memory. */
static int
add_langs(struct served *s, const struct langs_words *lw)
{
	size_t i, max = 1 + s->tr.n + (lw != NULL ? lw->n : 0);

	s->langs = calloc(max, sizeof *s->langs);
	s->tags = calloc(max, sizeof *s->tags);
	if (s->langs == NULL || s->tags == NULL ||
	    add_lang(s, SERVED_OWN_TAG, s->p, lw) != 0)
		return -1;
	for (i = 0; i < s->tr.n; i++) {
		if (add_lang(s, s->tr.tags[i], s->tr.views[i], lw) != 0)
			return -1;
	}
	for (i = 0; lw != NULL && i < lw->n; i++) {
		if (lang_choose(s->tags, s->nlangs, lw->tags[i]) < 0 &&
		    add_lang(s, lw->tags[i], s->p, lw) != 0)
			return -1;
	}
	return 0;
}

struct served *
served_new(struct aipolicy *p, struct translation_set *tr,
    const struct langs_words *lw)
{
	struct served *s = calloc(1, sizeof *s);

	if (s == NULL) {
		if (tr != NULL)
			translation_set_release(tr);
		return NULL;
	}
	atomic_init(&s->refs, 1);
	pthread_mutex_init(&s->lock, NULL);
	s->p = p;
	if (tr != NULL) {
		s->tr = *tr;
		memset(tr, 0, sizeof *tr);
	} else {
		translation_set_init(&s->tr, p);
	}
	s->lang_param = aipolicy_find_question(p, SERVED_LANG_PARAM,
	    strlen(SERVED_LANG_PARAM)) < 0;
	s->log = logwrite_enc_new(p);
	s->name = make_name(p);
	if (add_langs(s, lw) != 0 || s->log == NULL || s->name == NULL) {
		s->p = NULL;
		served_free(s);
		return NULL;
	}
	return s;
}

/* Free what L owns. */
static void
lang_release(struct served_lang *l)
{
	size_t i;

	for (i = 0; i < SERVED_DATES_COUNT; i++) {
		aipolicy_result_json_free(l->rj[i]);
		free(l->policy_json[i]);
	}
	for (i = 0; i < l->npool; i++)
		aipolicy_walker_free(l->pool[i]);
	free(l->pool);
}

/* Free S and everything it owns (its policy when it took it over). The
 * translations' policies go before the policy they translate. */
static void
served_free(struct served *s)
{
	size_t i;

	for (i = 0; s->langs != NULL && i < s->nlangs; i++)
		lang_release(&s->langs[i]);
	free(s->langs);
	free(s->tags);
	translation_set_release(&s->tr);
	logwrite_enc_free(s->log);
	free(s->name);
	pthread_mutex_destroy(&s->lock);
	aipolicy_free(s->p);
	free(s);
}

void
served_hold(struct served *s)
{
	atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
}

void
served_release(struct served *s)
{
	if (s != NULL &&
	    atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1)
		served_free(s);
}

struct served_lang *
served_find(struct served *s, const char *tag, size_t len)
{
	char buf[LANG_TAG_MAX], want[LANG_TAG_MAX];
	int i;

	if (len >= sizeof buf || memchr(tag, '\0', len) != NULL)
		return NULL;
	memcpy(buf, tag, len);
	buf[len] = '\0';
	if (!lang_from_locale(buf, want))
		return NULL;
	i = lang_choose(s->tags, s->nlangs, want);
	return i >= 0 ? &s->langs[i] : NULL;
}

struct served_lang *
served_accept(struct served *s, const char *header)
{
	char wanted[LANG_ENV_MAX][LANG_TAG_MAX];
	size_t n = lang_accept(header, wanted, LANG_ENV_MAX);
	int i = lang_choose_list(s->tags, s->nlangs,
	    (const char (*)[LANG_TAG_MAX])wanted, n);

	return &s->langs[i >= 0 ? i : 0];
}

struct aipolicy_walker *
served_walker(struct served *s, struct served_lang *l)
{
	struct aipolicy_walker *w = NULL;

	pthread_mutex_lock(&s->lock);
	if (l->npool > 0)
		w = l->pool[--l->npool];
	pthread_mutex_unlock(&s->lock);
	return w != NULL ? w : aipolicy_walker_new(l->view);
}

void
served_walker_put(struct served *s, struct served_lang *l,
    struct aipolicy_walker *w)
{
	struct aipolicy_walker **np;
	size_t cap;

	if (w == NULL)
		return;
	pthread_mutex_lock(&s->lock);
	if (l->npool == l->pool_cap) {
		cap = l->pool_cap ? l->pool_cap * 2 : POOL_FIRST;
		np = realloc(l->pool, cap * sizeof *np);
		if (np != NULL) {
			l->pool = np;
			l->pool_cap = cap;
		}
	}
	if (l->npool < l->pool_cap) {
		l->pool[l->npool++] = w;
		w = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	aipolicy_walker_free(w);
}

int
served_policy_json(struct served *s, struct served_lang *l,
    aipolicy_date_t today, const char **out, size_t *len)
{
	struct aipolicy_render_opts o = { true, today };
	enum present_dates k = present_dates_on(l->view, today);
	char *text;
	size_t n;
	int rc = 0;

	pthread_mutex_lock(&s->lock);
	if (l->policy_json[k] == NULL) {
		rc = aipolicy_render(l->view, AIPOLICY_RENDER_JSON, &o, &text,
		    &n);
		if (rc == 0) {
			l->policy_json[k] = text;
			l->policy_json_len[k] = n;
		}
	}
	*out = l->policy_json[k];
	*len = l->policy_json_len[k];
	pthread_mutex_unlock(&s->lock);
	return rc;
}

int
served_log(const struct served *s, const struct served_lang *l,
    const struct aipolicy_walk_result *r, const char *via, time_t now,
    char **out, size_t *len, size_t *cap)
{
	/* The same outcome in the policy the encoder knows. */
	const struct aipolicy_outcome *o =
	    &s->p->outcomes[r->outcome - l->view->outcomes];

	return logwrite_record(s->log, via, now, r->path, r->npath, r->unsure,
	    r->nunsure, o, out, len, cap);
}
