/*
 * test_translation.c: translation files: loading one against its policy
 * (each rule, at its line and column), the translated policy it makes
 * (texts, shown answers, everything else the policy's), answers matched
 * by their shown text, the texts not translated, finding the files beside
 * a policy and choosing one, and a set picked from per request.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "aipolicy/render.h"
#include "core/translation.h"
#include "aipolicy/walk.h"
#include "testutil.h"

/* The policy every translation here translates. */
static const char policy_yaml[] =
	"aipolicy: 1\n"                                   /* 1 */
	"id: t\n"
	"title: T\n"
	"version: v1\n"
	"owner: O\n"                                      /* 5 */
	"effective: 2026-01-01\n"
	"review_by: 2026-12-31\n"
	"start: a\n"
	"questions:\n"
	"  a:\n"                                          /* 10 */
	"    ask: A?\n"
	"    label: Short A\n"
	"    answers:\n"
	"      yes: b\n"
	"      no: { verdict: do-not-use, summary: Stop. }\n" /* 15 */
	"  b:\n"
	"    ask: B?\n"
	"    help: Help B.\n"
	"    answers: { only me: free, team: review }\n"
	"outcomes:\n"                                     /* 20 */
	"  free: { verdict: use-freely, summary: Go., why: Low risk. }\n"
	"  review:\n"
	"    verdict: use-with-review\n"
	"    summary: Review it.\n"
	"    reviewer: A colleague\n"                     /* 25 */
	"    conditions: [One., Two.]\n";

/* A translation's first four lines: questions and outcomes from line 5. */
#define TR_HEAD \
	"aipolicy-translation: 1\n" \
	"policy: t\n" \
	"version: v1\n" \
	"language: de\n"

/* Every text of policy_yaml, translated. */
static const char full_yaml[] = TR_HEAD
	"title: Tee\n"
	"owner: Oh\n"
	"questions:\n"
	"  a:\n"
	"    ask: A-Frage?\n"
	"    label: Kurz A\n"
	"    answers: { yes: ja, no: nein }\n"
	"  b:\n"
	"    ask: B-Frage?\n"
	"    help: Hilfe B.\n"
	"    answers: { only me: nur ich, team: Team }\n"
	"outcomes:\n"
	"  free: { summary: Los., why: Kaum Risiko. }\n"
	"  review:\n"
	"    summary: Prüfen.\n"
	"    reviewer: Jemand\n"
	"    conditions: [Eins., Zwei.]\n"
	"  a.no: { summary: Halt. }\n";

struct fixture {
	struct aipolicy *p;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	assert_non_null(f);
	f->p = TEST_LOAD(policy_yaml);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	aipolicy_free(f->p);
	free(f);
	return 0;
}

/* The translation in YAML (named NAME) must load against P. */
static struct translation *
tr_ok(const struct aipolicy *p, const char *name, const char *yaml)
{
	struct translation *t = NULL;
	struct aipolicy_diags d;
	size_t i;

	aipolicy_diags_init(&d, name);
	if (translation_load_buffer(name, yaml, strlen(yaml), p, &t, &d) !=
	    AIPOLICY_OK) {
		for (i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line,
			    d.items[i].column, d.items[i].message);
	}
	assert_non_null(t);
	aipolicy_diags_release(&d);
	return t;
}

/* D has a diagnostic of SEV at LINE:COLUMN whose message holds TEXT. */
static bool
has(const struct aipolicy_diags *d, enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *text)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		if (d->items[i].severity == sev && d->items[i].line == line &&
		    d->items[i].column == column &&
		    strstr(d->items[i].message, text) != NULL)
			return true;
	}
	for (i = 0; i < d->count; i++)
		fprintf(stderr, "  %u:%u: %s\n", d->items[i].line,
		    d->items[i].column, d->items[i].message);
	return false;
}

