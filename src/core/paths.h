/*
 * paths.h: the decision table of a policy: every path of answers from
 * start to an outcome, in answer order (aipolicy paths).
 *
 * A DAG can have far more paths than questions, so paths are produced one
 * at a time by an iterator (a depth-first walk with an explicit stack: a
 * chain of 200,000 questions is one path, not a deep recursion) and
 * rendered row by row into a buffer that the caller writes out and empties
 * as it likes. Nothing holds every row at once.
 */
#ifndef AIPOLICY_PATHS_H
#define AIPOLICY_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

/* One row: the answers from start (NSTEPS steps) and the outcome they
 * reach. The steps belong to the iterator, valid until its next call. */
struct paths_row {
	const struct aipolicy_step *steps;
	size_t nsteps;
	const struct aipolicy_outcome *outcome;
};

struct paths;

/* paths_new: an iterator over P's paths, before the first one; NULL when
 * out of memory. P must outlive it. Caller owns it (paths_free). */
struct paths *paths_new(const struct aipolicy *p);
/* paths_free: NULL is a no-op. */
void paths_free(struct paths *it);

/*
 * paths_next: the next path, depth first from start, each question's
 * answers in the policy's order: fills *ROW and returns true, or returns
 * false when every path has been given.
 */
bool paths_next(struct paths *it, struct paths_row *row);

enum paths_format {
	PATHS_TSV,    /* header "path<TAB>verdict<TAB>outcome", q1=a1;q2=a2 */
	PATHS_JSON,   /* an array of {"path", "verdict", "outcome"}, one line */
};

struct paths_render;

/* paths_render_new: what rendering P's rows in FORMAT needs (each id and
 * key encoded once); NULL when out of memory. P must outlive it. Caller
 * owns it (paths_render_free). */
struct paths_render *paths_render_new(const struct aipolicy *p,
    enum paths_format format);
/* paths_render_free: NULL is a no-op. */
void paths_render_free(struct paths_render *pr);

/*
 * Rendering appends to *OUT (a malloc'd buffer of *LEN bytes used and *CAP
 * allocated, grown as needed, NUL-terminated; the caller owns it and may
 * set *LEN to 0 after writing it out). Call paths_render_begin once,
 * paths_render_row for each row, then paths_render_end. Each returns 0, or
 * -1 when out of memory.
 *
 * TSV: the header line, then one line per row; in ids and keys, '\', ';',
 * '=', tab and newline are written "\\", "\;", "\=", "\t", "\n".
 * JSON: "[", the rows as objects separated by ", ", then "]" and a newline:
 * the whole table on one line.
 */
int paths_render_begin(struct paths_render *pr, char **out, size_t *len,
    size_t *cap);
int paths_render_row(struct paths_render *pr, const struct paths_row *row,
    char **out, size_t *len, size_t *cap);
int paths_render_end(struct paths_render *pr, char **out, size_t *len,
    size_t *cap);

#endif
