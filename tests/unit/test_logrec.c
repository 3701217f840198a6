/*
 * test_logrec.c: reading decision-log lines: a record as check --log
 * writes it, every way a line can fail to be one, UTC times and ISO weeks
 * around New Year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include <jansson.h>

#include "core/logrec.h"
#include "logrec-json.h"

#define SHA "448dc861024dd5852ba11d7f7ffd85a16649c75883fdb4012b6d7953b7d4d6fb"
#define UUID "0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b31"

/* A record with FIELD put in place of the usual review_minutes... */
#define RECORD(time, policy, path, unsure, verdict, minutes) \
	"{\"time\": \"" time "\", \"via\": \"check\", \"decision_id\": \"" \
	UUID "\", \"policy\": " policy ", \"path\": " path ", \"unsure\": " \
	unsure ", \"verdict\": \"" verdict "\", \"outcome\": \"reviewed\", " \
	"\"review_minutes\": " minutes "}"
#define POLICY "{\"id\": \"acme-ai-use\", \"version\": \"2026-Q4\", " \
	"\"sha256\": \"" SHA "\"}"
#define PATH "[{\"question\": \"data\", \"answer\": \"no\"}, " \
	"{\"question\": \"audience\", \"answer\": \"clients or the public\"}]"
#define GOOD RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[\"audience\"]", \
	"use-with-review", "20")

struct fixture {
	struct logrec_reader *rd;
	struct logrec rec;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	*state = f;
	if (f == NULL)
		return -1;
	f->rd = logrec_reader_new();
	return f->rd != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		logrec_reader_free(f->rd);
		free(f);
	}
	return 0;
}

static enum logrec_status
parse(struct fixture *f, const char *line)
{
	return logrec_parse(f->rd, line, strlen(line), &f->rec);
}

/* LINE is not a record, and the reason is WHY. */
static void
assert_invalid(struct fixture *f, const char *line, const char *why)
{
	assert_int_equal(parse(f, line), LOGREC_INVALID);
	assert_string_equal(logrec_error(f->rd), why);
}

static void
test_good_record(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(f, GOOD), LOGREC_OK);
	assert_int_equal(f->rec.time, 1795874585);
	assert_string_equal(f->rec.week, "2026-W48");
	assert_string_equal(f->rec.via, "check");
	assert_string_equal(f->rec.decision_id, UUID);
	assert_string_equal(f->rec.policy_id, "acme-ai-use");
	assert_string_equal(f->rec.policy_version, "2026-Q4");
	assert_string_equal(f->rec.policy_sha256, SHA);
	assert_int_equal(f->rec.npath, 2);
	assert_string_equal(f->rec.path[0].question, "data");
	assert_string_equal(f->rec.path[0].answer, "no");
	assert_string_equal(f->rec.path[1].question, "audience");
	assert_string_equal(f->rec.path[1].answer, "clients or the public");
	assert_int_equal(f->rec.nunsure, 1);
	assert_string_equal(f->rec.unsure[0], "audience");
	assert_int_equal(f->rec.verdict, AIPOLICY_VERDICT_USE_WITH_REVIEW);
	assert_string_equal(f->rec.outcome, "reviewed");
	assert_int_equal(f->rec.review_minutes, 20);
}

/* Escapes are decoded; keys the record does not know are skipped; the
 * same reader reads one line after another. */
static void
test_escapes_and_extra_keys(void **state)
{
	struct fixture *f = *state;
	char line[1024];

	assert_int_equal(parse(f, RECORD("2026-11-28T14:03:05Z",
	    "{\"id\": \"a\", \"version\": \"Q4 \\\"rev\\\" \\u00fc\", "
	    "\"sha256\": \"" SHA "\", \"x\": [1]}",
	    "[{\"question\": \"q\", \"answer\": \"a\\tb\"}]", "[]",
	    "do-not-use", "null")), LOGREC_OK);
	assert_string_equal(f->rec.policy_version, "Q4 \"rev\" \xC3\xBC");
	assert_string_equal(f->rec.path[0].answer, "a\tb");
	assert_int_equal(f->rec.nunsure, 0);
	assert_int_equal(f->rec.review_minutes, 0);
	assert_int_equal(f->rec.verdict, AIPOLICY_VERDICT_DO_NOT_USE);
	snprintf(line, sizeof line, "{\"extra\": {\"deep\": [null]}, %s",
	    GOOD + 1);
	assert_int_equal(parse(f, line), LOGREC_OK);
	assert_int_equal(f->rec.review_minutes, 20);
}

