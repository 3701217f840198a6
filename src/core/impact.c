/*
 * impact.c: replaying logged decisions on two versions of a policy
 * (impact.h): the answers rebuilt from each record, both walks, the
 * comparison, the counts and the examples kept. The renderings are in
 * impact-render.c.
 *
 * A log repeats the same few sets of answers many times over (a one-page
 * policy has a few dozen paths), so the result of replaying a set of
 * answers is kept in a small cache of fixed size, keyed by the record's
 * path and unsure list as logged: a record whose answers were replayed
 * recently costs a hash and a comparison instead of two walks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/impact.h"
#include "aipolicy/walk.h"
#include "util.h"

/* Room for the reason a record is not replayed. */
#define ERROR_SIZE 200
/* Examples allocated at first, per kind. */
#define EXAMPLES_FIRST 16
/* Results kept in the cache (a power of two), and the longest key kept:
 * a record whose answers take more bytes is replayed every time. */
#define CACHE_SLOTS 4096
#define CACHE_KEY_MAX 512
/* Separates the path from the unsure list in a key (strings in a record
 * hold no NUL, so NUL ends each one). */
#define KEY_UNSURE_MARK '\1'

/* The answer that stands for "not sure". */
static const char unsure_answer[] = "?";

/* What replaying one set of answers gives. */
struct replay {
	bool replayed;              /* the old walk reached a verdict */
	enum impact_kind kind;      /* when replayed */
	const struct aipolicy_outcome *old, *new;
	uint32_t next;              /* the question a walk stopped at: the
	                             * old one's when not replayed, the new
	                             * one's when incomplete */
};

/* A replay kept in the cache; len 0 is an empty slot. */
struct cached {
	uint64_t hash;
	size_t len;
	char *key;                  /* CACHE_KEY_MAX bytes */
	struct replay result;
};

struct impact_private {
	struct aipolicy_walker *wold, *wnew;
	/* the answers rebuilt for each version */
	struct aipolicy_given *gold, *gnew;
	size_t gcap;
	struct cached *cache;       /* CACHE_SLOTS */
	char *keys;                 /* their keys, one block */
	char key[CACHE_KEY_MAX];    /* the key of the record being added */
	char error[ERROR_SIZE];
};

static int grow_given(struct impact_private *x, size_t n);
static size_t rebuild(const struct aipolicy *p, const struct logrec *rec,
    struct aipolicy_given *out);
static enum impact_kind kind_of(const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new);
static int replay(struct impact *im, const struct logrec *rec,
    struct replay *out);
static size_t make_key(char *key, const struct logrec *rec);
static int replay_cached(struct impact *im, const struct logrec *rec,
    struct replay *out);
static int keep_example(struct impact *im, const struct logrec *rec,
    enum impact_kind kind, const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new, uint32_t next);

const char *
impact_kind_id(enum impact_kind k)
{
	switch (k) {
	case IMPACT_TIGHTENED: return "tightened";
	case IMPACT_LOOSENED: return "loosened";
	case IMPACT_REWORDED: return "reworded";
	case IMPACT_INCOMPLETE: return "incomplete";
	case IMPACT_UNCHANGED: break;
	}
	return "unchanged";
}

struct impact *
impact_new(const struct aipolicy *old, const struct aipolicy *new, size_t limit)
{
	struct impact *im = calloc(1, sizeof *im);
	size_t i;

	if (im == NULL)
		return NULL;
	im->old = old;
	im->new = new;
	im->limit = limit;
	im->priv = calloc(1, sizeof *im->priv);
	im->incomplete_by_question = calloc(new->nquestions + 1,
	    sizeof *im->incomplete_by_question);
	if (im->priv == NULL || im->incomplete_by_question == NULL) {
		impact_free(im);
		return NULL;
	}
	im->priv->wold = aipolicy_walker_new(old);
	im->priv->wnew = aipolicy_walker_new(new);
	im->priv->cache = calloc(CACHE_SLOTS, sizeof *im->priv->cache);
	im->priv->keys = malloc((size_t)CACHE_SLOTS * CACHE_KEY_MAX);
	if (im->priv->wold == NULL || im->priv->wnew == NULL ||
	    im->priv->cache == NULL || im->priv->keys == NULL) {
		impact_free(im);
		return NULL;
	}
	for (i = 0; i < CACHE_SLOTS; i++)
		im->priv->cache[i].key = im->priv->keys + i * CACHE_KEY_MAX;
	return im;
}

