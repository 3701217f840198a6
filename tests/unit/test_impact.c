/*
 * test_impact.c: replaying logged decisions on two versions of a policy
 * (impact.h): hand-made pairs where an answer is retargeted to a stricter
 * and to a looser outcome, an outcome is reworded, a question is added in
 * front of an outcome, a question or an answer is removed; records with
 * unsure questions, of another version, that do not match the version
 * they name, with answers too long for the cache; a log read as a stream
 * with a torn last line; the examples kept; the JSON and text renderings.
 *
 * Each new version is the old one with a few pieces of text replaced, so
 * that each test shows exactly what changed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

#include "core/impact.h"
#include "core/logread.h"

/* Steps and unsure questions a test record may have. */
#define MAX_STEPS 16
#define SPEC_SIZE 2048

static const char old_yaml[] =
    "aipolicy: 1\n"
    "id: t\n"
    "title: T\n"
    "version: v1\n"
    "owner: O\n"
    "effective: 2026-01-01\n"
    "review_by: 2099-12-31\n"
    "start: data\n"
    "questions:\n"
    "  data: {ask: Data?, answers: {public: purpose, internal: tool, "
    "personal: stop}}\n"
    "  tool: {ask: Tool?, answers: {yes: purpose, no: stop}}\n"
    "  purpose: {ask: Purpose?, answers: {drafting: comms, decision: "
    "decision}}\n"
    "  comms: {ask: Clients?, answers: {yes: reviewed, no: free}}\n"
    "outcomes:\n"
    "  free: {verdict: use-freely, summary: Go.}\n"
    "  reviewed: {verdict: use-with-review, summary: Review it., reviewer: "
    "Boss}\n"
    "  decision: {verdict: use-with-review, summary: Aid only., reviewer: "
    "Risk}\n"
    "  stop: {verdict: do-not-use, summary: Stop.}\n";

/* The test's two versions and its impact. */
struct pair {
	struct aipolicy *old, *new;
	struct impact *im;
};

static const char id1[] = "00000000-0000-4000-8000-000000000001";
static const char id2[] = "00000000-0000-4000-8000-000000000002";
static const char id3[] = "00000000-0000-4000-8000-000000000003";

/* OLD_YAML with each FROM[i] replaced (once; it must be there) by TO[i]:
 * N pairs of strings after N. Caller owns the result. */
static char *
variant(size_t n, ...)
{
	char *s = strdup(old_yaml), *at, *t;
	const char *from, *to;
	va_list ap;
	size_t i;

	assert_non_null(s);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		from = va_arg(ap, const char *);
		to = va_arg(ap, const char *);
		at = strstr(s, from);
		if (at == NULL)
			fail_msg("'%s' is not in the policy", from);
		t = malloc(strlen(s) - strlen(from) + strlen(to) + 1);
		assert_non_null(t);
		memcpy(t, s, (size_t)(at - s));
		strcpy(t + (at - s), to);
		strcat(t, at + strlen(from));
		free(s);
		s = t;
	}
	va_end(ap);
	return s;
}

/* Load OLD_YAML and NEW_YAML (freed here) and make their impact. */
static void
pair_init(struct pair *p, char *new_yaml, size_t limit)
{
	p->old = test_load(old_yaml, sizeof old_yaml - 1);
	p->new = test_load(new_yaml, strlen(new_yaml));
	free(new_yaml);
	assert_non_null(p->old);
	assert_non_null(p->new);
	p->im = impact_new(p->old, p->new, limit);
	assert_non_null(p->im);
}

static void
pair_release(struct pair *p)
{
	impact_free(p->im);
	aipolicy_free(p->old);
	aipolicy_free(p->new);
}

/*
 * Add a record made under the policy with SHA: its decision ID, its path
 * "q=a;q=a;..." and its unsure list "q;q" ("" for none). The verdict and
 * outcome logged are not read by a replay: they are placeholders.
 */