static void
test_not_json(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(f, "{\"time\": "), LOGREC_INVALID);
	assert_non_null(strstr(logrec_error(f->rd), "not valid JSON: "));
	/* Text from the line is shown with control characters replaced. */
	assert_int_equal(parse(f, "\x1b[31m"), LOGREC_INVALID);
	assert_null(strchr(logrec_error(f->rd), '\x1b'));
	assert_int_equal(parse(f, "{\"a\": \"\xff\"}"), LOGREC_INVALID);
	assert_int_equal(logrec_parse(f->rd, "{\"a\": \"b\0\"}", 11, &f->rec),
	    LOGREC_INVALID);
	assert_int_equal(parse(f, "{\"a\": \"\\u0000\"}"), LOGREC_INVALID);
	assert_int_equal(parse(f, GOOD " x"), LOGREC_INVALID);
	assert_invalid(f, "[1]", "not a JSON object");
	assert_int_equal(parse(f, "\"x\""), LOGREC_INVALID);
	assert_int_equal(parse(f, "{\"time\": 1, \"time\": 2}"),
	    LOGREC_INVALID);
	assert_non_null(strstr(logrec_error(f->rd), "duplicate"));
}

static void
test_missing_keys(void **state)
{
	struct fixture *f = *state;

	assert_invalid(f, "{}", "missing key 'time'");
	assert_invalid(f, "{\"time\": \"2026-11-28T14:03:05Z\"}",
	    "missing key 'via'");
	assert_invalid(f,
	    "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": \"x\", "
	    "\"decision_id\": \"" UUID "\"}", "missing key 'policy'");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", "{\"id\": \"a\"}",
	    PATH, "[]", "use-freely", "null"),
	    "missing key 'version' in 'policy'");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY,
	    "[{\"question\": \"q\"}]", "[]", "use-freely", "null"),
	    "missing key 'answer' in step 1 of 'path'");
	assert_invalid(f,
	    "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": \"x\", "
	    "\"decision_id\": \"" UUID "\", \"policy\": " POLICY ", \"path\": "
	    PATH ", \"unsure\": [], \"verdict\": \"use-freely\", "
	    "\"outcome\": \"free\"}", "missing key 'review_minutes'");
}

static void
test_wrong_types(void **state)
{
	struct fixture *f = *state;

	assert_invalid(f, RECORD("", POLICY, PATH, "[]", "use-freely", "null"),
	    "'time' must be a non-empty string");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", "[]", PATH, "[]",
	    "use-freely", "null"), "'policy' must be an object with 'id', "
	    "'version' and 'sha256'");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", "{\"id\": \"a\", "
	    "\"version\": \"v\", \"sha256\": \"" "ABC" "\"}", PATH, "[]",
	    "use-freely", "null"), "'sha256' in 'policy' must be 64 "
	    "lower-case hex digits");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, "[]", "[]",
	    "use-freely", "null"), "'path' must be a non-empty array of "
	    "{\"question\", \"answer\"} objects");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY,
	    "[{\"question\": \"q\", \"answer\": \"a\"}, 7]", "[]",
	    "use-freely", "null"), "step 2 of 'path' must be an object with "
	    "'question' and 'answer'");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY,
	    "[{\"question\": \"q\", \"answer\": 1}]", "[]", "use-freely",
	    "null"), "'answer' in step 1 of 'path' must be a non-empty string");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH,
	    "[1]", "use-freely", "null"), "'unsure' must be an array of "
	    "question ids");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH,
	    "\"data\"", "use-freely", "null"), "'unsure' must be an array of "
	    "question ids");
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "maybe", "null"), "'verdict' must be use-freely, use-with-review "
	    "or do-not-use");
}

