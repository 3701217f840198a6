/*
 * result.c: rendering walk results as the JSON objects of check --json and
 * check --batch. Strings are encoded by jansson, once per policy.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "aipolicy/present.h"
#include "aipolicy/result.h"
#include "aipolicy/text.h"
#include "show.h"

struct result_json {
	const struct policy *p;
	char **outcome;   /* per outcome: "verdict": ... "review_minutes": x */
	char **qid;       /* per question: its id as a JSON string */
	char ***key;      /* per question and answer: the key as JSON string */
	char **next;      /* per question: the "next" object */
	char *policy;     /* "policy": {...} */
	bool failed;
};

static char *jstr(struct result_json *rj, const char *s);
static char *jstrn(const char *s, size_t n);
static void take(struct result_json *rj, struct buf *b, char *s);
static char *encode_outcome(struct result_json *rj, const struct outcome *o);
static char *encode_next(struct result_json *rj, size_t qi);
static void add_line(struct buf *b, size_t line);
static void add_lists(const struct result_json *rj, struct buf *b,
    const struct walk_result *r, const struct given *given);
static void add_next(struct result_json *rj, struct buf *b,
    const struct walk_result *r);

/* S as a JSON string (quoted), malloc'd; "null" for NULL. NULL when out
 * of memory (RJ is then marked failed). */
static char *
jstr(struct result_json *rj, const char *s)
{
	struct buf b;
	char *out;

	buf_init(&b);
	if (s == NULL)
		buf_adds(&b, "null");
	else
		show_json(&b, s);
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
	out = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	buf_release(&clean);
	return out;
}

/* Append S and free it; record failure. */
static void
take(struct result_json *rj, struct buf *b, char *s)
{
	if (s == NULL) {
		rj->failed = true;
		return;
	}
	buf_adds(b, s);
	free(s);
}

static char *
encode_outcome(struct result_json *rj, const struct outcome *o)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "\"verdict\": \"");
	buf_adds(&b, verdict_id(o->verdict));
	buf_adds(&b, "\", \"outcome\": ");
	take(rj, &b, jstr(rj, o->id));
	buf_adds(&b, ", \"summary\": ");
	take(rj, &b, jstr(rj, o->summary));
	buf_adds(&b, ", \"why\": ");
	take(rj, &b, jstr(rj, o->why));
	buf_adds(&b, ", \"reviewer\": ");
	take(rj, &b, jstr(rj, o->reviewer));
	buf_adds(&b, o->disclose ? ", \"disclose\": true" :
	    ", \"disclose\": false");
	buf_adds(&b, ", \"conditions\": [");
	for (i = 0; i < o->nconditions; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		take(rj, &b, jstr(rj, o->conditions[i]));
	}
	buf_adds(&b, "], \"review_minutes\": ");
	if (o->review_minutes > 0)
		buf_addf(&b, "%u", (unsigned)o->review_minutes);
	else
		buf_adds(&b, "null");
	return buf_detach(&b);
}