static enum impact_status
add(struct pair *p, const char *sha, const char *id, const char *path,
    const char *unsure)
{
	struct logrec_step steps[MAX_STEPS];
	const char *uns[MAX_STEPS];
	char pbuf[SPEC_SIZE], ubuf[SPEC_SIZE], *tok, *eq, *save;
	struct logrec rec;

	memset(&rec, 0, sizeof rec);
	snprintf(pbuf, sizeof pbuf, "%s", path);
	snprintf(ubuf, sizeof ubuf, "%s", unsure);
	for (tok = strtok_r(pbuf, ";", &save); tok != NULL;
	    tok = strtok_r(NULL, ";", &save)) {
		eq = strchr(tok, '=');
		assert_non_null(eq);
		*eq = '\0';
		assert_true(rec.npath < MAX_STEPS);
		steps[rec.npath].question = tok;
		steps[rec.npath++].answer = eq + 1;
	}
	for (tok = strtok_r(ubuf, ";", &save); tok != NULL;
	    tok = strtok_r(NULL, ";", &save))
		uns[rec.nunsure++] = tok;
	rec.via = "check";
	rec.decision_id = id;
	rec.policy_id = "t";
	rec.policy_version = "v1";
	rec.policy_sha256 = sha;
	rec.path = steps;
	rec.unsure = uns;
	rec.verdict = AIPOLICY_VERDICT_USE_FREELY;
	rec.outcome = "free";
	return impact_add(p->im, &rec);
}

/* Add a record made under the old version. */
static enum impact_status
add_old(struct pair *p, const char *id, const char *path, const char *unsure)
{
	return add(p, p->old->sha256, id, path, unsure);
}

/* Example I of kind K: its decision id, old and new outcome ids (NULL
 * for none). */
static void
assert_example(const struct pair *p, enum impact_kind k, size_t i,
    const char *id, const char *old, const char *new)
{
	const struct impact_example *e;

	assert_true(i < p->im->examples[k].n);
	e = &p->im->examples[k].items[i];
	assert_string_equal(e->decision_id, id);
	assert_int_equal(e->kind, k);
	assert_string_equal(e->old->id, old);
	if (new == NULL)
		assert_null(e->new);
	else
		assert_string_equal(e->new->id, new);
}

/* The index of the new version's question ID. */
static size_t
new_question(const struct pair *p, const char *id)
{
	int64_t q = aipolicy_find_question(p->new, id, strlen(id));

	assert_true(q >= 0);
	return (size_t)q;
}

/* An answer retargeted to a stricter outcome, another to a looser one;
 * a decision elsewhere stays the same. */
static void
test_tightened_loosened(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(2, "no: free", "no: reviewed",
	    "tool: {ask: Tool?, answers: {yes: purpose, no: stop}}",
	    "tool: {ask: Tool?, answers: {yes: purpose, no: decision}}"), 10);
	assert_int_equal(add_old(&p, id1, "data=public;purpose=drafting;"
	    "comms=no", ""), IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id2, "data=internal;tool=no", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id3, "data=public;purpose=drafting;"
	    "comms=yes", ""), IMPACT_REPLAYED);
	assert_int_equal(p.im->decisions, 3);
	assert_int_equal(p.im->count[IMPACT_TIGHTENED], 1);
	assert_int_equal(p.im->count[IMPACT_LOOSENED], 1);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	assert_int_equal(p.im->count[IMPACT_REWORDED], 0);
	assert_int_equal(p.im->count[IMPACT_INCOMPLETE], 0);
	assert_example(&p, IMPACT_TIGHTENED, 0, id1, "free", "reviewed");
	assert_example(&p, IMPACT_LOOSENED, 0, id2, "stop", "decision");
	/* Unchanged decisions are not kept as examples. */
	assert_int_equal(p.im->examples[IMPACT_UNCHANGED].n, 0);
	pair_release(&p);
}

/* The same outcome with another summary, and another outcome with the
 * same verdict: both reworded. */