static void
test_review_minutes(void **state)
{
	struct fixture *f = *state;
	const char *why = "'review_minutes' must be null or a whole number "
	    "of minutes from 1 to 999999999";

	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-with-review", "0"), why);
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-with-review", "-5"), why);
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-with-review", "2.5"), why);
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-with-review", "\"20\""), why);
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-with-review", "1000000000"), why);
	assert_int_equal(parse(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH,
	    "[]", "use-with-review", "999999999")), LOGREC_OK);
	assert_int_equal(f->rec.review_minutes, 999999999);
	assert_invalid(f, RECORD("2026-11-28T14:03:05Z", POLICY, PATH, "[]",
	    "use-freely", "20"), "'review_minutes' is given for a "
	    "'use-freely' decision (only use-with-review has a review)");
}

static void
test_decision_id(void **state)
{
	struct fixture *f = *state;
	const char *why = "'decision_id' must be a UUID (8-4-4-4-12 hex "
	    "digits)";

	assert_invalid(f,
	    "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": \"x\", "
	    "\"decision_id\": \"12345\"}", why);
	assert_invalid(f,
	    "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": \"x\", "
	    "\"decision_id\": \"0f8e9a52-8c1b-4f0e-9d55+2f6c1f7a9b31\"}", why);
	assert_invalid(f,
	    "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": \"x\", "
	    "\"decision_id\": \"0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b3g\"}", why);
}

static void
test_times(void **state)
{
	int64_t t;

	(void)state;
	assert_true(logrec_parse_time("1970-01-01T00:00:00Z", 20, &t));
	assert_int_equal(t, 0);
	assert_true(logrec_parse_time("2000-02-29T23:59:59Z", 20, &t));
	assert_int_equal(t, 951868799);
	assert_true(logrec_parse_time("1969-12-31T23:59:59Z", 20, &t));
	assert_int_equal(t, -1);
	assert_true(logrec_parse_time("2016-12-31T23:59:60Z", 20, &t));
	assert_int_equal(t, 1483228800);
	assert_false(logrec_parse_time("2026-02-29T00:00:00Z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28T24:00:00Z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28T12:60:00Z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28T12:00:61Z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28 12:00:00Z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28T12:00:00+01:00", 25, &t));
	assert_false(logrec_parse_time("2026-11-28T12:00:00", 19, &t));
	assert_false(logrec_parse_time("2026-11-28T12:00:00z", 20, &t));
	assert_false(logrec_parse_time("2026-11-28T1a:00:00Z", 20, &t));
	assert_false(logrec_parse_time("0000-01-01T00:00:00Z", 20, &t));
}

static void
test_bad_time_in_record(void **state)
{
	struct fixture *f = *state;

	assert_invalid(f, RECORD("2026-11-28T14:03:05+01:00", POLICY, PATH,
	    "[]", "use-freely", "null"), "'time' must be UTC to the second, "
	    "YYYY-MM-DDTHH:MM:SSZ");
}

/* The ISO week of a date (at noon, and at the day's first and last
 * second). */
static void
assert_week(const char *date, const char *want)
{
	char s[21], week[LOGREC_WEEK_SIZE];
	static const char *const times[] = { "00:00:00", "12:00:00",
	    "23:59:59" };
	int64_t t;
	size_t i;

	for (i = 0; i < sizeof times / sizeof times[0]; i++) {
		snprintf(s, sizeof s, "%sT%sZ", date, times[i]);
		assert_true(logrec_parse_time(s, strlen(s), &t));
		logrec_iso_week(t, week);
		if (strcmp(week, want) != 0)
			print_error("%s: %s, want %s\n", s, week, want);
		assert_string_equal(week, want);
	}
}