/* Loading YAML (named t.de.yaml) against P fails with an error at
 * LINE:COLUMN holding TEXT, and with ERRORS errors in all. */
static void
expect_error(const struct aipolicy *p, const char *yaml, uint32_t line,
    uint32_t column, const char *text, size_t errors)
{
	struct translation *t = (struct translation *)1;
	struct aipolicy_diags d;

	aipolicy_diags_init(&d, "t.de.yaml");
	assert_int_equal(translation_load_buffer("t.de.yaml", yaml,
	    strlen(yaml), p, &t, &d), AIPOLICY_INVALID);
	assert_null(t);
	assert_true(has(&d, AIPOLICY_SEVERITY_ERROR, line, column, text));
	assert_int_equal(d.nerrors, errors);
	aipolicy_diags_release(&d);
}

static void
test_translated_policy(void **state)
{
	struct fixture *f = *state;
	struct translation *t = tr_ok(f->p, "t.de.yaml", full_yaml);
	struct aipolicy *v = policy_translate(f->p, t);
	const struct aipolicy_outcome *o;

	assert_non_null(v);
	assert_string_equal(translation_language(t), "de");
	assert_string_equal(translation_file(t), "t.de.yaml");
	assert_string_equal(policy_language(v), "de");
	assert_null(policy_language(f->p));
	/* texts translated */
	assert_string_equal(v->title, "Tee");
	assert_string_equal(v->owner, "Oh");
	assert_string_equal(v->questions[0].ask, "A-Frage?");
	assert_string_equal(v->questions[0].label, "Kurz A");
	assert_string_equal(v->questions[1].help, "Hilfe B.");
	/* b has no label: it is its translated ask */
	assert_string_equal(v->questions[1].label, "B-Frage?");
	assert_false(v->questions[1].has_label);
	assert_string_equal(v->questions[1].answers[0].shown, "nur ich");
	o = &v->outcomes[aipolicy_find_outcome(v, "review", 6)];
	assert_string_equal(o->summary, "Prüfen.");
	assert_string_equal(o->reviewer, "Jemand");
	assert_int_equal(o->nconditions, 2);
	assert_string_equal(o->conditions[1], "Zwei.");
	assert_string_equal(v->outcomes[aipolicy_find_outcome(v, "a.no",
	    4)].summary, "Halt.");
	/* everything else the policy's */
	assert_string_equal(v->id, "t");
	assert_string_equal(v->version, "v1");
	assert_string_equal(v->sha256, f->p->sha256);
	assert_string_equal(v->file, f->p->file);
	assert_int_equal(v->effective, f->p->effective);
	assert_int_equal(v->start, f->p->start);
	assert_ptr_equal(v->tests, f->p->tests);
	assert_string_equal(v->questions[0].answers[0].key, "yes");
	assert_int_equal(v->questions[0].answers[0].target.kind,
	    AIPOLICY_TARGET_QUESTION);
	assert_int_equal(aipolicy_find_question(v, "b", 1), 1);
	assert_int_equal(o->verdict, AIPOLICY_VERDICT_USE_WITH_REVIEW);
	/* the policy itself is unchanged */
	assert_string_equal(f->p->title, "T");
	assert_string_equal(f->p->questions[0].answers[0].shown, "yes");
	assert_ptr_equal(f->p->questions[0].answers[0].shown,
	    f->p->questions[0].answers[0].key);
	aipolicy_free(v);
	translation_free(t);
}

/* Untranslated texts are the policy's own; a question without a
 * translated label but with a translated ask shows the translated ask
 * only when the policy has no label. */
