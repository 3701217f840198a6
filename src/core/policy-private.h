/*
 * policy-private.h: what a loaded policy keeps besides its public fields:
 * its arena (texts, answers, test cases), its source (the file's bytes, for
 * the lines shown under diagnostics) and the id indexes. p->questions and
 * p->outcomes are malloc'd arrays the policy owns. Private to src/core.
 */
#ifndef AIPOLICY_POLICY_PRIVATE_H
#define AIPOLICY_POLICY_PRIVATE_H

#include "aipolicy/policy.h"
#include "source.h"
#include "util.h"

struct aipolicy_private {
	struct arena arena;
	struct source src;
	struct strindex questions, outcomes;  /* id -> index */
};

#endif
