/*
 * respond.h: what the request handlers share (private to handler.c,
 * api.c, web.c and reqlang.c): filling a response, the language a
 * request asks for, and the handlers themselves.
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

/* reqlang_is_param: A is the ?lang= parameter on S, not an answer. */
bool reqlang_is_param(const struct served *s, const struct serve_arg *a);

/*
 * reqlang_api: the language of a JSON API request RQ on S: the one its
 * ?lang= names, else S's own texts (Accept-Language is not read: a
 * program's answers do not change with its HTTP library's defaults).
 * NULL after making RS an error: 404 for a language S is not served in
 * (the message lists those it is), 400 for ?lang= given twice.
 */
struct served_lang *reqlang_api(struct served *s,
    const struct serve_request *rq, struct serve_response *rs);

/* The language of a page. */
struct reqlang_page {
	struct served_lang *lang; /* the language shown */
	bool asked;               /* ?lang= chose it: links carry it */
	char *unknown;            /* ?lang= named a language S is not
	                           * served in: its value, cut short and
	                           * sanitised (the caller frees it) */
};

/*
 * reqlang_page: the language of the page RQ asks for on S, into *OUT: the
 * one its first ?lang= names, else the first Accept-Language asks for
 * that S has (then rs->vary_language is set), else S's own. 0, or -1 when
 * out of memory.
 */
int reqlang_page(struct served *s, const struct serve_request *rq,
    struct reqlang_page *out, struct serve_response *rs);

/* The handlers: RS has its handler set and is otherwise empty. */
void api_check(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
void api_batch(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
/* The web walk (web.c): / (a redirect to /walk), /walk, the stylesheet. */
void web_root(struct served *s, const struct serve_request *rq,
    struct serve_response *rs);
void web_walk(struct server *srv, struct served *s,
    const struct serve_request *rq, struct serve_response *rs);
void web_static(const struct serve_request *rq, struct serve_response *rs);

#endif
