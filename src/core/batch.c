/*
 * batch.c: answering JSON lines of queries (check --batch, serve's
 * POST /v1/batch): each line parsed, walked, and rendered as the result
 * object with its line number, or as an error line.
 *
 * Most lines are a flat object of short plain strings: a strict parser
 * takes those without copying (the answers point into the line). Anything
 * else it does not take (escapes, bytes outside printable ASCII, a repeated
 * key, another type, bad syntax) goes to jansson, which alone says what is
 * wrong with a line, so every error message is jansson's or ours as before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/batch.h"
#include "core/jsonmem.h"
#include "util.h"

/* Room for an error message that quotes a question id or jansson's text. */
#define BATCH_ERR_SIZE 300

/* The most answers the strict parser takes in a line (it finds a repeated
 * key by comparing each with those before it); more go to jansson. */
#define BATCH_FAST_MAX 64

/* What batch_fast_parse made of a line. */
enum fast_status {
	FAST_NO = 0,  /* not for the strict parser: use jansson */
	FAST_OK = 1,  /* parsed into b->given */
	FAST_OOM = -1,
};

struct batch {
	const struct aipolicy *p;
	const struct aipolicy_result_json *rj;
	unsigned flags;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result r;
	struct aipolicy_given *given;
	size_t ngiven_cap;
	bool slow;      /* every line through jansson (tests) */
};

static bool is_blank(const char *s, size_t n);
static size_t skip_space(const char *s, size_t len, size_t i);
static bool fast_string(const char *s, size_t len, size_t *i,
    const char **str, size_t *n);
static bool fast_repeated(const struct aipolicy_given *g, size_t n,
    const char *key, size_t klen);
static int fast_members(struct batch *b, const char *s, size_t len,
    size_t *i, size_t *n);
static json_t *parse_query(struct batch *b, const char *line, size_t len,
    size_t *n, const char **msg, char *err, size_t errsz, int *oom);
static int read_query(struct batch *b, const char *line, size_t len,
    size_t *n, json_t **obj, const char **why, char *err, size_t errsz);
static int add_newline(char **out, size_t *olen, size_t *ocap);

struct batch *
batch_new(const struct aipolicy *p, const struct aipolicy_result_json *rj,
    unsigned flags)
{
	struct batch *b = calloc(1, sizeof *b);

	if (b == NULL)
		return NULL;
	b->p = p;
	b->rj = rj;
	b->flags = flags;
	b->w = aipolicy_walker_new(p);
	if (b->w == NULL) {
		free(b);
		return NULL;
	}
	return b;
}

void
batch_free(struct batch *b)
{
	if (b == NULL)
		return;
	aipolicy_walker_free(b->w);
	free(b->given);
	free(b);
}

const struct aipolicy_walk_result *
batch_result(const struct batch *b)
{
	return &b->r;
}

/* Only spaces and tabs (or nothing). */
static bool
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return true;
}

int
batch_answers(const json_t *cobj, struct aipolicy_given **given, size_t *n,
    size_t *cap, char *err, size_t errsz)
{
	json_t *obj = (json_t *)cobj, *v;
	const char *key;
	struct aipolicy_given *ng;
	size_t want = json_object_size(obj);

	*n = 0;
	if (want > *cap) {
		ng = realloc(*given, want * sizeof *ng);
		if (ng == NULL)
			return -1;
		*given = ng;
		*cap = want;
	}
	json_object_foreach(obj, key, v) {
		if (!json_is_string(v)) {
			snprintf(err, errsz, "the answer to '%s' must be a "
			    "string", key);
			return 1;
		}
		(*given)[*n].question = key;
		(*given)[*n].question_len = strlen(key);
		(*given)[*n].answer = json_string_value(v);
		(*given)[*n].answer_len = json_string_length(v);
		(*n)++;
	}
	return 0;
}

