/*
 * fuzz_translation.c: libFuzzer target: any bytes in, loaded as a
 * translation of a fixed policy, then linted, made into a translated
 * policy, rendered as text and JSON, walked and answered by a shown text,
 * freed. Must never crash, hang or leak. Built and run by `make fuzz`
 * (clang's libFuzzer, with AddressSanitizer and UBSan).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/render.h"
#include "core/translation.h"
#include "aipolicy/walk.h"

/* The policy every input translates: a little of each kind of text. */
static const char policy_yaml[] =
	"aipolicy: 1\nid: fz\ntitle: T\nversion: v1\nowner: O\n"
	"effective: 2026-01-01\nreview_by: 2026-12-31\nstart: a\n"
	"questions:\n"
	"  a:\n    ask: A?\n    label: LA\n    help: H\n"
	"    answers: { yes: b, no: { verdict: do-not-use, summary: S } }\n"
	"  b:\n    ask: B?\n    answers: { x: free, y: rev }\n"
	"outcomes:\n"
	"  free: { verdict: use-freely, summary: Go., why: W }\n"
	"  rev: { verdict: use-with-review, summary: R, reviewer: Rv,\n"
	"         conditions: [C1, C2] }\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct aipolicy *policy(void);
static void use(const struct aipolicy *p, const struct translation *t);

/* The policy, loaded once. */
static struct aipolicy *
policy(void)
{
	static struct aipolicy *p;
	struct aipolicy_diags d;

	if (p == NULL) {
		aipolicy_diags_init(&d, "fz.yaml");
		if (aipolicy_load_buffer("fz.yaml", policy_yaml,
		    sizeof policy_yaml - 1, &p, &d) != AIPOLICY_OK)
			abort();
		aipolicy_diags_release(&d);
	}
	return p;
}

/* Everything a front end does with a translation T of P. */
static void
use(const struct aipolicy *p, const struct translation *t)
{
	struct aipolicy_diags td, pd;
	struct aipolicy *v;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result r;
	struct aipolicy_given g = { "a", 1, NULL, 0 };
	char *s = NULL;

	aipolicy_diags_init(&td, "fz.de.yaml");
	aipolicy_diags_init(&pd, "fz.yaml");
	translation_lint(t, p, &td, &pd);
	aipolicy_diags_release(&td);
	aipolicy_diags_release(&pd);
	if ((v = policy_translate(p, t)) == NULL)
		return;
	if (aipolicy_render(v, AIPOLICY_RENDER_TEXT, NULL, &s, NULL) == 0)
		free(s);
	if (aipolicy_render(v, AIPOLICY_RENDER_JSON, NULL, &s, NULL) == 0)
		free(s);
	g.answer = v->questions[0].answers[0].shown;
	g.answer_len = strlen(g.answer);
	if ((w = aipolicy_walker_new(v)) != NULL) {
		aipolicy_walker_run(w, &g, 1, AIPOLICY_WALK_WORST_CASE, &r);
		if (r.status == AIPOLICY_WALK_BAD_ANSWER)
			abort(); /* a shown answer always matches */
	}
	aipolicy_walker_free(w);
	aipolicy_free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct translation *t = NULL;
	struct aipolicy_diags d;

	aipolicy_diags_init(&d, "fz.de.yaml");
	if (translation_load_buffer("fz.de.yaml", (const char *)data, size,
	    policy(), &t, &d) == AIPOLICY_OK)
		use(policy(), t);
	translation_free(t);
	aipolicy_diags_release(&d);
	return 0;
}
