/*
 * test_report.c: adding decision records up: counts per verdict, outcome,
 * version and week, the review load, the JSON object and the text with its
 * bars; with a policy (report --policy), what its records never reached.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/report.h"
#include "testutil.h"

static const struct logrec_step one_step[] = { { "data", "no" } };

/* Add a record made at TIME under policy ID VERSION. */
static void
add(struct report *r, const char *time, const char *id, const char *version,
    enum aipolicy_verdict v, const char *outcome, uint32_t minutes)
{
	struct logrec rec;

	memset(&rec, 0, sizeof rec);
	assert_true(logrec_parse_time(time, strlen(time), &rec.time));
	logrec_iso_week(rec.time, rec.week);
	rec.via = "check";
	rec.decision_id = "0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b31";
	rec.policy_id = id;
	rec.policy_version = version;
	rec.policy_sha256 = "x";
	rec.path = one_step;
	rec.npath = 1;
	rec.verdict = v;
	rec.outcome = outcome;
	rec.review_minutes = minutes;
	assert_int_equal(report_add(r, &rec), 0);
}

static uint64_t
count(const struct report *r, enum report_map m, const char *key)
{
	const struct report_entry *e = report_get(r, m, key);

	return e != NULL ? e->count : 0;
}

/* A month of decisions under two policy versions. */
static struct report *
sample(void)
{
	struct report *r = report_new();
	int i;

	assert_non_null(r);
	for (i = 0; i < 12; i++)
		add(r, "2026-11-23T09:00:00Z", "uni", "2026-Q4 (rev. 2)",
		    AIPOLICY_VERDICT_USE_FREELY, "free", 0);
	for (i = 0; i < 6; i++)
		add(r, i < 4 ? "2026-11-30T10:00:00Z" : "2026-12-31T23:59:59Z",
		    "uni", "2026-Q4 (rev. 2)", AIPOLICY_VERDICT_USE_WITH_REVIEW,
		    "published", 20);
	add(r, "2027-01-01T00:00:00Z", "uni", "2026-Q3",
	    AIPOLICY_VERDICT_DO_NOT_USE, "restricted", 0);
	add(r, "2027-01-04T00:00:00Z", "uni", "2026-Q3",
	    AIPOLICY_VERDICT_DO_NOT_USE, "restricted", 0);
	/* A review whose outcome gives no minutes. */
	add(r, "2026-11-30T11:00:00Z", "acme", "v1",
	    AIPOLICY_VERDICT_USE_WITH_REVIEW, "reviewed", 0);
	report_skip(r);
	report_skip(r);
	return r;
}

static void
test_counts(void **state)
{
	struct report *r = sample();

	(void)state;
	assert_int_equal(r->decisions, 21);
	assert_int_equal(r->lines_skipped, 2);
	assert_int_equal(r->by_verdict[AIPOLICY_VERDICT_USE_FREELY], 12);
	assert_int_equal(r->by_verdict[AIPOLICY_VERDICT_USE_WITH_REVIEW], 7);
	assert_int_equal(r->by_verdict[AIPOLICY_VERDICT_DO_NOT_USE], 2);
	assert_int_equal(count(r, REPORT_BY_OUTCOME, "uni/free"), 12);
	assert_int_equal(count(r, REPORT_BY_OUTCOME, "uni/published"), 6);
	assert_int_equal(count(r, REPORT_BY_OUTCOME, "uni/restricted"), 2);
	assert_int_equal(count(r, REPORT_BY_OUTCOME, "acme/reviewed"), 1);
	assert_int_equal(count(r, REPORT_BY_OUTCOME, "free"), 0);
	assert_int_equal(count(r, REPORT_BY_POLICY_VERSION,
	    "uni 2026-Q4 (rev. 2)"), 18);
	assert_int_equal(count(r, REPORT_BY_POLICY_VERSION, "uni 2026-Q3"), 2);
	assert_int_equal(count(r, REPORT_BY_POLICY_VERSION, "acme v1"), 1);
	assert_int_equal(count(r, REPORT_BY_WEEK, "2026-W48"), 12);
	assert_int_equal(count(r, REPORT_BY_WEEK, "2026-W49"), 5);
	/* 2026-12-31 and 2027-01-01 are both in the 53rd week of 2026. */
	assert_int_equal(count(r, REPORT_BY_WEEK, "2026-W53"), 3);
	assert_int_equal(count(r, REPORT_BY_WEEK, "2027-W01"), 1);
	assert_null(report_get(r, REPORT_BY_WEEK, "2027-W00"));
	report_free(r);
}

