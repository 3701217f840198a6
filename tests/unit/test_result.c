/*
 * test_result.c: the JSON objects of `check --json` and `check --batch`
 * (aipolicy_result_json_new/render/error) and the bad-answer message. Every
 * rendered text is parsed back with jansson and checked key by key, in order.
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
#include <jansson.h>
#include <nettle/sha2.h>

#include "aipolicy/policy.h"
#include "aipolicy/result.h"
#include "aipolicy/walk.h"

/*
 * Text with quotes, backslashes, a newline and non-ASCII characters in
 * every kind of field that reaches the JSON.
 */
static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: acme-ai-use\n"
	"title: Acme AI usage policy\n"
	"version: 2026-Q4 \"rev\" 2\n"
	"owner: AI Office \\ Gr\xC3\xBC\xC3\x9F" "e <ai@acme.example>\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: |-\n"
	"      Line one \"quoted\"\n"
	"      line two \\ back\n"
	"    answers:\n"
	"      yes: approved_tool\n"
	"      no: audience\n"
	"  approved_tool:\n"
	"    ask: Tool?\n"
	"    answers:\n"
	"      yes: reviewed\n"
	"      No: { verdict: do-not-use, summary: Do not put it in. }\n"
	"  audience:\n"
	"    ask: Who sees it?\n"
	"    answers:\n"
	"      only me: free\n"
	"      'the \"public\"': reviewed\n"
	"      \xC3\x89quipe \xE6\x97\xA5\xE6\x9C\xAC: free\n"
	"outcomes:\n"
	"  free:\n"
	"    verdict: use-freely\n"
	"    summary: Use AI freely.\n"
	"    why: \"Internal \\\"drafts\\\"\\nsecond \\\\ line\"\n"
	"  reviewed:\n"
	"    verdict: use-with-review\n"
	"    summary: Use AI \xE2\x80\x94 with review.\n"
	"    reviewer: Your line manager\n"
	"    disclose: true\n"
	"    review_minutes: 20\n"
	"    conditions:\n"
	"      - Check every figure.\n"
	"      - Say \"AI assisted\" \\ done.\n";

/* A day when the policy above is in force and not stale. */
#define IN_FORCE_DAY 20261128

#define OWNER "AI Office \\ Gr\xC3\xBC\xC3\x9F" "e <ai@acme.example>"
#define EQUIPE "\xC3\x89quipe \xE6\x97\xA5\xE6\x9C\xAC"

static const char *const result_keys[] = {
	"status", "verdict", "outcome", "summary", "why", "reviewer",
	"disclose", "conditions", "review_minutes", "path", "unused",
	"unsure", "next", "policy", NULL
};

struct fixture {
	struct aipolicy *p;
	struct aipolicy_walker *w;
	struct aipolicy_result_json *rj;
	char *out;
	size_t len, cap;
	struct aipolicy_given given[16];
	size_t ngiven;
	struct aipolicy_walk_result r;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	*state = f;
	if (f == NULL)
		return -1;
	f->p = test_load(policy_yaml, sizeof policy_yaml - 1);
	if (f->p == NULL)
		return -1;
	f->w = aipolicy_walker_new(f->p);
	f->rj = aipolicy_result_json_new(f->p, IN_FORCE_DAY);
	return f->w != NULL && f->rj != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f != NULL) {
		aipolicy_result_json_free(f->rj);
		aipolicy_walker_free(f->w);
		aipolicy_free(f->p);
		free(f->out);
		free(f);
	}
	return 0;
}

/* Walk with QUESTION, ANSWER, ... NULL. */
static void
walk(struct fixture *f, unsigned flags, ...)
{
	const char *q, *a;
	va_list ap;

	f->ngiven = 0;
	va_start(ap, flags);
	while ((q = va_arg(ap, const char *)) != NULL) {
		a = va_arg(ap, const char *);
		f->given[f->ngiven].question = q;
		f->given[f->ngiven].question_len = strlen(q);
		f->given[f->ngiven].answer = a;
		f->given[f->ngiven].answer_len = strlen(a);
		f->ngiven++;
	}
	va_end(ap);
	assert_int_equal(aipolicy_walker_run(f->w, f->given, f->ngiven, flags,
	    &f->r), 0);
}

