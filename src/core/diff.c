/*
 * diff.c: comparing two versions of a policy: how their questions and
 * answers match, what one has and the other does not, how two outcomes
 * differ, and the diff's lifecycle. The combined walk is in diff-walk.c,
 * the rendering in diff-render.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "diff-private.h"
#include "util.h"

/* Up to this many key comparisons a question pair is matched directly;
 * beyond, through an index of lower-cased keys. */
#define MATCH_DIRECT_MAX 64

static int match_init(struct diff_match *m, const struct aipolicy *old,
    const struct aipolicy *new);
static void match_release(struct diff_match *m);
static int match_answers(struct diff_match *m, uint32_t qo, uint32_t qn);
static int list_only(struct diff *d, const struct diff_match *m);
static bool str_eq(const char *a, const char *b);
static uint32_t **answer_table(const struct aipolicy *p);
static void answer_table_free(uint32_t **rows);
static void *only_alloc(struct diff *d, size_t n, size_t size);
static int list_side(struct diff *d, struct diff_only *only,
    const struct aipolicy *p, const struct aipolicy *other,
    const uint32_t *qmap, uint32_t **amap);

void
diff_options_init(struct diff_options *o)
{
	o->limit = DIFF_DEFAULT_LIMIT;
	o->max_steps = DIFF_DEFAULT_MAX_STEPS;
}

const char *
diff_kind_id(enum diff_kind k)
{
	switch (k) {
	case DIFF_TIGHTENED: return "tightened";
	case DIFF_LOOSENED: return "loosened";
	case DIFF_REWORDED: return "reworded";
	case DIFF_SAME: break;
	}
	return "unchanged";
}

/* Two optional strings are equal (both NULL, or the same bytes). */
static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

size_t
diff_text_changed(const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new, const char **fields)
{
	size_t n = 0, i;
	bool same_conditions = old->nconditions == new->nconditions;

	for (i = 0; same_conditions && i < old->nconditions; i++)
		same_conditions = str_eq(old->conditions[i],
		    new->conditions[i]);
	if (old->verdict != new->verdict)
		fields[n++] = "verdict";
	if (!str_eq(old->summary, new->summary))
		fields[n++] = "summary";
	if (!str_eq(old->why, new->why))
		fields[n++] = "why";
	if (!str_eq(old->reviewer, new->reviewer))
		fields[n++] = "reviewer";
	if (old->disclose != new->disclose)
		fields[n++] = "disclose";
	if (!same_conditions)
		fields[n++] = "conditions";
	if (old->review_minutes != new->review_minutes)
		fields[n++] = "review_minutes";
	return n;
}

enum diff_kind
diff_classify(const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new)
{
	const char *fields[DIFF_FIELDS];

	if (new->verdict > old->verdict)
		return DIFF_TIGHTENED;
	if (new->verdict < old->verdict)
		return DIFF_LOOSENED;
	if (strcmp(old->id, new->id) != 0 ||
	    diff_text_changed(old, new, fields) > 0)
		return DIFF_REWORDED;
	return DIFF_SAME;
}

bool
diff_verdict_changed(const struct diff *d)
{
	return d->count[DIFF_TIGHTENED] + d->count[DIFF_LOOSENED] > 0;
}

/* A flat table of N answer slots per question of P, all DIFF_NONE, with
 * one pointer per question into it. */
static uint32_t **
answer_table(const struct aipolicy *p)
{
	size_t total = 0, i, at = 0;
	uint32_t **rows;
	uint32_t *flat;

	for (i = 0; i < p->nquestions; i++)
		total += p->questions[i].nanswers;
	rows = malloc((p->nquestions + 1) * sizeof *rows);
	flat = malloc((total + 1) * sizeof *flat);
	if (rows == NULL || flat == NULL) {
		free(rows);
		free(flat);
		return NULL;
	}
	memset(flat, 0xFF, (total + 1) * sizeof *flat); /* DIFF_NONE */
	rows[0] = flat;
	for (i = 0; i < p->nquestions; i++) {
		rows[i] = flat + at;
		at += p->questions[i].nanswers;
	}
	return rows;
}

/* The table of answer_table (its flat part is rows[0]). */
static void
answer_table_free(uint32_t **rows)
{
	if (rows != NULL)
		free(rows[0]);
	free(rows);
}

/*
 * Match the answers of old question QO and new question QN (same id) by
 * key ignoring ASCII case; keys are unique that way within a question.
 */