/* Review minutes: summed over use-with-review records that give them. */
static void
test_review_minutes(void **state)
{
	struct report *r = sample();

	(void)state;
	assert_int_equal(r->review_minutes, 6 * 20);
	assert_int_equal(r->reviews_timed, 6);
	assert_int_equal(report_get(r, REPORT_BY_WEEK, "2026-W49")->
	    review_minutes, 4 * 20);
	assert_int_equal(report_get(r, REPORT_BY_WEEK, "2026-W53")->
	    review_minutes, 2 * 20);
	assert_int_equal(report_get(r, REPORT_BY_WEEK, "2026-W48")->
	    review_minutes, 0);
	report_free(r);
}

static void
test_json(void **state)
{
	struct report *r = sample();
	char *s;

	(void)state;
	s = report_json(r);
	assert_non_null(s);
	assert_string_equal(s, "{\"decisions\": 21, \"lines_skipped\": 2, "
	    "\"by_verdict\": {\"use-freely\": 12, \"use-with-review\": 7, "
	    "\"do-not-use\": 2}, \"by_outcome\": {\"acme/reviewed\": 1, "
	    "\"uni/free\": 12, \"uni/published\": 6, \"uni/restricted\": 2}, "
	    "\"by_policy_version\": {\"acme v1\": 1, \"uni 2026-Q3\": 2, "
	    "\"uni 2026-Q4 (rev. 2)\": 18}, \"by_week\": {\"2026-W48\": 12, "
	    "\"2026-W49\": 5, \"2026-W53\": 3, \"2027-W01\": 1}, "
	    "\"review_minutes\": 120, \"never_reached\": null}");
	free(s);
	report_free(r);
}

static void
test_empty(void **state)
{
	struct report *r = report_new();
	char *s;

	(void)state;
	assert_non_null(r);
	s = report_json(r);
	assert_non_null(s);
	assert_string_equal(s, "{\"decisions\": 0, \"lines_skipped\": 0, "
	    "\"by_verdict\": {\"use-freely\": 0, \"use-with-review\": 0, "
	    "\"do-not-use\": 0}, \"by_outcome\": {}, "
	    "\"by_policy_version\": {}, \"by_week\": {}, "
	    "\"review_minutes\": 0, \"never_reached\": null}");
	free(s);
	s = report_text(r);
	assert_non_null(s);
	assert_string_equal(s, "0 decisions\n\nVerdicts\n"
	    "  0  use-freely\n  0  use-with-review\n  0  do-not-use\n"
	    "\nReview load: 0 h 00 min (no use-with-review decisions)\n");
	free(s);
	report_free(r);
	report_free(NULL);
}

