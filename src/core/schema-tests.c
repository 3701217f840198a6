/*
 * schema-tests.c: the sequence `tests`: each case's shape is checked as
 * it is read; the questions, answers and outcomes it names are kept and
 * checked by link_tests once the whole file is read.
 */
#include <stdlib.h>
#include <string.h>

#include "load-private.h"

enum test_key { T_ANSWERS, T_EXPECT, T_KEYS };

static void test_answers(struct loader *ld, uint32_t ti,
    const struct yread_event *m);
static void test_expect(struct loader *ld, uint32_t ti,
    const struct yread_event *v);
static void test_case(struct loader *ld, const struct yread_event *m);
static int test_answers_room(struct loader *ld);
static void link_answer(struct loader *ld, const struct pending_answer *a);
static void link_expect(struct loader *ld, const struct pending_expect *e);

/* The mapping `answers` (just started) of test case TI. */
static void
test_answers(struct loader *ld, uint32_t ti, const struct yread_event *m)
{
	struct yread_event key, v;
	struct pending_answer *a;

	(void)m;
	while (!ld->oom && map_next(ld, &key, NULL)) {
		if (vec_grow(&ld->tanswers, &ld->tanswers_cap,
		    ld->ntanswers + 1, sizeof *ld->tanswers) != 0) {
			ld->oom = true;
			return;
		}
		a = &ld->tanswers[ld->ntanswers];
		memset(a, 0, sizeof *a);
		a->test = ti;
		a->question = load_strdup(ld, &ld->scratch, key.text, key.len);
		a->question_len = key.len;
		a->qline = key.line;
		a->qcolumn = key.column;
		if (a->question == NULL || !value_next(ld, &v))
			return;
		a->aline = v.line;
		a->acolumn = v.column;
		a->answer_is_text = v.kind == YREAD_SCALAR &&
		    !yread_is_null(&v);
		if (a->answer_is_text) {
			a->answer = load_strdup(ld, &ld->scratch, v.text,
			    v.len);
			a->answer_len = v.len;
			if (a->answer == NULL)
				return;
		} else if (v.kind != YREAD_ALIAS) {
			a->found_what = load_found(&v);
		}
		ld->ntanswers++;
		value_skip(ld, &v);
	}
}

/* The value V of `expect` of test case TI. */
static void
test_expect(struct loader *ld, uint32_t ti, const struct yread_event *v)
{
	struct pending_expect *e;

	if (v->kind != YREAD_SCALAR || yread_is_null(v)) {
		load_wrong(ld, v, false, "'expect' must be a verdict id or an "
		    "outcome id");
		return;
	}
	if (vec_grow(&ld->expects, &ld->expects_cap, ld->nexpects + 1,
	    sizeof *ld->expects) != 0) {
		ld->oom = true;
		return;
	}
	e = &ld->expects[ld->nexpects];
	e->test = ti;
	e->text = load_strdup(ld, &ld->scratch, v->text, v->len);
	e->len = v->len;
	e->line = v->line;
	e->column = v->column;
	if (e->text != NULL)
		ld->nexpects++;
}

/* One test case: the mapping M (just started). */
static void
test_case(struct loader *ld, const struct yread_event *m)
{
	struct keyspec ks[T_KEYS] = {
		[T_ANSWERS] = { "answers", true, false, 0, 0 },
		[T_EXPECT] = { "expect", true, false, 0, 0 },
	};
	const struct what w = { "a test case", NULL };
	struct yread_event key, v;
	struct aipolicy_test_case *tc;
	uint32_t ti = (uint32_t)ld->ntests;
	int k;

	if (vec_grow(&ld->tests, &ld->tests_cap, ld->ntests + 1,
	    sizeof *ld->tests) != 0) {
		ld->oom = true;
		return;
	}
	tc = &ld->tests[ld->ntests++];
	memset(tc, 0, sizeof *tc);
	tc->loc.line = m->line;
	tc->loc.column = m->column;
	while (!ld->oom && map_next(ld, &key, NULL)) {
		k = keys_match(ld, ks, T_KEYS, &key, &w);
		if (!value_next(ld, &v))
			return;
		if (k == T_EXPECT)
			test_expect(ld, ti, &v);
		else if (k == T_ANSWERS && v.kind == YREAD_MAPPING)
			test_answers(ld, ti, &v);
		else if (k == T_ANSWERS)
			load_wrong(ld, &v, false,
			    "'answers' of a test case must "
			    "be a mapping of question id -> answer");
		else
			value_skip(ld, &v);
	}
	if (!ld->oom && !ld->r.stopped)
		keys_missing(ld, ks, T_KEYS, m->line, m->column, &w);
}

