/*
 * served.h: one loaded policy as the server answers for it, with what its
 * answers are built from: the result objects (one per state the policy's
 * dates can be in), the log record encoder, the /v1/policy object, and a
 * pool of walkers.
 *
 * A struct served is reference counted: the server holds one reference to
 * the current policy, and each request holds one from its start to its
 * end, so that a reload (SIGHUP) swaps in a new policy while the requests
 * that started on the old one finish on it; the last release frees it.
 */
#ifndef AIPOLICY_SERVE_SERVED_H
#define AIPOLICY_SERVE_SERVED_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/logwrite.h"
#include "aipolicy/policy.h"
#include "core/present.h"
#include "aipolicy/result.h"
#include "aipolicy/walk.h"

/* The states of enum present_dates: current, stale, not yet in force. */
#define SERVED_DATES_COUNT 3

struct served {
	atomic_uint refs;
	struct aipolicy *p;
	struct aipolicy_result_json *rj[SERVED_DATES_COUNT]; /* by present_dates */
	struct logwrite_enc *log;
	char *name;           /* "ID VERSION", sanitised, for messages */
	pthread_mutex_t lock; /* guards what follows */
	struct aipolicy_walker **pool; /* walkers not in use */
	size_t npool, pool_cap;
	char *policy_json[SERVED_DATES_COUNT]; /* made on first use */
	size_t policy_json_len[SERVED_DATES_COUNT];
};

/* served_new: serve P, which it takes over on success (freed with the
 * last reference); one reference, the caller's. NULL when out of memory,
 * and P stays the caller's. */
struct served *served_new(struct aipolicy *p);
/* served_hold: one more reference to S. */
void served_hold(struct served *s);
/* served_release: drop one reference; the last frees S. NULL is a no-op. */
void served_release(struct served *s);

/* served_result: the result objects of S as of TODAY. */
const struct aipolicy_result_json *served_result(const struct served *s,
    aipolicy_date_t today);

/* served_walker: a walker of S's policy for one request, to give back
 * with served_walker_put; NULL when out of memory. */
struct aipolicy_walker *served_walker(struct served *s);
void served_walker_put(struct served *s, struct aipolicy_walker *w);

/* served_policy_json: the /v1/policy object as of TODAY, ending in a
 * newline, in *OUT (owned by S) and *LEN. 0, or -1 when out of memory. */
int served_policy_json(struct served *s, aipolicy_date_t today, const char **out,
    size_t *len);

#endif