/* Keys sort bytewise: upper case before lower case, shorter first. */
static void
test_sorted(void **state)
{
	struct report *r = report_new();
	struct report_entry *e;
	size_t n;

	(void)state;
	assert_non_null(r);
	add(r, "2026-11-23T09:00:00Z", "b", "v", AIPOLICY_VERDICT_USE_FREELY,
	    "x", 0);
	add(r, "2026-11-23T09:00:00Z", "a", "v", AIPOLICY_VERDICT_USE_FREELY,
	    "x", 0);
	add(r, "2026-11-23T09:00:00Z", "B", "v", AIPOLICY_VERDICT_USE_FREELY,
	    "x", 0);
	add(r, "2026-11-23T09:00:00Z", "a", "v", AIPOLICY_VERDICT_USE_FREELY,
	    "x-y", 0);
	add(r, "2026-11-23T09:00:00Z", "a", "v", AIPOLICY_VERDICT_USE_FREELY,
	    "x", 0);
	assert_int_equal(report_sorted(r, REPORT_BY_OUTCOME, &e, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(e[0].key, "B/x");
	assert_string_equal(e[1].key, "a/x");
	assert_int_equal(e[1].count, 2);
	assert_string_equal(e[2].key, "a/x-y");
	assert_string_equal(e[3].key, "b/x");
	free(e);
	report_free(r);
}

#define FULL "\u2588"

static void
test_text(void **state)
{
	struct report *r = sample();
	char *s;

	(void)state;
	s = report_text(r);
	assert_non_null(s);
	/* 12 is the longest bar (40 cells); 5 is 16.67 cells, 3 is 10 and 1
	 * is 3.33: whole cells, then the nearest eighth. */
	assert_string_equal(s,
	    "21 decisions, 2 lines skipped\n"
	    "\n"
	    "Verdicts\n"
	    "  12  use-freely (57%)\n"
	    "   7  use-with-review (33%)\n"
	    "   2  do-not-use (10%)\n"
	    "\n"
	    "Outcomes\n"
	    "   1  acme/reviewed\n"
	    "  12  uni/free\n"
	    "   6  uni/published\n"
	    "   2  uni/restricted\n"
	    "\n"
	    "Policy versions\n"
	    "   1  acme v1\n"
	    "   2  uni 2026-Q3\n"
	    "  18  uni 2026-Q4 (rev. 2)\n"
	    "\n"
	    "Weeks (decisions, review load)\n"
	    "  2026-W48  12  0 h 00 min  "
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL "\n"
	    "  2026-W49   5  1 h 20 min  "
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL
	    FULL FULL FULL FULL FULL FULL "\u258B\n"
	    "  2026-W53   3  0 h 40 min  "
	    FULL FULL FULL FULL FULL FULL FULL FULL FULL FULL "\n"
	    "  2027-W01   1  0 h 00 min  " FULL FULL FULL "\u258D\n"
	    "\n"
	    "Review load: 2 h 00 min (120 minutes; 7 use-with-review "
	    "decisions, 1 without review_minutes)\n");
	free(s);
	report_free(r);
}

/* Any week with a decision gets a bar, however small; text from the log
 * is shown with control characters replaced. */
static void
test_text_small_and_unsafe(void **state)
{
	struct report *r = report_new();
	char *s;
	int i;

	(void)state;
	assert_non_null(r);
	for (i = 0; i < 1000; i++)
		add(r, "2026-11-23T09:00:00Z", "p", "v",
		    AIPOLICY_VERDICT_USE_WITH_REVIEW, "o", 30);
	add(r, "2026-11-30T09:00:00Z", "p\x1b[2J", "v\t1",
	    AIPOLICY_VERDICT_USE_FREELY, "o", 0);
	s = report_text(r);
	assert_non_null(s);
	assert_non_null(strstr(s, "  2026-W49     1    0 h 00 min  \u258F\n"));
	assert_non_null(strstr(s, "  2026-W48  1000  500 h 00 min  "));
	assert_non_null(strstr(s, "     1  p?[2J v 1\n"));
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "Review load: 500 h 00 min (30000 minutes; "
	    "1000 use-with-review decisions)\n"));
	assert_non_null(strstr(s, "1001 decisions\n"));
	free(s);
	report_free(r);
}


/* A small policy for what its records reach: an inline outcome, a
 * question nothing leads to. */
static const char reach_yaml[] =
    "aipolicy: 1\n"
    "id: t\n"
    "title: T\n"
    "version: v1\n"
    "owner: O\n"
    "effective: 2026-01-01\n"
    "review_by: 2099-12-31\n"
    "start: data\n"
    "questions:\n"
    "  data: {ask: Data?, answers: {public: comms, personal: {verdict: "
    "do-not-use, summary: No.}}}\n"
    "  comms: {ask: Clients?, answers: {yes: reviewed, no: free}}\n"
    "  lost: {ask: Lost?, answers: {a: free, b: free}}\n"
    "outcomes:\n"
    "  free: {verdict: use-freely, summary: Go.}\n"
    "  reviewed: {verdict: use-with-review, summary: Review it., reviewer: "
    "Boss}\n"
    "  spare: {verdict: use-freely, summary: Spare.}\n";

/* Add a record of policy t v1 with SHA, its path of N steps, its unsure
 * list of M ids and its outcome. */
static void
add_path(struct report *r, const char *sha, const struct logrec_step *path,
    size_t n, const char *const *unsure, size_t m, const char *outcome)
{
	struct logrec rec;

	memset(&rec, 0, sizeof rec);
	assert_true(logrec_parse_time("2026-11-23T09:00:00Z", 20, &rec.time));
	logrec_iso_week(rec.time, rec.week);
	rec.via = "check";
	rec.decision_id = "0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b31";
	rec.policy_id = "t";
	rec.policy_version = "v1";
	rec.policy_sha256 = sha;
	rec.path = path;
	rec.npath = n;
	rec.unsure = unsure;
	rec.nunsure = m;
	rec.verdict = AIPOLICY_VERDICT_USE_FREELY;
	rec.outcome = outcome;
	assert_int_equal(report_add(r, &rec), 0);
}

/* Outcomes reached by a record's end; answers on its path unless it was
 * unsure of their question; records of another text of the same version
 * counted apart; keys matched ignoring case. */
