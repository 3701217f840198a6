/*
 * test_present.c: the words of a verdict (present.h): the lines and their
 * roles for a verdict, a worst case, an incomplete result; the one phrasing
 * of the less restrictive answers; the question that narrows a worst case
 * down; layout for a width (hanging indents) and unwrapped; sanitising;
 * and the date warnings.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

#include "core/present.h"
#include "aipolicy/result.h"
#include "aipolicy/walk.h"
#include "core/wrap.h"

#define MAXGIVEN 8

/*
 * audience: only me / my team -> free, managers -> reviewed,
 * clients -> tool; tool: yes -> reviewed, no -> stop (inline).
 * The "Who, exactly?" key holds a comma.
 */
static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: present-test\n"
	"title: Present \xE2\x80\xAEtest\n"          /* a bidi override */
	"version: P1\n"
	"owner: Policy Team\n"
	"effective: 2026-01-01\n"
	"review_by: 2026-12-31\n"
	"start: audience\n"
	"questions:\n"
	"  audience:\n"
	"    label: Audience?\n"
	"    ask: Who will see the result?\n"
	"    answers:\n"
	"      only me: free\n"
	"      my team: free\n"
	"      managers: reviewed\n"
	"      clients: tool\n"
	"  tool:\n"
	"    label: Approved tool?\n"
	"    ask: Will you use the approved tool?\n"
	"    answers:\n"
	"      yes: reviewed\n"
	"      no, a web one: { verdict: do-not-use, summary: Stop. }\n"
	"outcomes:\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Use AI freely.\n"
	"    why: |-\n"
	"      Drafts for yourself carry little risk, and the words of this\n"
	"      reason are many.\n"
	"  reviewed:\n"
	"    verdict: use-with-review\n"
	"    summary: Have it reviewed.\n"
	"    reviewer: Your line manager\n"
	"    disclose: true\n"
	"    conditions:\n"
	"      - Check every figure.\n";

struct fixture {
	struct aipolicy *p;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result r;
	struct aipolicy_given given[MAXGIVEN];
	size_t n;
	struct present pr;
};

static int setup(void **state);
static int teardown(void **state);
static void walk(struct fixture *f, unsigned flags, ...);
static void present(struct fixture *f, int width, unsigned flags,
    unsigned walk_flags);
static void assert_lines(const struct present *pr, ...);
static size_t find(const struct present *pr, const char *text);
static void present_yaml(const char *yaml, size_t len,
    const struct aipolicy_given *g, unsigned flags, aipolicy_date_t today,
    struct present *pr);

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL || setlocale(LC_ALL, "C.UTF-8") == NULL)
		return -1;
	f->p = test_load(policy_yaml, sizeof policy_yaml - 1);
	f->w = f->p != NULL ? aipolicy_walker_new(f->p) : NULL;
	present_init(&f->pr, 0, 0);
	*state = f;
	return f->w != NULL ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	present_release(&f->pr);
	aipolicy_walker_free(f->w);
	aipolicy_free(f->p);
	free(f);
	return 0;
}

/* walk: aipolicy_walker_run with QUESTION, ANSWER, ... NULL. */
static void walk(struct fixture *f, unsigned flags, ...)
{
	const char *q;
	va_list ap;

	f->n = 0;
	va_start(ap, flags);
	while ((q = va_arg(ap, const char *)) != NULL) {
		const char *a = va_arg(ap, const char *);

		assert_true(f->n < MAXGIVEN);
		f->given[f->n++] =
		    (struct aipolicy_given){ q, strlen(q), a, strlen(a) };
	}
	va_end(ap);
	assert_int_equal(aipolicy_walker_run(f->w, f->given, f->n, flags,
	    &f->r), 0);
}

/* present: the words for the last walk, in a fresh list. */
static void present(struct fixture *f, int width, unsigned flags,
    unsigned walk_flags)
{
	present_release(&f->pr);
	present_init(&f->pr, width, flags);
	assert_int_equal(present_result(&f->pr, f->p, &f->r, f->given, f->n,
	    walk_flags), 0);
	assert_false(f->pr.failed);
}

