/*
 * logrec.c: one decision-log line into a struct logrec, checked field by
 * field (logrec.h), and the UTC time and ISO week arithmetic it needs.
 *
 * The line is parsed by the small JSON reader of logrec-json.h; the
 * record's strings point into its document, which the reader keeps (and
 * reuses) until the next line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/logrec.h"
#include "logrec-json.h"

#define SECONDS_PER_MINUTE 60
#define SECONDS_PER_HOUR 3600
#define SECONDS_PER_DAY 86400
#define DAYS_PER_WEEK 7
/* "YYYY-MM-DDTHH:MM:SSZ": its length, and where its parts are. */
#define TIME_LEN 20
#define DATE_LEN 10
#define TIME_T_AT 10
#define TIME_HOUR_AT 11
#define TIME_COLON1_AT 13
#define TIME_MINUTE_AT 14
#define TIME_COLON2_AT 16
#define TIME_SECOND_AT 17
#define TIME_Z_AT 19
#define HOURS_MAX 23
#define MINUTES_MAX 59
#define SECONDS_MAX 60 /* a leap second */
#define SHA256_HEX_LEN 64
#define UUID_LEN 36
/* Room for " in step N of 'path'". */
#define WHERE_SIZE 64
/* Room for the reason a line is not a record. */
#define ERROR_SIZE 320

struct logrec_reader {
	struct jdoc doc;               /* the last line, parsed */
	struct logrec_step *steps;
	size_t steps_cap;
	const char **unsure;
	size_t unsure_cap;
	char error[ERROR_SIZE];
};

static int two_digits(const char *s);
static void *grow(void *array, size_t *cap, size_t n, size_t size);
static int64_t days_from_civil(int64_t y, int m, int d);
static void civil_from_days(int64_t days, int64_t *y, int *m, int *d);
static enum logrec_status invalid(struct logrec_reader *rd,
    const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *get_text(struct logrec_reader *rd,
    const struct jnode *obj, const char *key, const char *where);
static bool is_hex(const char *s, size_t n, bool lower_only);
static bool is_uuid(const char *s);
static enum logrec_status read_policy(struct logrec_reader *rd,
    const struct jnode *root, struct logrec *out);
static enum logrec_status read_path(struct logrec_reader *rd,
    const struct jnode *root, struct logrec *out);
static enum logrec_status read_unsure(struct logrec_reader *rd,
    const struct jnode *root, struct logrec *out);
static enum logrec_status read_outcome(struct logrec_reader *rd,
    const struct jnode *root, struct logrec *out);

/* Days from 1970-01-01 to Y-M-D of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date DAYS after 1970-01-01 (H. Hinnant's civil_from_days). */
static void
civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The two decimal digits at S as a number, or -1. */
static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

bool
logrec_parse_time(const char *s, size_t len, int64_t *out)
{
	aipolicy_date_t date;
	int hh, mm, ss;

	if (len != TIME_LEN || s[TIME_T_AT] != 'T' ||
	    s[TIME_COLON1_AT] != ':' || s[TIME_COLON2_AT] != ':' ||
	    s[TIME_Z_AT] != 'Z' || !aipolicy_date_parse(s, DATE_LEN, &date))
		return false;
	hh = two_digits(s + TIME_HOUR_AT);
	mm = two_digits(s + TIME_MINUTE_AT);
	ss = two_digits(s + TIME_SECOND_AT);
	if (hh < 0 || mm < 0 || ss < 0 || hh > HOURS_MAX ||
	    mm > MINUTES_MAX || ss > SECONDS_MAX)
		return false;
	*out = days_from_civil(date / 10000, date / 100 % 100, date % 100) *
	    SECONDS_PER_DAY + hh * SECONDS_PER_HOUR + mm * SECONDS_PER_MINUTE +
	    ss;
	return true;
}

void
logrec_iso_week(int64_t t, char out[LOGREC_WEEK_SIZE])
{
	int64_t days, thursday, year;
	int weekday, m, d, week;

	days = (t >= 0 ? t : t - (SECONDS_PER_DAY - 1)) / SECONDS_PER_DAY;
	/* 1970-01-01 was a Thursday; Monday is 0. */
	weekday = (int)(((days + 3) % DAYS_PER_WEEK + DAYS_PER_WEEK) %
	    DAYS_PER_WEEK);
	/* A week belongs to the year that holds its Thursday. */
	thursday = days - weekday + 3;
	civil_from_days(thursday, &year, &m, &d);
	week = (int)((thursday - days_from_civil(year, 1, 1)) /
	    DAYS_PER_WEEK) + 1;
	out[0] = (char)('0' + year / 1000 % 10);
	out[1] = (char)('0' + year / 100 % 10);
	out[2] = (char)('0' + year / 10 % 10);
	out[3] = (char)('0' + year % 10);
	out[4] = '-';
	out[5] = 'W';
	out[6] = (char)('0' + week / 10);
	out[7] = (char)('0' + week % 10);
	out[8] = '\0';
}

struct logrec_reader *
logrec_reader_new(void)
{
	struct logrec_reader *rd = calloc(1, sizeof *rd);

	if (rd != NULL)
		jdoc_init(&rd->doc);
	return rd;
}

void
logrec_reader_free(struct logrec_reader *rd)
{
	if (rd == NULL)
		return;
	jdoc_release(&rd->doc);
	free(rd->steps);
	free(rd->unsure);
	free(rd);
}

const char *
logrec_error(const struct logrec_reader *rd)
{
	return rd->error;
}

/* ARRAY (*CAP items of SIZE bytes allocated) with room for N items: ARRAY
 * itself, or its reallocation (*CAP updated). NULL when out of memory
 * (ARRAY is then untouched). */
static void *
grow(void *array, size_t *cap, size_t n, size_t size)
{
	void *na;

	if (n <= *cap && array != NULL)
		return array;
	if ((na = realloc(array, (n > 0 ? n : 1) * size)) != NULL)
		*cap = n;
	return na;
}

/* Set the reason the line is not a record; returns LOGREC_INVALID. */
static enum logrec_status
invalid(struct logrec_reader *rd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(rd->error, sizeof rd->error, fmt, ap);
	va_end(ap);
	return LOGREC_INVALID;
}

/* The non-empty string KEY of OBJ, or NULL after invalid() (WHERE names
 * OBJ in the message: "" for the record, " in 'policy'" and the like). */
static const char *
get_text(struct logrec_reader *rd, const struct jnode *obj, const char *key,
    const char *where)
{
	const struct jnode *v = jdoc_get(&rd->doc, obj, key);

	if (v == NULL)
		invalid(rd, "missing key '%s'%s", key, where);
	else if (v->type != J_STRING || v->len == 0)
		invalid(rd, "'%s'%s must be a non-empty string", key, where);
	else
		return jdoc_str(&rd->doc, v);
	return NULL;
}

/* N hex digits at S (lower-case ones only when LOWER_ONLY). */
static bool
is_hex(const char *s, size_t n, bool lower_only)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f') ||
		    (!lower_only && s[i] >= 'A' && s[i] <= 'F')))
			return false;
	}
	return true;
}

