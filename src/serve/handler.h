/*
 * handler.h: from a request to its response, with no HTTP library in
 * sight: the HTTP layer (http.c) fills a struct serve_request from what
 * libmicrohttpd parsed, and sends the struct serve_response back; the
 * fuzz target calls the same two functions without any socket.
 *
 * Answering happens in two steps, because some errors are known before
 * the body is read: serve_route looks at the method, path, Content-Type
 * and Content-Length alone (404, 405, 415, 413, in that order), then
 * serve_handle answers the whole request.
 */
#ifndef AIPOLICY_SERVE_HANDLER_H
#define AIPOLICY_SERVE_HANDLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "metrics.h"
#include "served.h"
#include "server.h"

/* Bodies: at most this many bytes. */
#define SERVE_CHECK_BODY_MAX (64u * 1024)
#define SERVE_BATCH_BODY_MAX (16u * 1024 * 1024)

/* Content-Length not given. */
#define SERVE_LENGTH_UNKNOWN UINT64_MAX

/* One query parameter, percent-decoded; VALUE is NULL when the parameter
 * has no '='. Not NUL-terminated as far as the lengths go. */
struct serve_arg {
	const char *name, *value;
	size_t name_len, value_len;
};

struct serve_request {
	const char *method;
	const char *path;          /* decoded, without the query */
	const struct serve_arg *args;
	size_t nargs;
	const char *content_type;  /* NULL when not given */
	const char *if_none_match; /* NULL when not given */
	const char *accept_language; /* NULL when not given */
	const char *body;
	size_t body_len;
	bool body_too_big;         /* more than the route's body_max came */
	bool head;                 /* HEAD: no body is sent, nothing logged */
};

/* What serve_route found. */
struct serve_route {
	enum serve_handler handler;
	int status;                /* the error it found, or 0 */
	const char *allow;         /* the methods the path takes */
	size_t body_max;           /* bytes of body to keep; 0: none */
};

/* serve_route: route a request from its METHOD, PATH, CONTENT_TYPE (NULL
 * when not given) and CONTENT_LENGTH (or SERVE_LENGTH_UNKNOWN). */
void serve_route(const char *method, const char *path,
    const char *content_type, uint64_t content_length, struct serve_route *rt);

struct serve_stream;

/* Room for a Location made for a request: "/walk?lang=" and a tag. */
#define SERVE_LOCATION_SIZE 64

struct serve_response {
	int status;
	enum serve_handler handler;
	const char *content_type;   /* static strings, or NULL */
	const char *allow;
	const char *location;       /* static, or location_buf */
	char location_buf[SERVE_LOCATION_SIZE];
	const char *cache_control;
	const char *etag;
	char *body;                 /* owned unless body_static */
	size_t len;
	bool body_static;
	bool vary_language;         /* Accept-Language chose the language */
	struct serve_stream *stream; /* instead of body: made while sent */
	char *records;              /* decision log records to keep before
	                             * the response is sent; owned */
	size_t records_len;
	/* The verdicts the body carries. */
	unsigned long verdicts[AIPOLICY_VERDICT_COUNT];
};

/*
 * serve_handle: answer RQ (routed to RT) on the policy S of SRV, into *RS
 * (which the caller releases with serve_response_release). Never fails:
 * out of memory is a 500 response.
 */
void serve_handle(struct server *srv, struct served *s,
    const struct serve_request *rq, const struct serve_route *rt,
    struct serve_response *rs);

/* serve_response_error: RS is STATUS with the JSON error object
 * {"status": "error", "error": MESSAGE}. */
void serve_response_error(struct serve_response *rs, int status,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* serve_response_nomem: make RS a 500 with an "out of memory" error
 * object, allocating nothing (what RS held is freed). */
void serve_response_nomem(struct serve_response *rs);

/* serve_response_release: frees what RS owns; RS is empty afterwards. */
void serve_response_release(struct serve_response *rs);

/*
 * serve_stream_read: the next bytes of a streamed body, at most MAX into
 * BUF. Returns how many (0 at the end), or -1 when out of memory.
 */
ssize_t serve_stream_read(struct serve_stream *st, char *buf, size_t max);
/* serve_stream_free: NULL is a no-op. */
void serve_stream_free(struct serve_stream *st);

#endif