/* assert_lines: the lines are ROLE, TEXT, ... and -1 ends the list. */
static void assert_lines(const struct present *pr, ...)
{
	size_t i = 0;
	va_list ap;
	int role;

	va_start(ap, pr);
	while ((role = va_arg(ap, int)) >= 0) {
		const char *text = va_arg(ap, const char *);

		if (i >= pr->n)
			fail_msg("line %zu missing: '%s'", i, text);
		assert_string_equal(pr->lines[i].text, text);
		assert_int_equal(pr->lines[i].len, strlen(text));
		assert_int_equal(pr->lines[i].role, role);
		i++;
	}
	va_end(ap);
	assert_int_equal(pr->n, i);
}

/* find: the index of the line TEXT; fails when there is none. */
static size_t find(const struct present *pr, const char *text)
{
	for (size_t i = 0; i < pr->n; i++)
		if (strcmp(pr->lines[i].text, text) == 0)
			return i;
	fail_msg("no line '%s'", text);
	return 0;
}

static void test_verdict(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "clients", "tool", "yes", NULL);
	present(f, 0, PRESENT_POLICY, 0);
	assert_lines(&f->pr,
	    PRESENT_REVIEW, "Verdict: Use AI with review",
	    PRESENT_STRONG, "Have it reviewed.",
	    PRESENT_TEXT, "Reviewer: Your line manager",
	    PRESENT_STRONG, "Disclose that AI assisted.",
	    PRESENT_TEXT, "Conditions:",
	    PRESENT_TEXT, "  - Check every figure.",
	    PRESENT_BLANK, "",
	    PRESENT_TEXT, "Your answers: Audience? clients \xE2\x86\x92 "
	    "Approved tool? yes",
	    PRESENT_TEXT, "Policy: Present ?test, version P1",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);

	/* Without PRESENT_POLICY, and with ASCII glyphs. */
	present(f, 0, PRESENT_ASCII, 0);
	assert_string_equal(f->pr.lines[find(&f->pr, "Your answers: Audience? "
	    "clients -> Approved tool? yes")].text, "Your answers: Audience? "
	    "clients -> Approved tool? yes");
	assert_string_equal(f->pr.lines[f->pr.n - 1].text,
	    "Questions? Ask Policy Team");
	for (size_t i = 0; i < f->pr.n; i++)
		assert_null(strstr(f->pr.lines[i].text, "Policy:"));
}

/* A text that spans lines keeps its breaks, unwrapped too, each later
 * line indented under the label. */
static void test_multiline_unwrapped(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "only me", NULL);
	present(f, 0, 0, 0);
	assert_lines(&f->pr,
	    PRESENT_FREE, "Verdict: Use AI freely",
	    PRESENT_STRONG, "Use AI freely.",
	    PRESENT_TEXT, "Why: Drafts for yourself carry little risk, and "
	    "the words of this",
	    PRESENT_TEXT, "     reason are many.",
	    PRESENT_BLANK, "",
	    PRESENT_TEXT, "Your answers: Audience? only me",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);
}

/* For a width, no line is wider, and a label gives a hanging indent. */
static void test_wrapped(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "only me", NULL);
	present(f, 28, 0, 0);
	for (size_t i = 0; i < f->pr.n; i++)
		assert_true(wrap_width(f->pr.lines[i].text,
		    f->pr.lines[i].len) <= 28);
	assert_lines(&f->pr,
	    PRESENT_FREE, "Verdict: Use AI freely",
	    PRESENT_STRONG, "Use AI freely.",
	    PRESENT_TEXT, "Why: Drafts for yourself",
	    PRESENT_TEXT, "     carry little risk, and",
	    PRESENT_TEXT, "     the words of this",
	    PRESENT_TEXT, "     reason are many.",
	    PRESENT_BLANK, "",
	    PRESENT_TEXT, "Your answers: Audience? only",
	    PRESENT_TEXT, "              me",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);

	/* Too narrow for the hanging indent: no indent, still no line wider
	 * than the width. */
	present(f, 16, 0, 0);
	for (size_t i = 0; i < f->pr.n; i++)
		assert_true(wrap_width(f->pr.lines[i].text,
		    f->pr.lines[i].len) <= 16);
	find(&f->pr, "Your answers:");
	find(&f->pr, "Audience? only");
}

