/*
 * test_diag.c: the list of diagnostics: sorting by place, notes kept with
 * their diagnostic, and moving one list behind another.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "aipolicy/diag.h"

/* What comes first in FROM stays first among them, after TO's own; at one
 * place TO's are told first. */
static void
test_take_follows(void **state)
{
	struct aipolicy_diags to, from;

	(void)state;
	aipolicy_diags_init(&to, "t.yaml");
	aipolicy_diags_init(&from, "t.yaml");
	aipolicy_diags_add(&from, AIPOLICY_SEVERITY_ERROR, 3, 1, NULL, 0,
	    "late at 3:1");
	aipolicy_diags_add(&from, AIPOLICY_SEVERITY_WARNING, 1, 1, NULL, 0,
	    "late at 1:1");
	aipolicy_diags_add(&to, AIPOLICY_SEVERITY_ERROR, 3, 1, NULL, 0,
	    "early at 3:1");
	aipolicy_diags_take(&to, &from);
	assert_int_equal(from.count, 0);
	assert_int_equal(from.nerrors, 0);
	assert_int_equal(to.count, 3);
	assert_int_equal(to.nerrors, 2);
	assert_int_equal(to.nwarnings, 1);
	aipolicy_diags_sort(&to);
	assert_string_equal(to.items[0].message, "late at 1:1");
	assert_string_equal(to.items[1].message, "early at 3:1");
	assert_string_equal(to.items[2].message, "late at 3:1");
	aipolicy_diags_release(&to);
	aipolicy_diags_release(&from);
}

/* Past AIPOLICY_DIAG_KEEP_MAX they are counted, not kept. */
static void
test_take_counts_past_the_cap(void **state)
{
	struct aipolicy_diags to, from;
	size_t i;

	(void)state;
	aipolicy_diags_init(&to, "t.yaml");
	aipolicy_diags_init(&from, "t.yaml");
	for (i = 0; i < AIPOLICY_DIAG_KEEP_MAX; i++)
		aipolicy_diags_add(&to, AIPOLICY_SEVERITY_ERROR, 1, 1, NULL, 0,
		    "e");
	aipolicy_diags_add(&from, AIPOLICY_SEVERITY_ERROR, 2, 1, NULL, 0,
	    "one more");
	aipolicy_diags_take(&to, &from);
	assert_int_equal(to.count, AIPOLICY_DIAG_KEEP_MAX);
	assert_int_equal(to.nerrors, AIPOLICY_DIAG_KEEP_MAX + 1);
	assert_int_equal(aipolicy_diags_hidden(&to, aipolicy_diags_shown(&to)),
	    AIPOLICY_DIAG_KEEP_MAX + 1 - AIPOLICY_DIAG_SHOW_MAX);
	aipolicy_diags_release(&to);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_take_follows),
		cmocka_unit_test(test_take_counts_past_the_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