static void
test_reworded(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(2, "summary: Review it.",
	    "summary: Have it reviewed.", "decision: decision}",
	    "decision: reviewed}"), 10);
	assert_int_equal(add_old(&p, id1, "data=public;purpose=drafting;"
	    "comms=yes", ""), IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id2, "data=public;purpose=decision", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id3, "data=public;purpose=drafting;"
	    "comms=no", ""), IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_REWORDED], 2);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	assert_example(&p, IMPACT_REWORDED, 0, id1, "reviewed", "reviewed");
	assert_example(&p, IMPACT_REWORDED, 1, id2, "decision", "reviewed");
	pair_release(&p);
}

/* A question added in front of an outcome: the decisions that reached it
 * would now stop at the new question; counted per question. */
static void
test_question_added(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(2, "personal: stop}}", "personal: consent}}\n"
	    "  consent: {ask: Consent?, answers: {yes: decision, no: stop}}",
	    "yes: reviewed, no: free}}", "yes: prod, no: free}}\n"
	    "  prod: {ask: Prod?, answers: {yes: reviewed, no: free}}"), 10);
	assert_int_equal(add_old(&p, id1, "data=personal", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id2, "data=public;purpose=drafting;"
	    "comms=yes", ""), IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id3, "data=public;purpose=drafting;"
	    "comms=yes", ""), IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id3, "data=public;purpose=drafting;"
	    "comms=no", ""), IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_INCOMPLETE], 3);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	assert_int_equal(p.im->incomplete_by_question[new_question(&p,
	    "consent")], 1);
	assert_int_equal(p.im->incomplete_by_question[new_question(&p,
	    "prod")], 2);
	assert_int_equal(p.im->incomplete_by_question[new_question(&p,
	    "data")], 0);
	assert_example(&p, IMPACT_INCOMPLETE, 0, id1, "stop", NULL);
	assert_int_equal(p.im->examples[IMPACT_INCOMPLETE].items[0].next,
	    new_question(&p, "consent"));
	assert_example(&p, IMPACT_INCOMPLETE, 1, id2, "reviewed", NULL);
	pair_release(&p);
}

/* A question removed: its logged answer is not needed any more; a
 * decision that went around it may now meet a question it never
 * answered. */
static void
test_question_removed(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(2, "internal: tool,", "internal: purpose,",
	    "  tool: {ask: Tool?, answers: {yes: purpose, no: stop}}\n", ""),
	    10);
	assert_int_equal(add_old(&p, id1, "data=internal;tool=yes;"
	    "purpose=drafting;comms=no", ""), IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id2, "data=internal;tool=no", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	assert_int_equal(p.im->count[IMPACT_INCOMPLETE], 1);
	assert_example(&p, IMPACT_INCOMPLETE, 0, id2, "stop", NULL);
	assert_int_equal(p.im->examples[IMPACT_INCOMPLETE].items[0].next,
	    new_question(&p, "purpose"));
	pair_release(&p);
}

/* An answer key the new version no longer has counts as not given there;
 * keys match ignoring case, as check matches them. */
static void
test_answer_removed(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(1, "personal: stop", "personal data: stop"),
	    10);
	assert_int_equal(add_old(&p, id1, "data=personal", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(add_old(&p, id2, "data=Public;purpose=DECISION", ""),
	    IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_INCOMPLETE], 1);
	assert_int_equal(p.im->incomplete_by_question[new_question(&p,
	    "data")], 1);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	pair_release(&p);
}

/* An unsure question is replayed as "?", whatever answer the record's
 * path shows for it: the worst case of both versions is compared. */
static void
test_unsure(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(1, "yes: reviewed, no: free", "yes: stop, "
	    "no: free"), 10);
	/* Sure of comms=no: free on both. */
	assert_int_equal(add_old(&p, id1, "data=public;purpose=drafting;"
	    "comms=no", ""), IMPACT_REPLAYED);
	/* Not sure of comms: the worst is reviewed, and now stop. */
	assert_int_equal(add_old(&p, id2, "data=public;purpose=drafting;"
	    "comms=yes", "comms"), IMPACT_REPLAYED);
	/* An unsure id the versions do not have changes nothing. */
	assert_int_equal(add_old(&p, id3, "data=public;purpose=drafting;"
	    "comms=no", "nosuch"), IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 2);
	assert_int_equal(p.im->count[IMPACT_TIGHTENED], 1);
	assert_example(&p, IMPACT_TIGHTENED, 0, id2, "reviewed", "stop");
	pair_release(&p);
}