static int
match_answers(struct diff_match *m, uint32_t qo, uint32_t qn)
{
	const struct aipolicy_question *o = &m->old->questions[qo];
	const struct aipolicy_question *n = &m->new->questions[qn];
	struct strindex idx;
	struct arena scratch;
	size_t i, j, len;
	uint32_t v;
	char *low;
	int rc = 0;

	if (o->nanswers * n->nanswers <= MATCH_DIRECT_MAX) {
		for (i = 0; i < n->nanswers; i++)
			for (j = 0; j < o->nanswers; j++)
				if (ascii_caseeq(n->answers[i].key,
				    strlen(n->answers[i].key),
				    o->answers[j].key,
				    strlen(o->answers[j].key))) {
					m->old_ans[qn][i] = (uint32_t)j;
					m->new_ans[qo][j] = (uint32_t)i;
				}
		return 0;
	}
	strindex_init(&idx);
	arena_init(&scratch);
	for (i = 0; i < o->nanswers + n->nanswers && rc == 0; i++) {
		bool is_old = i < o->nanswers;
		const char *key = is_old ? o->answers[i].key :
		    n->answers[i - o->nanswers].key;
		len = strlen(key);
		if ((low = arena_strndup(&scratch, key, len)) == NULL) {
			rc = -1;
			break;
		}
		for (j = 0; j < len; j++)
			if (low[j] >= 'A' && low[j] <= 'Z')
				low[j] = (char)(low[j] - 'A' + 'a');
		if (is_old) {
			if (strindex_put(&idx, low, len, (uint32_t)i, NULL) < 0)
				rc = -1;
		} else if (strindex_get(&idx, low, len, &v)) {
			m->old_ans[qn][i - o->nanswers] = v;
			m->new_ans[qo][v] = (uint32_t)(i - o->nanswers);
		}
	}
	strindex_release(&idx);
	arena_release(&scratch);
	return rc;
}

/* Match the questions of OLD and NEW by id, and their answers by key. */
static int
match_init(struct diff_match *m, const struct aipolicy *old,
    const struct aipolicy *new)
{
	size_t i;
	int64_t k;
	uint32_t extra = 0;

	memset(m, 0, sizeof *m);
	m->old = old;
	m->new = new;
	m->old_u = malloc((old->nquestions + 1) * sizeof *m->old_u);
	m->old_of_new = malloc((new->nquestions + 1) * sizeof *m->old_of_new);
	m->new_ans = answer_table(old);
	m->old_ans = answer_table(new);
	if (m->old_u == NULL || m->old_of_new == NULL || m->new_ans == NULL ||
	    m->old_ans == NULL)
		return -1;
	for (i = 0; i < new->nquestions; i++)
		m->old_of_new[i] = DIFF_NONE;
	for (i = 0; i < old->nquestions; i++) {
		const char *id = old->questions[i].id;
		k = aipolicy_find_question(new, id, strlen(id));
		if (k < 0) {
			m->old_u[i] = (uint32_t)new->nquestions + extra++;
			continue;
		}
		m->old_u[i] = (uint32_t)k;
		m->old_of_new[k] = (uint32_t)i;
		if (match_answers(m, (uint32_t)i, (uint32_t)k) != 0)
			return -1;
	}
	m->nunified = (uint32_t)new->nquestions + extra;
	return 0;
}

static void
match_release(struct diff_match *m)
{
	free(m->old_u);
	free(m->old_of_new);
	answer_table_free(m->new_ans);
	answer_table_free(m->old_ans);
}

/* Room for N items of SIZE bytes in D's arena (N may be 0). */
static void *
only_alloc(struct diff *d, size_t n, size_t size)
{
	return arena_alloc(&d->priv->arena, (n ? n : 1) * size);
}

/*
 * Fill ONLY (in D's arena) with what policy P has and policy OTHER does
 * not: questions that QMAP maps to DIFF_NONE (QMAP: per question of P,
 * OTHER's question with its id), answers of the other questions that AMAP
 * maps to DIFF_NONE (AMAP: per question and answer of P, OTHER's matching
 * answer), outcomes whose id OTHER does not have. Returns 0, or -1 when
 * out of memory.
 */