static void
test_fallback(void **state)
{
	struct fixture *f = *state;
	struct translation *t = tr_ok(f->p, "t.de.yaml", TR_HEAD
	    "questions:\n"
	    "  a: { ask: A-Frage?, answers: { yes: ja } }\n"
	    "  b: { ask: B-Frage? }\n");
	struct aipolicy *v = policy_translate(f->p, t);

	assert_non_null(v);
	assert_string_equal(v->title, "T");
	assert_string_equal(v->questions[0].label, "Short A");
	assert_string_equal(v->questions[0].answers[0].shown, "ja");
	assert_string_equal(v->questions[0].answers[1].shown, "no");
	assert_string_equal(v->questions[1].label, "B-Frage?");
	assert_string_equal(v->questions[1].help, "Help B.");
	assert_ptr_equal(v->questions[1].answers, f->p->questions[1].answers);
	assert_string_equal(v->outcomes[0].summary, "Go.");
	aipolicy_free(v);
	translation_free(t);
}

/* Answers match their key, then their shown text, ignoring ASCII case;
 * a walk of the translated policy gives the policy's keys. */
static void
test_match_shown(void **state)
{
	struct fixture *f = *state;
	struct translation *t = tr_ok(f->p, "t.de.yaml", full_yaml);
	struct aipolicy *v = policy_translate(f->p, t);
	struct aipolicy_walker *w = aipolicy_walker_new(v);
	struct aipolicy_walk_result r;
	struct aipolicy_given g[2] = {
		{ "a", 1, " JA ", 4 }, { "b", 1, "Nur Ich", 7 },
	};
	const struct aipolicy_question *q = &v->questions[0];

	assert_int_equal(aipolicy_question_match(q, "yes", 3), 0);
	assert_int_equal(aipolicy_question_match(q, "NEIN", 4), 1);
	assert_int_equal(aipolicy_question_match(q, "no", 2), 1);
	assert_int_equal(aipolicy_question_match(q, "vielleicht", 10), -1);
	/* the policy itself knows no shown text */
	assert_int_equal(aipolicy_question_match(&f->p->questions[0], "ja", 2),
	    -1);
	assert_non_null(w);
	g[1].question = "b";
	assert_int_equal(aipolicy_walker_run(w, g, 2, 0, &r), 0);
	assert_int_equal(r.status, AIPOLICY_WALK_VERDICT);
	assert_string_equal(r.outcome->id, "free");
	assert_string_equal(r.outcome->summary, "Los.");
	assert_int_equal(r.npath, 2);
	assert_string_equal(v->questions[r.path[1].question].answers[
	    r.path[1].answer].key, "only me");
	aipolicy_walker_free(w);
	aipolicy_free(v);
	translation_free(t);
}

static void
test_top_level_rules(void **state)
{
	struct fixture *f = *state;

	expect_error(f->p, "", 1, 1, "the file is empty: a translation", 1);
	expect_error(f->p, "- a\n", 1, 1, "a translation must be a mapping", 1);
	expect_error(f->p, "aipolicy-translation: 1\npolicy: t\n", 1, 1,
	    "missing the required keys 'version', 'language'", 1);
	expect_error(f->p, "aipolicy-translation: 2\npolicy: t\nversion: v1\n"
	    "language: de\n", 1, 23, "must be 1", 1);
	expect_error(f->p, TR_HEAD "titel: X\n", 5, 1,
	    "unknown key 'titel' in the translation (did you mean 'title'?)",
	    1);
	expect_error(f->p, TR_HEAD "start: a\n", 5, 1,
	    "'start' in the translation is the policy's own", 1);
	expect_error(f->p, "aipolicy-translation: 1\npolicy: t\nversion: v1\n"
	    "language: de_DE\n", 4, 11, "(did you mean 'de-DE'?)", 1);
	expect_error(f->p, "aipolicy-translation: 1\npolicy: t\nversion: v1\n"
	    "language: fr\n", 4, 11, "the file's name says 'de'", 1);
	expect_error(f->p, TR_HEAD "title: &x T\n", 5, 8,
	    "aliases are not supported in translation files", 1);
	expect_error(f->p, TR_HEAD "title: |\n  T\n  U\n", 5, 8,
	    "'title' must be one line of text", 1);
	/* another policy: said alone, other mistakes left unsaid */
	expect_error(f->p, "aipolicy-translation: 1\npolicy: other\n"
	    "version: v1\nlanguage: de\nquestions: { zz: { ask: Z } }\n",
	    2, 9, "translation of the policy 'other', not of 't'", 1);
	/* a policy file: said alone */
	expect_error(f->p, policy_yaml, 1, 1, "this is a policy file", 1);
}