/* Render the last walk (appended to f->out) and parse what was added. */
static json_t *
render(struct fixture *f, size_t line)
{
	size_t start = f->len;
	json_error_t err;
	json_t *j;

	assert_int_equal(aipolicy_result_json_render(f->rj, &f->r, f->given,
	    f->ngiven, line, &f->out, &f->len, &f->cap), 0);
	assert_non_null(f->out);
	assert_true(f->len > start);
	assert_true(f->len < f->cap);
	assert_int_equal(f->out[f->len], '\0');
	assert_int_equal(strlen(f->out), f->len);
	/* One line, no newline at its end either. */
	assert_null(memchr(f->out + start, '\n', f->len - start));
	j = json_loadb(f->out + start, f->len - start, JSON_REJECT_DUPLICATES,
	    &err);
	if (j == NULL)
		print_error("%s: %s\n", err.text, f->out + start);
	assert_non_null(j);
	assert_true(json_is_object(j));
	return j;
}

/* The keys of object J are exactly KEYS, in that order. */
static void
assert_keys(json_t *j, const char *const *keys)
{
	void *it = json_object_iter(j);
	size_t i;

	assert_true(json_is_object(j));
	for (i = 0; keys[i] != NULL; i++) {
		assert_non_null(it);
		assert_string_equal(json_object_iter_key(it), keys[i]);
		it = json_object_iter_next(j, it);
	}
	assert_null(it);
	assert_int_equal(json_object_size(j), i);
}

static void
assert_str(json_t *j, const char *key, const char *want)
{
	json_t *v = json_object_get(j, key);

	assert_non_null(v);
	assert_true(json_is_string(v));
	assert_string_equal(json_string_value(v), want);
}

static void
assert_jnull(json_t *j, const char *key)
{
	json_t *v = json_object_get(j, key);

	assert_non_null(v);
	assert_true(json_is_null(v));
}

static void
assert_empty_array(json_t *j, const char *key)
{
	json_t *v = json_object_get(j, key);

	assert_non_null(v);
	assert_true(json_is_array(v));
	assert_int_equal(json_array_size(v), 0);
}

/* ARRAY holds exactly the strings ..., NULL. */
static void
assert_strings(json_t *j, const char *key, ...)
{
	json_t *a = json_object_get(j, key);
	const char *s;
	size_t i = 0;
	va_list ap;

	assert_non_null(a);
	assert_true(json_is_array(a));
	va_start(ap, key);
	while ((s = va_arg(ap, const char *)) != NULL) {
		json_t *v = json_array_get(a, i++);
		assert_non_null(v);
		assert_true(json_is_string(v));
		assert_string_equal(json_string_value(v), s);
	}
	va_end(ap);
	assert_int_equal(json_array_size(a), i);
}

/* The path is QUESTION, ANSWER, ... NULL, each {question, answer}. */
static void
assert_jpath(json_t *j, ...)
{
	static const char *const step_keys[] = { "question", "answer", NULL };
	json_t *a = json_object_get(j, "path");
	const char *q;
	size_t i = 0;
	va_list ap;

	assert_non_null(a);
	assert_true(json_is_array(a));
	va_start(ap, j);
	while ((q = va_arg(ap, const char *)) != NULL) {
		const char *ans = va_arg(ap, const char *);
		json_t *s = json_array_get(a, i++);
		assert_non_null(s);
		assert_keys(s, step_keys);
		assert_str(s, "question", q);
		assert_str(s, "answer", ans);
	}
	va_end(ap);
	assert_int_equal(json_array_size(a), i);
}

/* SHA-256 of LEN bytes as lowercase hex, by nettle, not by the engine. */
static void
sha256_hex(const char *s, size_t len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)s);
	sha256_digest(&ctx, sizeof d, d);
	for (i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[64] = '\0';
}

