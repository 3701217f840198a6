/*
 * decision-log.h: the decision log of --log FILE (check and ask).
 *
 * One JSON line per verdict, as aipolicy/logwrite.h makes and appends
 * them (the same as serve's): the file is opened with O_APPEND and never
 * truncated; records are buffered by decision_log_add and written by
 * decision_log_flush with whole-line write()s (short writes retried) and
 * one fsync. A log whose last line is torn gets a newline first.
 */
#ifndef AIPOLICY_DECISION_LOG_H
#define AIPOLICY_DECISION_LOG_H

#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

struct decision_log;

/* decision_log_open: open (creating, mode 0644) PATH for appending. NULL
 * with errno set on failure. Caller owns it: decision_log_close. */
struct decision_log *decision_log_open(const char *path);

/*
 * decision_log_add: buffer one record: VIA ("check" or "ask"), the policy,
 * the path (NPATH steps), the unsure questions and the outcome reached.
 * Returns 0, or -1 (errno) when out of memory.
 */
int decision_log_add(struct decision_log *log, const char *via,
    const struct aipolicy *p, const struct aipolicy_step *path, size_t npath,
    const uint32_t *unsure, size_t nunsure, const struct aipolicy_outcome *o);

/* decision_log_flush: write what is buffered, then fsync. 0, or -1 with
 * errno set (the buffer is dropped: nothing is written twice). */
int decision_log_flush(struct decision_log *log);

/* decision_log_close: flush, close and free; returns what the flush and the
 * close returned (0 or -1 with errno). NULL is a no-op returning 0. */
int decision_log_close(struct decision_log *log);

#endif