static void
test_never_reached(void **state)
{
	static const struct logrec_step p1[] = { { "data", "Public" },
	    { "comms", "no" } };
	static const struct logrec_step p2[] = { { "data", "public" },
	    { "comms", "yes" } };
	static const struct logrec_step p3[] = { { "data", "personal" } };
	static const char *const unsure_comms[] = { "comms" };
	struct aipolicy *p = test_load(reach_yaml, sizeof reach_yaml - 1);
	struct report *r = report_new();
	char other[65], *s;

	(void)state;
	assert_non_null(p);
	assert_non_null(r);
	assert_int_equal(report_set_policy(r, p), 0);
	memset(other, 'a', 64);
	other[64] = '\0';
	add_path(r, p->sha256, p1, 2, NULL, 0, "free");
	/* Unsure of comms: its answer 'yes' is not reached. */
	add_path(r, p->sha256, p2, 2, unsure_comms, 1, "reviewed");
	/* Another text of t v1: not counted. */
	add_path(r, other, p3, 1, NULL, 0, "data.personal");
	assert_int_equal(r->policy_decisions, 2);
	assert_int_equal(r->policy_lookalikes, 1);
	assert_true(report_outcome_reached(r, 0));   /* free */
	assert_true(report_outcome_reached(r, 1));   /* reviewed */
	assert_false(report_outcome_reached(r, 2));  /* spare */
	assert_false(report_outcome_reached(r, 3));  /* data.personal */
	assert_true(report_answer_reached(r, 0, 0)); /* data=public */
	assert_false(report_answer_reached(r, 0, 1));
	assert_false(report_answer_reached(r, 1, 0)); /* comms=yes, unsure */
	assert_true(report_answer_reached(r, 1, 1));
	s = report_json(r);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"never_reached\": {\"outcomes\": "
	    "[\"spare\", \"data.personal\"], \"answers\": [{\"question\": "
	    "\"data\", \"answer\": \"personal\"}, {\"question\": \"comms\", "
	    "\"answer\": \"yes\"}, {\"question\": \"lost\", \"answer\": "
	    "\"a\"}, {\"question\": \"lost\", \"answer\": \"b\"}]}}"));
	free(s);
	s = report_text(r);
	assert_non_null(s);
	assert_non_null(strstr(s, "\nReview load: 0 h 00 min (no "
	    "use-with-review decisions)\n"
	    "\nNever reached by the 2 decisions made under t v1\n"
	    "  (1 more decision names this version but was made under another "
	    "text of it: not counted)\n"
	    "  outcome  spare (no path leads here)\n"
	    "  outcome  data.personal\n"
	    "  answer   data=personal\n"
	    "  answer   comms=yes\n"
	    "  answer   lost=a (no path leads here)\n"
	    "  answer   lost=b (no path leads here)\n"));
	free(s);
	report_free(r);
	aipolicy_free(p);
}

/* No record under the policy: everything is listed, and the heading says
 * why; everything reached: said in one line. */
static void
test_never_reached_none_all(void **state)
{
	static const struct logrec_step paths[][2] = {
	    { { "data", "public" }, { "comms", "yes" } },
	    { { "data", "public" }, { "comms", "no" } },
	    { { "data", "personal" }, { NULL, NULL } },
	    { { "lost", "a" }, { NULL, NULL } },
	    { { "lost", "b" }, { NULL, NULL } } };
	static const char *const ends[] = { "reviewed", "free",
	    "data.personal", "spare", "free" };
	struct aipolicy *p = test_load(reach_yaml, sizeof reach_yaml - 1);
	struct report *r = report_new();
	size_t i;
	char *s;

	(void)state;
	assert_non_null(p);
	assert_non_null(r);
	assert_int_equal(report_set_policy(r, p), 0);
	s = report_text(r);
	assert_non_null(strstr(s, "\nNever reached (no decision in the logs "
	    "was made under t v1)\n  outcome  free\n"));
	free(s);
	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		add_path(r, p->sha256, paths[i], paths[i][1].question ? 2 : 1,
		    NULL, 0, ends[i]);
	s = report_text(r);
	assert_non_null(strstr(s, "\nNever reached by the 5 decisions made "
	    "under t v1\n  nothing: every outcome and answer was reached\n"));
	free(s);
	s = report_json(r);
	assert_non_null(strstr(s, "\"never_reached\": {\"outcomes\": [], "
	    "\"answers\": []}}"));
	free(s);
	report_free(r);
	aipolicy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_review_minutes),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_sorted),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_small_and_unsafe),
		cmocka_unit_test(test_never_reached),
		cmocka_unit_test(test_never_reached_none_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
