/*
 * report.h: what decision logs add up to (aipolicy report): decisions per
 * verdict, per outcome (ID/OUTCOME), per policy version (ID VERSION) and
 * per ISO week, and the review load: the minutes of review that the
 * use-with-review decisions call for, where their record gives them.
 *
 * Records are added one at a time (see logrec.h), so memory grows with the
 * number of distinct outcomes, versions and weeks, never with the log.
 *
 * Designed for `report --policy POLICY` (not built yet): a report will be
 * told about one policy (its sha256); report_add then also marks, for the
 * records made under it, the outcome each ended at and each answer on its
 * path whose question is not in its unsure list, and the renderings list
 * what was never reached ("never_reached", null until then).
 */
#ifndef AIPOLICY_REPORT_H
#define AIPOLICY_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "aipolicy/logrec.h"
#include "aipolicy/policy.h"

struct report_maps;

struct report {
	uint64_t decisions;             /* records added */
	uint64_t lines_skipped;         /* lines that were not records */
	uint64_t by_verdict[VERDICT_COUNT];
	uint64_t review_minutes;        /* summed over use-with-review
	                                 * records that give minutes */
	uint64_t reviews_timed;         /* how many records that is */
	struct report_maps *maps;       /* private: the keyed counts */
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
 * bytewise), review_minutes, never_reached (null). Caller owns the result;
 * NULL when out of memory.
 */
char *report_json(const struct report *r);

/*
 * report_text: the report for people: the totals, the counts per verdict
 * (with shares), outcome and version, one line per week with its decisions,
 * its review load and a bar of block characters (at most
 * REPORT_BAR_WIDTH cells, the busiest week the longest), and the review
 * load in hours and minutes. Text from the log is shown with anything a
 * terminal would interpret replaced. Caller owns the result; NULL when out
 * of memory.
 */
#define REPORT_BAR_WIDTH 40
char *report_text(const struct report *r);

#endif
