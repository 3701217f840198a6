/*
 * testutil.h: what the unit tests share: loading a policy from a YAML
 * string, printing the diagnostics when that fails.
 */
#ifndef AIPOLICY_TESTUTIL_H
#define AIPOLICY_TESTUTIL_H

#include "aipolicy/policy.h"

/* test_load: the policy in LEN bytes of YAML, or NULL after printing why.
 * The caller owns the result (policy_free). */
static inline struct policy *
test_load(const char *yaml, size_t len)
{
	struct policy *p = NULL;
	struct diags d;
	size_t i;

	diags_init(&d, "test.yaml");
	if (policy_load_buffer("test.yaml", yaml, len, &p, &d) != LOAD_OK) {
		for (i = 0; i < d.count; i++)
			print_error("%u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
	}
	diags_release(&d);
	return p;
}

#endif
