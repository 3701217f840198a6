/*
 * api.c: the JSON API's answers: /v1/check (GET with the answers in the
 * query, POST with a JSON body) and /v1/batch (JSON lines in, JSON lines
 * out, streamed while sent), in the language of ?lang=. Results are
 * rendered by the same core code as `check --json` and `check --batch`
 * (with --lang): the texts as shown in the language, the keys the
 * policy's.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "core/batch.h"
#include "core/jsonmem.h"
#include "core/logwrite.h"
#include "aipolicy/result.h"
#include "core/text.h"
#include "aipolicy/walk.h"
#include "respond.h"

/* Room for a 400 message that quotes a key or jansson's words. */
#define MSG_SIZE 300
/* The front end named in the decision log. */
#define LOG_VIA "serve"

struct serve_stream {
	struct served *s;         /* held */
	struct metrics *m;
	struct batch *b;
	char *body;               /* the request's, copied */
	size_t len, pos, lineno;
	struct buf out;          /* made, not yet read from out_pos on */
	size_t out_pos;
};

static int cmp_args(const void *a, const void *b);
static bool same_name(const struct serve_arg *a, const struct serve_arg *b);
static int args_to_given(const struct served *s,
    const struct serve_request *rq, struct aipolicy_given **given,
    char *msg, size_t msgsz);
static json_t *body_to_given(const struct serve_request *rq,
    struct aipolicy_given **given, size_t *n, unsigned *flags, char *msg,
    size_t msgsz, int *oom);
static int check_keys(json_t *obj, char *msg, size_t msgsz);
static void answer_query(struct server *srv, struct served *s,
    struct served_lang *l, const struct serve_request *rq,
    const struct aipolicy_given *given, size_t n, unsigned flags,
    struct serve_response *rs);
static int batch_flags(const struct served *s, const struct serve_request *rq,
    unsigned *flags, char *msg, size_t msgsz);
static int batch_records(struct served *s, const struct served_lang *l,
    const struct aipolicy_result_json *rj, const struct serve_request *rq,
    unsigned flags, struct serve_response *rs);

/* Order arguments (pointed to) by name, then by place in the query. */
static int
cmp_args(const void *a, const void *b)
{
	const struct serve_arg *x = *(const struct serve_arg *const *)a;
	const struct serve_arg *y = *(const struct serve_arg *const *)b;
	size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int c = memcmp(x->name, y->name, n);

	if (c != 0)
		return c;
	if (x->name_len != y->name_len)
		return x->name_len < y->name_len ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The names of A and B are the same. */
static bool
same_name(const struct serve_arg *a, const struct serve_arg *b)
{
	return a->name_len == b->name_len &&
	    memcmp(a->name, b->name, a->name_len) == 0;
}

/*
 * The query parameters of RQ on S as answers (all but ?lang=), in their
 * order, into *GIVEN (malloc'd, the caller's). Returns the number of
 * answers; -1 with a 400 message in MSG; -2 when out of memory.
 */
static int
args_to_given(const struct served *s, const struct serve_request *rq,
    struct aipolicy_given **given, char *msg, size_t msgsz)
{
	const struct serve_arg **order;
	struct aipolicy_given *g;
	size_t i, n = 0;

	*given = g = calloc(rq->nargs ? rq->nargs : 1, sizeof *g);
	order = calloc(rq->nargs ? rq->nargs : 1, sizeof *order);
	if (g == NULL || order == NULL) {
		free(order);
		return -2;
	}
	for (i = 0; i < rq->nargs; i++) {
		const struct serve_arg *a = &rq->args[i];
		if (a->name_len == 0) {
			snprintf(msg, msgsz, "a query parameter has no name");
			break;
		}
		if (memchr(a->name, '\0', a->name_len) != NULL ||
		    (a->value != NULL &&
		    memchr(a->value, '\0', a->value_len) != NULL)) {
			snprintf(msg, msgsz, "a NUL byte is not allowed in a "
			    "query");
			break;
		}
		if (reqlang_is_param(s, a))
			continue;
		g[n].question = a->name;
		g[n].question_len = a->name_len;
		g[n].answer = a->value != NULL ? a->value : "";
		g[n].answer_len = a->value != NULL ? a->value_len : 0;
		order[n++] = a;
	}
	/* A question named twice: sorted by name, twins are neighbours. */
	if (i == rq->nargs)
		qsort(order, n, sizeof *order, cmp_args);
	for (i = 1; i < n && msg[0] == '\0'; i++) {
		if (same_name(order[i - 1], order[i]))
			snprintf(msg, msgsz, "question '%.*s' is answered "
			    "twice", (int)(order[i]->name_len < MSG_SIZE / 2 ?
			    order[i]->name_len : MSG_SIZE / 2), order[i]->name);
	}
	free(order);
	return msg[0] != '\0' ? -1 : (int)n;
}

/* The keys of the POST body: 'answers' and 'worst_case', nothing else.
 * 0, or -1 with a message in MSG. */
static int
check_keys(json_t *obj, char *msg, size_t msgsz)
{
	struct text_suggest sg;
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		if (strcmp(key, "answers") == 0 ||
		    strcmp(key, "worst_case") == 0)
			continue;
		text_suggest_init(&sg, key);
		text_suggest_add(&sg, "answers");
		text_suggest_add(&sg, "worst_case");
		if (sg.best != NULL)
			snprintf(msg, msgsz, "unknown key '%.100s' (did you "
			    "mean '%s'?)", key, sg.best);
		else
			snprintf(msg, msgsz, "unknown key '%.100s': the body "
			    "has 'answers' and, optionally, 'worst_case'", key);
		return -1;
	}
	return 0;
}

