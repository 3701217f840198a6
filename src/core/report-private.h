/*
 * report-private.h: what the parts of a report share: report.c adds
 * records up, report-reach.c marks what the records made under one policy
 * reach (report --policy). Private to src/core.
 */
#ifndef AIPOLICY_REPORT_PRIVATE_H
#define AIPOLICY_REPORT_PRIVATE_H

#include <jansson.h>

#include "core/report.h"

/* report_reach_add: when R has a policy, mark what REC reaches in it (or
 * count REC as a look-alike). Needs no memory. */
void report_reach_add(struct report *r, const struct logrec *rec);

/* report_reach_free: R's marks; nothing when it has no policy. */
void report_reach_free(struct report *r);

/* report_never_reached_json: the "never_reached" value: null without a
 * policy, else {"outcomes": [...], "answers": [...]}. A new reference the
 * caller owns, or NULL when out of memory. */
json_t *report_never_reached_json(const struct report *r);

#endif
