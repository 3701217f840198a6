/*
 * report.h: what decision logs add up to (aipolicy report): decisions per
 * verdict, per outcome (ID/OUTCOME), per policy version (ID VERSION) and
 * per ISO week, and the review load: the minutes of review that the
 * use-with-review decisions call for, where their record gives them.
 *
 * Records are added one at a time (see logrec.h), so memory grows with the
 * number of distinct outcomes, versions and weeks, never with the log.
 *
 * A report may be told about one policy (report_set_policy, for `report
 * --policy POLICY`): report_add then also marks, for the records made
 * under it (its sha256), the outcome each ended at and each answer on its
 * path whose question is not in its unsure list, and the renderings list
 * the outcomes and answers of that policy that were never reached
 * ("never_reached"; null when no policy was set).
 */
#ifndef AIPOLICY_REPORT_H
#define AIPOLICY_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/logrec.h"
#include "aipolicy/policy.h"

struct report_maps;
struct report_reach;

struct report {
	uint64_t decisions;             /* records added */
	uint64_t lines_skipped;         /* lines that were not records */
	uint64_t by_verdict[AIPOLICY_VERDICT_COUNT];
	uint64_t review_minutes;        /* summed over use-with-review
	                                 * records that give minutes */
	uint64_t reviews_timed;         /* how many records that is */
	const struct aipolicy *policy;    /* report_set_policy, or NULL */
	uint64_t policy_decisions;      /* records made under it (sha256) */
	uint64_t policy_lookalikes;     /* records naming its id and version
	                                 * but made under another text of it */
	struct report_maps *maps;       /* private: the keyed counts */
	struct report_reach *reach;     /* private: what the records reached */
};

/* The keyed counts. */
enum report_map {
	REPORT_BY_OUTCOME,          /* "ID/OUTCOME" */
	REPORT_BY_POLICY_VERSION,   /* "ID VERSION" */
	REPORT_BY_WEEK,             /* "2026-W48" */
};

/* report_new: an empty report; NULL when out of memory. Caller owns it
 * (report_free). */
struct report *report_new(void);
/* report_free: NULL is a no-op. */
void report_free(struct report *r);

/*
 * report_set_policy: from now on, also mark what the records made under P
 * reach (records whose policy sha256 is P's). P must be loaded and valid
 * and outlive R; set it before the first report_add. Returns 0, or -1 when
 * out of memory.
 */
int report_set_policy(struct report *r, const struct aipolicy *p);

/* report_outcome_reached: after report_set_policy, some record made under
 * the policy ended at its outcome O (an index into its outcomes). */
bool report_outcome_reached(const struct report *r, size_t o);
/* report_answer_reached: after report_set_policy, answer A of question Q
 * (indexes into the policy) is on the path of some record made under it,
 * and Q is not in that record's unsure list. */
bool report_answer_reached(const struct report *r, size_t q, size_t a);

/* report_add: count REC (its strings are copied where kept). Returns 0,
 * or -1 when out of memory (the report is then not to be used). */
int report_add(struct report *r, const struct logrec *rec);
/* report_skip: count a line that was not a record. */
void report_skip(struct report *r);

/* One key of a map and what was counted under it. */
struct report_entry {
	const char *key;            /* owned by the report */
	uint64_t count;             /* decisions */
	uint64_t review_minutes;    /* their review minutes */
};

/* report_get: the entry for KEY in MAP, or NULL when nothing was counted
 * under it. Owned by R, valid until the next report_add. */
const struct report_entry *report_get(const struct report *r,
    enum report_map map, const char *key);

/* report_sorted: MAP's entries sorted by key (bytewise) as an array of *N
 * entries in *OUT, which the caller owns (not the keys: they are R's, valid
 * while R is). Returns 0, or -1 when out of memory. */
int report_sorted(const struct report *r, enum report_map map,
    struct report_entry **out, size_t *n);

/*
 * report_json: the report as one JSON object on one line, no newline:
 * decisions, lines_skipped, by_verdict (the three verdicts in order, 0
 * included), by_outcome, by_policy_version, by_week (each sorted by key,
 * bytewise), review_minutes, and never_reached: null, or after
 * report_set_policy {"outcomes": [ID, ...], "answers": [{"question": ID,
 * "answer": KEY}, ...]}, in the policy's order (outcomes named then
 * inline, questions in file order and each one's answers in order).
 * Caller owns the result; NULL when out of memory.
 */
char *report_json(const struct report *r);

/*
 * report_text: the report for people: the totals, the counts per verdict
 * (with shares), outcome and version, one line per week with its decisions,
 * its review load and a bar of block characters (at most
 * REPORT_BAR_WIDTH cells, the busiest week the longest), and the review
 * load in hours and minutes; after report_set_policy, then what its
 * records never reached, one outcome or answer a line. Text from the log
 * or the policy is shown with anything a terminal would interpret
 * replaced. Caller owns the result; NULL when out of memory.
 */
#define REPORT_BAR_WIDTH 40
char *report_text(const struct report *r);

#endif
