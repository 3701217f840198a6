/*
 * fuzz_serve.c: the server's request-to-response function under libFuzzer,
 * with no socket: the input is a query string, a line break, an
 * Accept-Language header, a line break, and a body. The query is split and
 * percent-decoded as libmicrohttpd would, then the request goes to GET and
 * POST /v1/check, POST /v1/batch, GET /v1/policy, GET / and GET /walk of
 * the example policy in every language it is served in (its translations
 * and the program's catalogues: serve_route and serve_handle, as http.c
 * calls them), and every streamed body is read to its end. Run with `make
 * fuzz-serve` from the top of the source tree.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "handler.h"
#include "msg.h"
#include "server.h"

#define FUZZ_POLICY "policies/example.yaml"
#define STREAM_CHUNK 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct server srv;
static struct langs_words words;

/* The server, once: the example policy and its translations, the words
 * of every catalogue, a log to /dev/null (so that the records are made
 * too). */
static struct server *
get_server(void)
{
	static int ready;
	struct translation_set tr;
	struct aipolicy *p;
	struct served *s;

	if (ready)
		return &srv;
	if (langs_words_load(&words) != 0 || msg_load(FUZZ_POLICY, &p) != 0 ||
	    msg_translations(FUZZ_POLICY, p, &tr) != 0 ||
	    (s = served_new(p, &tr, &words)) == NULL)
		abort();
	server_init(&srv, s);
	srv.logq = logq_new("/dev/null", &srv.metrics);
	if (srv.logq == NULL)
		abort();
	ready = 1;
	return &srv;
}

/* Split Q (NUL-terminated, changed in place) at '&' and '=' into ARGS,
 * each name and value percent-decoded; returns how many. */
static size_t
split_query(char *q, struct serve_arg *args, size_t max)
{
	size_t n = 0;
	char *part, *eq, *save = NULL;

	for (part = strtok_r(q, "&", &save); part != NULL && n < max;
	    part = strtok_r(NULL, "&", &save)) {
		eq = strchr(part, '=');
		if (eq != NULL)
			*eq++ = '\0';
		args[n].name = part;
		args[n].name_len = MHD_http_unescape(part);
		args[n].value = eq;
		args[n].value_len = eq != NULL ? MHD_http_unescape(eq) : 0;
		n++;
	}
	return n;
}

/* A request's headers. */
struct headers {
	const char *type, *accept_language;
};

static void
one(struct server *sv, const char *method, const char *path,
    const struct headers *h, const struct serve_arg *args, size_t nargs,
    const char *body, size_t len)
{
	struct serve_request rq;
	struct serve_route rt;
	struct serve_response rs;
	struct served *s = server_acquire(sv);
	char buf[STREAM_CHUNK];

	memset(&rq, 0, sizeof rq);
	rq.method = method;
	rq.path = path;
	rq.content_type = h->type;
	rq.accept_language = h->accept_language;
	rq.args = args;
	rq.nargs = nargs;
	rq.body = body;
	rq.body_len = len;
	serve_route(method, path, h->type, len, &rt);
	serve_handle(sv, s, &rq, &rt, &rs);
	while (rs.stream != NULL && serve_stream_read(rs.stream, buf,
	    sizeof buf) > 0)
		;
	serve_response_release(&rs);
	served_release(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct server *sv = get_server();
	const uint8_t *nl = memchr(data, '\n', size), *nl2 = NULL;
	size_t qlen = nl != NULL ? (size_t)(nl - data) : size, alen = 0;
	struct headers json = { "application/json", NULL };
	struct headers batch = { "application/x-ndjson", NULL };
	struct headers none = { NULL, NULL };
	struct serve_arg *args;
	char *query, *accept, *body;
	size_t nargs, blen = 0;

	if (nl != NULL) {
		nl2 = memchr(nl + 1, '\n', size - qlen - 1);
		alen = nl2 != NULL ? (size_t)(nl2 - nl - 1) : size - qlen - 1;
		blen = nl2 != NULL ? size - qlen - alen - 2 : 0;
	}
	query = malloc(qlen + 1);
	accept = malloc(alen + 1);
	body = malloc(blen + 1);
	args = calloc(qlen / 2 + 1, sizeof *args);
	if (query == NULL || accept == NULL || body == NULL || args == NULL)
		abort();
	memcpy(query, data, qlen);
	query[qlen] = '\0';
	/* A header ends at a NUL, as libmicrohttpd gives it. */
	memcpy(accept, nl != NULL ? nl + 1 : data, alen);
	accept[alen] = '\0';
	memcpy(body, nl2 != NULL ? nl2 + 1 : data, blen);
	json.accept_language = batch.accept_language = accept;
	none.accept_language = accept;
	nargs = split_query(query, args, qlen / 2 + 1);
	one(sv, "GET", "/v1/check", &none, args, nargs, NULL, 0);
	one(sv, "POST", "/v1/check", &json, args, nargs, body, blen);
	one(sv, "POST", "/v1/batch", &batch, args, nargs, body, blen);
	one(sv, "GET", "/v1/policy", &none, args, nargs, NULL, 0);
	one(sv, "GET", "/", &none, args, nargs, NULL, 0);
	one(sv, "GET", "/walk", &none, args, nargs, NULL, 0);
	free(args);
	free(body);
	free(accept);
	free(query);
	return 0;
}
