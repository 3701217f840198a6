/*
 * reqlang.c: the language a request asks for. The JSON API reads only
 * ?lang= (a language the policy is not served in is 404, with the list of
 * those it is); a page reads ?lang=, else Accept-Language by its weights,
 * else shows the policy's own texts. ?lang= is the language unless the
 * policy has a question 'lang', whose answer it then is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "respond.h"

/* Bytes of an unknown ?lang= value that a message quotes. */
#define LANG_QUOTE_MAX 40
/* Room for the list of the languages in a message. */
#define LANG_LIST_SIZE 512

static const struct serve_arg *lang_arg(const struct served *s,
    const struct serve_request *rq, bool *twice);
static void not_served(struct served *s, const struct serve_arg *a,
    struct serve_response *rs);

bool
reqlang_is_param(const struct served *s, const struct serve_arg *a)
{
	return s->lang_param && a->name_len == strlen(SERVED_LANG_PARAM) &&
	    memcmp(a->name, SERVED_LANG_PARAM, a->name_len) == 0;
}

/* The first ?lang= of RQ with a value that is not empty (NULL: none);
 * *TWICE when RQ has more than one. */
static const struct serve_arg *
lang_arg(const struct served *s, const struct serve_request *rq,
    bool *twice)
{
	const struct serve_arg *first = NULL;
	size_t i;

	*twice = false;
	for (i = 0; i < rq->nargs; i++) {
		const struct serve_arg *a = &rq->args[i];

		if (!reqlang_is_param(s, a) || a->value == NULL ||
		    a->value_len == 0)
			continue;
		if (first != NULL)
			*twice = true;
		else
			first = a;
	}
	return first;
}

/* RS: 404 for ?lang= A, which S is not served in, with the languages it
 * is served in (and the one A probably meant). */
static void
not_served(struct served *s, const struct serve_arg *a,
    struct serve_response *rs)
{
	size_t n = a->value_len < LANG_QUOTE_MAX ? a->value_len :
	    LANG_QUOTE_MAX;
	char *safe = text_sanitize(a->value, n, 0);
	char list[LANG_LIST_SIZE], hint[LANG_LIST_SIZE / 4] = "";
	struct text_suggest sg;
	size_t i, len = 0;

	if (safe == NULL) {
		serve_response_nomem(rs);
		return;
	}
	list[0] = '\0';
	text_suggest_init(&sg, safe);
	for (i = 0; i < s->nlangs && len < sizeof list; i++) {
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? ", " : "", s->tags[i]);
		text_suggest_add(&sg, s->tags[i]);
	}
	if (sg.best != NULL)
		snprintf(hint, sizeof hint, " (did you mean '%s'?)", sg.best);
	serve_response_error(rs, HTTP_NOT_FOUND, "the policy is not served "
	    "in '%s'%s; it is served in: %s", safe, hint, list);
	free(safe);
}

struct served_lang *
reqlang_api(struct served *s, const struct serve_request *rq,
    struct serve_response *rs)
{
	bool twice;
	const struct serve_arg *a = lang_arg(s, rq, &twice);
	struct served_lang *l;

	if (twice) {
		serve_response_error(rs, HTTP_BAD_REQUEST, "the query names a "
		    "language ('%s') more than once", SERVED_LANG_PARAM);
		return NULL;
	}
	if (a == NULL)
		return &s->langs[0];
	l = served_find(s, a->value, a->value_len);
	if (l == NULL)
		not_served(s, a, rs);
	return l;
}

int
reqlang_page(struct served *s, const struct serve_request *rq,
    struct reqlang_page *out, struct serve_response *rs)
{
	bool twice;
	const struct serve_arg *a = lang_arg(s, rq, &twice);
	size_t n;

	memset(out, 0, sizeof *out);
	if (a != NULL) {
		out->lang = served_find(s, a->value, a->value_len);
		out->asked = out->lang != NULL;
	}
	if (a != NULL && out->lang == NULL) {
		n = a->value_len < LANG_QUOTE_MAX ? a->value_len :
		    LANG_QUOTE_MAX;
		out->unknown = text_sanitize(a->value, n, 0);
		if (out->unknown == NULL)
			return -1;
	}
	if (out->lang == NULL) {
		out->lang = served_accept(s, rq->accept_language);
		rs->vary_language = true;
	}
	return 0;
}