/*
 * A worst case: the verdict as a worst case, what it could lead to, the
 * assumed answers marked, the less restrictive answers grouped by the
 * verdict they give (least restrictive first), and the question that
 * narrows it down. By hand: audience=? reaches clients -> tool (never
 * answered) -> no: stop. only me / my team give free, managers review;
 * tool=yes gives review at worst.
 */
static void test_worst_case(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "?", NULL);
	assert_int_equal(f->r.next, 1);
	present(f, 0, 0, 0);
	assert_lines(&f->pr,
	    PRESENT_STOP, "Worst case: Do not use AI",
	    PRESENT_WARNING, "If the answers marked \"not sure\" turn out as "
	    "shown below:",
	    PRESENT_STRONG, "Stop.",
	    PRESENT_BLANK, "",
	    PRESENT_TEXT, "Your answers: Audience? clients (not sure) "
	    "\xE2\x86\x92 Approved tool? no, a web one (not sure)",
	    PRESENT_TEXT, "Less restrictive answers:",
	    PRESENT_TEXT, "  - Audience? \xE2\x80\x94 'only me' or 'my team' "
	    "gives at worst: Use AI freely; 'managers': Use AI with review",
	    PRESENT_TEXT, "  - Approved tool? \xE2\x80\x94 'yes' gives at "
	    "worst: Use AI with review",
	    PRESENT_HINT, "To narrow it down, answer: tool",
	    PRESENT_TEXT, "  Will you use the approved tool?",
	    PRESENT_TEXT, "  answers: 'yes', 'no, a web one'",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);
}

/* Every question answered "?": nothing to narrow down; an answer that no
 * other answer beats says so. */
static void test_worst_case_final(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "clients", "tool", "?", NULL);
	assert_int_equal(f->r.next, AIPOLICY_WALK_NO_NEXT);
	present(f, 0, PRESENT_ASCII, 0);
	find(&f->pr, "Worst case: Do not use AI");
	find(&f->pr, "Your answers: Audience? clients -> Approved tool? no, a "
	    "web one (not sure)");
	find(&f->pr, "  - Approved tool? - 'yes' gives at worst: Use AI with "
	    "review");
	for (size_t i = 0; i < f->pr.n; i++)
		assert_null(strstr(f->pr.lines[i].text, "narrow"));

	/* --worst-case on a reviewed path: managers is the first review,
	 * and nothing lower is reachable from 'clients' -> 'yes'. */
	walk(f, AIPOLICY_WALK_WORST_CASE, "tool", "yes", NULL);
	present(f, 0, 0, AIPOLICY_WALK_WORST_CASE);
	find(&f->pr, "Worst case: Use AI with review");
	find(&f->pr, "  - Audience? \xE2\x80\x94 'only me' or 'my team' gives "
	    "at worst: Use AI freely");
	find(&f->pr, "To narrow it down, answer: audience");
}

/* Nothing is less restrictive than use-freely: a worst case of it lists
 * no answers and has nothing to narrow down. */
static void test_worst_case_free(void **state)
{
	static const char yaml[] =
		"aipolicy: 1\nid: free\ntitle: Free\nversion: F1\n"
		"owner: O\neffective: 2026-01-01\nreview_by: 2026-12-31\n"
		"start: draft\nquestions:\n  draft:\n    ask: Draft?\n"
		"    answers:\n"
		"      yes: { verdict: use-freely, summary: Go yes. }\n"
		"      no: { verdict: use-freely, summary: Go no. }\n";
	struct aipolicy *p = test_load(yaml, sizeof yaml - 1);
	struct aipolicy_walker *w = p != NULL ? aipolicy_walker_new(p) : NULL;
	struct aipolicy_walk_result r;
	struct present pr;

	(void)state;
	assert_non_null(w);
	assert_int_equal(aipolicy_walker_run(w, NULL, 0,
	    AIPOLICY_WALK_WORST_CASE, &r), 0);
	present_init(&pr, 0, 0);
	assert_int_equal(present_result(&pr, p, &r, NULL, 0,
	    AIPOLICY_WALK_WORST_CASE), 0);
	assert_lines(&pr,
	    PRESENT_FREE, "Worst case: Use AI freely",
	    PRESENT_WARNING, "If the answers marked \"not sure\" turn out as "
	    "shown below:",
	    PRESENT_STRONG, "Go yes.",
	    PRESENT_BLANK, "",
	    PRESENT_TEXT, "Your answers: Draft? yes (not sure)",
	    PRESENT_TEXT, "Questions? Ask O", -1);
	present_release(&pr);
	aipolicy_walker_free(w);
	aipolicy_free(p);
}