/* Records of another policy or version are counted, not replayed. */
static void
test_other_version(void **state)
{
	struct pair p;
	char other[65];

	(void)state;
	pair_init(&p, variant(1, "no: free", "no: reviewed"), 10);
	memset(other, 'a', 64);
	other[64] = '\0';
	assert_int_equal(add(&p, other, id1, "data=public;purpose=drafting;"
	    "comms=no", ""), IMPACT_OTHER_VERSION);
	/* Under the new version: another version too. */
	assert_int_equal(add(&p, p.new->sha256, id2, "data=public;"
	    "purpose=drafting;comms=no", ""), IMPACT_OTHER_VERSION);
	assert_int_equal(p.im->other_version, 2);
	assert_int_equal(p.im->decisions, 0);
	assert_int_equal(p.im->count[IMPACT_TIGHTENED], 0);
	pair_release(&p);
}

/* A record that names the old version but whose answers do not reach a
 * verdict on it is not replayed: skipped, with the reason. */
static void
test_not_matching(void **state)
{
	struct pair p;

	(void)state;
	pair_init(&p, variant(1, "no: free", "no: reviewed"), 10);
	assert_int_equal(add_old(&p, id1, "data=secret", ""),
	    IMPACT_NOT_REPLAYED);
	assert_string_equal(impact_error(p.im), "the decision's answers do "
	    "not reach a verdict on the version it names (no answer for "
	    "'data')");
	assert_int_equal(add_old(&p, id2, "data=public;purpose=drafting", ""),
	    IMPACT_NOT_REPLAYED);
	assert_string_equal(impact_error(p.im), "the decision's answers do "
	    "not reach a verdict on the version it names (no answer for "
	    "'comms')");
	impact_skip(p.im);
	assert_int_equal(p.im->lines_skipped, 3);
	assert_int_equal(p.im->decisions, 0);
	pair_release(&p);
}

/* At most LIMIT examples of each kind, the first ones in log order; the
 * counts go on. The same answers again give the same result. */
static void
test_limit(void **state)
{
	struct pair p;
	char id[IMPACT_ID_SIZE], *text;
	int i;

	(void)state;
	pair_init(&p, variant(1, "no: free", "no: reviewed"), 2);
	for (i = 0; i < 5; i++) {
		snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
		assert_int_equal(add_old(&p, id, "data=public;purpose=drafting;"
		    "comms=no", ""), IMPACT_REPLAYED);
	}
	assert_int_equal(p.im->count[IMPACT_TIGHTENED], 5);
	assert_int_equal(p.im->examples[IMPACT_TIGHTENED].n, 2);
	assert_example(&p, IMPACT_TIGHTENED, 0,
	    "00000000-0000-4000-8000-000000000000", "free", "reviewed");
	assert_example(&p, IMPACT_TIGHTENED, 1,
	    "00000000-0000-4000-8000-000000000001", "free", "reviewed");
	text = impact_render_text(p.im);
	assert_non_null(strstr(text, "\nStricter (5 decisions, the first 2 "
	    "shown):\n"));
	free(text);
	pair_release(&p);
}

/* Answers too long for the replay cache are replayed each time, with the
 * same results. (The long answers are to questions neither version has,
 * as a record of another front end might carry.) */
