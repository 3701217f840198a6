/*
 * logq.h: the decision log of a server, with group commit.
 *
 * Requests that carry verdicts submit their records and wait (without
 * holding a worker: see http.c); one thread writes whatever has been
 * submitted since its last write in one write() and one fsync(), then
 * tells every request of that group whether its records are kept. When a
 * write fails, the group is told so (its requests answer 503), the log
 * counts as unhealthy (/healthz answers 503) until a later write succeeds,
 * and the thread goes on with the next group.
 */
#ifndef AIPOLICY_SERVE_LOGQ_H
#define AIPOLICY_SERVE_LOGQ_H

#include <stdbool.h>
#include <stddef.h>

#include "metrics.h"

/* One request's records, waiting to be kept. */
struct logq_item {
	const char *records;  /* whole records; not owned */
	size_t len;
	/* done: called once, on the log thread, when the records are
	 * written and synced (OK) or cannot be (not OK). */
	void (*done)(struct logq_item *it, bool ok);
	struct logq_item *next; /* the queue's */
};

struct logq;

/* logq_new: open PATH for appending (see logwrite.h) and start the log
 * thread; failures are counted in M. NULL with errno set when the file
 * cannot be opened or the thread started. Caller owns it (logq_free). */
struct logq *logq_new(const char *path, struct metrics *m);

/* logq_submit: queue IT (which must stay valid until its done() call).
 * Returns 0, or -1 when the queue is closed (logq_close): IT is not
 * queued and done() is not called. */
int logq_submit(struct logq *q, struct logq_item *it);

/* logq_reopen: open the log's path again (after log rotation); the next
 * group goes to the new file. On failure the old file stays in use and
 * the reason is said on stderr. */
void logq_reopen(struct logq *q);

/* logq_healthy: the last write succeeded (or none failed yet). */
bool logq_healthy(struct logq *q);

/* logq_close: refuse further items, keep every item queued so far (each
 * gets its done() call), and stop the thread. */
void logq_close(struct logq *q);

/* logq_free: close Q if needed, close the file and free Q; 0, or -1 when
 * closing the file failed (said on stderr). NULL is a no-op. */
int logq_free(struct logq *q);

#endif
