/*
 * diff.h: what changed for employees between two versions of a policy.
 *
 * diff_run() walks the two decision graphs together (questions matched by
 * id, answers by key ignoring ASCII case) and lists every combined path of
 * answers on which the old and the new version reach a different outcome,
 * or the same outcome with other text, in the order of a depth-first walk
 * in the new version's answer order. It also lists the questions, answers
 * and outcomes that one version has and the other does not. The result can
 * be rendered as the JSON object or the text change log of `aipolicy diff`.
 *
 * diff_classify() compares two outcomes on their own, so that answers
 * replayed on both versions (for instance from a decision log) are labelled
 * exactly as the changes of the combined walk are.
 */
#ifndef AIPOLICY_DIFF_H
#define AIPOLICY_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/policy.h"

/* Changes listed by default before the walk stops (--limit). */
#define DIFF_DEFAULT_LIMIT 10000
/* Steps of the combined walk (answers tried or followed) before it gives
 * up on a pair of versions that ask their questions in such different
 * orders that the combinations cannot all be tried. */
#define DIFF_DEFAULT_MAX_STEPS (256u * 1024 * 1024)

/* How the outcome reached for the same answers changed. */
enum diff_kind {
	DIFF_SAME,       /* the same outcome id with the same text */
	DIFF_TIGHTENED,  /* the new verdict is more restrictive */
	DIFF_LOOSENED,   /* the new verdict is less restrictive */
	DIFF_REWORDED,   /* same verdict; another outcome, or other text */
};

/* Why the walk stopped. */
enum diff_stop {
	DIFF_COMPLETE,   /* every combined path was walked */
	DIFF_STOP_LIMIT, /* more changes than the limit: the rest not listed */
	/* max_steps reached: there may be changes not listed */
	DIFF_STOP_STEPS,
};

/* One question answered on a change's way: both strings belong to one of
 * the two policies. The key is spelled as the new version spells it when
 * the new version has the question and the answer. */
struct diff_answer {
	const char *question;
	const char *answer;
};

/* One combined path whose outcome changed. */
struct diff_change {
	struct diff_answer *answers; /* every question either version asks on
	                              * the way, in the order they are met */
	size_t nanswers;
	const struct aipolicy_outcome *old;   /* in the old policy */
	const struct aipolicy_outcome *new;   /* in the new policy */
	enum diff_kind kind;         /* never DIFF_SAME */
};

/* What one version has and the other does not. Questions and outcomes are
 * matched by id, answers (of questions both have) by key ignoring ASCII
 * case. Each list is in the file order of the version the items are in. */
struct diff_only {
	const struct aipolicy_question **questions;
	size_t nquestions;
	struct diff_answer *answers;
	size_t nanswers;
	/* named ones, then inline ones */
	const struct aipolicy_outcome **outcomes;
	size_t noutcomes;
};

struct diff_options {
	size_t limit;        /* at least 1: changes listed before stopping */
	uint64_t max_steps;  /* at least 1 */
};

struct diff_private;

struct diff {
	const struct aipolicy *old, *new;
	struct diff_change *changes;
	size_t nchanges;
	size_t count[DIFF_REWORDED + 1]; /* changes of each kind */
	struct diff_only added;          /* in the new version only */
	struct diff_only removed;        /* in the old version only */
	enum diff_stop stop;
	uint64_t steps;                  /* steps the walk took */
	struct diff_private *priv;
};

/* diff_options_init: the defaults (DIFF_DEFAULT_LIMIT, _MAX_STEPS). */
void diff_options_init(struct diff_options *o);

/*
 * diff_run: compare OLD with NEW (both loaded and valid; either may be the
 * other) under OPTS (NULL for the defaults). On success returns 0 and sets
 * *out to a new diff the caller owns (diff_free); OLD and NEW must outlive
 * it. Returns -1 when out of memory, with *out untouched.
 */
int diff_run(const struct aipolicy *old, const struct aipolicy *new,
    const struct diff_options *opts, struct diff **out);

/* diff_free: frees D (not its policies); NULL is a no-op. */
void diff_free(struct diff *d);

/* diff_verdict_changed: some change listed is tightened or loosened. */
bool diff_verdict_changed(const struct diff *d);

/*
 * diff_classify: how going from outcome OLD to outcome NEW changes things
 * for the person: by verdict first; then DIFF_REWORDED when the ids differ
 * or any of summary, why, reviewer, disclose, conditions, review_minutes
 * differ; DIFF_SAME otherwise.
 */
enum diff_kind diff_classify(const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new);

/* diff_text_changed: the same outcome id whose text changed: writes the
 * names of the fields that differ ("summary", "why", ...) into FIELDS (at
 * least DIFF_FIELDS entries) and returns how many. */
#define DIFF_FIELDS 7
size_t diff_text_changed(const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new, const char **fields);

/* diff_kind_id: "tightened", "loosened", "reworded" (or "unchanged"). */
const char *diff_kind_id(enum diff_kind k);

/*
 * diff_render_json: D as the one-line JSON object of `diff --format json`
 * (no newline). diff_render_text: D as the text change log, each line
 * ending in a newline, policy text sanitised. Each returns a
 * NUL-terminated string the caller owns, or NULL when out of memory.
 */
char *diff_render_json(const struct diff *d);
char *diff_render_text(const struct diff *d);

/*
 * diff_render_json_impact: D as diff_render_json() renders it, with
 * IMPACT_JSON (the text of the impact object of impact.h, or NULL for
 * null) as its "impact". Caller owns the result; NULL when out of memory.
 */
char *diff_render_json_impact(const struct diff *d, const char *impact_json);

#endif