static void
test_long_answers(void **state)
{
	static const char long_key[] = "a very long answer that goes on and on"
	    " and on, longer than most people would ever write";
	char path[SPEC_SIZE];
	struct pair p;
	size_t n;
	int i;

	(void)state;
	pair_init(&p, variant(1, "summary: Stop.", "summary: Halt."), 10);
	snprintf(path, sizeof path, "data=personal");
	for (i = 0; i < 12; i++) {
		n = strlen(path);
		snprintf(path + n, sizeof path - n, ";x%d=%s", i, long_key);
	}
	assert_true(strlen(path) > 512);
	for (i = 0; i < 3; i++)
		assert_int_equal(add_old(&p, id1, path, ""), IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_REWORDED], 3);
	snprintf(path, sizeof path, "data=public;purpose=drafting;comms=no");
	for (i = 0; i < 12; i++) {
		n = strlen(path);
		snprintf(path + n, sizeof path - n, ";x%d=%s", i, long_key);
	}
	assert_int_equal(add_old(&p, id2, path, ""), IMPACT_REPLAYED);
	assert_int_equal(p.im->count[IMPACT_UNCHANGED], 1);
	pair_release(&p);
}

/* What a log stream hands the impact. */
static int
on_record(void *ctx, const struct logrec *rec, size_t lineno)
{
	(void)lineno;
	return impact_add(ctx, rec) == IMPACT_NOMEM ? -1 : 0;
}

static void
on_skipped(void *ctx, size_t lineno, const char *why)
{
	(void)why;
	(void)lineno;
	impact_skip(ctx);
}

/* A log read as a stream: two records, a blank line, one of another
 * version, and a last line torn by a write cut short. */
static void
test_stream_torn_last_line(void **state)
{
	struct pair p;
	struct logread *lr;
	struct logread_sink sink;
	char log[4 * SPEC_SIZE];
	const char *fmt = "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": "
	    "\"check\", \"decision_id\": \"%s\", \"policy\": {\"id\": \"t\", "
	    "\"version\": \"v1\", \"sha256\": \"%s\"}, \"path\": ["
	    "{\"question\": \"data\", \"answer\": \"public\"}, "
	    "{\"question\": \"purpose\", \"answer\": \"drafting\"}, "
	    "{\"question\": \"comms\", \"answer\": \"no\"}], \"unsure\": [], "
	    "\"verdict\": \"use-freely\", \"outcome\": \"free\", "
	    "\"review_minutes\": null}";
	size_t n = 0;
	FILE *f;

	(void)state;
	pair_init(&p, variant(1, "no: free", "no: reviewed"), 10);
	n += (size_t)snprintf(log + n, sizeof log - n, fmt, id1,
	    p.old->sha256);
	n += (size_t)snprintf(log + n, sizeof log - n, "\n\n");
	n += (size_t)snprintf(log + n, sizeof log - n, fmt, id2,
	    p.new->sha256);
	n += (size_t)snprintf(log + n, sizeof log - n, "\r\n");
	n += (size_t)snprintf(log + n, sizeof log - n, fmt, id3,
	    p.old->sha256);
	n += (size_t)snprintf(log + n, sizeof log - n, "\n");
	/* The same record again, cut short: it would parse but for the
	 * missing newline. */
	n += (size_t)snprintf(log + n, sizeof log - n, fmt, id3,
	    p.old->sha256);
	assert_true(n < sizeof log);
	f = fmemopen(log, n, "r");
	assert_non_null(f);
	lr = logread_new();
	assert_non_null(lr);
	sink.record = on_record;
	sink.skipped = on_skipped;
	sink.ctx = p.im;
	assert_int_equal(logread_stream(lr, f, &sink), LOGREAD_OK);
	fclose(f);
	logread_free(lr);
	assert_int_equal(p.im->decisions, 2);
	assert_int_equal(p.im->count[IMPACT_TIGHTENED], 2);
	assert_int_equal(p.im->other_version, 1);
	assert_int_equal(p.im->lines_skipped, 1);
	pair_release(&p);
}