static void
test_id_and_field_rules(void **state)
{
	struct fixture *f = *state;

	expect_error(f->p, TR_HEAD "questions:\n  bb: { ask: X }\n", 6, 3,
	    "the policy has no question 'bb'", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  reveiw: { summary: X }\n", 6,
	    3, "the policy has no outcome 'reveiw' (did you mean 'review'?)",
	    1);
	expect_error(f->p, TR_HEAD "questions:\n  free: { ask: X }\n", 6, 3,
	    "'free' is an outcome of the policy, not a question", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  a: { summary: X }\n", 6, 3,
	    "'a' is a question of the policy, not an outcome", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  a.noo: { summary: X }\n", 6,
	    3, "the policy has no outcome 'a.noo' (did you mean 'a.no'?)", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a:\n    answers: { Yes: ja }\n", 7, 16,
	    "question 'a' has no answer 'Yes' (did you mean 'yes'?)", 1);
	expect_error(f->p, TR_HEAD "questions:\n  a: { help: H }\n", 6, 8,
	    "the policy gives question 'a' no 'help' to translate", 1);
	expect_error(f->p, TR_HEAD "questions:\n  b: { label: L }\n", 6, 8,
	    "the policy gives question 'b' no 'label' to translate", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  free: { reviewer: R }\n",
	    6, 11,
	    "the policy gives outcome 'free' no 'reviewer' to translate", 1);
	expect_error(f->p,
	    TR_HEAD "outcomes:\n  free: { verdict: use-freely }\n", 6, 11,
	    "'verdict' in outcome 'free' is the policy's own", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  review: { sumary: S }\n", 6,
	    13, "unknown key 'sumary' in outcome 'review' (did you mean "
	    "'summary'?)", 1);
	expect_error(f->p,
	    TR_HEAD "outcomes:\n  review: { conditions: [A.] }\n", 6, 25,
	    "has 1 item, the policy's 2", 1);
	expect_error(f->p, TR_HEAD "outcomes:\n  free: { conditions: [A.] }\n",
	    6, 11, "the policy gives outcome 'free' no 'conditions'", 1);
	expect_error(f->p, TR_HEAD "questions:\n  a: { label: "
	    "12345678901234567890123456789012345678901 }\n", 6, 15,
	    "'label' is longer than 40 characters", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a: { ask: A }\n  a: { ask: B }\n", 7, 3,
	    "duplicate key 'a' (first at 6:3)", 1);
}

