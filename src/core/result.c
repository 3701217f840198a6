/*
 * result.c: rendering walk results as the JSON objects of check --json and
 * check --batch. Everything that depends only on the policy is encoded
 * once, in aipolicy_result_json_new, into fragments that keep their lengths:
 * each outcome's part up to the path, each path step, the policy block. A
 * result is then a few copies of those into the caller's buffer.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/jsonmem.h"
#include "core/present.h"
#include "aipolicy/result.h"
#include "core/text.h"
#include "show.h"

/* Room for the decimal digits of a size_t. */
#define DIGITS_SIZE 24

/* buf_add of a string literal, without strlen. */
#define ADD_LIT(b, lit) buf_add((b), (lit), sizeof(lit) - 1)

/* What a result that is not a verdict has before its path. */
static const char incomplete_head[] = "\"status\": \"incomplete\", "
    "\"verdict\": null, \"outcome\": null, \"summary\": null, "
    "\"why\": null, \"reviewer\": null, \"disclose\": null, "
    "\"conditions\": [], \"review_minutes\": null, \"path\": [";

/* A piece of encoded JSON and its length. */
struct frag {
	char *s;
	size_t n;
};

struct aipolicy_result_json {
	const struct aipolicy *p;
	struct frag *head;  /* per outcome: "status": "verdict", "verdict":
	                     * ... "review_minutes": x, "path": [ */
	char **qid;         /* per question: its id as a JSON string */
	size_t *qid_len;
	char ***key;        /* per question and answer: the key as JSON
	                     * string */
	struct frag **step; /* per question and answer: the path step
	                     * {"question": Q, "answer": A}, pointing into
	                     * steps */
	char *steps;        /* the text of every step, one block */
	/* per question: the "next" object, made when first needed, by
	 * whichever thread needs it first (see next_object) */
	_Atomic(char *) *next;
	struct frag tail;   /* , "policy": {...}} */
	bool failed;
};

static bool is_plain(const char *s, size_t n);
static void add_quoted(struct buf *b, const char *s, size_t n);
static void add_json_string(struct buf *b, const char *s);
static char *jstr(struct aipolicy_result_json *rj, const char *s);
static char *jstrn(const char *s, size_t n);
static void take(struct aipolicy_result_json *rj, struct buf *b, char *s);
static char *encode_outcome(struct aipolicy_result_json *rj,
    const struct aipolicy_outcome *o);
static char *encode_next(const struct aipolicy_result_json *rj, size_t qi);
static const char *next_object(const struct aipolicy_result_json *rj,
    uint32_t qi);
static int encode_questions(struct aipolicy_result_json *rj);
static int encode_steps(struct aipolicy_result_json *rj);
static char *encode_policy(struct aipolicy_result_json *rj,
    aipolicy_date_t today);
static void add_line(struct buf *b, size_t line);
static void add_lists(const struct aipolicy_result_json *rj, struct buf *b,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given);
static void add_next(const struct aipolicy_result_json *rj, struct buf *b,
    const struct aipolicy_walk_result *r);

/* N bytes at S are printable ASCII without '"' or '\\': their JSON string
 * is the bytes in quotes, as jansson would write it. */
static bool
is_plain(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
			return false;
	}
	return true;
}

/* The plain N bytes at S in quotes onto B. */
static void
add_quoted(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	buf_add(b, s, n);
	buf_addc(b, '"');
}

/* S as a JSON string (quoted) onto B; null for NULL. */
static void
add_json_string(struct buf *b, const char *s)
{
	if (s == NULL)
		ADD_LIT(b, "null");
	else if (is_plain(s, strlen(s)))
		add_quoted(b, s, strlen(s));
	else
		show_json(b, s);
}

/* S as a JSON string (quoted), malloc'd; "null" for NULL. NULL when out
 * of memory (RJ is then marked failed). */
static char *
jstr(struct aipolicy_result_json *rj, const char *s)
{
	struct buf b;
	char *out;

	buf_init(&b);
	add_json_string(&b, s);
	out = buf_detach(&b);
	if (out == NULL)
		rj->failed = true;
	return out;
}

/* N bytes at S as a JSON string; text from a script or a command line
 * need not be valid UTF-8: each bad byte becomes U+FFFD. */
static char *
jstrn(const char *s, size_t n)
{
	struct buf clean;
	json_t *j;
	char *out;
	size_t i = 0, k;
	uint32_t cp;

	buf_init(&clean);
	if (is_plain(s, n)) {
		add_quoted(&clean, s, n);
		return buf_detach(&clean);
	}
	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			buf_adds(&clean, "\xEF\xBF\xBD");
		else
			buf_add(&clean, s + i, k);
		i += k;
	}
	j = clean.failed ? NULL : json_stringn(clean.data ? clean.data : "",
	    clean.len);
	out = j ? jsonmem_dumps(j, JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	buf_release(&clean);
	return out;
}