/* The impact object of diff --format json. */
static void
test_render_json(void **state)
{
	struct pair p;
	char *s;

	(void)state;
	pair_init(&p, variant(2, "no: free", "no: reviewed",
	    "personal: stop}}", "personal: consent}}\n"
	    "  consent: {ask: Consent?, answers: {yes: decision, no: stop}}"),
	    10);
	s = impact_render_json(p.im);
	assert_non_null(s);
	assert_string_equal(s, "{\"decisions\": 0, \"other_version\": 0, "
	    "\"lines_skipped\": 0, \"unchanged\": 0, \"tightened\": 0, "
	    "\"loosened\": 0, \"reworded\": 0, \"incomplete\": 0, "
	    "\"incomplete_by_question\": {}, \"examples\": []}");
	free(s);
	add_old(&p, id1, "data=personal", "");
	add_old(&p, id2, "data=public;purpose=drafting;comms=no", "");
	add_old(&p, id3, "data=public;purpose=drafting;comms=yes", "");
	add(&p, p.new->sha256, id3, "data=personal;consent=yes", "");
	impact_skip(p.im);
	s = impact_render_json(p.im);
	assert_non_null(s);
	assert_string_equal(s, "{\"decisions\": 3, \"other_version\": 1, "
	    "\"lines_skipped\": 1, \"unchanged\": 1, \"tightened\": 1, "
	    "\"loosened\": 0, \"reworded\": 0, \"incomplete\": 1, "
	    "\"incomplete_by_question\": {\"consent\": 1}, \"examples\": ["
	    "{\"decision_id\": \"" "00000000-0000-4000-8000-000000000002\", "
	    "\"change\": \"tightened\", \"old\": {\"verdict\": \"use-freely\", "
	    "\"outcome\": \"free\"}, \"new\": {\"verdict\": "
	    "\"use-with-review\", \"outcome\": \"reviewed\"}}, "
	    "{\"decision_id\": \"00000000-0000-4000-8000-000000000001\", "
	    "\"change\": "
	    "\"incomplete\", \"old\": {\"verdict\": \"do-not-use\", "
	    "\"outcome\": \"stop\"}, \"new\": null, \"next\": \"consent\"}]}");
	free(s);
	pair_release(&p);
}

/* The lead sentence: thousands separators, the kinds that have
 * decisions, one question or several; what was left out. */
static void
test_render_text(void **state)
{
	struct pair p;
	char *s;
	int i;

	(void)state;
	pair_init(&p, variant(3, "no: free", "no: reviewed",
	    "personal: stop}}", "personal: consent}}\n"
	    "  consent: {ask: Consent?, answers: {yes: decision, no: stop}}",
	    "summary: Aid only.", "summary: An aid only."), 1);
	s = impact_render_text(p.im);
	assert_string_equal(s, "No decision in the logs was made under v1.\n");
	free(s);
	add_old(&p, id3, "data=public;purpose=drafting;comms=yes", "");
	s = impact_render_text(p.im);
	assert_string_equal(s, "Of 1 decision made under v1, none would "
	    "change.\n");
	free(s);
	for (i = 0; i < 1233; i++)
		add_old(&p, id1, "data=public;purpose=drafting;comms=no", "");
	add_old(&p, id2, "data=personal", "");
	add_old(&p, id3, "data=public;purpose=decision", "");
	add(&p, p.new->sha256, id3, "data=personal;consent=yes", "");
	impact_skip(p.im);
	impact_skip(p.im);
	s = impact_render_text(p.im);
	assert_string_equal(s, "Of 1,236 decisions made under v1, 1,233 "
	    "would now be stricter, 1 reworded; 1 would need an answer to "
	    "'consent'.\n"
	    "1 decision made under another policy or version was left out; 2 "
	    "lines were skipped.\n"
	    "\nStricter (1,233 decisions, the first shown):\n"
	    "  00000000-0000-4000-8000-000000000001  Use AI freely (free) "
	    "\u2192 Use AI with review (reviewed)\n"
	    "\nReworded (1 decision):\n"
	    "  00000000-0000-4000-8000-000000000003  Use AI with review "
	    "(decision): summary changed\n"
	    "\nWould need another answer (1 decision):\n"
	    "  00000000-0000-4000-8000-000000000002  Do not use AI (stop) "
	    "\u2192 needs an answer to 'consent'\n");
	free(s);
	pair_release(&p);
}