static void
test_iso_weeks(void **state)
{
	(void)state;
	assert_week("2026-11-28", "2026-W48");
	assert_week("2026-12-28", "2026-W53");
	assert_week("2026-12-31", "2026-W53");   /* a Thursday */
	assert_week("2027-01-01", "2026-W53");   /* Friday: last year's */
	assert_week("2027-01-03", "2026-W53");   /* Sunday */
	assert_week("2027-01-04", "2027-W01");   /* Monday */
	assert_week("2021-01-03", "2020-W53");
	assert_week("2021-01-04", "2021-W01");
	assert_week("2024-12-30", "2025-W01");   /* Monday: next year's */
	assert_week("2025-12-29", "2026-W01");
	assert_week("2020-12-31", "2020-W53");
	assert_week("2015-12-31", "2015-W53");
	assert_week("2016-01-03", "2015-W53");
	assert_week("2018-01-01", "2018-W01");
	assert_week("2019-12-30", "2020-W01");
	assert_week("1970-01-01", "1970-W01");
	assert_week("1969-12-29", "1970-W01");   /* before the epoch */
	assert_week("1969-12-28", "1969-W52");
	assert_week("2000-02-29", "2000-W09");
	assert_week("0001-01-01", "0001-W01");
	assert_week("9999-12-31", "9999-W52");
}

/* Every day from 2000 to 2040 against the C library's %G-W%V. */
static void
test_iso_weeks_strftime(void **state)
{
	char want[16], week[LOGREC_WEEK_SIZE];
	struct tm tm;
	int64_t t;
	time_t tt;

	(void)state;
	for (t = 946684800; t < 2240524800; t += 86400) {
		tt = (time_t)t;
		gmtime_r(&tt, &tm);
		strftime(want, sizeof want, "%G-W%V", &tm);
		logrec_iso_week(t + 43200, week);
		assert_string_equal(week, want);
	}
}

/* The JSON reader's tree for N equals jansson's J: same types, strings,
 * integers, keys and order. */
static void
assert_same_tree(const struct jdoc *d, const struct jnode *n, json_t *j)
{
	const struct jnode *c;
	const char *key;
	json_t *v;
	size_t i = 0;

	switch (n->type) {
	case J_NULL: assert_true(json_is_null(j)); break;
	case J_TRUE: assert_true(json_is_true(j)); break;
	case J_FALSE: assert_true(json_is_false(j)); break;
	case J_NUMBER:
		assert_true(json_is_number(j));
		assert_int_equal(n->is_int, json_is_integer(j));
		if (n->is_int)
			assert_int_equal(n->ival, json_integer_value(j));
		break;
	case J_STRING:
		assert_true(json_is_string(j));
		assert_int_equal(n->len, json_string_length(j));
		assert_memory_equal(jdoc_str(d, n), json_string_value(j),
		    n->len);
		break;
	case J_ARRAY:
		assert_true(json_is_array(j));
		assert_int_equal(n->count, json_array_size(j));
		for (c = jdoc_first(d, n); c != NULL; c = jdoc_next(d, c))
			assert_same_tree(d, c, json_array_get(j, i++));
		break;
	case J_OBJECT:
		assert_true(json_is_object(j));
		assert_int_equal(n->count, json_object_size(j));
		c = jdoc_first(d, n);
		json_object_foreach(j, key, v) {
			assert_non_null(c);
			assert_string_equal(d->text + c->key, key);
			assert_same_tree(d, c, v);
			c = jdoc_next(d, c);
		}
		break;
	}
}

/* A small deterministic generator (xorshift64). */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * Differential test: mutated lines are JSON for the reader exactly when
 * they are for jansson (with duplicate keys and NUL refused), and then
 * give the same tree. Numbers too large for jansson are left out: the
 * reader keeps them (a record has no use for them).
 */
