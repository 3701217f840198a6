/*
 * testutil.h: what the unit tests share: loading a policy from a YAML
 * string, printing the diagnostics when that fails; counting a string's
 * occurrences. Include it after cmocka.h.
 */
#ifndef AIPOLICY_TESTUTIL_H
#define AIPOLICY_TESTUTIL_H

#include <string.h>

#include "aipolicy/policy.h"

/* A small valid policy with the id ID: question data (yes: tool, no: the
 * outcome free), question tool (yes: free, no: an inline do-not-use). */
#define TEST_SMALL_POLICY(ID) \
	"aipolicy: 1\n" \
	"id: " ID "\n" \
	"title: T\n" \
	"version: v\n" \
	"owner: O\n" \
	"effective: 2026-10-01\n" \
	"review_by: 2026-12-31\n" \
	"start: data\n" \
	"questions:\n" \
	"  data:\n" \
	"    ask: Data?\n" \
	"    answers:\n" \
	"      yes: tool\n" \
	"      no: free\n" \
	"  tool:\n" \
	"    ask: Tool?\n" \
	"    answers:\n" \
	"      yes: free\n" \
	"      no: { verdict: do-not-use, summary: Stop. }\n" \
	"outcomes:\n" \
	"  free: { verdict: use-freely, summary: Go. }\n"

/* test_load: the policy in LEN bytes of YAML, or NULL after printing why.
 * The caller owns the result (aipolicy_free). */
static inline struct aipolicy *
test_load(const char *yaml, size_t len)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	size_t i;

	aipolicy_diags_init(&d, "test.yaml");
	if (aipolicy_load_buffer("test.yaml", yaml, len, &p, &d) !=
	    AIPOLICY_OK) {
		for (i = 0; i < d.count; i++)
			print_error("%u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
	}
	aipolicy_diags_release(&d);
	return p;
}

/* test_load_ok: the policy in LEN bytes of YAML, which must load. The
 * caller owns the result. TEST_LOAD: the same for a string literal. */
static inline struct aipolicy *
test_load_ok(const char *yaml, size_t len)
{
	struct aipolicy *p = test_load(yaml, len);

	assert_non_null(p);
	return p;
}

#define TEST_LOAD(y) test_load_ok((y), sizeof(y) - 1)

/* test_count: how many times NEEDLE occurs in S. */
static inline size_t
test_count(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

#endif
