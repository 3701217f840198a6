/*
 * fuzz_serve.c: the server's request-to-response function under libFuzzer,
 * with no socket: the input is a query string, a line break, and a body.
 * The query is split and percent-decoded as libmicrohttpd would, then the
 * request goes to GET and POST /v1/check, POST /v1/batch and GET /walk
 * of the example policy (serve_route and serve_handle, as http.c calls
 * them), and every streamed body is read to its end. Run with `make
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

/* The server, once: the example policy, a log to /dev/null (so that the
 * records are made too). */
static struct server *
get_server(void)
{
	static int ready;
	struct aipolicy *p;
	struct served *s;

	if (ready)
		return &srv;
	if (msg_load(FUZZ_POLICY, &p) != 0 || (s = served_new(p)) == NULL)
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

static void
one(struct server *sv, const char *method, const char *path,
    const char *type, const struct serve_arg *args, size_t nargs,
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
	rq.content_type = type;
	rq.args = args;
	rq.nargs = nargs;
	rq.body = body;
	rq.body_len = len;
	serve_route(method, path, type, len, &rt);
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
	const uint8_t *nl = memchr(data, '\n', size);
	size_t qlen = nl != NULL ? (size_t)(nl - data) : size;
	struct serve_arg *args;
	char *query, *body;
	size_t nargs, blen = nl != NULL ? size - qlen - 1 : 0;

	query = malloc(qlen + 1);
	body = malloc(blen + 1);
	args = calloc(qlen / 2 + 1, sizeof *args);
	if (query == NULL || body == NULL || args == NULL)
		abort();
	memcpy(query, data, qlen);
	query[qlen] = '\0';
	memcpy(body, nl != NULL ? nl + 1 : data, blen);
	nargs = split_query(query, args, qlen / 2 + 1);
	one(sv, "GET", "/v1/check", NULL, args, nargs, NULL, 0);
	one(sv, "POST", "/v1/check", "application/json", args, nargs, body,
	    blen);
	one(sv, "POST", "/v1/batch", "application/x-ndjson", args, nargs, body,
	    blen);
	one(sv, "GET", "/walk", NULL, args, nargs, NULL, 0);
	free(args);
	free(body);
	free(query);
	return 0;
}
