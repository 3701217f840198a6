/*
 * served.c: a policy as the server answers for it, reference counted.
 */
#include <stdlib.h>
#include <string.h>

#include "aipolicy/render.h"
#include "core/text.h"
#include "served.h"
#include "util.h"

static char *make_name(const struct aipolicy *p);
static aipolicy_date_t day_of(const struct aipolicy *p, enum present_dates k);
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
served_result(const struct served *s, aipolicy_date_t today)
{
	return s->rj[present_dates_on(s->p, today)];
}

struct served *
served_new(struct aipolicy *p)
{
	struct served *s = calloc(1, sizeof *s);
	int i;

	if (s == NULL)
		return NULL;
	atomic_init(&s->refs, 1);
	pthread_mutex_init(&s->lock, NULL);
	for (i = 0; i < SERVED_DATES_COUNT; i++) {
		s->rj[i] = aipolicy_result_json_new(p, day_of(p,
		    (enum present_dates)i));
		if (s->rj[i] == NULL)
			break;
	}
	s->log = logwrite_enc_new(p);
	s->name = make_name(p);
	if (i < SERVED_DATES_COUNT || s->log == NULL || s->name == NULL) {
		served_free(s);
		return NULL;
	}
	s->p = p;
	return s;
}

/* Free S and everything it owns (its policy when it took it over). */
static void
served_free(struct served *s)
{
	size_t i;

	for (i = 0; i < SERVED_DATES_COUNT; i++) {
		aipolicy_result_json_free(s->rj[i]);
		free(s->policy_json[i]);
	}
	for (i = 0; i < s->npool; i++)
		aipolicy_walker_free(s->pool[i]);
	free(s->pool);
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

struct aipolicy_walker *
served_walker(struct served *s)
{
	struct aipolicy_walker *w = NULL;

	pthread_mutex_lock(&s->lock);
	if (s->npool > 0)
		w = s->pool[--s->npool];
	pthread_mutex_unlock(&s->lock);
	return w != NULL ? w : aipolicy_walker_new(s->p);
}

void
served_walker_put(struct served *s, struct aipolicy_walker *w)
{
	struct aipolicy_walker **np;
	size_t cap;

	if (w == NULL)
		return;
	pthread_mutex_lock(&s->lock);
	if (s->npool == s->pool_cap) {
		cap = s->pool_cap ? s->pool_cap * 2 : 8;
		np = realloc(s->pool, cap * sizeof *np);
		if (np != NULL) {
			s->pool = np;
			s->pool_cap = cap;
		}
	}
	if (s->npool < s->pool_cap) {
		s->pool[s->npool++] = w;
		w = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	aipolicy_walker_free(w);
}

int
served_policy_json(struct served *s, aipolicy_date_t today, const char **out,
    size_t *len)
{
	struct aipolicy_render_opts o = { true, today };
	enum present_dates k = present_dates_on(s->p, today);
	char *text;
	size_t n;
	int rc = 0;

	pthread_mutex_lock(&s->lock);
	if (s->policy_json[k] == NULL) {
		rc = aipolicy_render(s->p, AIPOLICY_RENDER_JSON, &o, &text, &n);
		if (rc == 0) {
			s->policy_json[k] = text;
			s->policy_json_len[k] = n;
		}
	}
	*out = s->policy_json[k];
	*len = s->policy_json_len[k];
	pthread_mutex_unlock(&s->lock);
	return rc;
}