/* 8-4-4-4-12 hex digits. */
static bool
is_uuid(const char *s)
{
	static const size_t dash[] = { 8, 13, 18, 23 };
	size_t i, from = 0;

	if (strlen(s) != UUID_LEN)
		return false;
	for (i = 0; i < sizeof dash / sizeof dash[0]; i++) {
		if (s[dash[i]] != '-' || !is_hex(s + from, dash[i] - from,
		    false))
			return false;
		from = dash[i] + 1;
	}
	return is_hex(s + from, UUID_LEN - from, false);
}

static enum logrec_status
read_policy(struct logrec_reader *rd, const struct jnode *root,
    struct logrec *out)
{
	const struct jnode *pol = jdoc_get(&rd->doc, root, "policy");

	if (pol == NULL)
		return invalid(rd, "missing key 'policy'");
	if (pol->type != J_OBJECT)
		return invalid(rd, "'policy' must be an object with 'id', "
		    "'version' and 'sha256'");
	if ((out->policy_id = get_text(rd, pol, "id", " in 'policy'")) ==
	    NULL || (out->policy_version = get_text(rd, pol, "version",
	    " in 'policy'")) == NULL || (out->policy_sha256 = get_text(rd,
	    pol, "sha256", " in 'policy'")) == NULL)
		return LOGREC_INVALID;
	if (strlen(out->policy_sha256) != SHA256_HEX_LEN ||
	    !is_hex(out->policy_sha256, SHA256_HEX_LEN, true))
		return invalid(rd, "'sha256' in 'policy' must be 64 lower-case "
		    "hex digits");
	return LOGREC_OK;
}

static enum logrec_status
read_path(struct logrec_reader *rd, const struct jnode *root,
    struct logrec *out)
{
	const struct jnode *path = jdoc_get(&rd->doc, root, "path"), *step;
	struct logrec_step *steps;
	char where[WHERE_SIZE];
	size_t i;

	if (path == NULL)
		return invalid(rd, "missing key 'path'");
	if (path->type != J_ARRAY || path->count == 0)
		return invalid(rd, "'path' must be a non-empty array of "
		    "{\"question\", \"answer\"} objects");
	if ((steps = grow(rd->steps, &rd->steps_cap, path->count,
	    sizeof *steps)) == NULL)
		return LOGREC_NOMEM;
	rd->steps = steps;
	for (step = jdoc_first(&rd->doc, path), i = 0; step != NULL;
	    step = jdoc_next(&rd->doc, step), i++) {
		snprintf(where, sizeof where, " in step %zu of 'path'", i + 1);
		if (step->type != J_OBJECT)
			return invalid(rd, "step %zu of 'path' must be an "
			    "object with 'question' and 'answer'", i + 1);
		if ((rd->steps[i].question = get_text(rd, step, "question",
		    where)) == NULL || (rd->steps[i].answer = get_text(rd,
		    step, "answer", where)) == NULL)
			return LOGREC_INVALID;
	}
	out->path = rd->steps;
	out->npath = path->count;
	return LOGREC_OK;
}

