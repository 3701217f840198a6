/*
 * logq.c: the log thread. Items queue under a mutex; the thread takes the
 * whole queue at once, writes it with one write and one fsync (a group
 * commit: the more requests wait, the more share a sync), and answers
 * each item.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/logwrite.h"
#include "logq.h"
#include "msg.h"

struct logq {
	char *path;
	struct metrics *m;
	pthread_mutex_t lock;     /* guards the queue, closed and reopened */
	pthread_cond_t wake;
	struct logq_item *head, *tail;
	bool closed;
	bool has_reopened;
	struct logwrite_file reopened; /* a new file for the next group */
	struct logwrite_file file;     /* the log thread's */
	atomic_bool healthy;
	pthread_t thread;
	struct buf group;             /* the log thread's */
};

static void *run(void *arg);
static int write_group(struct logq *q, struct logq_item *first);
static void take_reopened(struct logq *q);
static void note_result(struct logq *q, int rc, int err);
static unsigned long count_records(const struct logq_item *first);

struct logq *
logq_new(const char *path, struct metrics *m)
{
	struct logq *q = calloc(1, sizeof *q);
	int err;

	if (q == NULL)
		return NULL;
	q->path = strdup(path);
	if (q->path == NULL) {
		free(q);
		errno = ENOMEM;
		return NULL;
	}
	q->m = m;
	atomic_init(&q->healthy, true);
	buf_init(&q->group);
	if (logwrite_open(path, &q->file) != 0) {
		err = errno;
		free(q->path);
		free(q);
		errno = err;
		return NULL;
	}
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->wake, NULL);
	err = pthread_create(&q->thread, NULL, run, q);
	if (err != 0) {
		logwrite_close(&q->file);
		pthread_cond_destroy(&q->wake);
		pthread_mutex_destroy(&q->lock);
		free(q->path);
		free(q);
		errno = err;
		return NULL;
	}
	return q;
}

int
logq_submit(struct logq *q, struct logq_item *it)
{
	int rc = 0;

	it->next = NULL;
	pthread_mutex_lock(&q->lock);
	if (q->closed) {
		rc = -1;
	} else {
		if (q->tail != NULL)
			q->tail->next = it;
		else
			q->head = it;
		q->tail = it;
		pthread_cond_signal(&q->wake);
	}
	pthread_mutex_unlock(&q->lock);
	return rc;
}

bool
logq_healthy(struct logq *q)
{
	return atomic_load(&q->healthy);
}

void
logq_reopen(struct logq *q)
{
	struct logwrite_file f;

	if (logwrite_open(q->path, &f) != 0) {
		msg_file_error(0, q->path, "cannot reopen the decision log: "
		    "%s; still writing to the file opened before",
		    strerror(errno));
		return;
	}
	pthread_mutex_lock(&q->lock);
	if (q->has_reopened)
		logwrite_close(&q->reopened);
	q->reopened = f;
	q->has_reopened = true;
	pthread_mutex_unlock(&q->lock);
}

/* With Q's lock held: switch to the file logq_reopen opened. */
static void
take_reopened(struct logq *q)
{
	if (!q->has_reopened)
		return;
	if (logwrite_close(&q->file) != 0)
		msg_file_error(0, q->path, "closing the decision log before "
		    "reopening it: %s", strerror(errno));
	q->file = q->reopened;
	q->has_reopened = false;
}

/* Say on stderr when the log stops or starts again being written. */
static void
note_result(struct logq *q, int rc, int err)
{
	bool was = atomic_exchange(&q->healthy, rc == 0);

	if (rc != 0) {
		atomic_fetch_add_explicit(&q->m->log_errors, 1,
		    memory_order_relaxed);
		if (was)
			msg_file_error(0, q->path, "cannot write the decision "
			    "log: %s; verdicts are answered 503 until it can "
			    "be written", strerror(err));
	} else if (!was) {
		msg_note("%s: the decision log is written again", q->path);
	}
}

/* The records (lines) of the items from FIRST on. */
static unsigned long
count_records(const struct logq_item *first)
{
	const struct logq_item *it;
	unsigned long n = 0;
	const char *s, *end;

	for (it = first; it != NULL; it = it->next) {
		end = it->records + it->len;
		for (s = it->records; (s = memchr(s, '\n', (size_t)(end - s)))
		    != NULL; s++)
			n++;
	}
	return n;
}

/* Write the records of the items from FIRST on: 0, or -1 with errno. */
static int
write_group(struct logq *q, struct logq_item *first)
{
	struct logq_item *it;

	if (first->next == NULL)
		return logwrite_append(&q->file, first->records, first->len);
	q->group.len = 0;
	for (it = first; it != NULL; it = it->next)
		buf_add(&q->group, it->records, it->len);
	if (q->group.failed) {
		buf_release(&q->group);
		errno = ENOMEM;
		return -1;
	}
	return logwrite_append(&q->file, q->group.data, q->group.len);
}

static void *
run(void *arg)
{
	struct logq *q = arg;
	struct logq_item *first, *it, *next;
	int rc, err;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->head == NULL && !q->closed)
			pthread_cond_wait(&q->wake, &q->lock);
		if (q->head == NULL)
			break;
		first = q->head;
		q->head = q->tail = NULL;
		take_reopened(q);
		pthread_mutex_unlock(&q->lock);
		rc = write_group(q, first);
		err = errno;
		note_result(q, rc, err);
		if (rc == 0) {
			atomic_fetch_add_explicit(&q->m->log_syncs, 1,
			    memory_order_relaxed);
			atomic_fetch_add_explicit(&q->m->log_records,
			    count_records(first), memory_order_relaxed);
		}
		for (it = first; it != NULL; it = next) {
			next = it->next;
			it->done(it, rc == 0);
		}
		pthread_mutex_lock(&q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

void
logq_close(struct logq *q)
{
	bool join;

	pthread_mutex_lock(&q->lock);
	join = !q->closed;
	q->closed = true;
	pthread_cond_signal(&q->wake);
	pthread_mutex_unlock(&q->lock);
	if (join)
		pthread_join(q->thread, NULL);
}

int
logq_free(struct logq *q)
{
	int rc;

	if (q == NULL)
		return 0;
	logq_close(q);
	if (q->has_reopened)
		logwrite_close(&q->reopened);
	rc = logwrite_close(&q->file);
	if (rc != 0)
		msg_file_error(0, q->path, "cannot close the decision log: %s",
		    strerror(errno));
	buf_release(&q->group);
	pthread_cond_destroy(&q->wake);
	pthread_mutex_destroy(&q->lock);
	free(q->path);
	free(q);
	return rc;
}
