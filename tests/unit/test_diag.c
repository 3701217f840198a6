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
	struct diags to, from;

	(void)state;
	diags_init(&to, "t.yaml");
	diags_init(&from, "t.yaml");
	diags_add(&from, SEVERITY_ERROR, 3, 1, NULL, 0, "late at 3:1");
	diags_add(&from, SEVERITY_WARNING, 1, 1, NULL, 0, "late at 1:1");
	diags_add(&to, SEVERITY_ERROR, 3, 1, NULL, 0, "early at 3:1");
	diags_take(&to, &from);
	assert_int_equal(from.count, 0);
	assert_int_equal(from.nerrors, 0);
	assert_int_equal(to.count, 3);
	assert_int_equal(to.nerrors, 2);
	assert_int_equal(to.nwarnings, 1);
	diags_sort(&to);
	assert_string_equal(to.items[0].message, "late at 1:1");
	assert_string_equal(to.items[1].message, "early at 3:1");
	assert_string_equal(to.items[2].message, "late at 3:1");
	diags_release(&to);
	diags_release(&from);
}

/* Past DIAG_KEEP_MAX they are counted, not kept. */
static void
test_take_counts_past_the_cap(void **state)
{
	struct diags to, from;
	size_t i;

	(void)state;
	diags_init(&to, "t.yaml");
	diags_init(&from, "t.yaml");
	for (i = 0; i < DIAG_KEEP_MAX; i++)
		diags_add(&to, SEVERITY_ERROR, 1, 1, NULL, 0, "e");
	diags_add(&from, SEVERITY_ERROR, 2, 1, NULL, 0, "one more");
	diags_take(&to, &from);
	assert_int_equal(to.count, DIAG_KEEP_MAX);
	assert_int_equal(to.nerrors, DIAG_KEEP_MAX + 1);
	assert_int_equal(diags_hidden(&to, diags_shown(&to)),
	    DIAG_KEEP_MAX + 1 - DIAG_SHOW_MAX);
	diags_release(&to);
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
