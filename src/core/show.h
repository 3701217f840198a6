/*
 * show.h: the small pieces that the core's renderings (diff, impact,
 * report, present, paths, result) write the same way, said once: policy
 * text made safe on one line, a string as JSON, a count with thousands
 * separators, an outcome for people and for programs, the fields of an
 * outcome whose text changed. Each appends to a struct buf and marks it
 * failed when out of memory. Private to src/core.
 */
#ifndef AIPOLICY_SHOW_H
#define AIPOLICY_SHOW_H

#include <stdint.h>

#include "aipolicy/policy.h"
#include "util.h"

/* Between an old and a new version of something: U+2192 with a space on
 * each side. */
#define SHOW_ARROW " \xE2\x86\x92 "
/* Bytes of a date as aipolicy_date_format writes it, YYYY-MM-DD, with its
 * NUL. */
#define SHOW_DATE_SIZE 11

/* show_text: policy (or log) text S on one line, each character as
 * text_safe() shows it. */
void show_text(struct buf *b, const char *s);
/* show_json: S (valid UTF-8) as a JSON string, as jansson writes it. */
void show_json(struct buf *b, const char *s);
/* show_count: N with a comma between groups of three digits: "1,240". */
void show_count(struct buf *b, uint64_t n);
/* show_outcome: "Use AI with review (decision)": O's verdict in words and
 * its id. */
void show_outcome(struct buf *b, const struct aipolicy_outcome *o);
/* show_json_outcome: {"verdict": ..., "outcome": ...} of O. */
void show_json_outcome(struct buf *b, const struct aipolicy_outcome *o);
/* show_changed: ": summary, why changed", the fields of the same outcome
 * id whose text differs from OLD to NEW (diff_text_changed). */
void show_changed(struct buf *b, const struct aipolicy_outcome *old,
    const struct aipolicy_outcome *new);

#endif