static void
assert_policy_block(json_t *j, const char *sha, bool stale, bool in_force)
{
	static const char *const keys[] = { "id", "version", "owner",
		"sha256", "effective", "review_by", "stale", "in_force", NULL };
	json_t *pb = json_object_get(j, "policy");

	assert_non_null(pb);
	assert_keys(pb, keys);
	assert_str(pb, "id", "acme-ai-use");
	assert_str(pb, "version", "2026-Q4 \"rev\" 2");
	assert_str(pb, "owner", OWNER);
	assert_str(pb, "sha256", sha);
	assert_str(pb, "effective", "2026-10-01");
	assert_str(pb, "review_by", "2026-12-31");
	assert_true(json_is_boolean(json_object_get(pb, "stale")));
	assert_int_equal(json_is_true(json_object_get(pb, "stale")), stale);
	assert_true(json_is_boolean(json_object_get(pb, "in_force")));
	assert_int_equal(json_is_true(json_object_get(pb, "in_force")),
	    in_force);
}

/* ---- verdicts ----------------------------------------------------------- */

static void
test_result_verdict_review(void **state)
{
	struct fixture *f = *state;
	char sha[65];
	json_t *j, *v;

	sha256_hex(policy_yaml, sizeof policy_yaml - 1, sha);
	walk(f, 0, "data", "NO ", "audience", " The \"Public\"", NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "status", "verdict");
	assert_str(j, "verdict", "use-with-review");
	assert_str(j, "outcome", "reviewed");
	assert_str(j, "summary", "Use AI \xE2\x80\x94 with review.");
	assert_jnull(j, "why");
	assert_str(j, "reviewer", "Your line manager");
	assert_true(json_is_true(json_object_get(j, "disclose")));
	assert_strings(j, "conditions", "Check every figure.",
	    "Say \"AI assisted\" \\ done.", NULL);
	v = json_object_get(j, "review_minutes");
	assert_true(json_is_integer(v));
	assert_int_equal(json_integer_value(v), 20);
	/* Keys as the policy spells them, not as given. */
	assert_jpath(j, "data", "no", "audience", "the \"public\"", NULL);
	assert_empty_array(j, "unused");
	assert_empty_array(j, "unsure");
	assert_jnull(j, "next");
	assert_policy_block(j, sha, false, true);
	json_decref(j);
}

static void
test_result_verdict_free(void **state)
{
	struct fixture *f = *state;
	json_t *j;

	walk(f, 0, "data", "no", "audience", EQUIPE, NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "verdict", "use-freely");
	assert_str(j, "outcome", "free");
	assert_str(j, "summary", "Use AI freely.");
	assert_str(j, "why", "Internal \"drafts\"\nsecond \\ line");
	assert_jnull(j, "reviewer");
	assert_true(json_is_false(json_object_get(j, "disclose")));
	assert_empty_array(j, "conditions");
	assert_jnull(j, "review_minutes");
	assert_jpath(j, "data", "no", "audience", EQUIPE, NULL);
	assert_jnull(j, "next");
	json_decref(j);
}

static void
test_result_inline_outcome(void **state)
{
	struct fixture *f = *state;
	json_t *j;

	walk(f, 0, "data", "yes", "approved_tool", "no", NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "verdict", "do-not-use");
	assert_str(j, "outcome", "approved_tool.no");
	assert_str(j, "summary", "Do not put it in.");
	assert_jnull(j, "why");
	assert_jnull(j, "reviewer");
	assert_true(json_is_false(json_object_get(j, "disclose")));
	assert_jpath(j, "data", "yes", "approved_tool", "No", NULL);
	json_decref(j);
}

