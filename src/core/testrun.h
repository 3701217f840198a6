/*
 * testrun.h: running a policy's test cases (aipolicy test).
 *
 * A case gives answers (question id -> answer key) and expects a verdict id
 * or an outcome id. It passes when the walk with exactly those answers
 * reaches an outcome that matches the expectation and uses every answer
 * given: a case with an answer its walk never uses fails, so that cases
 * stay exact.
 *
 * Besides running, this module says what happened in words (the same words
 * for the text output and for JUnit) and renders JUnit XML into a buffer.
 */
#ifndef AIPOLICY_TESTRUN_H
#define AIPOLICY_TESTRUN_H

#include <stdbool.h>
#include <stddef.h>

#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

/* The result of one case. Pointers belong to the testrun that produced
 * them and stay valid until its next testrun_case. */
struct testrun_result {
	const struct aipolicy_test_case *tc;
	bool passed;
	/* VERDICT, INCOMPLETE or BAD_ANSWER */
	enum aipolicy_walk_status status;
	/* AIPOLICY_WALK_VERDICT: the outcome reached */
	const struct aipolicy_outcome *reached;
	/* AIPOLICY_WALK_INCOMPLETE: unanswered question */
	uint32_t next;
	/* AIPOLICY_WALK_BAD_ANSWER: index into answers */
	size_t bad;
	const size_t *unused;          /* indexes into tc->answers, in order */
	size_t nunused;
};

struct testrun;

/* testrun_new: what running P's cases needs; NULL when out of memory.
 * P must outlive it. Caller owns the result (testrun_free). */
struct testrun *testrun_new(const struct aipolicy *p);
/* testrun_free: NULL is a no-op. */
void testrun_free(struct testrun *t);

/*
 * testrun_case: run case I (< p->ntests) and fill *R. Returns 0, or -1 when
 * out of memory (*R is then unspecified).
 */
int testrun_case(struct testrun *t, size_t i, struct testrun_result *r);

/* testrun_expect_matches: outcome O is what EXPECT (a verdict id or an
 * outcome id) asks for. */
bool testrun_expect_matches(const struct aipolicy_outcome *o,
    const char *expect);

/*
 * testrun_answers_text: the case's answers as people read them,
 * "data='no', audience='only me'" in the order written ("(none)" when it
 * has none), with anything a terminal would interpret replaced. Caller
 * owns the result; NULL when out of memory.
 */
char *testrun_answers_text(const struct aipolicy_test_case *tc);

/*
 * testrun_failure_text: why case R failed, in one line: "expected 'X',
 * reached 'Y' (verdict)"; "expected 'X', stopped at question 'Q', which the
 * case does not answer"; or "reached 'X' (verdict) as expected, but answers
 * not used: q='a', ..." (after the first two, "; answers not used: ..." when
 * some were not used). Text is sanitised as in testrun_answers_text. Caller
 * owns the result; NULL when out of memory.
 */
char *testrun_failure_text(const struct aipolicy *p,
    const struct testrun_result *r);

/*
 * JUnit XML, for CI dashboards: one <testsuite> per policy file, one
 * <testcase> per case. Build it with
 *
 *	struct testrun_junit *j = testrun_junit_new();
 *	for (each file that loads)
 *		testrun_junit_begin(j, file, p);
 *		for (each case) testrun_junit_case(j, &result);
 *		testrun_junit_end(j);
 *	(or testrun_junit_error(j, file, why) for one that does not)
 *	xml = testrun_junit_finish(j, &len);
 *
 * Every text is escaped for XML, and characters XML 1.0 cannot hold
 * (control characters, invalid UTF-8) are replaced by '?'. Functions that
 * return int return 0, or -1 when out of memory.
 */
struct testrun_junit;

/* testrun_junit_new: an empty document; NULL when out of memory. Caller
 * owns the result (testrun_junit_finish or testrun_junit_free). */
struct testrun_junit *testrun_junit_new(void);
/* testrun_junit_free: NULL is a no-op. */
void testrun_junit_free(struct testrun_junit *j);

/* testrun_junit_begin: start the suite of FILE (the name P was loaded
 * under). FILE and P must outlive the matching testrun_junit_end. */
int testrun_junit_begin(struct testrun_junit *j, const char *file,
    const struct aipolicy *p);
/* testrun_junit_case: add the testcase of R, a case of the suite's policy
 * (rendered at once: R may change afterwards). */
int testrun_junit_case(struct testrun_junit *j,
    const struct testrun_result *r);
/* testrun_junit_end: close the suite begun last. */
int testrun_junit_end(struct testrun_junit *j);

/*
 * testrun_junit_error: add a suite for FILE that could not be loaded: one
 * testcase "load" with an <error> saying MESSAGE.
 */
int testrun_junit_error(struct testrun_junit *j, const char *file,
    const char *message);

/*
 * testrun_junit_finish: the whole document (XML declaration, <testsuites>
 * with the totals, the suites in the order added, a final newline) as a
 * NUL-terminated string of *LEN bytes that the caller owns; frees J.
 * NULL when out of memory (J is freed all the same).
 */
char *testrun_junit_finish(struct testrun_junit *j, size_t *len);

#endif
