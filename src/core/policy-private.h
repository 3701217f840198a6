/*
 * policy-private.h: what a loaded policy keeps besides its public fields:
 * its arenas (texts and test cases; the questions' answers; the ids), its
 * source (the file's bytes, for the lines shown under diagnostics) and the
 * id indexes. p->questions and p->outcomes are malloc'd arrays the policy
 * owns. Private to src/core.
 *
 * A translated policy (policy_translate, translation-view.c) has its own
 * arrays and arena (its answers), but no source and no indexes: it asks
 * those of BASE, the policy it translates.
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
	const struct aipolicy *base;  /* a translated policy's; else NULL */
	const char *language;       /* a translated policy's tag; else NULL */
};

/* policy_indexed: the policy whose source and id indexes P uses: P's base
 * when P is a translation, else P. */
static inline struct aipolicy_private *
policy_indexed(const struct aipolicy *p)
{
	return p->priv->base != NULL ? p->priv->base->priv : p->priv;
}

#endif