static void
test_json_like_jansson(void **state)
{
	static const char *const seeds[] = {
		GOOD,
		"{\"a\": [1, -2, 3.5e+2, 0, -0, 1E-3, true, false, null], "
		"\"b\": {\"c\": \"\\u00e9\\ud83d\\ude00\\n\\/\"}}",
		"[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\", {}, [], \"\"]",
		" {\"k\": \"v\", \"k2\": [{\"k\": 1}, {\"k\": 2}]} ",
	};
	static const char alphabet[] = "{}[]\",:\\/ u0123456789abcdefABCDEF"
	    "eE+-.truefalsn\t\r\n\x01\x1f\x7f\x80\xbf\xc3\xe2\xed\xf0"
	    "\xf4\xff";
	struct jdoc d;
	json_error_t err;
	json_t *j;
	uint64_t seed = 0x2545F4914F6CDD1DULL;
	char line[1024];
	size_t len, round, k, at, n;
	enum jdoc_status st;

	(void)state;
	jdoc_init(&d);
	for (round = 0; round < 40000; round++) {
		const char *s0 = seeds[round % (sizeof seeds / sizeof *seeds)];
		len = strlen(s0);
		memcpy(line, s0, len);
		n = 1 + next_random(&seed) % 3;
		for (k = 0; k < n && len > 0 && len < sizeof line - 1; k++) {
			at = next_random(&seed) % len;
			switch (next_random(&seed) % 4) {
			case 0:   /* replace */
				line[at] = alphabet[next_random(&seed) %
				    (sizeof alphabet - 1)];
				break;
			case 1:   /* insert */
				memmove(line + at + 1, line + at, len - at);
				line[at] = alphabet[next_random(&seed) %
				    (sizeof alphabet - 1)];
				len++;
				break;
			case 2:   /* delete */
				memmove(line + at, line + at + 1, len - at - 1);
				len--;
				break;
			default:  /* cut short */
				len = at;
			}
		}
		st = jdoc_parse(&d, line, len);
		assert_int_not_equal(st, JDOC_NOMEM);
		j = json_loadb(line, len, JSON_REJECT_DUPLICATES |
		    JSON_DECODE_ANY, &err);
		if (j == NULL && (strstr(err.text, "too big") != NULL ||
		    strstr(err.text, "overflow") != NULL)) {
			continue;
		}
		if ((st == JDOC_OK) != (j != NULL))
			print_error("disagree on %.*s: reader %s, jansson %s\n",
			    (int)len, line, st == JDOC_OK ? "ok" : d.error,
			    j != NULL ? "ok" : err.text);
		assert_int_equal(st == JDOC_OK, j != NULL);
		if (j != NULL)
			assert_same_tree(&d, jdoc_root(&d), j);
		json_decref(j);
	}
	jdoc_release(&d);
}

/* Duplicates in a large object are found too, and nesting is bounded. */
static void
test_json_limits(void **state)
{
	struct jdoc d;
	char line[4096];
	size_t len = 0;
	int i;

	(void)state;
	jdoc_init(&d);
	line[len++] = '{';
	for (i = 0; i < 40; i++)
		len += (size_t)snprintf(line + len, sizeof line - len,
		    "\"k%d\": %d, ", i % 37 == 36 ? 3 : i, i);
	len += (size_t)snprintf(line + len, sizeof line - len, "\"z\": 0}");
	assert_int_equal(jdoc_parse(&d, line, len), JDOC_INVALID);
	assert_non_null(strstr(d.error, "duplicate key 'k3'"));
	for (len = 0; len < JDOC_MAX_DEPTH; len++)
		line[len] = '[';
	for (i = 0; i < JDOC_MAX_DEPTH; i++)
		line[len++] = ']';
	assert_int_equal(jdoc_parse(&d, line, len), JDOC_OK);
	memmove(line + 1, line, len);
	line[0] = '[';
	line[++len] = ']';
	len++;
	assert_int_equal(jdoc_parse(&d, line, len), JDOC_INVALID);
	assert_non_null(strstr(d.error, "nested deeper than 32 levels"));
	assert_int_equal(jdoc_parse(&d, "12345678901234567890", 20), JDOC_OK);
	assert_true(jdoc_root(&d)->overflow);
	jdoc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_record),
		cmocka_unit_test(test_escapes_and_extra_keys),
		cmocka_unit_test(test_not_json),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_review_minutes),
		cmocka_unit_test(test_decision_id),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_bad_time_in_record),
		cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_iso_weeks_strftime),
		cmocka_unit_test(test_json_like_jansson),
		cmocka_unit_test(test_json_limits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