static enum logrec_status
read_unsure(struct logrec_reader *rd, const struct jnode *root,
    struct logrec *out)
{
	const struct jnode *unsure = jdoc_get(&rd->doc, root, "unsure"), *v;
	const char **ids;
	size_t i;

	if (unsure == NULL)
		return invalid(rd, "missing key 'unsure'");
	if (unsure->type != J_ARRAY)
		return invalid(rd, "'unsure' must be an array of question ids");
	if ((ids = grow(rd->unsure, &rd->unsure_cap, unsure->count,
	    sizeof *ids)) == NULL)
		return LOGREC_NOMEM;
	rd->unsure = ids;
	for (v = jdoc_first(&rd->doc, unsure), i = 0; v != NULL;
	    v = jdoc_next(&rd->doc, v), i++) {
		if (v->type != J_STRING || v->len == 0)
			return invalid(rd, "'unsure' must be an array of "
			    "question ids");
		rd->unsure[i] = jdoc_str(&rd->doc, v);
	}
	out->unsure = rd->unsure;
	out->nunsure = unsure->count;
	return LOGREC_OK;
}

/* verdict, outcome and review_minutes. */
static enum logrec_status
read_outcome(struct logrec_reader *rd, const struct jnode *root,
    struct logrec *out)
{
	const char *v = get_text(rd, root, "verdict", "");
	const struct jnode *minutes;
	int64_t m;

	if (v == NULL)
		return LOGREC_INVALID;
	if (!aipolicy_verdict_parse(v, strlen(v), &out->verdict))
		return invalid(rd, "'verdict' must be use-freely, "
		    "use-with-review or do-not-use");
	if ((out->outcome = get_text(rd, root, "outcome", "")) == NULL)
		return LOGREC_INVALID;
	minutes = jdoc_get(&rd->doc, root, "review_minutes");
	if (minutes == NULL)
		return invalid(rd, "missing key 'review_minutes'");
	out->review_minutes = 0;
	if (minutes->type == J_NULL)
		return LOGREC_OK;
	m = minutes->type == J_NUMBER && minutes->is_int &&
	    !minutes->overflow ? minutes->ival : 0;
	if (m < 1 || m > LOGREC_MAX_MINUTES)
		return invalid(rd, "'review_minutes' must be null or a whole "
		    "number of minutes from 1 to %u", LOGREC_MAX_MINUTES);
	if (out->verdict != AIPOLICY_VERDICT_USE_WITH_REVIEW)
		return invalid(rd, "'review_minutes' is given for a '%s' "
		    "decision (only use-with-review has a review)", v);
	out->review_minutes = (uint32_t)m;
	return LOGREC_OK;
}

enum logrec_status
logrec_parse(struct logrec_reader *rd, const char *line, size_t len,
    struct logrec *out)
{
	const struct jnode *root;
	enum logrec_status st;
	const char *t;

	rd->error[0] = '\0';
	memset(out, 0, sizeof *out);
	switch (jdoc_parse(&rd->doc, line, len)) {
	case JDOC_OK:
		break;
	case JDOC_INVALID:
		return invalid(rd, "not valid JSON: %s", rd->doc.error);
	default:
		return LOGREC_NOMEM;
	}
	root = jdoc_root(&rd->doc);
	if (root->type != J_OBJECT)
		return invalid(rd, "not a JSON object");
	if ((t = get_text(rd, root, "time", "")) == NULL)
		return LOGREC_INVALID;
	if (!logrec_parse_time(t, strlen(t), &out->time))
		return invalid(rd, "'time' must be UTC to the second, "
		    "YYYY-MM-DDTHH:MM:SSZ");
	logrec_iso_week(out->time, out->week);
	if ((out->via = get_text(rd, root, "via", "")) == NULL ||
	    (out->decision_id = get_text(rd, root, "decision_id", "")) == NULL)
		return LOGREC_INVALID;
	if (!is_uuid(out->decision_id))
		return invalid(rd, "'decision_id' must be a UUID "
		    "(8-4-4-4-12 hex digits)");
	if ((st = read_policy(rd, root, out)) != LOGREC_OK ||
	    (st = read_path(rd, root, out)) != LOGREC_OK ||
	    (st = read_unsure(rd, root, out)) != LOGREC_OK ||
	    (st = read_outcome(rd, root, out)) != LOGREC_OK)
		return st;
	return LOGREC_OK;
}
