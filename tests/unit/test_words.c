/*
 * test_words.c: src/core/words.c, the program's own words in a language:
 * the English table, loading the German and French catalogues of the
 * build tree (build/locale, beside this program) by tag and from the
 * environment, plurals, the environment put back, what a translation
 * may hold, and the list of the catalogues there are.
 */
#include <locale.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/words.h"

/* The variables words_load reads, cleared before each test. */
static const char *const env_vars[] = {
	"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG",
};

static int
clear_env(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof env_vars / sizeof env_vars[0]; i++)
		unsetenv(env_vars[i]);
	return 0;
}

static void
test_english(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < WORD_COUNT; i++) {
		assert_non_null(words_english.text[i]);
		assert_true(words_english.text[i][0] != '\0');
	}
	assert_string_equal(words_text(NULL, WORD_VERDICT_LABEL), "Verdict:");
	assert_string_equal(words_verdict(NULL, AIPOLICY_VERDICT_DO_NOT_USE),
	    "Do not use AI");
	/* one copy: the policy's verdict words are the table's */
	assert_ptr_equal(aipolicy_verdict_words(AIPOLICY_VERDICT_USE_FREELY),
	    words_text(NULL, WORD_VERDICT_FREE));
	assert_string_equal(words_plural(NULL, WORDN_ANSWERED, 1),
	    "%zu answered");
	assert_string_equal(words_english.tag, "en");
	assert_true(words_english.english);
}

static void
test_load_german(void **state)
{
	struct words w;

	(void)state;
	assert_int_equal(words_load(&w, "de"), 0);
	assert_false(w.english);
	assert_string_equal(w.tag, "de");
	assert_string_equal(words_text(&w, WORD_VERDICT_LABEL),
	    "Entscheidung:");
	assert_string_equal(words_verdict(&w, AIPOLICY_VERDICT_USE_WITH_REVIEW),
	    "KI mit Prüfung nutzen");
	assert_string_equal(words_text(&w, WORD_NOT_SURE), "Weiß nicht");
	/* German: 1 is singular, 0 and 2 plural */
	assert_string_equal(words_plural(&w, WORDN_TO_GO, 0),
	    "höchstens noch %zu Fragen");
	assert_string_equal(words_plural(&w, WORDN_TO_GO, 1),
	    "höchstens noch %zu Frage");
	assert_string_equal(words_plural(&w, WORDN_TO_GO, 2),
	    "höchstens noch %zu Fragen");
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 0),
	    "%zu Antworten");
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 1),
	    "%zu Antwort");
	/* past the kept counts: 201 takes the form of 101 */
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 201),
	    "%zu Antworten");
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, SIZE_MAX),
	    "%zu Antworten");
}

static void
test_load_french(void **state)
{
	struct words w;

	(void)state;
	assert_int_equal(words_load(&w, "fr"), 0);
	assert_string_equal(w.tag, "fr");
	assert_string_equal(words_text(&w, WORD_VERDICT_LABEL),
	    "Décision\u00a0:");
	/* French: 0 and 1 are singular */
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 0),
	    "%zu réponse");
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 1),
	    "%zu réponse");
	assert_string_equal(words_plural(&w, WORDN_ANSWERED, 2),
	    "%zu réponses");
	assert_string_equal(words_plural(&w, WORDN_TO_GO, 1),
	    "au plus %zu restante");
	assert_string_equal(words_plural(&w, WORDN_TO_GO, 1000),
	    "au plus %zu restantes");
}

/* A region falls back to its language; a language without a catalogue,
 * or English, gives the English table. */
static void
test_fallbacks(void **state)
{
	struct words w;

	(void)state;
	assert_int_equal(words_load(&w, "de-AT"), 0);
	assert_string_equal(w.tag, "de");
	assert_string_equal(words_text(&w, WORD_KEY_QUIT), "q beenden");
	assert_int_equal(words_load(&w, "it"), 0);
	assert_true(w.english);
	assert_string_equal(w.tag, "en");
	assert_string_equal(words_text(&w, WORD_KEY_QUIT), "q quit");
	assert_int_equal(words_load(&w, "en-GB"), 0);
	assert_true(w.english);
	/* not a tag: not looked for at all */
	assert_int_equal(words_load(&w, "../de"), 0);
	assert_true(w.english);
	assert_int_equal(words_load(&w, "de_DE"), 0);
	assert_true(w.english);
}

/* NULL: the first language of the environment with a catalogue, in the
 * order gettext reads it; English when it comes first. */
