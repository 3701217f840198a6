/*
 * lint.h: the warnings about a valid policy that need more than its file:
 * the date of today, and its test cases walked.
 *
 * Threads: any thread may lint a policy, also while others walk it.
 */
#ifndef AIPOLICY_LINT_H
#define AIPOLICY_LINT_H

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * aipolicy_lint: add to D the warnings of the format spec that loading does
 * not give: the policy is stale on TODAY, not in force yet, or has test
 * cases but an outcome that none of them reaches. Returns 0, or -1 when
 * out of memory.
 */
AIPOLICY_API int aipolicy_lint(const struct aipolicy *p,
    aipolicy_date_t today, struct aipolicy_diags *d);

#ifdef __cplusplus
}
#endif

#endif