static void
test_result_unused_and_unsure(void **state)
{
	struct fixture *f = *state;
	json_t *j;

	walk(f, 0, "nope", "1", "data", "?", "audience", "only me", "zz", "2",
	    NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_VERDICT);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "verdict", "do-not-use");
	assert_str(j, "outcome", "approved_tool.no");
	assert_jpath(j, "data", "yes", "approved_tool", "No", NULL);
	assert_strings(j, "unused", "nope", "zz", NULL);
	assert_strings(j, "unsure", "data", "approved_tool", NULL);
	/* A worst case: approved_tool was never answered, and answering
	 * it could lower the verdict. status stays "verdict". */
	assert_str(j, "status", "verdict");
	assert_str(json_object_get(j, "next"), "question", "approved_tool");
	assert_str(json_object_get(j, "next"), "ask", "Tool?");
	assert_strings(json_object_get(j, "next"), "answers", "yes", "No",
	    NULL);
	json_decref(j);

	/* approved_tool=? too: nothing is left to narrow it down. */
	walk(f, 0, "data", "?", "approved_tool", "?", NULL);
	j = render(f, 0);
	assert_str(j, "verdict", "do-not-use");
	assert_strings(j, "unsure", "data", "approved_tool", NULL);
	assert_jnull(j, "next");
	json_decref(j);

	/* A question id that is not UTF-8 still gives valid JSON. */
	walk(f, 0, "\xFF\xFEq", "1", "data", "no", "audience", "only me",
	    NULL);
	j = render(f, 0);
	assert_true(json_is_array(json_object_get(j, "unused")));
	assert_int_equal(json_array_size(json_object_get(j, "unused")), 1);
	assert_true(json_is_string(json_array_get(json_object_get(j,
	    "unused"), 0)));
	json_decref(j);

	/* Ids given but not used, plain or needing escapes, read back as
	 * they were given. */
	walk(f, 0, "zz", "1", "q\"x", "1", "a\\b", "1", "t\x01", "1",
	    "d\x7f", "1", "data", "no", "audience", "only me", NULL);
	j = render(f, 0);
	assert_strings(j, "unused", "zz", "q\"x", "a\\b", "t\x01", "d\x7f",
	    NULL);
	json_decref(j);
}

/* ---- incomplete --------------------------------------------------------- */

static void
test_result_incomplete(void **state)
{
	static const char *const next_keys[] = { "question", "ask",
		"answers", "labels", NULL };
	struct fixture *f = *state;
	json_t *j, *next;
	char sha[65];

	sha256_hex(policy_yaml, sizeof policy_yaml - 1, sha);
	walk(f, 0, "data", "no", "approved_tool", "yes", NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_INCOMPLETE);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "status", "incomplete");
	assert_jnull(j, "verdict");
	assert_jnull(j, "outcome");
	assert_jnull(j, "summary");
	assert_jnull(j, "why");
	assert_jnull(j, "reviewer");
	assert_jnull(j, "disclose");
	assert_empty_array(j, "conditions");
	assert_jnull(j, "review_minutes");
	assert_jpath(j, "data", "no", NULL);
	assert_strings(j, "unused", "approved_tool", NULL);
	assert_empty_array(j, "unsure");
	next = json_object_get(j, "next");
	assert_non_null(next);
	assert_keys(next, next_keys);
	assert_str(next, "question", "audience");
	assert_str(next, "ask", "Who sees it?");
	assert_strings(next, "answers", "only me", "the \"public\"", EQUIPE,
	    NULL);
	/* Untranslated, the answers are shown as their keys. */
	assert_strings(next, "labels", "only me", "the \"public\"", EQUIPE,
	    NULL);
	assert_policy_block(j, sha, false, true);
	json_decref(j);

	/* No answers: the first question, its multi-line ask escaped. */
	walk(f, 0, NULL);
	j = render(f, 0);
	assert_keys(j, result_keys);
	assert_str(j, "status", "incomplete");
	assert_empty_array(j, "path");
	assert_empty_array(j, "unused");
	next = json_object_get(j, "next");
	assert_keys(next, next_keys);
	assert_str(next, "question", "data");
	assert_str(next, "ask", "Line one \"quoted\"\nline two \\ back");
	assert_strings(next, "answers", "yes", "no", NULL);
	json_decref(j);
}

/* ---- batch: "line" first, appended ------------------------------------- */

