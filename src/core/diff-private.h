/*
 * diff-private.h: what the parts of the diff share (diff.c sets up the
 * matching of the two versions, diff-walk.c walks them together,
 * diff-render.c writes the result). Private to src/core.
 */
#ifndef AIPOLICY_DIFF_PRIVATE_H
#define AIPOLICY_DIFF_PRIVATE_H

#include "core/diff.h"
#include "util.h"

/* "No such question / answer / position". */
#define DIFF_NONE UINT32_MAX

/*
 * How the two versions match. A question is known by a unified index u:
 * the new version's questions keep their index, the questions only the old
 * version has come after them (nq_new + their rank among those).
 */
struct diff_match {
	const struct aipolicy *old, *new;
	uint32_t nunified;      /* questions of either version */
	uint32_t *old_u;        /* per old question: its unified index */
	uint32_t *old_of_new;   /* per new question: old index or DIFF_NONE */
	uint32_t **new_ans;     /* per old question and answer: the new
	                         * question's matching answer, or DIFF_NONE */
	uint32_t **old_ans;     /* per new question and answer: the old
	                         * question's matching answer, or DIFF_NONE */
};

struct diff_private {
	struct arena arena;     /* the lists and every change's answers */
	size_t cap;             /* changes allocated */
};

/* diff_walk: the combined walk of M under OPTS, adding D's changes and
 * setting D's stop and steps. Returns 0, or -1 when out of memory. */
int diff_walk(const struct diff_match *m, const struct diff_options *opts,
    struct diff *d);

/* diff_add_change: append a change to D (ANSWERS copied into D's arena).
 * Returns 0, or -1 when out of memory. */
int diff_add_change(struct diff *d, const struct diff_answer *answers,
    size_t n, const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new, enum diff_kind kind);

#endif
