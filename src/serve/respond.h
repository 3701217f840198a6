/*
 * respond.h: what the request handlers share (private to handler.c,
 * api.c and web.c): filling a response, and the handlers themselves.
 */
#ifndef AIPOLICY_SERVE_RESPOND_H
#define AIPOLICY_SERVE_RESPOND_H

#include "handler.h"
#include "util.h"

#define TYPE_JSON    "application/json; charset=utf-8"
#define TYPE_NDJSON  "application/x-ndjson"
#define TYPE_TEXT    "text/plain; charset=utf-8"
#define TYPE_METRICS "text/plain; version=0.0.4; charset=utf-8"
#define TYPE_HTML    "text/html; charset=utf-8"
#define TYPE_CSS     "text/css; charset=utf-8"

/* HTTP status codes the handlers answer with. */
enum {
	HTTP_OK = 200,
	HTTP_SEE_OTHER = 303,
	HTTP_NOT_MODIFIED = 304,
	HTTP_BAD_REQUEST = 400,
	HTTP_NOT_FOUND = 404,
	HTTP_METHOD_NOT_ALLOWED = 405,
	HTTP_PAYLOAD_TOO_LARGE = 413,
	HTTP_UNSUPPORTED_MEDIA_TYPE = 415,
	HTTP_UNPROCESSABLE = 422,
	HTTP_INTERNAL_ERROR = 500,
	HTTP_UNAVAILABLE = 503,
};

/* respond_body: status STATUS with the body in B (taken over; out of
 * memory when B failed) of type TYPE. */
void respond_body(struct serve_response *rs, int status, const char *type,
    struct buf *b);

/* The handlers: RS has its handler set and is otherwise empty. */
void api_check(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
void api_batch(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
/* The web walk (web.c): / (a redirect to /walk), /walk, the stylesheet. */
void web_root(struct serve_response *rs);
void web_walk(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
void web_static(const struct serve_request *rq, struct serve_response *rs);

#endif
