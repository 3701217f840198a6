/*
 * handler.c: routing a request, the errors found before its body, and the
 * small endpoints (/v1/policy, /healthz, /metrics); /v1/check and
 * /v1/batch are in api.c, the walk in a browser in web.c, the language a
 * request asks for in reqlang.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aipolicy/result.h"
#include "respond.h"

/* How much of a request's path or Content-Type an error message quotes. */
#define QUOTE_MAX 100

struct route_entry {
	const char *path;
	enum serve_handler handler;
	const char *allow;
	const char *const *types;  /* media types a POST may have */
	size_t body_max;
};

static const char *const json_types[] = { "application/json", NULL };
static const char *const batch_types[] = { "application/json",
	"application/x-ndjson", "application/jsonl", NULL };

static const struct route_entry routes[] = {
	{ "/v1/policy", HANDLER_POLICY, "GET, HEAD", NULL, 0 },
	{ "/v1/check", HANDLER_CHECK, "GET, HEAD, POST", json_types,
	    SERVE_CHECK_BODY_MAX },
	{ "/v1/batch", HANDLER_BATCH, "POST", batch_types,
	    SERVE_BATCH_BODY_MAX },
	{ "/healthz", HANDLER_HEALTHZ, "GET, HEAD", NULL, 0 },
	{ "/metrics", HANDLER_METRICS, "GET, HEAD", NULL, 0 },
	{ "/", HANDLER_WALK, "GET, HEAD", NULL, 0 },
	{ "/walk", HANDLER_WALK, "GET, HEAD", NULL, 0 },
	{ "/static/aipolicy.css", HANDLER_STATIC, "GET, HEAD", NULL, 0 },
};
#define NROUTES (sizeof routes / sizeof routes[0])

static const char nomem_body[] =
	"{\"status\": \"error\", \"error\": \"out of memory\"}\n";

static const struct route_entry *find_route(const char *path);
static bool method_allowed(const char *allow, const char *method);
static bool type_allowed(const char *const *types, const char *type);
static void route_error(const struct serve_request *rq,
    const struct serve_route *rt, struct serve_response *rs);
