/*
 * report.c: adding decision-log records up (report.h), and the report as
 * the JSON object of `report --format json`. What the records of one
 * policy reach is marked in report-reach.c.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/jsonmem.h"
#include "report-private.h"
#include "util.h"

#define REPORT_NMAPS 3

/* One keyed count: an index from key to entry. */
struct keyed {
	struct strindex index;
	struct report_entry *entries;
	size_t n, cap;
};

struct report_maps {
	struct arena keys;             /* every key, copied once */
	struct keyed map[REPORT_NMAPS];
	struct buf scratch;            /* the key being looked up */
};

static struct report_entry *entry_for(struct report *r, enum report_map m,
    const char *key, size_t len);
static uint64_t add_saturating(uint64_t a, uint64_t b);
static int compare_entries(const void *a, const void *b);
static json_t *count_json(uint64_t n);
static json_t *map_json(const struct report *r, enum report_map m);

struct report *
report_new(void)
{
	struct report *r = calloc(1, sizeof *r);
	size_t i;

	if (r == NULL)
		return NULL;
	r->maps = calloc(1, sizeof *r->maps);
	if (r->maps == NULL) {
		free(r);
		return NULL;
	}
	arena_init(&r->maps->keys);
	for (i = 0; i < REPORT_NMAPS; i++)
		strindex_init(&r->maps->map[i].index);
	buf_init(&r->maps->scratch);
	return r;
}

void
report_free(struct report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < REPORT_NMAPS; i++) {
		strindex_release(&r->maps->map[i].index);
		free(r->maps->map[i].entries);
	}
	arena_release(&r->maps->keys);
	buf_release(&r->maps->scratch);
	free(r->maps);
	report_reach_free(r);
	free(r);
}

