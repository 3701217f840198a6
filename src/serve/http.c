/*
 * http.c: libmicrohttpd's callbacks and the server's own limits.
 *
 * A request goes through on_request several times: first with its
 * headers (it is routed, and an error known already is answered at once
 * when a body would follow), then with each piece of its body (kept up to
 * the route's limit), then once more when it has fully arrived, when it
 * is answered. An answer that carries verdicts waits for the decision
 * log: the connection is suspended, the log thread resumes it once the
 * records are synced (or cannot be), and on_request is called again to
 * send the answer (or a 503).
 *
 * Every connection is in a list with the time by which its request must
 * have fully arrived (HTTP_TIMEOUT_SECONDS after the connection opened or
 * its last response was sent); http_expire shuts down those past it.
 * libmicrohttpd's own timeout closes connections idle as long. A
 * connection over HTTP_MAX_CONNECTIONS is shut down as it opens.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "handler.h"
#include "http.h"

#define MS_PER_SECOND 1000
#define US_PER_SECOND 1000000
#define NS_PER_US     1000
#define NS_PER_MS     1000000
/* Bytes of a streamed body made at a time. */
#define STREAM_BLOCK  (64u * 1024)
/* libmicrohttpd's own connection limit, as a multiple of ours: it shares
 * its limit out between the worker threads and stops accepting when one
 * is at its share, while the server refuses (closes) a connection only
 * when HTTP_MAX_CONNECTIONS are open in all. */
#define MHD_LIMIT_FACTOR 2
/* Decimal digits of a Content-Length libmicrohttpd accepted. */
#define LENGTH_DIGITS_MAX 19

#define CSP "default-src 'none'; style-src 'self'; form-action 'self'; " \
	"base-uri 'none'; frame-ancestors 'none'"

struct conn {
	struct conn *prev, *next;
	int fd;
	bool refused;              /* over the limit: shut down at once */
	atomic_llong deadline_ms;  /* monotonic; 0: none */
};

enum req_state { REQ_READING, REQ_LOGGING, REQ_LOGGED };

struct request {
	struct http *h;
	struct MHD_Connection *mc;
	struct conn *conn;          /* NULL when not tracked */
	struct served *s;           /* held for the request's life */
	int64_t start_us;
	struct serve_route rt;
	struct buf body;
	bool too_big;
	atomic_int state;
	atomic_bool log_ok;
	struct serve_response rs;
	struct logq_item item;
	int code;                   /* the status sent, 0 before */
};

struct args {
	struct serve_arg *v;
	size_t n, cap;
	bool failed;
};

struct http {
	struct server *srv;
	struct MHD_Daemon *d;
	int listen_fd;              /* -1 once quiesced */
	pthread_mutex_t lock;       /* guards conns and nconns */
	struct conn *conns;
	unsigned nconns;            /* not refused */
	atomic_long running;
};

static int64_t now_us(void);
static void on_connection(void *cls, struct MHD_Connection *mc,
    void **socket_context, enum MHD_ConnectionNotificationCode code);
static void on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
    enum MHD_RequestTerminationCode toe);
static enum MHD_Result on_request(void *cls, struct MHD_Connection *mc,
    const char *url, const char *method, const char *version,
    const char *upload_data, size_t *upload_data_size, void **con_cls);
static struct request *request_new(struct http *h, struct MHD_Connection *mc,
    const char *url, const char *method);
static uint64_t content_length(struct MHD_Connection *mc, bool *body);
static void keep_body(struct request *rq, const char *data, size_t n);
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind,
    const char *key, size_t key_size, const char *value, size_t value_size);
static void answer(struct request *rq, const char *url, const char *method);
static enum MHD_Result wait_for_log(struct request *rq);
static void on_logged(struct logq_item *it, bool ok);
static enum MHD_Result send_response(struct request *rq);
static struct MHD_Response *make_response(struct request *rq);
static ssize_t read_stream(void *cls, uint64_t pos, char *buf, size_t max);
static void free_stream(void *cls);

/* Microseconds on the monotonic clock. */
static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * US_PER_SECOND + ts.tv_nsec / NS_PER_US;
}

static void
arm(struct conn *c)
{
	if (c != NULL)
		atomic_store(&c->deadline_ms, now_us() / MS_PER_SECOND +
		    (int64_t)HTTP_TIMEOUT_SECONDS * MS_PER_SECOND);
}

