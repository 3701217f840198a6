/*
 * test_lang.c: src/core/lang.c, choosing the language to show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/lang.h"

static void
test_tags(void **state)
{
	char t[LANG_TAG_MAX];

	(void)state;
	assert_true(lang_tag_valid("de"));
	assert_true(lang_tag_valid("pt-BR"));
	assert_true(lang_tag_valid("zh-Hant-TW"));
	assert_true(lang_tag_valid("es-419"));
	assert_false(lang_tag_valid(""));
	assert_false(lang_tag_valid("d"));
	assert_false(lang_tag_valid("deutsch"));
	assert_false(lang_tag_valid("de-"));
	assert_false(lang_tag_valid("de--AT"));
	assert_false(lang_tag_valid("de_AT"));
	assert_false(lang_tag_valid("12"));
	assert_false(lang_tag_valid("de-abcdefghi"));
	assert_false(lang_tag_valid("../x"));

	assert_true(lang_from_locale("de_DE.UTF-8@euro", t));
	assert_string_equal(t, "de-DE");
	assert_true(lang_from_locale("fr", t));
	assert_string_equal(t, "fr");
	assert_false(lang_from_locale("C", t));
	assert_string_equal(t, "");
	assert_false(lang_from_locale("C.UTF-8", t));
	assert_false(lang_from_locale("POSIX", t));
	assert_false(lang_from_locale("", t));
	assert_false(lang_from_locale(".UTF-8", t));

	lang_to_posix("pt-BR", t);
	assert_string_equal(t, "pt_BR");
	assert_true(lang_is_rtl("ar"));
	assert_true(lang_is_rtl("he-IL"));
	assert_true(lang_is_rtl("fa_IR"));
	assert_false(lang_is_rtl("ja"));
	assert_false(lang_is_rtl("arn"));
}

static void
test_env_order(void **state)
{
	char t[LANG_ENV_MAX][LANG_TAG_MAX];
	size_t n;

	(void)state;
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	assert_int_equal(lang_env(t, LANG_ENV_MAX), 0);

	setenv("LANG", "fr_FR.UTF-8", 1);
	n = lang_env(t, LANG_ENV_MAX);
	assert_int_equal(n, 1);
	assert_string_equal(t[0], "fr-FR");

	/* LC_MESSAGES before LANG, LC_ALL before both, only the first set */
	setenv("LC_MESSAGES", "de_AT.UTF-8", 1);
	n = lang_env(t, LANG_ENV_MAX);
	assert_int_equal(n, 1);
	assert_string_equal(t[0], "de-AT");
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_int_equal(lang_env(t, LANG_ENV_MAX), 0);

	/* LANGUAGE first, each of its list */
	setenv("LANGUAGE", "pt_BR:C:es", 1);
	n = lang_env(t, LANG_ENV_MAX);
	assert_int_equal(n, 2);
	assert_string_equal(t[0], "pt-BR");
	assert_string_equal(t[1], "es");
	assert_int_equal(lang_env(t, 1), 1);

	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
}

static void
test_accept_language(void **state)
{
	char t[LANG_ENV_MAX][LANG_TAG_MAX];
	size_t n;

	(void)state;
	n = lang_accept("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.95, *;q=0.5", t,
	    LANG_ENV_MAX);
	assert_int_equal(n, 4);
	assert_string_equal(t[0], "fr-CH");
	assert_string_equal(t[1], "de");
	assert_string_equal(t[2], "fr");
	assert_string_equal(t[3], "en");

	n = lang_accept("de;q=0, ja ;q=0.1,b@d, x;q=1", t, LANG_ENV_MAX);
	assert_int_equal(n, 1);
	assert_string_equal(t[0], "ja");
	assert_int_equal(lang_accept("", t, LANG_ENV_MAX), 0);
	assert_int_equal(lang_accept(NULL, t, LANG_ENV_MAX), 0);
	assert_int_equal(lang_accept(",,,;q=1,", t, LANG_ENV_MAX), 0);
	n = lang_accept("a1, de;q=2, en;q=0.50000", t, 1);
	assert_int_equal(n, 1);
	assert_string_equal(t[0], "en");
}

static void
test_choose(void **state)
{
	const char *avail[] = { "de", "fr-CA", "fr", "pt-BR" };
	char want[2][LANG_TAG_MAX] = { "it", "pt" };

	(void)state;
	assert_int_equal(lang_choose(avail, 4, "de"), 0);
	assert_int_equal(lang_choose(avail, 4, "DE"), 0);
	assert_int_equal(lang_choose(avail, 4, "de-AT"), 0);
	assert_int_equal(lang_choose(avail, 4, "de_CH"), 0);
	assert_int_equal(lang_choose(avail, 4, "fr-CA"), 1);
	assert_int_equal(lang_choose(avail, 4, "fr-BE"), 2);
	assert_int_equal(lang_choose(avail, 4, "fr"), 2);
	assert_int_equal(lang_choose(avail, 4, "pt"), 3);
	assert_int_equal(lang_choose(avail, 4, "pt-PT"), 3);
	assert_int_equal(lang_choose(avail, 4, "en"), -1);
	assert_int_equal(lang_choose(avail, 0, "de"), -1);
	assert_int_equal(lang_choose_list(avail, 4, want, 2), 3);
	assert_int_equal(lang_choose_list(avail, 4, want, 1), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_env_order),
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_choose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