static uint64_t
add_saturating(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* The entry of KEY (LEN bytes) in map M, made (count 0) when new; NULL
 * when out of memory. */
static struct report_entry *
entry_for(struct report *r, enum report_map m, const char *key, size_t len)
{
	struct keyed *k = &r->maps->map[m];
	struct report_entry *ne;
	uint32_t at;
	char *copy;

	if (strindex_get(&k->index, key, len, &at))
		return &k->entries[at];
	if (k->n == k->cap) {
		ne = realloc(k->entries, (k->cap ? k->cap * 2 : 16) *
		    sizeof *ne);
		if (ne == NULL)
			return NULL;
		k->entries = ne;
		k->cap = k->cap ? k->cap * 2 : 16;
	}
	if (k->n >= UINT32_MAX ||
	    (copy = arena_strndup(&r->maps->keys, key, len)) == NULL ||
	    strindex_put(&k->index, copy, len, (uint32_t)k->n, NULL) < 0)
		return NULL;
	k->entries[k->n].key = copy;
	k->entries[k->n].count = 0;
	k->entries[k->n].review_minutes = 0;
	return &k->entries[k->n++];
}

int
report_add(struct report *r, const struct logrec *rec)
{
	struct buf *b = &r->maps->scratch;
	struct report_entry *e[REPORT_NMAPS];
	uint64_t minutes = 0;
	size_t i;

	b->len = 0;
	buf_adds(b, rec->policy_id);
	buf_addc(b, '/');
	buf_adds(b, rec->outcome);
	if (b->failed || (e[REPORT_BY_OUTCOME] = entry_for(r,
	    REPORT_BY_OUTCOME, b->data, b->len)) == NULL)
		return -1;
	b->len = 0;
	buf_adds(b, rec->policy_id);
	buf_addc(b, ' ');
	buf_adds(b, rec->policy_version);
	if (b->failed || (e[REPORT_BY_POLICY_VERSION] = entry_for(r,
	    REPORT_BY_POLICY_VERSION, b->data, b->len)) == NULL)
		return -1;
	if ((e[REPORT_BY_WEEK] = entry_for(r, REPORT_BY_WEEK, rec->week,
	    strlen(rec->week))) == NULL)
		return -1;
	if (rec->verdict == AIPOLICY_VERDICT_USE_WITH_REVIEW &&
	    rec->review_minutes > 0) {
		minutes = rec->review_minutes;
		r->reviews_timed++;
	}
	for (i = 0; i < REPORT_NMAPS; i++) {
		e[i]->count++;
		e[i]->review_minutes = add_saturating(e[i]->review_minutes,
		    minutes);
	}
	report_reach_add(r, rec);
	r->decisions++;
	r->by_verdict[rec->verdict]++;
	r->review_minutes = add_saturating(r->review_minutes, minutes);
	return 0;
}

void
report_skip(struct report *r)
{
	r->lines_skipped++;
}

const struct report_entry *
report_get(const struct report *r, enum report_map m, const char *key)
{
	const struct keyed *k = &r->maps->map[m];
	uint32_t at;

	if (!strindex_get(&k->index, key, strlen(key), &at))
		return NULL;
	return &k->entries[at];
}

static int
compare_entries(const void *a, const void *b)
{
	const struct report_entry *x = a, *y = b;

	return strcmp(x->key, y->key);
}

int
report_sorted(const struct report *r, enum report_map m,
    struct report_entry **out, size_t *n)
{
	const struct keyed *k = &r->maps->map[m];

	*out = malloc((k->n ? k->n : 1) * sizeof **out);
	if (*out == NULL)
		return -1;
	if (k->n > 0)
		memcpy(*out, k->entries, k->n * sizeof **out);
	qsort(*out, k->n, sizeof **out, compare_entries);
	*n = k->n;
	return 0;
}

/* A JSON count: counts saturate, and JSON integers are signed. */
static json_t *
count_json(uint64_t n)
{
	return json_integer(n > INT64_MAX ? INT64_MAX : (json_int_t)n);
}

/* Map M as a JSON object sorted by key; NULL when out of memory. */
static json_t *
map_json(const struct report *r, enum report_map m)
{
	struct report_entry *e;
	json_t *obj;
	size_t i, n;

	if (report_sorted(r, m, &e, &n) != 0)
		return NULL;
	obj = json_object();
	for (i = 0; obj != NULL && i < n; i++) {
		if (json_object_set_new(obj, e[i].key, count_json(e[i].count))
		    != 0) {
			json_decref(obj);
			obj = NULL;
		}
	}
	free(e);
	return obj;
}

char *
report_json(const struct report *r)
{
	json_t *obj = json_object(), *verdicts = json_object();
	char *s = NULL;
	int rc = obj != NULL && verdicts != NULL ? 0 : -1;
	int v;

	for (v = 0; v < AIPOLICY_VERDICT_COUNT && rc == 0; v++)
		rc = json_object_set_new(verdicts,
		    aipolicy_verdict_id((enum aipolicy_verdict)v),
		    count_json(r->by_verdict[v]));
	if (rc == 0)
		rc = json_object_set_new(obj, "decisions",
		    count_json(r->decisions)) |
		    json_object_set_new(obj, "lines_skipped",
		    count_json(r->lines_skipped)) |
		    json_object_set(obj, "by_verdict", verdicts) |
		    json_object_set_new(obj, "by_outcome",
		    map_json(r, REPORT_BY_OUTCOME)) |
		    json_object_set_new(obj, "by_policy_version",
		    map_json(r, REPORT_BY_POLICY_VERSION)) |
		    json_object_set_new(obj, "by_week",
		    map_json(r, REPORT_BY_WEEK)) |
		    json_object_set_new(obj, "review_minutes",
		    count_json(r->review_minutes)) |
		    json_object_set_new(obj, "never_reached",
		    report_never_reached_json(r));
	if (rc == 0)
		s = jsonmem_dumps(obj, 0);
	json_decref(verdicts);
	json_decref(obj);
	return s;
}
