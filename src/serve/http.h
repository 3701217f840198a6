/*
 * http.h: the HTTP layer: libmicrohttpd's daemon with its thread pool,
 * the glue from its callbacks to the request handlers (handler.h), the
 * wait for the decision log (a connection is suspended, not a worker
 * blocked), and the limits libmicrohttpd does not keep by itself.
 */
#ifndef AIPOLICY_SERVE_HTTP_H
#define AIPOLICY_SERVE_HTTP_H

#include <stdbool.h>

#include "server.h"

/* Limits on clients. */
#define HTTP_TIMEOUT_SECONDS   10   /* idle, and for a whole request */
#define HTTP_MAX_CONNECTIONS   1000
#define HTTP_MEMORY_PER_CONNECTION (32u * 1024) /* request line, headers */

struct http;

/*
 * http_start: serve SRV on the listening socket LISTEN_FD (which
 * libmicrohttpd takes over, even when it fails to start) with THREADS
 * worker threads. NULL when it cannot start. Caller owns the result
 * (http_stop).
 */
struct http *http_start(struct server *srv, int listen_fd, unsigned threads);

/* http_expire: close the connections whose request has not fully arrived
 * HTTP_TIMEOUT_SECONDS after the connection was ready for it. Call it
 * about once a second. */
void http_expire(struct http *h);

/* http_quiesce: stop accepting connections (those open are still
 * served, each response now closing its connection). */
void http_quiesce(struct http *h);

/* http_running: requests started and not yet completed. */
long http_running(struct http *h);

/* http_stop: close every connection and stop the threads; frees H. */
void http_stop(struct http *h);

#endif