/* Append S and free it; record failure. */
static void
take(struct aipolicy_result_json *rj, struct buf *b, char *s)
{
	if (s == NULL) {
		rj->failed = true;
		return;
	}
	buf_adds(b, s);
	free(s);
}

/* Outcome O's part of a verdict, from "status" to the opening of "path". */
static char *
encode_outcome(struct aipolicy_result_json *rj,
    const struct aipolicy_outcome *o)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	ADD_LIT(&b, "\"status\": \"verdict\", \"verdict\": \"");
	buf_adds(&b, aipolicy_verdict_id(o->verdict));
	ADD_LIT(&b, "\", \"outcome\": ");
	take(rj, &b, jstr(rj, o->id));
	ADD_LIT(&b, ", \"summary\": ");
	take(rj, &b, jstr(rj, o->summary));
	ADD_LIT(&b, ", \"why\": ");
	take(rj, &b, jstr(rj, o->why));
	ADD_LIT(&b, ", \"reviewer\": ");
	take(rj, &b, jstr(rj, o->reviewer));
	buf_adds(&b, o->disclose ? ", \"disclose\": true" :
	    ", \"disclose\": false");
	ADD_LIT(&b, ", \"conditions\": [");
	for (i = 0; i < o->nconditions; i++) {
		if (i > 0)
			ADD_LIT(&b, ", ");
		take(rj, &b, jstr(rj, o->conditions[i]));
	}
	ADD_LIT(&b, "], \"review_minutes\": ");
	if (o->review_minutes > 0)
		buf_addf(&b, "%u", (unsigned)o->review_minutes);
	else
		ADD_LIT(&b, "null");
	ADD_LIT(&b, ", \"path\": [");
	return buf_detach(&b);
}

/* encode_next: the "next" object of question QI, malloc'd; NULL when out
 * of memory. Only reads RJ, so any thread may call it. */