/*
 * The POST body {"answers": {...}, "worst_case": BOOL} as answers into
 * *GIVEN (N of them, pointing into the returned JSON, which the caller
 * frees with json_decref) and walk flags. NULL with a 400 message in MSG,
 * or with *OOM set.
 */
static json_t *
body_to_given(const struct serve_request *rq, struct aipolicy_given **given,
    size_t *n, unsigned *flags, char *msg, size_t msgsz, int *oom)
{
	json_error_t jerr;
	json_t *obj, *answers, *wc;
	size_t cap = 0;
	int rc;

	jsonmem_failed();
	obj = json_loadb(rq->body != NULL ? rq->body : "", rq->body_len,
	    JSON_REJECT_DUPLICATES, &jerr);
	/* Out of memory may read as a syntax error: see jsonmem.h. */
	if (jsonmem_failed() || (obj == NULL &&
	    json_error_code(&jerr) == json_error_out_of_memory)) {
		json_decref(obj);
		*oom = 1;
		return NULL;
	}
	if (obj == NULL) {
		snprintf(msg, msgsz, "invalid JSON at line %d, column %d: %s",
		    jerr.line, jerr.column, strstr(jerr.text, "NUL") != NULL ?
		    "a NUL character is not allowed" : jerr.text);
		return NULL;
	}
	answers = json_object_get(obj, "answers");
	wc = json_object_get(obj, "worst_case");
	if (!json_is_object(obj))
		snprintf(msg, msgsz, "the body must be a JSON object: "
		    "{\"answers\": {QUESTION: ANSWER, ...}}");
	else if (check_keys(obj, msg, msgsz) != 0)
		;
	else if (answers == NULL)
		snprintf(msg, msgsz, "the body has no 'answers'");
	else if (!json_is_object(answers))
		snprintf(msg, msgsz, "'answers' must be an object of question "
		    "id -> answer");
	else if (wc != NULL && !json_is_boolean(wc))
		snprintf(msg, msgsz, "'worst_case' must be true or false");
	if (msg[0] != '\0') {
		json_decref(obj);
		return NULL;
	}
	rc = batch_answers(answers, given, n, &cap, msg, msgsz);
	if (rc != 0) {
		*oom = rc < 0;
		json_decref(obj);
		return NULL;
	}
	*flags = json_is_true(wc) ? AIPOLICY_WALK_WORST_CASE : 0;
	return obj;
}

