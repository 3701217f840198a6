/*
 * translation-private.h: a translation as loaded (translation.h), and
 * what the parts of its loader share. The translation keeps, per question
 * and per outcome of the policy it was checked against (by the policy's
 * indexes), each text it gives and where it gives it. The loader reads
 * the file with the policy loader's machinery (load-private.h: the same
 * YAML reader, diagnostics and field rules); ids need no second round,
 * since the policy is known. Private to src/core.
 */
#ifndef AIPOLICY_TRANSLATION_PRIVATE_H
#define AIPOLICY_TRANSLATION_PRIVATE_H

#include <stdbool.h>

#include "core/lang.h"
#include "core/translation.h"
#include "load-private.h"
#include "source.h"
#include "util.h"

/* A text of the translation and where it is written; text NULL when the
 * translation does not give it. */
struct tr_text {
	const char *text;
	struct aipolicy_location loc;
};

struct tr_question {
	struct tr_text ask, label, help;
	struct tr_text *answers;   /* one per answer of the policy's question
	                            * (its shown text), or NULL when none is
	                            * given */
	/* of its id; 0:0 when not in the file */
	struct aipolicy_location loc;
};

struct tr_outcome {
	struct tr_text summary, why, reviewer;
	const char **conditions;   /* as many as the policy's, or NULL */
	struct aipolicy_location conditions_loc;
	/* of its id; 0:0 when not in the file */
	struct aipolicy_location loc;
};

struct translation {
	const char *file;          /* the name it was loaded under */
	const char *language;      /* the tag of `language` */
	const char *policy_id, *version;
	struct tr_text title, owner;
	struct tr_question *questions;  /* one per question of the policy */
	struct tr_outcome *outcomes;    /* one per outcome of the policy */
	size_t nquestions, noutcomes;
	char policy_sha256[65];    /* of the policy it was checked against */
	struct aipolicy_location root;      /* where its mapping starts */
	struct arena arena;        /* texts, answers, conditions */
	struct source src;         /* the file's bytes, for diagnostics */
};

/* What loading a translation keeps besides the translation itself. */
struct tr_loader {
	struct loader ld;          /* the policy loader's state: reader,
	                            * diagnostics, arenas (ld.p is NULL) */
	struct translation *t;
	const struct aipolicy *p;    /* the policy it is checked against */
	char name_tag[LANG_TAG_MAX];  /* LANG of the file's name, or "" */
	bool saw_format;           /* `aipolicy-translation` was there */
	bool saw_aipolicy;         /* `aipolicy` was: a policy file? */
	bool wrong_policy;         /* `policy` names another policy */
	struct aipolicy_location policy_loc;
};

/* tr_questions: read the mapping `questions` (just started). */
void tr_questions(struct tr_loader *tl, const struct yread_event *m);

/* tr_outcomes: read the mapping `outcomes` (just started). */
void tr_outcomes(struct tr_loader *tl, const struct yread_event *m);

/* tr_policy_key: KEY, in the mapping W, is one of NAMES (NULL-ended):
 * a key of the policy that a translation leaves out. true after saying
 * so (the caller passes over its value); false for any other key. */
bool tr_policy_key(struct tr_loader *tl, const struct yread_event *key,
    const char *const *names, const struct what *w);

/* tr_take: a text field NAME of the translation from V, as take_text
 * takes it (one line unless MULTILINE), into *OUT with its place. */
void tr_take(struct tr_loader *tl, const struct yread_event *v,
    const char *name, bool multiline, struct tr_text *out);

#endif
