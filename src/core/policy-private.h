/*
 * policy-private.h: what a loaded policy keeps besides its public fields:
 * its arenas (texts and test cases; the questions' answers; the ids), its
 * source (the file's bytes, for the lines shown under diagnostics) and the
 * id indexes. p->questions and p->outcomes are malloc'd arrays the policy
 * owns. Private to src/core.
 */
#ifndef AIPOLICY_POLICY_PRIVATE_H
#define AIPOLICY_POLICY_PRIVATE_H

#include "aipolicy/policy.h"
#include "source.h"
#include "util.h"

struct aipolicy_private {
	struct arena arena;
	/* Every question's answers, packed in file order, apart from the
	 * texts: the graph's passes read them one after the other. */
	struct arena answers;
	/* The ids of questions and outcomes, packed apart from the texts:
	 * the indexes compare them with the names they are asked for. */
	struct arena ids;
	struct source src;
	struct strindex questions, outcomes;  /* id -> index */
};

#endif