/* Walk the N answers GIVEN in language L and answer with the result
 * object, keeping the decision log's record of a verdict. */
static void
answer_query(struct server *srv, struct served *s, struct served_lang *l,
    const struct serve_request *rq, const struct aipolicy_given *given,
    size_t n, unsigned flags, struct serve_response *rs)
{
	struct aipolicy_walker *w = served_walker(s, l);
	aipolicy_date_t today = server_today(srv);
	struct aipolicy_walk_result r;
	struct buf b;
	char *msg;

	if (w == NULL || aipolicy_walker_run(w, given, n, flags, &r) != 0) {
		served_walker_put(s, l, w);
		serve_response_nomem(rs);
		return;
	}
	if (r.status == AIPOLICY_WALK_BAD_ANSWER) {
		msg = aipolicy_result_bad_answer(l->view, &given[r.bad]);
		if (msg == NULL)
			serve_response_nomem(rs);
		else
			serve_response_error(rs, HTTP_UNPROCESSABLE, "%s", msg);
		free(msg);
		served_walker_put(s, l, w);
		return;
	}
	buf_init(&b);
	if (aipolicy_result_json_render(served_result(l, today), &r, given,
	    n, 0, &b.data, &b.len, &b.cap) != 0)
		b.failed = true;
	buf_addc(&b, '\n');
	respond_body(rs, HTTP_OK, TYPE_JSON, &b);
	if (rs->status == HTTP_OK && r.status == AIPOLICY_WALK_VERDICT) {
		rs->verdicts[r.outcome->verdict] = 1;
		if (srv->logq != NULL && !rq->head) {
			size_t cap = 0;
			if (served_log(s, l, &r, LOG_VIA, time(NULL),
			    &rs->records, &rs->records_len, &cap) != 0)
				serve_response_nomem(rs);
		}
	}
	served_walker_put(s, l, w);
}

void
api_check(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs)
{
	char msg[MSG_SIZE] = "";
	struct aipolicy_given *given = NULL;
	struct served_lang *l = reqlang_api(s, rq, rs);
	size_t n = 0;
	unsigned flags = 0;
	json_t *obj = NULL;
	int got, oom = 0;

	if (l == NULL)
		return;
	if (strcmp(rq->method, "POST") == 0) {
		obj = body_to_given(rq, &given, &n, &flags, msg, sizeof msg,
		    &oom);
		got = obj != NULL ? 0 : oom ? -2 : -1;
	} else {
		got = args_to_given(s, rq, &given, msg, sizeof msg);
		n = got > 0 ? (size_t)got : 0;
	}
	if (got == -2)
		serve_response_nomem(rs);
	else if (got == -1)
		serve_response_error(rs, HTTP_BAD_REQUEST, "%s", msg);
	else
		answer_query(srv, s, l, rq, given, n, flags, rs);
	json_decref(obj);
	free(given);
}

/* ?worst_case=true|false, and no other parameter but ?lang=. 0, or -1
 * with a 400 message in MSG. */
static int
batch_flags(const struct served *s, const struct serve_request *rq,
    unsigned *flags, char *msg, size_t msgsz)
{
	size_t i;

	*flags = 0;
	for (i = 0; i < rq->nargs; i++) {
		const struct serve_arg *a = &rq->args[i];
		if (reqlang_is_param(s, a))
			continue;
		if (a->name_len != strlen("worst_case") ||
		    memcmp(a->name, "worst_case", a->name_len) != 0) {
			snprintf(msg, msgsz, "unknown query parameter '%.*s': "
			    "/v1/batch takes only worst_case and lang",
			    (int)(a->name_len < MSG_SIZE / 2 ? a->name_len :
			    MSG_SIZE / 2), a->name);
			return -1;
		}
		if (a->value != NULL && a->value_len == 4 &&
		    memcmp(a->value, "true", 4) == 0)
			*flags = AIPOLICY_WALK_WORST_CASE;
		else if (a->value == NULL || a->value_len != 5 ||
		    memcmp(a->value, "false", 5) != 0) {
			snprintf(msg, msgsz, "worst_case must be true or "
			    "false");
			return -1;
		}
	}
	return 0;
}

