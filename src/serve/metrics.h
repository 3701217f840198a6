/*
 * metrics.h: the server's counters, and their exposition in the Prometheus
 * text format 0.0.4 (GET /metrics). Counters are atomics that any thread
 * bumps; nothing here takes a lock.
 */
#ifndef AIPOLICY_SERVE_METRICS_H
#define AIPOLICY_SERVE_METRICS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "aipolicy/policy.h"
#include "util.h"
#include "served.h"

/* What answered a request: the "handler" label. */
enum serve_handler {
	HANDLER_POLICY,   /* /v1/policy */
	HANDLER_CHECK,    /* /v1/check */
	HANDLER_BATCH,    /* /v1/batch */
	HANDLER_HEALTHZ,
	HANDLER_METRICS,
	HANDLER_WALK,     /* / and /walk */
	HANDLER_STATIC,   /* /static/... */
	HANDLER_NONE,     /* no such path */
};
#define HANDLER_COUNT 8

/* The status codes counted one by one; any other counts as the last. */
#define METRICS_CODES { 200, 303, 304, 400, 404, 405, 413, 415, 422, \
	500, 503, 0 }
#define METRICS_NCODES 12

/* Upper bounds of the request duration buckets, in microseconds. */
#define METRICS_BUCKETS_US { 500, 1000, 2500, 5000, 10000, 25000, 50000, \
	100000, 250000, 500000, 1000000, 2500000, 5000000, 10000000 }
#define METRICS_NBUCKETS 14

struct metrics {
	atomic_ulong requests[HANDLER_COUNT][METRICS_NCODES];
	atomic_ulong decisions[AIPOLICY_VERDICT_COUNT];
	atomic_ulong duration_le[METRICS_NBUCKETS]; /* not cumulative */
	atomic_ulong duration_count;
	atomic_ulong duration_sum_us;
	atomic_ulong reloads_ok, reloads_failed;
	atomic_ulong log_errors;
	atomic_ulong log_syncs;    /* writes of a group, each one fsync */
	atomic_ulong log_records;  /* records kept */
};

/* metrics_init: every counter 0. */
void metrics_init(struct metrics *m);
/* metrics_request: one request answered by H with status CODE, which took
 * MICROSECONDS from its headers to its last byte. */
void metrics_request(struct metrics *m, enum serve_handler h, int code,
    uint64_t microseconds);
/* metrics_decisions: N verdicts V served. */
void metrics_decisions(struct metrics *m, enum aipolicy_verdict v,
    unsigned long n);

/*
 * metrics_render: the exposition into B: the counters of M, and for the
 * policy S as of TODAY its info and whether it is stale.
 */
void metrics_render(struct metrics *m, const struct served *s,
    aipolicy_date_t today, struct buf *b);

/* metrics_handler_name: the label value of H ("check", ...). */
const char *metrics_handler_name(enum serve_handler h);

#endif
