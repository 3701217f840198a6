/*
 * impact.h: what a new version of a policy does to real decisions (diff
 * --log): decision-log records made under the old version are replayed on
 * both versions and the two results compared.
 *
 * A record counts when its policy sha256 is the old version's; the others
 * are counted as other_version. Its answers are rebuilt from it: each
 * question of its unsure list answered "?", each other answer on its path
 * as logged; an answer key a version's question does not have counts as
 * not given there (an unknown question id is not given anyway). Both
 * versions are walked with the walker that `check` uses (walk.h, no
 * flags), and the old and new outcomes compared with diff_classify(), so
 * a replayed decision is labelled exactly as `diff` labels a change; when
 * the new walk stops at a question, the decision is incomplete, counted
 * per question. A record whose answers do not reach a verdict on the old
 * version (it does not match the version it names) is not replayed: it is
 * counted with the lines skipped.
 *
 * Records are added one at a time and not kept: memory is the two
 * policies' walkers, the counts per question of the new version, and at
 * most `limit` examples of each kind of change.
 */
#ifndef AIPOLICY_IMPACT_H
#define AIPOLICY_IMPACT_H

#include <stddef.h>
#include <stdint.h>

#include "core/diff.h"
#include "core/logrec.h"
#include "aipolicy/policy.h"

/* Bytes of a decision id (a UUID) with its NUL. */
#define IMPACT_ID_SIZE 37

/* What the new version does to one replayed decision. */
enum impact_kind {
	IMPACT_UNCHANGED,   /* the same outcome, with the same text */
	IMPACT_TIGHTENED,   /* a more restrictive verdict */
	IMPACT_LOOSENED,    /* a less restrictive verdict */
	IMPACT_REWORDED,    /* the same verdict; another outcome or text */
	IMPACT_INCOMPLETE,  /* the new walk stops at a question */
};
#define IMPACT_KINDS 5

/* What impact_add did with a record. */
enum impact_status {
	IMPACT_REPLAYED,       /* counted under one kind */
	IMPACT_OTHER_VERSION,  /* made under another policy or version */
	IMPACT_NOT_REPLAYED,   /* its answers stop short on the old version:
	                        * counted as a line skipped; impact_error
	                        * says why */
	IMPACT_NOMEM,          /* out of memory: the impact is not to be
	                        * used any more */
};

/* One replayed decision shown as an example. */
struct impact_example {
	char decision_id[IMPACT_ID_SIZE];
	enum impact_kind kind;
	const struct aipolicy_outcome *old;  /* reached on the old version */
	/* on the new one; NULL when incomplete */
	const struct aipolicy_outcome *new;
	uint32_t next;              /* incomplete: the new version's question
	                             * (an index) that the walk stops at */
};

/* The examples of one kind, in log order. */
struct impact_examples {
	struct impact_example *items;
	size_t n, cap;
};

struct impact_private;

struct impact {
	const struct aipolicy *old, *new;
	uint64_t decisions;          /* records replayed */
	uint64_t other_version;      /* records of other policies, versions */
	uint64_t lines_skipped;      /* lines not replayed (impact_skip, and
	                              * records IMPACT_NOT_REPLAYED) */
	uint64_t count[IMPACT_KINDS];
	uint64_t *incomplete_by_question; /* per question of new */
	size_t limit;                /* examples kept of each kind */
	struct impact_examples examples[IMPACT_KINDS]; /* none UNCHANGED */
	struct impact_private *priv;
};

/*
 * impact_new: an empty impact of going from OLD to NEW (both loaded and
 * valid, outliving it), keeping at most LIMIT examples of each kind.
 * NULL when out of memory. Caller owns the result (impact_free).
 */
struct impact *impact_new(const struct aipolicy *old,
    const struct aipolicy *new, size_t limit);
/* impact_free: NULL is a no-op. */
void impact_free(struct impact *im);

/* impact_add: replay REC (its strings are not kept; the decision id is
 * copied into an example). See enum impact_status. */
enum impact_status impact_add(struct impact *im, const struct logrec *rec);
/* impact_skip: count a line that was not a record. */
void impact_skip(struct impact *im);

/* impact_error: after IMPACT_NOT_REPLAYED, why, in one line of plain
 * words; owned by IM, valid until its next impact_add. */
const char *impact_error(const struct impact *im);

/* impact_kind_id: "unchanged", "tightened", "loosened", "reworded",
 * "incomplete". */
const char *impact_kind_id(enum impact_kind k);

/*
 * impact_render_json: IM as the "impact" object of `diff --format json`,
 * one line, no newline: decisions, other_version, lines_skipped, the count
 * of each kind, incomplete_by_question (questions in the new version's
 * file order, only those with decisions), examples (tightened, loosened,
 * reworded, then incomplete ones, each kind in log order). Caller owns the
 * result; NULL when out of memory.
 */
char *impact_render_json(const struct impact *im);

/*
 * impact_render_text: IM for people: one sentence a policy owner can paste
 * into a note ("Of 1,240 decisions made under 2026-Q3, 84 would now be
 * stricter, ..."), a second one on what was not replayed when anything
 * was not, then the examples of each kind, each with its decision id, the
 * old and new verdict and outcome. Every line ends in a newline; policy
 * text is sanitised. Caller owns the result; NULL when out of memory.
 */
char *impact_render_text(const struct impact *im);

#endif