static void
test_result_line_first(void **state)
{
	const char *keys[sizeof result_keys / sizeof *result_keys + 1];
	struct fixture *f = *state;
	json_t *j, *v;
	size_t i, first_len;
	char *first;

	keys[0] = "line";
	for (i = 0; result_keys[i] != NULL; i++)
		keys[i + 1] = result_keys[i];
	keys[i + 1] = NULL;

	walk(f, 0, "data", "no", "audience", "only me", NULL);
	j = render(f, 7);
	assert_keys(j, keys);
	v = json_object_get(j, "line");
	assert_true(json_is_integer(v));
	assert_int_equal(json_integer_value(v), 7);
	assert_str(j, "outcome", "free");
	json_decref(j);
	first_len = f->len;
	first = strdup(f->out);
	assert_non_null(first);

	/* The next result is appended; the first is left as it was. */
	walk(f, 0, "data", "yes", NULL);
	j = render(f, 123456);
	assert_keys(j, keys);
	assert_int_equal(json_integer_value(json_object_get(j, "line")),
	    123456);
	assert_str(j, "status", "incomplete");
	assert_str(json_object_get(j, "next"), "question", "approved_tool");
	json_decref(j);
	assert_memory_equal(f->out, first, first_len);
	free(first);
	/* Line 0 means no "line" key. */
	j = render(f, 0);
	assert_keys(j, result_keys);
	json_decref(j);
}

/* ---- escaping ----------------------------------------------------------- */

static void
test_result_escaping_raw(void **state)
{
	struct fixture *f = *state;
	json_t *j;

	walk(f, 0, "data", "no", "audience", "only me", NULL);
	j = render(f, 0);
	json_decref(j);
	/* Quotes, backslashes and the newline are escaped in the text. */
	assert_non_null(strstr(f->out,
	    "\"why\": \"Internal \\\"drafts\\\"\\nsecond \\\\ line\""));
	assert_non_null(strstr(f->out, "2026-Q4 \\\"rev\\\" 2"));
	assert_non_null(strstr(f->out, "AI Office \\\\ Gr"));
	/* No control byte in the output. */
	for (size_t i = 0; i < f->len; i++)
		assert_true((unsigned char)f->out[i] >= 0x20);
}

/* ---- the policy block --------------------------------------------------- */

static void
test_result_sha256(void **state)
{
	static const char extra[] = "# a comment changes the digest\n";
	struct fixture *f = *state;
	char sha[65], sha2[65], *yaml2;
	size_t len2 = sizeof policy_yaml - 1 + sizeof extra - 1;
	static const struct {
		aipolicy_date_t today;
		bool stale, in_force;
	} days[] = {
		{ 20260930, false, false }, /* the day before effective */
		{ 20261001, false, true },  /* effective */
		{ 20261231, false, true },  /* review_by */
		{ 20270101, true, true },   /* the day after */
	};
	struct aipolicy *p2;
	struct aipolicy_result_json *rj2;
	struct aipolicy_walker *w2;
	struct aipolicy_walk_result r;
	char *out = NULL;
	size_t len = 0, cap = 0;
	json_t *j;

	/* The helper itself, against the FIPS 180-2 "abc" vector. */
	sha256_hex("abc", 3, sha);
	assert_string_equal(sha, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");

	sha256_hex(policy_yaml, sizeof policy_yaml - 1, sha);
	assert_string_equal(f->p->sha256, sha);

	/* Raw bytes: the same policy with a comment has another digest. */
	yaml2 = malloc(len2);
	assert_non_null(yaml2);
	memcpy(yaml2, policy_yaml, sizeof policy_yaml - 1);
	memcpy(yaml2 + sizeof policy_yaml - 1, extra, sizeof extra - 1);
	p2 = test_load(yaml2, len2);
	assert_non_null(p2);
	sha256_hex(yaml2, len2, sha2);
	assert_string_not_equal(sha, sha2);
	assert_string_equal(p2->sha256, sha2);
	w2 = aipolicy_walker_new(p2);
	assert_non_null(w2);
	/* Stale and in force are judged on the day the caller gives. */
	assert_int_equal(aipolicy_walker_run(w2, NULL, 0, 0, &r), 0);
	for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
		rj2 = aipolicy_result_json_new(p2, days[k].today);
		assert_non_null(rj2);
		len = 0;
		assert_int_equal(aipolicy_result_json_render(rj2, &r, NULL, 0,
		    0, &out, &len, &cap), 0);
		j = json_loadb(out, len, JSON_REJECT_DUPLICATES, NULL);
		assert_non_null(j);
		assert_policy_block(j, sha2, days[k].stale, days[k].in_force);
		json_decref(j);
		aipolicy_result_json_free(rj2);
	}
	free(out);
	aipolicy_walker_free(w2);
	aipolicy_free(p2);
	free(yaml2);
	aipolicy_result_json_free(NULL);
}