static void
on_connection(void *cls, struct MHD_Connection *mc, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct http *h = cls;
	const union MHD_ConnectionInfo *info;
	struct conn *c;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		info = MHD_get_connection_info(mc,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		c = calloc(1, sizeof *c);
		*socket_context = c;
		if (c == NULL || info == NULL) {
			/* Untracked: only libmicrohttpd's idle timeout. */
			free(c);
			*socket_context = NULL;
			return;
		}
		c->fd = info->connect_fd;
		arm(c);
		pthread_mutex_lock(&h->lock);
		if (h->nconns >= HTTP_MAX_CONNECTIONS) {
			c->refused = true;
			shutdown(c->fd, SHUT_RDWR);
		} else {
			h->nconns++;
		}
		c->next = h->conns;
		if (h->conns != NULL)
			h->conns->prev = c;
		h->conns = c;
		pthread_mutex_unlock(&h->lock);
		return;
	}
	c = *socket_context;
	if (c == NULL)
		return;
	/* Out of the list before libmicrohttpd closes the socket. */
	pthread_mutex_lock(&h->lock);
	if (!c->refused)
		h->nconns--;
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		h->conns = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&h->lock);
	free(c);
	*socket_context = NULL;
}

void
http_expire(struct http *h)
{
	int64_t now = now_us() / MS_PER_SECOND, d;
	struct conn *c;

	pthread_mutex_lock(&h->lock);
	for (c = h->conns; c != NULL; c = c->next) {
		d = atomic_load(&c->deadline_ms);
		if (d != 0 && now >= d) {
			atomic_store(&c->deadline_ms, 0);
			shutdown(c->fd, SHUT_RDWR);
		}
	}
	pthread_mutex_unlock(&h->lock);
}

/* Content-Length, or SERVE_LENGTH_UNKNOWN; *BODY says whether a body
 * follows the headers. */
static uint64_t
content_length(struct MHD_Connection *mc, bool *body)
{
	const char *s = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	uint64_t v;

	*body = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL;
	if (s == NULL || strspn(s, "0123456789") != strlen(s) ||
	    strlen(s) > LENGTH_DIGITS_MAX)
		return SERVE_LENGTH_UNKNOWN;
	v = strtoull(s, NULL, 10);
	*body = *body || v > 0;
	return v;
}

static struct request *
request_new(struct http *h, struct MHD_Connection *mc, const char *url,
    const char *method)
{
	struct request *rq = calloc(1, sizeof *rq);
	const union MHD_ConnectionInfo *info;
	bool body;
	uint64_t len;

	if (rq == NULL)
		return NULL;
	rq->h = h;
	rq->mc = mc;
	rq->start_us = now_us();
	info = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	rq->conn = info != NULL ? info->socket_context : NULL;
	rq->s = server_acquire(h->srv);
	buf_init(&rq->body);
	atomic_init(&rq->state, REQ_READING);
	atomic_init(&rq->log_ok, false);
	len = content_length(mc, &body);
	serve_route(method, url, MHD_lookup_connection_value(mc,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE), len, &rq->rt);
	if (rq->rt.body_max > 0 && len != SERVE_LENGTH_UNKNOWN &&
	    len <= rq->rt.body_max && !buf_reserve(&rq->body, (size_t)len))
		rq->body.failed = true;
	atomic_fetch_add(&h->running, 1);
	(void)body;
	return rq;
}

static void
request_free(struct request *rq)
{
	served_release(rq->s);
	buf_release(&rq->body);
	serve_response_release(&rq->rs);
	atomic_fetch_sub(&rq->h->running, 1);
	free(rq);
}

static void
on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;
	int64_t took;

	if (rq == NULL)
		return;
	took = now_us() - rq->start_us;
	if (rq->code != 0)
		metrics_request(&rq->h->srv->metrics, rq->rs.handler, rq->code,
		    (uint64_t)(took > 0 ? took : 0));
	/* The next request on this connection has the same time to come. */
	if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
		arm(rq->conn);
	request_free(rq);
	*con_cls = NULL;
}

/* A piece of the body: kept while within the route's limit. */
static void
keep_body(struct request *rq, const char *data, size_t n)
{
	if (rq->rt.status != 0 || rq->rt.body_max == 0 || rq->too_big)
		return;
	if (rq->body.len + n > rq->rt.body_max) {
		rq->too_big = true;
		buf_release(&rq->body);
		return;
	}
	buf_add(&rq->body, data, n);
}