/* The index of the first byte from I on that is not a space or a tab. */
static size_t
skip_space(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A JSON string at S[*I] of printable ASCII without escapes: *STR and *N
 * its content (in S), *I past it. False for anything else. */
static bool
fast_string(const char *s, size_t len, size_t *i, const char **str,
    size_t *n)
{
	size_t k = *i;
	unsigned char c;

	if (k >= len || s[k] != '"')
		return false;
	*str = s + ++k;
	for (; k < len; k++) {
		c = (unsigned char)s[k];
		if (c == '"') {
			*n = (size_t)(s + k - *str);
			*i = k + 1;
			return true;
		}
		if (c < 0x20 || c > 0x7e || c == '\\')
			return false;
	}
	return false;
}

/* KEY (KLEN bytes) is among the N answers in G. Ids of one length mostly
 * differ in their last byte: that is compared before the rest. */
static bool
fast_repeated(const struct aipolicy_given *g, size_t n, const char *key,
    size_t klen)
{
	size_t j;

	for (j = 0; j < n; j++) {
		if (g[j].question_len == klen && (klen == 0 ||
		    (g[j].question[klen - 1] == key[klen - 1] &&
		    memcmp(g[j].question, key, klen - 1) == 0)))
			return true;
	}
	return false;
}

/* The members of an object after its "{" and spaces, at S[*I], up to its
 * "}" (*I moves past it), into b->given (*N of them). A fast_status. */
static int
fast_members(struct batch *b, const char *s, size_t len, size_t *i,
    size_t *n)
{
	const char *key, *val;
	size_t klen, vlen;

	for (;;) {
		if (!fast_string(s, len, i, &key, &klen))
			return FAST_NO;
		*i = skip_space(s, len, *i);
		if (*i >= len || s[*i] != ':')
			return FAST_NO;
		*i = skip_space(s, len, *i + 1);
		if (!fast_string(s, len, i, &val, &vlen) ||
		    *n == BATCH_FAST_MAX ||
		    fast_repeated(b->given, *n, key, klen))
			return FAST_NO;
		b->given[(*n)++] =
		    (struct aipolicy_given){ key, klen, val, vlen };
		*i = skip_space(s, len, *i);
		if (*i < len && s[*i] == '}') {
			(*i)++;
			return FAST_OK;
		}
		if (*i >= len || s[*i] != ',')
			return FAST_NO;
		*i = skip_space(s, len, *i + 1);
	}
}

int
batch_parse_fast(struct batch *b, const char *s, size_t len, size_t *n)
{
	size_t i;
	int rc;

	*n = 0;
	if (b->ngiven_cap < BATCH_FAST_MAX) {
		if (vec_grow(&b->given, &b->ngiven_cap, BATCH_FAST_MAX,
		    sizeof *b->given) != 0)
			return FAST_OOM;
	}
	i = skip_space(s, len, 0);
	if (i >= len || s[i] != '{')
		return FAST_NO;
	i = skip_space(s, len, i + 1);
	if (i < len && s[i] == '}')
		i++;
	else if ((rc = fast_members(b, s, len, &i, n)) != FAST_OK)
		return rc;
	return skip_space(s, len, i) == len ? FAST_OK : FAST_NO;
}

void
batch_set_fast(struct batch *b, bool on)
{
	b->slow = !on;
}

/* Parse one query line into b->given (N answers); NULL with *MSG saying
 * why (pointing at a static string or ERR), or with *OOM set. */
static json_t *
parse_query(struct batch *b, const char *line, size_t len, size_t *n,
    const char **msg, char *err, size_t errsz, int *oom)
{
	json_error_t jerr;
	json_t *obj;
	int rc;

	*n = 0;
	if (memchr(line, '\0', len) != NULL) {
		*msg = "a NUL byte is not allowed in a query";
		return NULL;
	}
	jsonmem_failed();
	obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	/* jansson's words for running out of memory are often those of a
	 * syntax error, and a string it could not grow may come out cut
	 * short: either way that is no bad line, and no answer. */
	if (jsonmem_failed() || (obj == NULL &&
	    json_error_code(&jerr) == json_error_out_of_memory)) {
		json_decref(obj);
		*oom = 1;
		return NULL;
	}
	if (obj == NULL) {
		/* jansson's words for NUL name its flags: say it plainly. */
		snprintf(err, errsz, "invalid JSON at column %d: %s",
		    jerr.column, strstr(jerr.text, "NUL") != NULL ?
		    "a NUL character is not allowed" : jerr.text);
		*msg = err;
		return NULL;
	}
	if (!json_is_object(obj)) {
		*msg = "a query must be a JSON object of question id -> answer";
		json_decref(obj);
		return NULL;
	}
	rc = batch_answers(obj, &b->given, n, &b->ngiven_cap, err, errsz);
	if (rc != 0) {
		*oom = rc < 0;
		*msg = err;
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/* The answers of LINE (LEN bytes) into b->given, *N of them: by the
 * strict parser, else by jansson (*OBJ then holds their strings; the
 * caller releases it). 0; 1 when the line is no query, *WHY saying why
 * (a static string or ERR, ERRSZ bytes); -1 when out of memory. */
static int
read_query(struct batch *b, const char *line, size_t len, size_t *n,
    json_t **obj, const char **why, char *err, size_t errsz)
{
	int oom = 0, rc = b->slow ? FAST_NO : batch_parse_fast(b, line, len,
	    n);

	*obj = NULL;
	if (rc != FAST_NO)
		return rc == FAST_OK ? 0 : -1;
	*obj = parse_query(b, line, len, n, why, err, errsz, &oom);
	if (*obj != NULL)
		return 0;
	return oom ? -1 : 1;
}

/* The line break after an output line. */
static int
add_newline(char **out, size_t *olen, size_t *ocap)
{
	char *nb;
	size_t cap;

	if (*olen + 1 >= *ocap) {
		cap = *ocap ? *ocap * 2 : 256;
		nb = realloc(*out, cap);
		if (nb == NULL)
			return -1;
		*out = nb;
		*ocap = cap;
	}
	(*out)[(*olen)++] = '\n';
	(*out)[*olen] = '\0';
	return 0;
}

int
batch_line(struct batch *b, const char *line, size_t len, size_t lineno,
    enum batch_status *st, char **out, size_t *olen, size_t *ocap)
{
	char err[BATCH_ERR_SIZE], *msg;
	const char *why = NULL;
	json_t *obj;
	size_t n;
	int rc = 0, bad;

	*st = BATCH_SKIPPED;
	if (is_blank(line, len))
		return 0;
	bad = read_query(b, line, len, &n, &obj, &why, err, sizeof err);
	if (bad < 0)
		return -1;
	if (bad) {
		*st = BATCH_ERROR;
		if (out != NULL)
			rc = aipolicy_result_json_error(lineno, why, out, olen,
			    ocap);
	} else if (aipolicy_walker_run(b->w, b->given, n, b->flags,
	    &b->r) != 0) {
		rc = -1;
	} else if (b->r.status == AIPOLICY_WALK_BAD_ANSWER) {
		*st = BATCH_ERROR;
		if (out != NULL) {
			msg = aipolicy_result_bad_answer(b->p,
			    &b->given[b->r.bad]);
			rc = msg != NULL ? aipolicy_result_json_error(lineno,
			    msg, out, olen, ocap) : -1;
			free(msg);
		}
	} else {
		*st = BATCH_ANSWERED;
		if (out != NULL)
			rc = aipolicy_result_json_render(b->rj, &b->r, b->given,
			    n, lineno, out, olen, ocap);
	}
	json_decref(obj);
	if (rc == 0 && out != NULL)
		rc = add_newline(out, olen, ocap);
	return rc;
}

bool
batch_next_line(const char *buf, size_t len, size_t *pos, const char **line,
    size_t *n)
{
	const char *start = buf + *pos, *nl;
	size_t k;

	if (*pos >= len)
		return false;
	nl = memchr(start, '\n', len - *pos);
	k = nl != NULL ? (size_t)(nl - start) : len - *pos;
	*pos += k + (nl != NULL);
	if (k > 0 && start[k - 1] == '\r')
		k--;
	*line = start;
	*n = k;
	return true;
}

const struct aipolicy_given *
batch_given(const struct batch *b)
{
	return b->given;
}