static void
test_shown_rules(void **state)
{
	struct fixture *f = *state;

	expect_error(f->p, TR_HEAD "questions:\n  a: { answers: { yes: Ja, "
	    "no: JA } }\n", 6, 32, "both shown as 'JA' (at 6:24)", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a: { answers: { yes: NO } }\n", 6, 24,
	    "the key of its answer 'no'", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a: { answers: { yes: \"?\" } }\n", 6, 24,
	    "'?' is reserved", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a: { answers: { yes: not SURE } }\n", 6, 24,
	    "'not SURE' is reserved", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a: { answers: { yes: \" ja\" } }\n", 6, 24,
	    "shown with white space around it", 1);
	expect_error(f->p,
	    TR_HEAD "questions:\n  a:\n    answers:\n      yes: |\n"
	    "        ja\n        doch\n", 8, 12, "'yes' must be one line", 1);
}

/* Warnings: another version; the texts not translated, counted in the
 * translation and each at its place in the policy. */
static void
test_warnings(void **state)
{
	struct fixture *f = *state;
	static const char old[] = "aipolicy-translation: 1\npolicy: t\n"
	    "version: v0\nlanguage: de\n";
	struct translation *t;
	struct aipolicy_diags d, pd;

	aipolicy_diags_init(&d, "t.de.yaml");
	assert_int_equal(translation_load_buffer("t.de.yaml", old,
	    sizeof old - 1, f->p, &t, &d), AIPOLICY_OK);
	assert_true(has(&d, AIPOLICY_SEVERITY_WARNING, 3, 10,
	    "of version 'v0' of the "
	    "policy, which is now 'v1'"));
	aipolicy_diags_init(&pd, "t.yaml");
	assert_int_equal(translation_lint(t, f->p, &d, &pd), 0);
	/* all 16 texts of the policy */
	assert_true(has(&d, AIPOLICY_SEVERITY_WARNING, 1, 1,
	    "16 texts of the policy "
	    "have no translation here"));
	assert_int_equal(pd.nwarnings, 16);
	assert_true(has(&pd, AIPOLICY_SEVERITY_WARNING, 3, 8, "'title' has no "
	    "translation in t.de.yaml"));
	assert_true(has(&pd, AIPOLICY_SEVERITY_WARNING, 12, 12,
	    "'label' of question "
	    "'a'"));
	assert_true(has(&pd, AIPOLICY_SEVERITY_WARNING, 14, 7,
	    "answer 'yes' of "
	    "question 'a'"));
	assert_true(has(&pd, AIPOLICY_SEVERITY_WARNING, 15, 43,
	    "'summary' of outcome "
	    "'a.no'"));
	assert_true(has(&pd, AIPOLICY_SEVERITY_WARNING, 26, 17,
	    "'conditions' of "
	    "outcome 'review' have"));
	aipolicy_diags_release(&d);
	aipolicy_diags_release(&pd);
	translation_free(t);

	/* a complete translation: nothing */
	t = tr_ok(f->p, "t.de.yaml", full_yaml);
	aipolicy_diags_init(&d, "t.de.yaml");
	aipolicy_diags_init(&pd, "t.yaml");
	assert_int_equal(translation_lint(t, f->p, &d, &pd), 0);
	assert_int_equal(d.count + pd.count, 0);
	aipolicy_diags_release(&d);
	aipolicy_diags_release(&pd);
	translation_free(t);
}

/* The translated page is measured: too wide, at the translated answer. */
static void
test_lint_page(void **state)
{
	struct fixture *f = *state;
	struct translation *t = tr_ok(f->p, "t.de.yaml", TR_HEAD
	    "questions:\n"
	    "  b:\n"
	    "    answers:\n"
	    "      team: 私たちのチームの全員とその上司と"
	    "取引先のすべての担当者と"
	    "社外の協力会社の人たち\n");
	struct aipolicy_diags d, pd;

	aipolicy_diags_init(&d, "t.de.yaml");
	aipolicy_diags_init(&pd, "t.yaml");
	assert_int_equal(translation_lint(t, f->p, &d, &pd), 0);
	assert_true(has(&d, AIPOLICY_SEVERITY_WARNING, 8, 13,
	    "the policy in 'de' no "
	    "longer fits on one page: the line of answer"));
	aipolicy_diags_release(&d);
	aipolicy_diags_release(&pd);
	translation_free(t);
}

/* The files beside a policy, by name; choosing one. */
static void
test_files(void **state)
{
	static const char *const names[] = {
		"p.yaml", "p.de.yaml", "p.fr-CA.yaml", "p.fr.yaml", "p.de.yml",
		"p.x1.yaml", "p.toolongtag1.yaml", "q.it.yaml", "p.pt-BR.yaml",
	};
	struct translation_files tf;
	char dir[] = "/tmp/test_translation.XXXXXX", path[256],
	    tag[LANG_TAG_MAX];
	char *pp;
	size_t i;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		assert_non_null(fp = fopen(path, "w"));
		fclose(fp);
	}
	snprintf(path, sizeof path, "%s/p.yaml", dir);
	assert_int_equal(translation_files_find(path, &tf), 0);
	assert_int_equal(tf.n, 4);
	assert_string_equal(tf.tags[0], "de");
	assert_string_equal(tf.tags[1], "fr");
	assert_string_equal(tf.tags[2], "fr-CA");
	assert_string_equal(tf.tags[3], "pt-BR");
	snprintf(path, sizeof path, "%s/p.fr-CA.yaml", dir);
	assert_string_equal(tf.paths[2], path);
	assert_int_equal(translation_files_choose(&tf, "fr-CA"), 2);
	assert_int_equal(translation_files_choose(&tf, "fr_BE.UTF-8"), 1);
	assert_int_equal(translation_files_choose(&tf, "PT-br"), 3);
	assert_int_equal(translation_files_choose(&tf, "it"), -1);
	setenv("LANGUAGE", "it:pt:de", 1);
	assert_int_equal(translation_files_choose(&tf, NULL), 3);
	unsetenv("LANGUAGE");
	translation_files_release(&tf);
	/* a missing folder has none */
	assert_int_equal(translation_files_find("/nonexistent/p.yaml", &tf), 0);
	assert_int_equal(tf.n, 0);
	translation_files_release(&tf);
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);

	assert_true(translation_path_split("a/b/p.de-AT.yaml", &pp, tag));
	assert_string_equal(pp, "a/b/p.yaml");
	assert_string_equal(tag, "de-AT");
	free(pp);
	assert_true(translation_path_split("x.y.fr.yml", &pp, tag));
	assert_string_equal(pp, "x.y.yml");
	assert_string_equal(tag, "fr");
	free(pp);
	assert_false(translation_path_split("p.yaml", &pp, tag));
	assert_false(translation_path_split(".de.yaml", &pp, tag));
	assert_false(translation_path_split("p.d1.yaml", &pp, tag));
	assert_false(translation_path_split("p.de.json", &pp, tag));
	assert_null(pp);
}

/* A set of translations, one picked per request. */
static void
test_set(void **state)
{
	struct fixture *f = *state;
	struct translation_set s;
	char wanted[2][LANG_TAG_MAX] = { "it", "de-CH" };
	const struct aipolicy *v;

	translation_set_init(&s, f->p);
	assert_ptr_equal(translation_set_pick(&s,
	    (const char (*)[LANG_TAG_MAX])wanted, 2), f->p);
	assert_int_equal(translation_set_add(&s, tr_ok(f->p, "t.de.yaml",
	    full_yaml)), 0);
	v = translation_set_pick(&s, (const char (*)[LANG_TAG_MAX])wanted, 2);
	assert_string_equal(v->title, "Tee");
	assert_ptr_equal(translation_set_pick(&s,
	    (const char (*)[LANG_TAG_MAX])wanted, 1), f->p);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.tags[0], "de");
	translation_set_release(&s);
}

/* A translation made against one policy cannot translate another. */
static void
test_other_policy(void **state)
{
	struct fixture *f = *state;
	struct translation *t = tr_ok(f->p, "t.de.yaml", full_yaml);
	char other[sizeof policy_yaml + 8];
	struct aipolicy *p2;

	snprintf(other, sizeof other, "%sx-v: 2\n", policy_yaml);
	p2 = test_load_ok(other, strlen(other));
	assert_null(policy_translate(p2, t));
	aipolicy_free(p2);
	translation_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_translated_policy, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fallback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_shown, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_top_level_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_id_and_field_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_shown_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_warnings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lint_page, setup,
		    teardown),
		cmocka_unit_test(test_files),
		cmocka_unit_test_setup_teardown(test_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_policy, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