/* The decision log's records of the batch's verdicts in language L, into
 * rs->records, made before any line is answered. 0, or -1 when out of
 * memory. */
static int
batch_records(struct served *s, const struct served_lang *l,
    const struct aipolicy_result_json *rj, const struct serve_request *rq,
    unsigned flags, struct serve_response *rs)
{
	struct batch *b = batch_new(l->view, rj, flags);
	const struct aipolicy_walk_result *r;
	enum batch_status st;
	const char *line;
	size_t pos = 0, n, lineno = 0, cap = 0;
	time_t now = time(NULL);
	int rc = b != NULL ? 0 : -1;

	while (rc == 0 && batch_next_line(rq->body, rq->body_len, &pos, &line,
	    &n)) {
		rc = batch_line(b, line, n, ++lineno, &st, NULL, NULL, NULL);
		r = batch_result(b);
		if (rc == 0 && st == BATCH_ANSWERED &&
		    r->status == AIPOLICY_WALK_VERDICT)
			rc = served_log(s, l, r, LOG_VIA, now, &rs->records,
			    &rs->records_len, &cap);
	}
	batch_free(b);
	return rc;
}

void
api_batch(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs)
{
	struct served_lang *l = reqlang_api(s, rq, rs);
	const struct aipolicy_result_json *rj;
	struct serve_stream *st;
	char msg[MSG_SIZE] = "";
	unsigned flags;

	if (l == NULL)
		return;
	rj = served_result(l, server_today(srv));
	if (batch_flags(s, rq, &flags, msg, sizeof msg) != 0) {
		serve_response_error(rs, HTTP_BAD_REQUEST, "%s", msg);
		return;
	}
	if (srv->logq != NULL && batch_records(s, l, rj, rq, flags, rs) != 0) {
		serve_response_nomem(rs);
		return;
	}
	st = calloc(1, sizeof *st);
	if (st == NULL || (st->body = malloc(rq->body_len + 1)) == NULL ||
	    (st->b = batch_new(l->view, rj, flags)) == NULL) {
		if (st != NULL)
			free(st->body);
		free(st);
		serve_response_nomem(rs);
		return;
	}
	if (rq->body_len > 0)
		memcpy(st->body, rq->body, rq->body_len);
	st->len = rq->body_len;
	st->s = s;
	served_hold(s);
	st->m = &srv->metrics;
	buf_init(&st->out);
	rs->status = HTTP_OK;
	rs->content_type = TYPE_NDJSON;
	rs->stream = st;
}

ssize_t
serve_stream_read(struct serve_stream *st, char *buf, size_t max)
{
	const struct aipolicy_walk_result *r;
	enum batch_status bs;
	const char *line;
	size_t n;

	while (st->out.len - st->out_pos < max &&
	    batch_next_line(st->body, st->len, &st->pos, &line, &n)) {
		if (batch_line(st->b, line, n, ++st->lineno, &bs,
		    &st->out.data, &st->out.len, &st->out.cap) != 0)
			return -1;
		r = batch_result(st->b);
		if (bs == BATCH_ANSWERED && r->status == AIPOLICY_WALK_VERDICT)
			metrics_decisions(st->m, r->outcome->verdict, 1);
	}
	n = st->out.len - st->out_pos;
	if (n > max)
		n = max;
	if (n > 0)
		memcpy(buf, st->out.data + st->out_pos, n);
	st->out_pos += n;
	if (st->out_pos == st->out.len)
		st->out.len = st->out_pos = 0;
	return (ssize_t)n;
}

void
serve_stream_free(struct serve_stream *st)
{
	if (st == NULL)
		return;
	batch_free(st->b);
	buf_release(&st->out);
	free(st->body);
	served_release(st->s);
	free(st);
}