static char *
encode_next(struct result_json *rj, size_t qi)
{
	const struct question *q = &rj->p->questions[qi];
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addf(&b, "{\"question\": %s, \"ask\": ", rj->qid[qi]);
	take(rj, &b, jstr(rj, q->ask));
	buf_adds(&b, ", \"answers\": [");
	for (i = 0; i < q->nanswers; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", rj->key[qi][i]);
	buf_adds(&b, "]}");
	return buf_detach(&b);
}

struct result_json *
result_json_new(const struct policy *p, date_t today)
{
	struct result_json *rj = calloc(1, sizeof *rj);
	size_t i, j, nq = p->nquestions, no = p->noutcomes;
	enum present_dates dates = present_dates_on(p, today);
	char effective[SHOW_DATE_SIZE], review_by[SHOW_DATE_SIZE];
	struct buf b;

	if (rj == NULL)
		return NULL;
	rj->p = p;
	rj->outcome = calloc(no ? no : 1, sizeof *rj->outcome);
	rj->qid = calloc(nq ? nq : 1, sizeof *rj->qid);
	rj->key = calloc(nq ? nq : 1, sizeof *rj->key);
	rj->next = calloc(nq ? nq : 1, sizeof *rj->next);
	if (rj->outcome == NULL || rj->qid == NULL || rj->key == NULL ||
	    rj->next == NULL) {
		result_json_free(rj);
		return NULL;
	}
	for (i = 0; i < no; i++)
		rj->outcome[i] = encode_outcome(rj, &p->outcomes[i]);
	for (i = 0; i < nq && !rj->failed; i++) {
		rj->qid[i] = jstr(rj, p->questions[i].id);
		rj->key[i] = calloc(p->questions[i].nanswers,
		    sizeof *rj->key[i]);
		if (rj->key[i] == NULL) {
			rj->failed = true;
			break;
		}
		for (j = 0; j < p->questions[i].nanswers; j++)
			rj->key[i][j] = jstr(rj, p->questions[i].answers[j].key);
	}
	/* "next" objects are made on first use: most policies have few. */
	buf_init(&b);
	buf_adds(&b, "\"policy\": {\"id\": ");
	take(rj, &b, jstr(rj, p->id));
	buf_adds(&b, ", \"version\": ");
	take(rj, &b, jstr(rj, p->version));
	buf_adds(&b, ", \"owner\": ");
	take(rj, &b, jstr(rj, p->owner));
	date_format(p->effective, effective);
	date_format(p->review_by, review_by);
	buf_addf(&b, ", \"sha256\": \"%s\", \"effective\": \"%s\", "
	    "\"review_by\": \"%s\", \"stale\": %s, \"in_force\": %s}",
	    p->sha256, effective, review_by,
	    dates == PRESENT_STALE ? "true" : "false",
	    dates == PRESENT_NOT_YET ? "false" : "true");
	rj->policy = buf_detach(&b);
	if (rj->failed || rj->policy == NULL) {
		result_json_free(rj);
		return NULL;
	}
	return rj;
}

void
result_json_free(struct result_json *rj)
{
	size_t i, j;

	if (rj == NULL)
		return;
	for (i = 0; rj->outcome && i < rj->p->noutcomes; i++)
		free(rj->outcome[i]);
	for (i = 0; rj->qid && i < rj->p->nquestions; i++) {
		free(rj->qid[i]);
		free(rj->next[i]);
		if (rj->key[i] != NULL) {
			for (j = 0; j < rj->p->questions[i].nanswers; j++)
				free(rj->key[i][j]);
			free(rj->key[i]);
		}
	}
	free(rj->outcome);
	free(rj->qid);
	free(rj->key);
	free(rj->next);
	free(rj->policy);
	free(rj);
}

/* "line": N, without printf: this runs once per batch line. */
static void
add_line(struct buf *b, size_t line)
{
	char digits[24];
	size_t k = sizeof digits;

	do {
		digits[--k] = (char)('0' + line % 10);
		line /= 10;
	} while (line > 0);
	buf_adds(b, "\"line\": ");
	buf_add(b, digits + k, sizeof digits - k);
	buf_adds(b, ", ");
}

/* The "path", "unused" and "unsure" lists of R (GIVEN: the answers given)
 * onto B. */
static void
add_lists(const struct result_json *rj, struct buf *b,
    const struct walk_result *r, const struct given *given)
{
	size_t i;
	char *s;

	buf_adds(b, ", \"path\": [");
	for (i = 0; i < r->npath; i++) {
		const struct step *st = &r->path[i];
		buf_adds(b, i ? ", {\"question\": " : "{\"question\": ");
		buf_adds(b, rj->qid[st->question]);
		buf_adds(b, ", \"answer\": ");
		buf_adds(b, rj->key[st->question][st->answer]);
		buf_addc(b, '}');
	}
	buf_adds(b, "], \"unused\": [");
	for (i = 0; i < r->nunused && !b->failed; i++) {
		const struct given *g = &given[r->unused[i]];
		if ((s = jstrn(g->question, g->question_len)) == NULL) {
			b->failed = true;
			break;
		}
		buf_addf(b, "%s%s", i ? ", " : "", s);
		free(s);
	}
	buf_adds(b, "], \"unsure\": [");
	for (i = 0; i < r->nunsure; i++) {
		buf_adds(b, i ? ", " : "");
		buf_adds(b, rj->qid[r->unsure[i]]);
	}
	buf_addc(b, ']');
}

/* The "next" question of R (for an incomplete result, or to narrow a
 * worst case down), encoded on first use, onto B. */
static void
add_next(struct result_json *rj, struct buf *b,
    const struct walk_result *r)
{
	buf_adds(b, ", \"next\": ");
	if (r->next == WALK_NO_NEXT) {
		buf_adds(b, "null");
		return;
	}
	if (rj->next[r->next] == NULL)
		rj->next[r->next] = encode_next(rj, r->next);
	if (rj->next[r->next] == NULL)
		b->failed = true;
	else
		buf_adds(b, rj->next[r->next]);
}

int
result_json_render(const struct result_json *crj, const struct walk_result *r,
    const struct given *given, size_t n, size_t line, char **out,
    size_t *len, size_t *cap)
{
	struct result_json *rj = (struct result_json *)crj;
	struct buf b = { *out, *len, *cap, false };

	buf_addc(&b, '{');
	if (line > 0)
		add_line(&b, line);
	if (r->status == WALK_VERDICT) {
		buf_adds(&b, "\"status\": \"verdict\", ");
		buf_adds(&b, rj->outcome[r->outcome - rj->p->outcomes]);
	} else {
		buf_adds(&b, "\"status\": \"incomplete\", \"verdict\": null, "
		    "\"outcome\": null, \"summary\": null, \"why\": null, "
		    "\"reviewer\": null, \"disclose\": null, "
		    "\"conditions\": [], \"review_minutes\": null");
	}
	add_lists(rj, &b, r, given);
	add_next(rj, &b, r);
	buf_adds(&b, ", ");
	buf_adds(&b, rj->policy);
	buf_addc(&b, '}');
	*out = b.data;
	*len = b.len;
	*cap = b.cap;
	return b.failed ? -1 : 0;
}

int
result_json_error(size_t line, const char *msg, char **out, size_t *len,
    size_t *cap)
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
result_bad_answer(const struct policy *p, const struct given *g)
{
	int64_t qi = policy_find_question(p, g->question, g->question_len);
	char *answer, *answers;
	struct buf b;

	if (qi < 0)
		return NULL;
	answer = text_sanitize(g->answer, g->answer_len, 0);
	answers = present_answers(&p->questions[qi]);
	buf_init(&b);
	if (answer == NULL || answers == NULL)
		b.failed = true;
	else
		buf_addf(&b, "'%s' is not an answer of question '%s' (answers: "
		    "%s)", answer, p->questions[qi].id, answers);
	free(answer);
	free(answers);
	return buf_detach(&b);
}
