/*
 * logrec.h: reading the decision log that `check --log` and `ask --log`
 * write, one record per line, for the commands that read it back (report,
 * and diff --log, which replays each record's answers).
 *
 * A record is one JSON object on one line:
 *
 *   {"time": "2026-11-28T14:03:05Z", "via": "check",
 *    "decision_id": "0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b31",
 *    "policy": {"id": "acme-ai-use", "version": "2026-Q4", "sha256": "..."},
 *    "path": [{"question": "data", "answer": "no"}, ...],
 *    "unsure": [], "verdict": "use-with-review", "outcome": "reviewed",
 *    "review_minutes": 20}
 *
 * A line is a valid record when it is a JSON object (no duplicate keys)
 * with each of those keys, of these types: `time` UTC to the second,
 * YYYY-MM-DDTHH:MM:SSZ, a real date and time; `via` a non-empty string;
 * `decision_id` a UUID (8-4-4-4-12 hex digits); `policy` an object with a
 * non-empty `id` and `version` and a `sha256` of 64 lowercase hex digits;
 * `path` a non-empty array of objects with a non-empty `question` and
 * `answer`; `unsure` an array of non-empty strings; `verdict` one of the
 * three verdict ids; `outcome` a non-empty string; `review_minutes` null or
 * an integer from 1 to 999999999, and null unless the verdict is
 * use-with-review. Other keys are allowed and skipped, so that records with
 * more fields stay readable.
 *
 * A struct logrec_reader parses one line after another; the strings of a
 * record belong to the reader and stay valid until its next parse.
 */
#ifndef AIPOLICY_LOGREC_H
#define AIPOLICY_LOGREC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/policy.h"

/* Bytes of an ISO week, "2026-W48", with its NUL. */
#define LOGREC_WEEK_SIZE 9
/* The largest review_minutes a record may carry (9 digits, as a policy). */
#define LOGREC_MAX_MINUTES 999999999u

/* One answer on a logged path, as the log spells it. */
struct logrec_step {
	const char *question;
	const char *answer;
};

struct logrec {
	int64_t time;                  /* seconds since 1970-01-01T00:00:00Z */
	char week[LOGREC_WEEK_SIZE];   /* ISO week of time (%G-W%V, UTC) */
	const char *via;               /* "check", "ask", ... */
	const char *decision_id;
	const char *policy_id;
	const char *policy_version;
	const char *policy_sha256;
	const struct logrec_step *path;   /* npath steps, at least one */
	size_t npath;
	const char *const *unsure;        /* question ids, in path order */
	size_t nunsure;
	enum aipolicy_verdict verdict;
	const char *outcome;
	uint32_t review_minutes;       /* 0 when null */
};

enum logrec_status {
	LOGREC_OK,        /* *out is filled */
	LOGREC_INVALID,   /* not a valid record: logrec_error says why */
	LOGREC_NOMEM,     /* out of memory */
};

struct logrec_reader;

/* logrec_reader_new: a reader; NULL when out of memory. Caller owns it
 * (logrec_reader_free). */
struct logrec_reader *logrec_reader_new(void);
/* logrec_reader_free: frees RD and the last record's strings; NULL is a
 * no-op. */
void logrec_reader_free(struct logrec_reader *rd);

/*
 * logrec_parse: parse the LEN bytes at LINE (one line, without its line
 * break) into *OUT. The previous record of RD is gone afterwards, whatever
 * the result.
 */
enum logrec_status logrec_parse(struct logrec_reader *rd, const char *line,
    size_t len, struct logrec *out);

/* logrec_error: after LOGREC_INVALID, why, in one line of plain words with
 * anything a terminal would interpret replaced; owned by RD, valid until
 * its next parse. */
const char *logrec_error(const struct logrec_reader *rd);

/* logrec_parse_time: true and *OUT set (seconds since the epoch) when the
 * LEN bytes at S are YYYY-MM-DDTHH:MM:SSZ, a real date and time (second 60
 * allowed for a leap second). */
bool logrec_parse_time(const char *s, size_t len, int64_t *out);

/* logrec_iso_week: the ISO 8601 week of T (UTC) as "YYYY-Www" into OUT;
 * the year is the week's, which differs from the date's around New Year
 * (2027-01-01 is in 2026-W53). T must lie in the years 1 to 9999. */
void logrec_iso_week(int64_t t, char out[LOGREC_WEEK_SIZE]);

#endif