/* PR: the words (unwrapped, with FLAGS) for the policy in LEN bytes of
 * YAML walked with the one answer G, then its date warning on TODAY (0:
 * none). The caller releases PR. */
static void present_yaml(const char *yaml, size_t len,
    const struct aipolicy_given *g, unsigned flags, aipolicy_date_t today,
    struct present *pr)
{
	struct aipolicy *p = test_load(yaml, len);
	struct aipolicy_walker *w = p != NULL ? aipolicy_walker_new(p) : NULL;
	struct aipolicy_walk_result r;

	assert_non_null(w);
	assert_int_equal(aipolicy_walker_run(w, g, 1, 0, &r), 0);
	present_init(pr, 0, flags);
	assert_int_equal(present_result(pr, p, &r, g, 1, 0), 0);
	if (today != 0)
		assert_int_equal(present_dates(pr, p, today), 0);
	aipolicy_walker_free(w);
	aipolicy_free(p);
}

/* No answer of an assumed question gives less. */
static void test_no_lower_answer(void **state)
{
	static const char yaml[] =
		"aipolicy: 1\nid: none\ntitle: None\nversion: N1\n"
		"owner: O\neffective: 2026-01-01\nreview_by: 2026-12-31\n"
		"start: draft\nquestions:\n  draft:\n    ask: Draft?\n"
		"    answers:\n"
		"      yes: { verdict: do-not-use, summary: Stop yes. }\n"
		"      no: { verdict: do-not-use, summary: Stop no. }\n";
	struct aipolicy_given g = { "draft", 5, "?", 1 };
	struct present pr;

	(void)state;
	present_yaml(yaml, sizeof yaml - 1, &g, 0, 0, &pr);
	find(&pr, "  - Draft? \xE2\x80\x94 no answer gives a less restrictive "
	    "verdict");
	present_release(&pr);
}

/* Incomplete: the next question, its answers each quoted. */
static void test_incomplete(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "clients", NULL);
	present(f, 0, 0, 0);
	assert_lines(&f->pr,
	    PRESENT_HINT, "Not decided yet. Next question: tool",
	    PRESENT_TEXT, "  Will you use the approved tool?",
	    PRESENT_TEXT, "  answers: 'yes', 'no, a web one'",
	    PRESENT_TEXT, "Your answers: Audience? clients",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);

	walk(f, 0, NULL);
	present(f, 0, 0, 0);
	assert_lines(&f->pr,
	    PRESENT_HINT, "Not decided yet. Next question: audience",
	    PRESENT_TEXT, "  Who will see the result?",
	    PRESENT_TEXT, "  answers: 'only me', 'my team', 'managers', "
	    "'clients'",
	    PRESENT_TEXT, "Questions? Ask Policy Team", -1);
}

static void test_narrowing(void **state)
{
	struct fixture *f = *state;

	walk(f, 0, "audience", "?", NULL);
	present_release(&f->pr);
	present_init(&f->pr, 0, 0);
	assert_int_equal(present_narrowing(&f->pr, &f->r), 0);
	assert_lines(&f->pr, PRESENT_WARNING, "Worst case so far: Do not use "
	    "AI. Answering this may lower it.", -1);
}

static void test_roles(void **state)
{
	(void)state;
	assert_int_equal(present_role_of(AIPOLICY_VERDICT_USE_FREELY),
	    PRESENT_FREE);
	assert_int_equal(present_role_of(AIPOLICY_VERDICT_USE_WITH_REVIEW),
	    PRESENT_REVIEW);
	assert_int_equal(present_role_of(AIPOLICY_VERDICT_DO_NOT_USE),
	    PRESENT_STOP);
}

/* One warning for each way the dates can be wrong, none when right; the
 * days at the edges are in order. */