/* ---- errors ------------------------------------------------------------- */

static json_t *
render_error(size_t line, const char *msg, char **out, size_t *len,
    size_t *cap)
{
	size_t start = *len;
	json_t *j;

	assert_int_equal(aipolicy_result_json_error(line, msg, out, len, cap),
	    0);
	assert_int_equal((*out)[*len], '\0');
	assert_null(memchr(*out + start, '\n', *len - start));
	j = json_loadb(*out + start, *len - start, JSON_REJECT_DUPLICATES,
	    NULL);
	assert_non_null(j);
	return j;
}

static void
test_result_error(void **state)
{
	static const char *const keys[] = { "status", "error", NULL };
	static const char *const lkeys[] = { "line", "status", "error", NULL };
	static const char msg[] = "'x \"y\"' is not \\ an answer\nof "
	    "question '\xC3\xA9t\xC3\xA9'";
	char *out = NULL;
	size_t len = 0, cap = 0;
	json_t *j;

	(void)state;
	j = render_error(0, msg, &out, &len, &cap);
	assert_keys(j, keys);
	assert_str(j, "status", "error");
	assert_str(j, "error", msg);
	json_decref(j);

	j = render_error(42, "bad", &out, &len, &cap);
	assert_keys(j, lkeys);
	assert_int_equal(json_integer_value(json_object_get(j, "line")), 42);
	assert_str(j, "status", "error");
	assert_str(j, "error", "bad");
	json_decref(j);

	/* A message with bytes that are not UTF-8 is still valid JSON. */
	j = render_error(3, "answer '\xFF' is bad", &out, &len, &cap);
	assert_keys(j, lkeys);
	assert_true(json_is_string(json_object_get(j, "error")));
	json_decref(j);
	free(out);
}

/*
 * An answer given by a script need not be UTF-8 (check data=$'\xff'); the
 * error object must still carry the message, not only a replacement
 * character: only the bad bytes may be replaced.
 */
static void
test_result_error_keeps_message(void **state)
{
	char *out = NULL;
	size_t len = 0, cap = 0;
	const char *e;
	bool found;
	json_t *j;

	(void)state;
	j = render_error(0, "'\xFF' is not an answer of question 'data'",
	    &out, &len, &cap);
	e = json_string_value(json_object_get(j, "error"));
	found = e != NULL &&
	    strstr(e, "' is not an answer of question 'data'") != NULL;
	json_decref(j);
	free(out); /* before asserting: no leak when this fails */
	assert_true(found);
}

static void
test_result_bad_answer(void **state)
{
	struct fixture *f = *state;
	char *msg, *out = NULL;
	size_t len = 0, cap = 0;
	json_t *j;

	walk(f, 0, "data", "no", "audience", "everyone", NULL);
	assert_int_equal(f->r.status, AIPOLICY_WALK_BAD_ANSWER);
	assert_int_equal(f->r.bad, 1);
	msg = aipolicy_result_bad_answer(f->p, &f->given[f->r.bad]);
	assert_non_null(msg);
	assert_string_equal(msg, "'everyone' is not an answer of question "
	    "'audience' (answers: 'only me', 'the \"public\"', '" EQUIPE "')");
	j = render_error(5, msg, &out, &len, &cap);
	assert_str(j, "error", msg);
	json_decref(j);
	free(msg);

	walk(f, 0, "data", "maybe", NULL);
	msg = aipolicy_result_bad_answer(f->p, &f->given[0]);
	assert_non_null(msg);
	assert_string_equal(msg, "'maybe' is not an answer of question "
	    "'data' (answers: 'yes', 'no')");
	free(msg);
	free(out);
}

int
main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_result_verdict_review),
		T(test_result_verdict_free),
		T(test_result_inline_outcome),
		T(test_result_unused_and_unsure),
		T(test_result_incomplete),
		T(test_result_line_first),
		T(test_result_escaping_raw),
		T(test_result_sha256),
		cmocka_unit_test(test_result_error),
		cmocka_unit_test(test_result_error_keeps_message),
		T(test_result_bad_answer),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