void
schema_tests(struct loader *ld, const struct yread_event *seq)
{
	struct yread_event item;

	(void)seq;
	while (!ld->oom && value_next(ld, &item)) {
		if (item.kind == YREAD_MAPPING)
			test_case(ld, &item);
		else
			load_wrong(ld, &item, false, "a test case must be a "
			    "mapping with 'answers' and 'expect'");
	}
}

/* The test cases in the policy's arena, with room for each one's answers.
 * 0, or -1 when out of memory. */
static int
test_answers_room(struct loader *ld)
{
	struct aipolicy *p = ld->p;
	size_t i;

	p->tests = arena_alloc(ld->arena, (ld->ntests + 1) * sizeof *p->tests);
	if (p->tests == NULL)
		return -1;
	if (ld->ntests > 0)
		memcpy(p->tests, ld->tests, ld->ntests * sizeof *p->tests);
	p->ntests = ld->ntests;
	for (i = 0; i < ld->ntanswers; i++)
		p->tests[ld->tanswers[i].test].nanswers++;
	for (i = 0; i < p->ntests; i++) {
		struct aipolicy_test_case *tc = &p->tests[i];
		tc->answers = arena_alloc(ld->arena, (tc->nanswers ?
		    tc->nanswers : 1) * sizeof *tc->answers);
		if (tc->answers == NULL)
			return -1;
		tc->nanswers = 0;
	}
	return 0;
}

/* A test case's answer A: its question must exist and the answer be one
 * of that question's. */
static void
link_answer(struct loader *ld, const struct pending_answer *a)
{
	struct aipolicy *p = ld->p;
	struct aipolicy_test_case *tc = &p->tests[a->test];
	struct aipolicy_test_answer *ta;
	const struct aipolicy_question *q;
	struct buf b;
	int64_t qi = aipolicy_find_question(p, a->question, a->question_len);
	size_t i;

	if (qi < 0) {
		load_error(ld, a->qline, a->qcolumn,
		    "test case names no question '%s'", a->question);
		return;
	}
	q = &p->questions[qi];
	if (!a->answer_is_text) {
		if (a->found_what != NULL)
			load_error(ld, a->aline, a->acolumn,
			    "the answer to '%s' "
			    "must be text, found %s", a->question,
			    a->found_what);
		return;
	}
	if (aipolicy_question_match(q, a->answer, a->answer_len) < 0) {
		buf_init(&b);
		for (i = 0; i < q->nanswers; i++)
			buf_addf(&b, "%s'%s'", i ? ", " : "",
			    q->answers[i].key);
		if (b.failed)
			ld->oom = true;
		else
			load_error(ld, a->aline, a->acolumn, "'%s' is not an "
			    "answer of question '%s' (answers: %s)", a->answer,
			    a->question, b.data != NULL ? b.data : "");
		buf_release(&b);
		return;
	}
	ta = &tc->answers[tc->nanswers++];
	ta->question = q->id;
	ta->answer = load_strdup(ld, ld->arena, a->answer, a->answer_len);
	ta->loc.line = a->qline;
	ta->loc.column = a->qcolumn;
}

/* A test case's `expect`: a verdict id or an outcome's id. */
static void
link_expect(struct loader *ld, const struct pending_expect *e)
{
	enum aipolicy_verdict v;

	if (!aipolicy_verdict_parse(e->text, e->len, &v) &&
	    aipolicy_find_outcome(ld->p, e->text, e->len) < 0) {
		load_error(ld, e->line, e->column,
		    "'expect' names no verdict and no outcome: '%s'", e->text);
		return;
	}
	ld->p->tests[e->test].expect = load_strdup(ld, ld->arena, e->text,
	    e->len);
}

void
link_tests(struct loader *ld)
{
	size_t i;

	if (test_answers_room(ld) != 0) {
		ld->oom = true;
		return;
	}
	for (i = 0; i < ld->nexpects && !ld->oom; i++)
		link_expect(ld, &ld->expects[i]);
	for (i = 0; i < ld->ntanswers && !ld->oom; i++)
		link_answer(ld, &ld->tanswers[i]);
}