void
impact_free(struct impact *im)
{
	size_t k;

	if (im == NULL)
		return;
	if (im->priv != NULL) {
		aipolicy_walker_free(im->priv->wold);
		aipolicy_walker_free(im->priv->wnew);
		free(im->priv->gold);
		free(im->priv->gnew);
		free(im->priv->cache);
		free(im->priv->keys);
		free(im->priv);
	}
	for (k = 0; k < IMPACT_KINDS; k++)
		free(im->examples[k].items);
	free(im->incomplete_by_question);
	free(im);
}

void
impact_skip(struct impact *im)
{
	im->lines_skipped++;
}

const char *
impact_error(const struct impact *im)
{
	return im->priv->error;
}

/* Room for N answers for each version. 0, or -1 when out of memory. */
static int
grow_given(struct impact_private *x, size_t n)
{
	struct aipolicy_given *g;
	size_t cap = x->gcap ? x->gcap : EXAMPLES_FIRST;

	if (n <= x->gcap)
		return 0;
	while (cap < n) {
		if (cap > SIZE_MAX / 2 / sizeof *g)
			return -1;
		cap *= 2;
	}
	g = realloc(x->gold, cap * sizeof *g);
	if (g == NULL)
		return -1;
	x->gold = g;
	g = realloc(x->gnew, cap * sizeof *g);
	if (g == NULL)
		return -1;
	x->gnew = g;
	x->gcap = cap;
	return 0;
}

/*
 * The answers of REC as policy P can take them, into OUT (room for
 * npath + nunsure): each question of its unsure list as "?", first, so
 * that it wins over the answer logged for it on the path (the walker
 * takes the first answer given for a question); then each answer on the
 * path that is one of its question's keys in P. Questions P does not have
 * are left out. Returns how many.
 */
static size_t
rebuild(const struct aipolicy *p, const struct logrec *rec,
    struct aipolicy_given *out)
{
	const struct logrec_step *s;
	size_t i, n = 0, qlen, alen;
	int64_t q;

	for (i = 0; i < rec->nunsure; i++) {
		qlen = strlen(rec->unsure[i]);
		if (aipolicy_find_question(p, rec->unsure[i], qlen) < 0)
			continue;
		out[n].question = rec->unsure[i];
		out[n].question_len = qlen;
		out[n].answer = unsure_answer;
		out[n++].answer_len = sizeof unsure_answer - 1;
	}
	for (i = 0; i < rec->npath; i++) {
		s = &rec->path[i];
		qlen = strlen(s->question);
		alen = strlen(s->answer);
		q = aipolicy_find_question(p, s->question, qlen);
		if (q < 0 || aipolicy_question_match(&p->questions[q],
		    s->answer, alen) < 0)
			continue;
		out[n].question = s->question;
		out[n].question_len = qlen;
		out[n].answer = s->answer;
		out[n++].answer_len = alen;
	}
	return n;
}

/* How going from outcome OLD to NEW is labelled, as diff labels it. */
static enum impact_kind
kind_of(const struct aipolicy_outcome *old, const struct aipolicy_outcome *new)
{
	switch (diff_classify(old, new)) {
	case DIFF_TIGHTENED: return IMPACT_TIGHTENED;
	case DIFF_LOOSENED: return IMPACT_LOOSENED;
	case DIFF_REWORDED: return IMPACT_REWORDED;
	case DIFF_SAME: break;
	}
	return IMPACT_UNCHANGED;
}

/* Keep REC as an example of KIND unless there are enough of them. 0, or
 * -1 when out of memory. */
static int
keep_example(struct impact *im, const struct logrec *rec,
    enum impact_kind kind, const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new, uint32_t next)
{
	struct impact_examples *ex = &im->examples[kind];
	struct impact_example *e;
	size_t cap;

	if (kind == IMPACT_UNCHANGED || ex->n >= im->limit)
		return 0;
	if (ex->n == ex->cap) {
		cap = ex->cap ? ex->cap * 2 : EXAMPLES_FIRST;
		if (cap > im->limit)
			cap = im->limit;
		if (cap > SIZE_MAX / sizeof *e)
			return -1;
		e = realloc(ex->items, cap * sizeof *e);
		if (e == NULL)
			return -1;
		ex->items = e;
		ex->cap = cap;
	}
	e = &ex->items[ex->n++];
	snprintf(e->decision_id, sizeof e->decision_id, "%s",
	    rec->decision_id);
	e->kind = kind;
	e->old = old;
	e->new = new;
	e->next = next;
	return 0;
}