/* Only incomplete decisions, at several questions: the most first. */
static void
test_render_text_questions(void **state)
{
	struct pair p;
	char *s, *lead;
	int i;

	(void)state;
	pair_init(&p, variant(4, "personal: stop}}", "personal: q1}}\n"
	    "  q1: {ask: Q1?, answers: {a: stop, b: stop}}",
	    "decision: decision}}", "decision: q2}}\n"
	    "  q2: {ask: Q2?, answers: {a: decision, b: stop}}",
	    "yes: reviewed, no: free}}", "yes: q3, no: q4}}\n"
	    "  q3: {ask: Q3?, answers: {a: reviewed, b: stop}}\n"
	    "  q4: {ask: Q4?, answers: {a: free, b: stop}}",
	    "no: stop}}", "no: q5}}\n"
	    "  q5: {ask: Q5?, answers: {a: stop, b: free}}"), 10);
	add_old(&p, id1, "data=personal", "");
	for (i = 0; i < 3; i++)
		add_old(&p, id1, "data=public;purpose=decision", "");
	for (i = 0; i < 2; i++)
		add_old(&p, id1, "data=public;purpose=drafting;comms=yes", "");
	for (i = 0; i < 2; i++)
		add_old(&p, id1, "data=public;purpose=drafting;comms=no", "");
	add_old(&p, id1, "data=internal;tool=no", "");
	s = impact_render_text(p.im);
	lead = strtok(s, "\n");
	assert_string_equal(lead, "Of 9 decisions made under v1, none would "
	    "get another outcome; 9 would need another answer first: 3 to "
	    "'q2', 2 to 'q3', 2 to 'q4', 2 to 2 other questions.");
	free(s);
	pair_release(&p);
}

/* An outcome whose verdict changed under the same id is shown with both
 * verdicts, not as a rewording. */
static void
test_render_text_same_id(void **state)
{
	struct pair p;
	char *s;

	(void)state;
	pair_init(&p, variant(1, "decision: {verdict: use-with-review, "
	    "summary: Aid only., reviewer: Risk}", "decision: {verdict: "
	    "do-not-use, summary: Aid only.}"), 10);
	add_old(&p, id1, "data=public;purpose=decision", "");
	s = impact_render_text(p.im);
	assert_string_equal(s, "Of 1 decision made under v1, 1 would now be "
	    "stricter.\n"
	    "\nStricter (1 decision):\n"
	    "  00000000-0000-4000-8000-000000000001  Use AI with review "
	    "(decision) \u2192 Do not use AI (decision)\n");
	free(s);
	pair_release(&p);
}

static void
test_kind_ids(void **state)
{
	(void)state;
	assert_string_equal(impact_kind_id(IMPACT_UNCHANGED), "unchanged");
	assert_string_equal(impact_kind_id(IMPACT_TIGHTENED), "tightened");
	assert_string_equal(impact_kind_id(IMPACT_LOOSENED), "loosened");
	assert_string_equal(impact_kind_id(IMPACT_REWORDED), "reworded");
	assert_string_equal(impact_kind_id(IMPACT_INCOMPLETE), "incomplete");
	impact_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tightened_loosened),
		cmocka_unit_test(test_reworded),
		cmocka_unit_test(test_question_added),
		cmocka_unit_test(test_question_removed),
		cmocka_unit_test(test_answer_removed),
		cmocka_unit_test(test_unsure),
		cmocka_unit_test(test_other_version),
		cmocka_unit_test(test_not_matching),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_long_answers),
		cmocka_unit_test(test_stream_torn_last_line),
		cmocka_unit_test(test_render_json),
		cmocka_unit_test(test_render_text),
		cmocka_unit_test(test_render_text_questions),
		cmocka_unit_test(test_render_text_same_id),
		cmocka_unit_test(test_kind_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