static void answer_policy(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
static void answer_healthz(struct server *srv, struct serve_response *rs);
static void answer_metrics(struct server *srv, struct served *s,
    struct serve_response *rs);

static const struct route_entry *
find_route(const char *path)
{
	size_t i;

	for (i = 0; i < NROUTES; i++) {
		if (strcmp(routes[i].path, path) == 0)
			return &routes[i];
	}
	return NULL;
}

/* METHOD is one of the comma-separated methods of ALLOW. */
static bool
method_allowed(const char *allow, const char *method)
{
	size_t n = strlen(method);
	const char *s = allow;

	while (*s != '\0') {
		if (strncmp(s, method, n) == 0 && (s[n] == ',' ||
		    s[n] == '\0'))
			return true;
		s += strcspn(s, ",");
		s += strspn(s, ", ");
	}
	return false;
}

/* The media type of TYPE (before any parameter, without white space,
 * ignoring case) is one of TYPES. */
static bool
type_allowed(const char *const *types, const char *type)
{
	size_t n;

	if (type == NULL)
		return false;
	type += strspn(type, " \t");
	n = strcspn(type, ";");
	while (n > 0 && (type[n - 1] == ' ' || type[n - 1] == '\t'))
		n--;
	for (; *types != NULL; types++) {
		if (strlen(*types) == n && strncasecmp(*types, type, n) == 0)
			return true;
	}
	return false;
}

void
serve_route(const char *method, const char *path, const char *content_type,
    uint64_t content_length, struct serve_route *rt)
{
	const struct route_entry *r = find_route(path);

	memset(rt, 0, sizeof *rt);
	rt->handler = HANDLER_NONE;
	if (r == NULL) {
		rt->status = HTTP_NOT_FOUND;
		return;
	}
	rt->handler = r->handler;
	rt->allow = r->allow;
	if (!method_allowed(r->allow, method)) {
		rt->status = HTTP_METHOD_NOT_ALLOWED;
		return;
	}
	if (strcmp(method, "POST") != 0)
		return;
	if (!type_allowed(r->types, content_type)) {
		rt->status = HTTP_UNSUPPORTED_MEDIA_TYPE;
		return;
	}
	rt->body_max = r->body_max;
	if (content_length != SERVE_LENGTH_UNKNOWN &&
	    content_length > r->body_max)
		rt->status = HTTP_PAYLOAD_TOO_LARGE;
}

void
respond_body(struct serve_response *rs, int status, const char *type,
    struct buf *b)
{
	size_t len;
	char *body = buf_take(b, &len);

	if (body == NULL && b->failed) {
		serve_response_nomem(rs);
		return;
	}
	rs->status = status;
	rs->content_type = type;
	rs->body = body;
	rs->len = body != NULL ? len : 0;
}

void
serve_response_nomem(struct serve_response *rs)
{
	free(rs->records);
	rs->records = NULL;
	rs->records_len = 0;
	if (!rs->body_static)
		free(rs->body);
	serve_stream_free(rs->stream);
	rs->stream = NULL;
	memset(rs->verdicts, 0, sizeof rs->verdicts);
	rs->status = HTTP_INTERNAL_ERROR;
	rs->content_type = TYPE_JSON;
	rs->body = (char *)nomem_body;
	rs->len = sizeof nomem_body - 1;
	rs->body_static = true;
}

void
serve_response_error(struct serve_response *rs, int status,
    const char *fmt, ...)
{
	char msg[512];
	struct buf b;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_init(&b);
	if (aipolicy_result_json_error(0, msg, &b.data, &b.len, &b.cap) != 0)
		b.failed = true;
	buf_addc(&b, '\n');
	respond_body(rs, status, TYPE_JSON, &b);
}

/* The error serve_route found. */
static void
route_error(const struct serve_request *rq, const struct serve_route *rt,
    struct serve_response *rs)
{
	bool batch = rt->handler == HANDLER_BATCH;

	switch (rt->status) {
	case HTTP_NOT_FOUND:
		serve_response_error(rs, rt->status, "there is nothing at "
		    "'%.*s'", QUOTE_MAX, rq->path);
		break;
	case HTTP_METHOD_NOT_ALLOWED:
		rs->allow = rt->allow;
		serve_response_error(rs, rt->status, "%s takes %s, not '%.*s'",
		    rq->path, rt->allow, QUOTE_MAX, rq->method);
		break;
	case HTTP_UNSUPPORTED_MEDIA_TYPE:
		if (rq->content_type == NULL)
			serve_response_error(rs, rt->status, "a POST to %s "
			    "needs a Content-Type: %s", rq->path, batch ?
			    "application/x-ndjson" : "application/json");
		else
			serve_response_error(rs, rt->status, "%s does not take "
			    "'%.*s'; send %s", rq->path, QUOTE_MAX,
			    rq->content_type, batch ? "application/x-ndjson, "
			    "application/jsonl or application/json" :
			    "application/json");
		break;
	default:
		serve_response_error(rs, HTTP_PAYLOAD_TOO_LARGE, "the body is "
		    "larger than the %zu bytes %s takes", (size_t)(batch ?
		    SERVE_BATCH_BODY_MAX : SERVE_CHECK_BODY_MAX), rq->path);
		break;
	}
}

/* /v1/policy: the policy in the language of ?lang=. */
static void
answer_policy(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs)
{
	struct served_lang *l = reqlang_api(s, rq, rs);
	const char *text;
	size_t len;
	struct buf b;

	if (l == NULL)
		return;
	buf_init(&b);
	if (served_policy_json(s, l, server_today(srv), &text, &len) != 0)
		b.failed = true;
	else
		buf_add(&b, text, len);
	respond_body(rs, HTTP_OK, TYPE_JSON, &b);
}

static void
answer_healthz(struct server *srv, struct serve_response *rs)
{
	static const char ok[] = "ok\n";
	static const char bad[] = "the decision log cannot be written\n";
	bool healthy = srv->logq == NULL || logq_healthy(srv->logq);

	rs->status = healthy ? HTTP_OK : HTTP_UNAVAILABLE;
	rs->content_type = TYPE_TEXT;
	rs->body = (char *)(healthy ? ok : bad);
	rs->len = healthy ? sizeof ok - 1 : sizeof bad - 1;
	rs->body_static = true;
}

static void
answer_metrics(struct server *srv, struct served *s,
    struct serve_response *rs)
{
	struct buf b;

	buf_init(&b);
	metrics_render(&srv->metrics, s, server_today(srv), &b);
	respond_body(rs, HTTP_OK, TYPE_METRICS, &b);
}

void
serve_handle(struct server *srv, struct served *s,
    const struct serve_request *rq, const struct serve_route *rt,
    struct serve_response *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->handler = rt->handler;
	if (rt->status != 0) {
		route_error(rq, rt, rs);
		return;
	}
	if (rq->body_too_big) {
		struct serve_route big = *rt;
		big.status = HTTP_PAYLOAD_TOO_LARGE;
		route_error(rq, &big, rs);
		return;
	}
	switch (rt->handler) {
	case HANDLER_POLICY:
		answer_policy(srv, s, rq, rs);
		break;
	case HANDLER_CHECK:
		api_check(srv, s, rq, rs);
		break;
	case HANDLER_BATCH:
		api_batch(srv, s, rq, rs);
		break;
	case HANDLER_HEALTHZ:
		answer_healthz(srv, rs);
		break;
	case HANDLER_METRICS:
		answer_metrics(srv, s, rs);
		break;
	case HANDLER_WALK:
		if (strcmp(rq->path, "/") == 0)
			web_root(s, rq, rs);
		else
			web_walk(srv, s, rq, rs);
		break;
	case HANDLER_STATIC:
		web_static(rq, rs);
		break;
	default:
		serve_response_error(rs, HTTP_NOT_FOUND, "there is nothing at "
		    "'%.*s'", QUOTE_MAX, rq->path);
		break;
	}
}

void
serve_response_release(struct serve_response *rs)
{
	if (!rs->body_static)
		free(rs->body);
	free(rs->records);
	serve_stream_free(rs->stream);
	memset(rs, 0, sizeof *rs);
}