static void
test_environment(void **state)
{
	struct words w;

	(void)state;
	assert_int_equal(words_load(&w, NULL), 0);
	assert_true(w.english);

	setenv("LANG", "de_DE.UTF-8", 1);   /* not installed: still German */
	assert_int_equal(words_load(&w, NULL), 0);
	assert_string_equal(w.tag, "de");

	setenv("LC_ALL", "fr_CA.UTF-8", 1); /* over LANG */
	assert_int_equal(words_load(&w, NULL), 0);
	assert_string_equal(w.tag, "fr");

	setenv("LANGUAGE", "it:de", 1);     /* over both; no it: de */
	assert_int_equal(words_load(&w, NULL), 0);
	assert_string_equal(w.tag, "de");

	setenv("LANGUAGE", "en:de", 1);     /* English first */
	assert_int_equal(words_load(&w, NULL), 0);
	assert_true(w.english);

	setenv("LC_ALL", "C.UTF-8", 1);     /* names no language */
	unsetenv("LANGUAGE");
	assert_int_equal(words_load(&w, NULL), 0);
	assert_true(w.english);
}

/* What words_load changes while it runs is put back, and a table keeps
 * its words whatever the environment says afterwards. */
static void
test_restores(void **state)
{
	struct words de, fr;
	char before[64];

	(void)state;
	snprintf(before, sizeof before, "%s", setlocale(LC_MESSAGES, NULL));
	setenv("LANGUAGE", "it", 1);
	assert_int_equal(words_load(&de, "de"), 0);
	assert_string_equal(getenv("LANGUAGE"), "it");
	assert_string_equal(setlocale(LC_MESSAGES, NULL), before);
	unsetenv("LANGUAGE");
	assert_int_equal(words_load(&fr, "fr"), 0);
	assert_null(getenv("LANGUAGE"));
	/* two tables side by side, as the server keeps them */
	assert_string_equal(words_text(&de, WORD_WEB_CONTINUE), "Weiter");
	assert_string_equal(words_text(&fr, WORD_WEB_CONTINUE), "Continuer");
}

/* Every text of both catalogues is translated and usable: none is the
 * English text itself (gettext's answer for a text it has not). */
static void
test_complete(void **state)
{
	static const char *const tags[] = { "de", "fr" };
	struct words w;
	size_t t, i, same;

	(void)state;
	for (t = 0; t < sizeof tags / sizeof tags[0]; t++) {
		assert_int_equal(words_load(&w, tags[t]), 0);
		same = 0;
		for (i = 0; i < WORD_COUNT; i++)
			same += w.text[i] == words_english.text[i];
		assert_int_equal(same, 0);
	}
}

static void
test_usable(void **state)
{
	(void)state;
	assert_true(words_usable("a %s b", "x %s y", false));
	assert_true(words_usable("%s on %s", "%2$s am %1$s", false));
	assert_true(words_usable("100%% %zu", "%zu %%", false));
	assert_true(words_usable("none", "keine", false));
	assert_true(words_usable("%zu answered", "one answer", true));
	assert_false(words_usable("%zu answered", "one answer", false));
	assert_false(words_usable("%s", "%d", false));
	assert_false(words_usable("%zu", "%u", false));
	assert_false(words_usable("%s", "%s %s", false));
	assert_false(words_usable("%s %s", "%s", false));
	assert_false(words_usable("%s", "%n", false));
	assert_false(words_usable("%s", "%*s", false));
	assert_false(words_usable("%s %s", "%2$s %s", false));
	assert_false(words_usable("%s %s", "%2$s", false));
	assert_false(words_usable("%s", "%", false));
	assert_false(words_usable("%s", "%1$s %1$d", false));
	/* shown as it is, or not at all */
	assert_true(words_usable("Not sure", "Weiß nicht", false));
	assert_false(words_usable("Not sure", "Wei\nnicht", false));
	assert_false(words_usable("Not sure", "\033[2Jnicht", false));
	assert_false(words_usable("Not sure", "nicht \xE2\x80\xAE", false));
	assert_false(words_usable("Not sure", "nicht \xff", false));
}

/* The catalogues of the build tree, by tag, sorted; one slot is enough
 * for one. */
static void
test_catalogues(void **state)
{
	char tags[8][LANG_TAG_MAX];

	(void)state;
	assert_int_equal(words_catalogues(tags, 8), 2);
	assert_string_equal(tags[0], "de");
	assert_string_equal(tags[1], "fr");
	assert_int_equal(words_catalogues(tags, 1), 1);
	assert_int_equal(words_catalogues(tags, 0), 0);
}

int
main(void)
{
#define T(t) cmocka_unit_test_setup(t, clear_env)
	const struct CMUnitTest tests[] = {
		T(test_english),
		T(test_load_german),
		T(test_load_french),
		T(test_fallbacks),
		T(test_environment),
		T(test_restores),
		T(test_complete),
		T(test_usable),
		T(test_catalogues),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