static enum MHD_Result
add_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
    const char *value, size_t value_size)
{
	struct args *a = cls;
	struct serve_arg *nv;
	size_t cap;

	if (a->n == a->cap) {
		cap = a->cap ? a->cap * 2 : 16;
		nv = realloc(a->v, cap * sizeof *nv);
		if (nv == NULL) {
			a->failed = true;
			return MHD_NO;
		}
		a->v = nv;
		a->cap = cap;
	}
	a->v[a->n].name = key;
	a->v[a->n].name_len = key_size;
	a->v[a->n].value = value;
	a->v[a->n].value_len = value != NULL ? value_size : 0;
	a->n++;
	return MHD_YES;
}

/* Answer the request that has fully arrived into rq->rs. */
static void
answer(struct request *rq, const char *url, const char *method)
{
	struct serve_request req;
	struct args a = { NULL, 0, 0, false };

	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	req.head = strcmp(method, "HEAD") == 0;
	req.content_type = MHD_lookup_connection_value(rq->mc,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	req.if_none_match = MHD_lookup_connection_value(rq->mc,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	req.accept_language = MHD_lookup_connection_value(rq->mc,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
	MHD_get_connection_values_n(rq->mc, MHD_GET_ARGUMENT_KIND, add_arg,
	    &a);
	req.args = a.v;
	req.nargs = a.n;
	req.body = rq->body.data;
	req.body_len = rq->body.len;
	req.body_too_big = rq->too_big;
	if (a.failed || rq->body.failed) {
		memset(&rq->rs, 0, sizeof rq->rs);
		rq->rs.handler = rq->rt.handler;
		serve_response_nomem(&rq->rs);
	} else {
		serve_handle(rq->h->srv, rq->s, &req, &rq->rt, &rq->rs);
	}
	free(a.v);
}

/* Suspend the connection until the log thread has kept rq's records. */
static enum MHD_Result
wait_for_log(struct request *rq)
{
	rq->item.records = rq->rs.records;
	rq->item.len = rq->rs.records_len;
	rq->item.done = on_logged;
	atomic_store(&rq->state, REQ_LOGGING);
	MHD_suspend_connection(rq->mc);
	if (logq_submit(rq->h->srv->logq, &rq->item) != 0) {
		/* The log is closed: the server is stopping. */
		atomic_store(&rq->log_ok, false);
		atomic_store(&rq->state, REQ_LOGGED);
		MHD_resume_connection(rq->mc);
	}
	return MHD_YES;
}

/* On the log thread: rq's records are kept (OK) or cannot be. */
static void
on_logged(struct logq_item *it, bool ok)
{
	struct request *rq = (struct request *)((char *)it -
	    offsetof(struct request, item));

	atomic_store(&rq->log_ok, ok);
	atomic_store(&rq->state, REQ_LOGGED);
	MHD_resume_connection(rq->mc);
}

static ssize_t
read_stream(void *cls, uint64_t pos, char *buf, size_t max)
{
	ssize_t n = serve_stream_read(cls, buf, max);

	(void)pos;
	if (n < 0)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	return n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void
free_stream(void *cls)
{
	serve_stream_free(cls);
}

/* rq->rs as a libmicrohttpd response with every header; NULL when out of
 * memory. The body or stream goes over to it. */
static struct MHD_Response *
make_response(struct request *rq)
{
	struct serve_response *rs = &rq->rs;
	struct MHD_Response *r;
	bool ok;

	if (rs->stream != NULL) {
		r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN,
		    STREAM_BLOCK, read_stream, rs->stream, free_stream);
		if (r != NULL)
			rs->stream = NULL;
	} else {
		r = MHD_create_response_from_buffer(rs->len, rs->body,
		    rs->body_static ? MHD_RESPMEM_PERSISTENT :
		    MHD_RESPMEM_MUST_FREE);
		if (r != NULL)
			rs->body = NULL;
	}
	if (r == NULL)
		return NULL;
	ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_SECURITY_POLICY,
	    CSP) == MHD_YES &&
	    MHD_add_response_header(r, MHD_HTTP_HEADER_X_CONTENT_TYPE_OPTIONS,
	    "nosniff") == MHD_YES &&
	    MHD_add_response_header(r, "Referrer-Policy",
	    "no-referrer") == MHD_YES &&
	    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
	    rs->cache_control != NULL ? rs->cache_control : "no-store") ==
	    MHD_YES;
	if (ok && rs->content_type != NULL)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		    rs->content_type) == MHD_YES;
	if (ok && rs->allow != NULL)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
		    rs->allow) == MHD_YES;
	if (ok && rs->location != NULL)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION,
		    rs->location) == MHD_YES;
	if (ok && rs->vary_language)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_VARY,
		    MHD_HTTP_HEADER_ACCEPT_LANGUAGE) == MHD_YES;
	if (ok && rs->etag != NULL)
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG,
		    rs->etag) == MHD_YES;
	if (ok && atomic_load(&rq->h->srv->stopping))
		ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION,
		    "close") == MHD_YES;
	if (!ok) {
		MHD_destroy_response(r);
		return NULL;
	}
	return r;
}