static char *
encode_next(const struct aipolicy_result_json *rj, size_t qi)
{
	const struct aipolicy_question *q = &rj->p->questions[qi];
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addf(&b, "{\"question\": %s, \"ask\": ", rj->qid[qi]);
	add_json_string(&b, q->ask);
	buf_adds(&b, ", \"answers\": [");
	for (i = 0; i < q->nanswers; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", rj->key[qi][i]);
	/* The answers as shown, in the same order: the keys themselves
	 * unless the policy is translated. */
	buf_adds(&b, "], \"labels\": [");
	for (i = 0; i < q->nanswers; i++) {
		if (i > 0)
			ADD_LIT(&b, ", ");
		if (q->answers[i].shown == q->answers[i].key)
			buf_adds(&b, rj->key[qi][i]);
		else
			add_json_string(&b, q->answers[i].shown);
	}
	buf_adds(&b, "]}");
	return buf_detach(&b);
}

/* Each question's id and answer keys as JSON strings. 0, or -1 when out
 * of memory. */
static int
encode_questions(struct aipolicy_result_json *rj)
{
	const struct aipolicy *p = rj->p;
	size_t i, j;

	for (i = 0; i < p->nquestions && !rj->failed; i++) {
		rj->qid[i] = jstr(rj, p->questions[i].id);
		rj->qid_len[i] = rj->qid[i] != NULL ? strlen(rj->qid[i]) : 0;
		rj->key[i] = calloc(p->questions[i].nanswers,
		    sizeof *rj->key[i]);
		rj->step[i] = calloc(p->questions[i].nanswers,
		    sizeof *rj->step[i]);
		if (rj->key[i] == NULL || rj->step[i] == NULL) {
			rj->failed = true;
			break;
		}
		for (j = 0; j < p->questions[i].nanswers; j++)
			rj->key[i][j] = jstr(rj,
			    p->questions[i].answers[j].key);
	}
	return rj->failed ? -1 : 0;
}

/* Every path step {"question": Q, "answer": A} into one block (rj->steps),
 * rj->step pointing into it. 0, or -1 when out of memory. */
static int
encode_steps(struct aipolicy_result_json *rj)
{
	const struct aipolicy *p = rj->p;
	struct buf b;
	size_t i, j, at = 0;

	buf_init(&b);
	for (i = 0; i < p->nquestions; i++) {
		for (j = 0; j < p->questions[i].nanswers; j++) {
			rj->step[i][j].n = b.len;
			ADD_LIT(&b, "{\"question\": ");
			buf_add(&b, rj->qid[i], rj->qid_len[i]);
			ADD_LIT(&b, ", \"answer\": ");
			buf_adds(&b, rj->key[i][j]);
			buf_addc(&b, '}');
			rj->step[i][j].n = b.len - rj->step[i][j].n;
		}
	}
	rj->steps = buf_detach(&b);
	if (rj->steps == NULL)
		return -1;
	/* the block is final now: point into it */
	for (i = 0; i < p->nquestions; i++) {
		for (j = 0; j < p->questions[i].nanswers; j++) {
			rj->step[i][j].s = rj->steps + at;
			at += rj->step[i][j].n;
		}
	}
	return 0;
}

/* , "policy": {...}} with its dates and whether, on TODAY, it is stale and
 * in force; the end of every result. */
static char *
encode_policy(struct aipolicy_result_json *rj, aipolicy_date_t today)
{
	const struct aipolicy *p = rj->p;
	enum present_dates dates = present_dates_on(p, today);
	char effective[SHOW_DATE_SIZE], review_by[SHOW_DATE_SIZE];
	struct buf b;

	buf_init(&b);
	ADD_LIT(&b, ", \"policy\": {\"id\": ");
	take(rj, &b, jstr(rj, p->id));
	ADD_LIT(&b, ", \"version\": ");
	take(rj, &b, jstr(rj, p->version));
	ADD_LIT(&b, ", \"owner\": ");
	take(rj, &b, jstr(rj, p->owner));
	aipolicy_date_format(p->effective, effective);
	aipolicy_date_format(p->review_by, review_by);
	buf_addf(&b, ", \"sha256\": \"%s\", \"effective\": \"%s\", "
	    "\"review_by\": \"%s\", \"stale\": %s, \"in_force\": %s}}",
	    p->sha256, effective, review_by,
	    dates == PRESENT_STALE ? "true" : "false",
	    dates == PRESENT_NOT_YET ? "false" : "true");
	return buf_detach(&b);
}

struct aipolicy_result_json *
aipolicy_result_json_new(const struct aipolicy *p, aipolicy_date_t today)
{
	struct aipolicy_result_json *rj = calloc(1, sizeof *rj);
	size_t i, nq = p->nquestions ? p->nquestions : 1;
	size_t no = p->noutcomes ? p->noutcomes : 1;

	if (rj == NULL)
		return NULL;
	rj->p = p;
	rj->head = calloc(no, sizeof *rj->head);
	rj->qid = calloc(nq, sizeof *rj->qid);
	rj->qid_len = calloc(nq, sizeof *rj->qid_len);
	rj->key = calloc(nq, sizeof *rj->key);
	rj->step = calloc(nq, sizeof *rj->step);
	/* all bits zero: a null pointer, lock-free, on every target */
	rj->next = calloc(nq, sizeof *rj->next);
	if (rj->head == NULL || rj->qid == NULL || rj->qid_len == NULL ||
	    rj->key == NULL || rj->step == NULL || rj->next == NULL) {
		aipolicy_result_json_free(rj);
		return NULL;
	}
	for (i = 0; i < p->noutcomes; i++) {
		rj->head[i].s = encode_outcome(rj, &p->outcomes[i]);
		if (rj->head[i].s == NULL)
			rj->failed = true;
		else
			rj->head[i].n = strlen(rj->head[i].s);
	}
	/* "next" objects are made on first use: most policies have few. */
	if (rj->failed || encode_questions(rj) != 0 || encode_steps(rj) != 0 ||
	    (rj->tail.s = encode_policy(rj, today)) == NULL || rj->failed) {
		aipolicy_result_json_free(rj);
		return NULL;
	}
	rj->tail.n = strlen(rj->tail.s);
	return rj;
}

void
aipolicy_result_json_free(struct aipolicy_result_json *rj)
{
	size_t i, j;

	if (rj == NULL)
		return;
	for (i = 0; rj->head && i < rj->p->noutcomes; i++)
		free(rj->head[i].s);
	/* Any of the arrays may be missing after a failed
	 * aipolicy_result_json_new. */
	for (i = 0; i < rj->p->nquestions; i++) {
		if (rj->qid != NULL)
			free(rj->qid[i]);
		if (rj->next != NULL)
			free(atomic_load(&rj->next[i]));
		if (rj->step != NULL)
			free(rj->step[i]);
		if (rj->key != NULL && rj->key[i] != NULL) {
			for (j = 0; j < rj->p->questions[i].nanswers; j++)
				free(rj->key[i][j]);
			free(rj->key[i]);
		}
	}
	free(rj->head);
	free(rj->qid);
	free(rj->qid_len);
	free(rj->key);
	free(rj->step);
	free(rj->steps);
	free((void *)rj->next);
	free(rj->tail.s);
	free(rj);
}

/* "line": N, without printf: this runs once per batch line. */
static void
add_line(struct buf *b, size_t line)
{
	char digits[DIGITS_SIZE];
	size_t k = sizeof digits;

	do {
		digits[--k] = (char)('0' + line % 10);
		line /= 10;
	} while (line > 0);
	ADD_LIT(b, "\"line\": ");
	buf_add(b, digits + k, sizeof digits - k);
	ADD_LIT(b, ", ");
}

/* The steps of the "path" (opened by the head), and the "unused" and
 * "unsure" lists of R (GIVEN: the answers given) onto B. */
static void
add_lists(const struct aipolicy_result_json *rj, struct buf *b,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given)
{
	const struct frag *f;
	size_t i;
	char *s;

	for (i = 0; i < r->npath; i++) {
		f = &rj->step[r->path[i].question][r->path[i].answer];
		if (i > 0)
			ADD_LIT(b, ", ");
		buf_add(b, f->s, f->n);
	}
	ADD_LIT(b, "], \"unused\": [");
	for (i = 0; i < r->nunused && !b->failed; i++) {
		const struct aipolicy_given *g = &given[r->unused[i]];
		if ((s = jstrn(g->question, g->question_len)) == NULL) {
			b->failed = true;
			break;
		}
		if (i > 0)
			ADD_LIT(b, ", ");
		buf_adds(b, s);
		free(s);
	}
	ADD_LIT(b, "], \"unsure\": [");
	for (i = 0; i < r->nunsure; i++) {
		if (i > 0)
			ADD_LIT(b, ", ");
		buf_add(b, rj->qid[r->unsure[i]], rj->qid_len[r->unsure[i]]);
	}
	buf_addc(b, ']');
}

/* next_object: the "next" object of question QI, made and kept on first
 * use; NULL when out of memory. Threads that need the same one at once may
 * each make it: the first to store it wins, the others free theirs. */
static const char *
next_object(const struct aipolicy_result_json *rj, uint32_t qi)
{
	char *s = atomic_load_explicit(&rj->next[qi], memory_order_acquire);
	char *kept = NULL;

	if (s != NULL || (s = encode_next(rj, qi)) == NULL)
		return s;
	if (!atomic_compare_exchange_strong_explicit(&rj->next[qi], &kept, s,
	    memory_order_acq_rel, memory_order_acquire)) {
		free(s);
		s = kept;
	}
	return s;
}

/* The "next" question of R (for an incomplete result, or to narrow a
 * worst case down), encoded on first use, onto B. */
static void
add_next(const struct aipolicy_result_json *rj, struct buf *b,
    const struct aipolicy_walk_result *r)
{
	const char *next;

	if (r->next == AIPOLICY_WALK_NO_NEXT) {
		ADD_LIT(b, ", \"next\": null");
		return;
	}
	ADD_LIT(b, ", \"next\": ");
	if ((next = next_object(rj, r->next)) == NULL)
		b->failed = true;
	else
		buf_adds(b, next);
}

int
aipolicy_result_json_render(const struct aipolicy_result_json *rj,
    const struct aipolicy_walk_result *r, const struct aipolicy_given *given,
    size_t n, size_t line, char **out, size_t *len, size_t *cap)
{
	struct buf b = { *out, *len, *cap, false };
	const struct frag *head;

	(void)n;
	buf_addc(&b, '{');
	if (line > 0)
		add_line(&b, line);
	if (r->status == AIPOLICY_WALK_VERDICT) {
		head = &rj->head[r->outcome - rj->p->outcomes];
		buf_add(&b, head->s, head->n);
	} else {
		ADD_LIT(&b, incomplete_head);
	}
	add_lists(rj, &b, r, given);
	add_next(rj, &b, r);
	buf_add(&b, rj->tail.s, rj->tail.n);
	*out = b.data;
	*len = b.len;
	*cap = b.cap;
	return b.failed ? -1 : 0;
}
int
aipolicy_result_json_error(size_t line, const char *msg, char **out,
    size_t *len, size_t *cap)
{
	struct buf b = { *out, *len, *cap, false };
	char *s = jstrn(msg, strlen(msg));

	buf_addc(&b, '{');
	if (line > 0)
		buf_addf(&b, "\"line\": %zu, ", line);
	buf_adds(&b, "\"status\": \"error\", \"error\": ");
	if (s == NULL)
		b.failed = true;
	else
		buf_adds(&b, s);
	free(s);
	buf_addc(&b, '}');
	*out = b.data;
	*len = b.len;
	*cap = b.cap;
	return b.failed ? -1 : 0;
}

char *
aipolicy_result_bad_answer(const struct aipolicy *p,
    const struct aipolicy_given *g)
{
	return present_bad_answer(NULL, p, g);
}