static void test_dates(void **state)
{
	struct fixture *f = *state;
	char *msg;

	assert_int_equal(present_dates_on(f->p, 20251231), PRESENT_NOT_YET);
	assert_int_equal(present_dates_on(f->p, 20260101), PRESENT_CURRENT);
	assert_int_equal(present_dates_on(f->p, 20261231), PRESENT_CURRENT);
	assert_int_equal(present_dates_on(f->p, 20270101), PRESENT_STALE);

	assert_int_equal(present_date_warning(NULL, f->p, 20260601, &msg), 0);
	assert_null(msg);
	assert_int_equal(present_date_warning(NULL, f->p, 20270101, &msg), 0);
	assert_string_equal(msg, "this policy was due for review on "
	    "2026-12-31; ask Policy Team whether it still applies");
	free(msg);
	assert_int_equal(present_date_warning(NULL, f->p, 20251231, &msg), 0);
	assert_string_equal(msg, "this policy is not in force until "
	    "2026-01-01; ask Policy Team which rules apply until then");
	free(msg);

	present_release(&f->pr);
	present_init(&f->pr, 0, 0);
	assert_int_equal(present_dates(&f->pr, f->p, 20260601), 0);
	assert_int_equal(f->pr.n, 0);
	assert_int_equal(present_dates(&f->pr, f->p, 20270101), 0);
	assert_lines(&f->pr, PRESENT_WARNING, "Warning: this policy was due "
	    "for review on 2026-12-31; ask Policy Team whether it still "
	    "applies.", -1);
}

/* Policy text is sanitised: a tab becomes a space, a bidirectional
 * override '?' (the loader refuses other control characters). */
static void test_sanitised(void **state)
{
	static const char yaml[] =
		"aipolicy: 1\nid: s\ntitle: S\nversion: v\n"
		"owner: \"O\\u202Ewner\"\neffective: 2026-01-01\n"
		"review_by: 2026-12-31\nstart: q\nquestions:\n  q:\n"
		"    ask: \"Ask\\tme\"\n    label: \"L\\u2066b\"\n"
		"    answers:\n"
		"      \"y\\tes\": { verdict: do-not-use, summary: "
		"\"S\\u202Dx\" }\n"
		"      no: { verdict: use-freely, summary: Go. }\n";
	struct aipolicy_given g = { "q", 1, "?", 1 };
	struct present pr;

	(void)state;
	present_yaml(yaml, sizeof yaml - 1, &g, PRESENT_POLICY, 20270101, &pr);
	for (size_t i = 0; i < pr.n; i++)
		for (size_t k = 0; k < pr.lines[i].len; k++)
			assert_true((unsigned char)pr.lines[i].text[k] >= 0x20);
	find(&pr, "S?x");
	find(&pr, "Your answers: L?b y es (not sure)");
	find(&pr, "  - L?b \xE2\x80\x94 'no' gives at worst: Use AI freely");
	find(&pr, "Questions? Ask O?wner");
	find(&pr, "Warning: this policy was due for review on 2026-12-31; ask "
	    "O?wner whether it still applies.");
	present_release(&pr);
}

/* The one list of a question's answers: quoted, in order, sanitised
 * (check's incomplete text and its error for an answer that is none). */
static void test_answers(void **state)
{
	struct fixture *f = *state;
	struct aipolicy *p = f->p;
	char *s = present_answers(&p->questions[1]);
	char *bad;
	struct aipolicy_given g = { "tool", 4, "m\x1b[1mayb\xff" "e", 10 };

	assert_non_null(s);
	assert_string_equal(s, "'yes', 'no, a web one'");
	free(s);
	bad = aipolicy_result_bad_answer(p, &g);
	assert_non_null(bad);
	assert_string_equal(bad, "'m?[1mayb?e' is not an answer of question "
	    "'tool' (answers: 'yes', 'no, a web one')");
	free(bad);
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_verdict),
		T(test_multiline_unwrapped),
		T(test_wrapped),
		T(test_worst_case),
		T(test_worst_case_final),
		T(test_worst_case_free),
		cmocka_unit_test(test_no_lower_answer),
		T(test_incomplete),
		T(test_narrowing),
		cmocka_unit_test(test_roles),
		T(test_dates),
		cmocka_unit_test(test_sanitised),
		T(test_answers),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