/* Queue rq->rs (or a 503 when its records could not be kept). */
static enum MHD_Result
send_response(struct request *rq)
{
	struct serve_response *rs = &rq->rs;
	struct MHD_Response *r;
	enum MHD_Result ret;
	enum serve_handler handler = rs->handler;
	int v;

	if (atomic_load(&rq->state) == REQ_LOGGED &&
	    !atomic_load(&rq->log_ok)) {
		serve_response_release(rs);
		rs->handler = handler;
		serve_response_error(rs, MHD_HTTP_SERVICE_UNAVAILABLE, "the "
		    "decision log cannot be written, so no verdict is given; "
		    "try again later");
	}
	r = make_response(rq);
	if (r == NULL)
		return MHD_NO;
	ret = MHD_queue_response(rq->mc, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	if (ret != MHD_YES)
		return MHD_NO;
	rq->code = rs->status;
	for (v = 0; v < AIPOLICY_VERDICT_COUNT; v++) {
		if (rs->verdicts[v] > 0)
			metrics_decisions(&rq->h->srv->metrics,
			    (enum aipolicy_verdict)v, rs->verdicts[v]);
	}
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *mc, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct http *h = cls;
	struct request *rq = *con_cls;
	bool body;

	(void)version;
	if (rq == NULL) {
		rq = request_new(h, mc, url, method);
		if (rq == NULL)
			return MHD_NO;
		*con_cls = rq;
		content_length(mc, &body);
		if (rq->rt.status == 0 || !body)
			return MHD_YES;
		/* An error known from the headers: answered before the body,
		 * which is not read (the connection closes after). */
		if (rq->conn != NULL)
			atomic_store(&rq->conn->deadline_ms, 0);
		answer(rq, url, method);
		return send_response(rq);
	}
	if (*upload_data_size > 0) {
		keep_body(rq, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	switch (atomic_load(&rq->state)) {
	case REQ_LOGGING:
		return MHD_YES;
	case REQ_LOGGED:
		return send_response(rq);
	default:
		break;
	}
	/* The whole request is here. */
	if (rq->conn != NULL)
		atomic_store(&rq->conn->deadline_ms, 0);
	answer(rq, url, method);
	if (rq->rs.records != NULL && h->srv->logq != NULL)
		return wait_for_log(rq);
	return send_response(rq);
}

struct http *
http_start(struct server *srv, int listen_fd, unsigned threads)
{
	struct http *h = calloc(1, sizeof *h);

	if (h == NULL)
		return NULL;
	h->srv = srv;
	h->listen_fd = listen_fd;
	pthread_mutex_init(&h->lock, NULL);
	atomic_init(&h->running, 0);
	/* poll(), not epoll: libmicrohttpd 0.9.75's MHD_quiesce_daemon races
	 * with a worker's epoll loop (a worker may take the listening socket
	 * out of its epoll set first, and the quiescing thread then aborts
	 * on ENOENT); with poll() quiescing only wakes the workers. */
	h->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_POLL | MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL,
	    on_request, h,
	    MHD_OPTION_LISTEN_SOCKET, listen_fd,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)HTTP_MAX_CONNECTIONS *
	    MHD_LIMIT_FACTOR,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)HTTP_TIMEOUT_SECONDS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)HTTP_MEMORY_PER_CONNECTION,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, h,
	    MHD_OPTION_SIGPIPE_HANDLED_BY_APP, 1,
	    MHD_OPTION_END);
	if (h->d == NULL) {
		pthread_mutex_destroy(&h->lock);
		free(h);
		return NULL;
	}
	return h;
}

void
http_quiesce(struct http *h)
{
	MHD_socket fd;

	if (h->listen_fd < 0)
		return;
	fd = MHD_quiesce_daemon(h->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	h->listen_fd = -1;
}

long
http_running(struct http *h)
{
	return atomic_load(&h->running);
}

void
http_stop(struct http *h)
{
	MHD_stop_daemon(h->d);
	pthread_mutex_destroy(&h->lock);
	free(h);
}