/* Replay REC on both versions into *OUT. 0, or -1 when out of memory. */
static int
replay(struct impact *im, const struct logrec *rec, struct replay *out)
{
	struct impact_private *x = im->priv;
	struct aipolicy_walk_result r;
	size_t nold, nnew;

	memset(out, 0, sizeof *out);
	if (rec->npath > SIZE_MAX - rec->nunsure ||
	    grow_given(x, rec->npath + rec->nunsure) != 0)
		return -1;
	nold = rebuild(im->old, rec, x->gold);
	nnew = rebuild(im->new, rec, x->gnew);
	if (aipolicy_walker_run(x->wold, x->gold, nold, 0, &r) != 0)
		return -1;
	if (r.status != AIPOLICY_WALK_VERDICT) {
		/* Answers are filtered to the version's keys: no bad one. */
		out->next = r.next;
		return 0;
	}
	out->replayed = true;
	out->old = r.outcome;
	if (aipolicy_walker_run(x->wnew, x->gnew, nnew, 0, &r) != 0)
		return -1;
	if (r.status == AIPOLICY_WALK_VERDICT) {
		out->new = r.outcome;
		out->kind = kind_of(out->old, out->new);
	} else {
		out->kind = IMPACT_INCOMPLETE;
		out->next = r.next;
	}
	return 0;
}

/* REC's path and unsure list as one string of bytes into KEY (room for
 * CACHE_KEY_MAX): each question and answer ended by a NUL, then the
 * unsure ids. Returns its length, or 0 when it does not fit. */
static size_t
make_key(char *key, const struct logrec *rec)
{
	const char *parts[2];
	size_t n = 0, i, j, len;

	for (i = 0; i < rec->npath + 1 + rec->nunsure; i++) {
		if (i < rec->npath) {
			parts[0] = rec->path[i].question;
			parts[1] = rec->path[i].answer;
		} else if (i == rec->npath) {
			if (n == CACHE_KEY_MAX)
				return 0;
			key[n++] = KEY_UNSURE_MARK;
			continue;
		} else {
			parts[0] = rec->unsure[i - rec->npath - 1];
			parts[1] = NULL;
		}
		for (j = 0; j < 2 && parts[j] != NULL; j++) {
			len = strlen(parts[j]) + 1;
			if (len > CACHE_KEY_MAX - n)
				return 0;
			memcpy(key + n, parts[j], len);
			n += len;
		}
	}
	return n;
}

/* replay(), through the cache. */
static int
replay_cached(struct impact *im, const struct logrec *rec,
    struct replay *out)
{
	struct impact_private *x = im->priv;
	struct cached *c;
	size_t len = make_key(x->key, rec);
	uint64_t h;

	if (len == 0)
		return replay(im, rec, out);
	h = hash_bytes(x->key, len);
	c = &x->cache[h & (CACHE_SLOTS - 1)];
	if (c->len == len && c->hash == h && memcmp(c->key, x->key, len) == 0) {
		*out = c->result;
		return 0;
	}
	if (replay(im, rec, out) != 0)
		return -1;
	c->hash = h;
	c->len = len;
	memcpy(c->key, x->key, len);
	c->result = *out;
	return 0;
}

enum impact_status
impact_add(struct impact *im, const struct logrec *rec)
{
	struct replay r;

	if (strcmp(rec->policy_sha256, im->old->sha256) != 0) {
		im->other_version++;
		return IMPACT_OTHER_VERSION;
	}
	if (replay_cached(im, rec, &r) != 0)
		return IMPACT_NOMEM;
	if (!r.replayed) {
		snprintf(im->priv->error, sizeof im->priv->error, "the "
		    "decision's answers do not reach a verdict on the version "
		    "it names (no answer for '%s')",
		    im->old->questions[r.next].id);
		im->lines_skipped++;
		return IMPACT_NOT_REPLAYED;
	}
	if (r.kind == IMPACT_INCOMPLETE)
		im->incomplete_by_question[r.next]++;
	if (keep_example(im, rec, r.kind, r.old, r.new, r.next) != 0)
		return IMPACT_NOMEM;
	im->count[r.kind]++;
	im->decisions++;
	return IMPACT_REPLAYED;
}