static int
list_side(struct diff *d, struct diff_only *only, const struct aipolicy *p,
    const struct aipolicy *other, const uint32_t *qmap, uint32_t **amap)
{
	size_t i, j, nq = 0, na = 0, no = 0;

	for (i = 0; i < p->nquestions; i++) {
		if (qmap[i] == DIFF_NONE) {
			nq++;
			continue;
		}
		for (j = 0; j < p->questions[i].nanswers; j++)
			na += amap[i][j] == DIFF_NONE;
	}
	for (i = 0; i < p->noutcomes; i++)
		no += aipolicy_find_outcome(other, p->outcomes[i].id,
		    strlen(p->outcomes[i].id)) < 0;
	only->questions = only_alloc(d, nq, sizeof *only->questions);
	only->answers = only_alloc(d, na, sizeof *only->answers);
	only->outcomes = only_alloc(d, no, sizeof *only->outcomes);
	if (only->questions == NULL || only->answers == NULL ||
	    only->outcomes == NULL)
		return -1;
	for (i = 0; i < p->nquestions; i++) {
		const struct aipolicy_question *q = &p->questions[i];
		if (qmap[i] == DIFF_NONE) {
			only->questions[only->nquestions++] = q;
			continue;
		}
		for (j = 0; j < q->nanswers; j++) {
			if (amap[i][j] != DIFF_NONE)
				continue;
			only->answers[only->nanswers].question = q->id;
			only->answers[only->nanswers++].answer =
			    q->answers[j].key;
		}
	}
	for (i = 0; i < p->noutcomes; i++)
		if (aipolicy_find_outcome(other, p->outcomes[i].id,
		    strlen(p->outcomes[i].id)) < 0)
			only->outcomes[only->noutcomes++] = &p->outcomes[i];
	return 0;
}

/* Fill D's added and removed lists. */
static int
list_only(struct diff *d, const struct diff_match *m)
{
	uint32_t *old_q = malloc((m->old->nquestions + 1) * sizeof *old_q);
	size_t i;
	int rc;

	if (old_q == NULL)
		return -1;
	/* Per old question, the new one with its id (DIFF_NONE if none). */
	for (i = 0; i < m->old->nquestions; i++)
		old_q[i] = m->old_u[i] < m->new->nquestions ? m->old_u[i] :
		    DIFF_NONE;
	rc = list_side(d, &d->added, m->new, m->old, m->old_of_new,
	    m->old_ans);
	if (rc == 0)
		rc = list_side(d, &d->removed, m->old, m->new, old_q,
		    m->new_ans);
	free(old_q);
	return rc;
}

int
diff_add_change(struct diff *d, const struct diff_answer *answers, size_t n,
    const struct aipolicy_outcome *old, const struct aipolicy_outcome *new,
    enum diff_kind kind)
{
	struct diff_change *c;
	size_t cap;

	if (d->nchanges == d->priv->cap) {
		cap = d->priv->cap ? d->priv->cap * 2 : 16;
		if (cap > SIZE_MAX / sizeof *c)
			return -1;
		c = realloc(d->changes, cap * sizeof *c);
		if (c == NULL)
			return -1;
		d->changes = c;
		d->priv->cap = cap;
	}
	c = &d->changes[d->nchanges];
	if (n > SIZE_MAX / sizeof *answers)
		return -1;
	c->answers = arena_alloc(&d->priv->arena,
	    (n ? n : 1) * sizeof *answers);
	if (c->answers == NULL)
		return -1;
	memcpy(c->answers, answers, n * sizeof *answers);
	c->nanswers = n;
	c->old = old;
	c->new = new;
	c->kind = kind;
	d->nchanges++;
	d->count[kind]++;
	return 0;
}

int
diff_run(const struct aipolicy *old, const struct aipolicy *new,
    const struct diff_options *opts, struct diff **out)
{
	struct diff_options defaults;
	struct diff_match m;
	struct diff *d;
	int rc = -1;

	if (opts == NULL) {
		diff_options_init(&defaults);
		opts = &defaults;
	}
	d = calloc(1, sizeof *d);
	if (d == NULL)
		return -1;
	d->old = old;
	d->new = new;
	d->priv = calloc(1, sizeof *d->priv);
	if (d->priv == NULL) {
		free(d);
		return -1;
	}
	arena_init(&d->priv->arena);
	if (match_init(&m, old, new) == 0 && list_only(d, &m) == 0 &&
	    diff_walk(&m, opts, d) == 0)
		rc = 0;
	match_release(&m);
	if (rc != 0) {
		diff_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void
diff_free(struct diff *d)
{
	if (d == NULL)
		return;
	if (d->priv != NULL) {
		arena_release(&d->priv->arena);
		free(d->priv);
	}
	free(d->changes);
	free(d);
}
