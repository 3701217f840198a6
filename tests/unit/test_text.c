/*
 * test_text.c: src/core/text.c, the one sanitiser and the one "did you
 * mean", and that the front ends show text through them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aipolicy/diag.h"
#include "core/text.h"
#include "core/wrap.h"

static void
expect_sanitized(const char *in, unsigned flags, const char *want)
{
	char *got = text_sanitize(in, strlen(in), flags);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_safe_characters(void **state)
{
	assert_int_equal(text_safe('a'), 'a');
	assert_int_equal(text_safe('\t'), ' ');
	assert_int_equal(text_safe('\n'), ' ');
	assert_int_equal(text_safe('\r'), ' ');
	assert_int_equal(text_safe(0x1B), '?');
	assert_int_equal(text_safe(0x7F), '?');
	assert_int_equal(text_safe(0x85), '?');
	assert_int_equal(text_safe(0x202A), '?');
	assert_int_equal(text_safe(0x202E), '?');
	assert_int_equal(text_safe(0x2066), '?');
	assert_int_equal(text_safe(0x2069), '?');
	assert_int_equal(text_safe(0xFEFF), '?');
	assert_int_equal(text_safe(0x2029), 0x2029);
	assert_int_equal(text_safe(0xE9), 0xE9);
	assert_int_equal(text_safe(0x4E2D), 0x4E2D);
}

static void
test_sanitize(void **state)
{
	expect_sanitized("plain caf\xc3\xa9", 0, "plain caf\xc3\xa9");
	expect_sanitized("a\x1b[31mred", 0, "a?[31mred");
	expect_sanitized("evil \xe2\x80\xae" "txt.exe", 0, "evil ?txt.exe");
	expect_sanitized("one\ntwo\tthree", 0, "one two three");
	expect_sanitized("one\ntwo\tthree", TEXT_KEEP_NEWLINE,
	    "one\ntwo three");
	expect_sanitized("one\ntwo\tthree", TEXT_KEEP_TAB, "one two\tthree");
	expect_sanitized("bad \xff byte", 0, "bad ? byte");
	expect_sanitized("", 0, "");
}

/* The terminal walk and the diagnostics use the same rule. */
static void
test_front_ends_agree(void **state)
{
	static const uint32_t samples[] = { 'a', '\t', '\n', 0x1B, 0x7F, 0x9B,
	    0x202E, 0x2067, 0xFEFF, 0xE9, 0x4E2D };
	struct aipolicy_diags d;
	size_t i;

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++)
		assert_int_equal(wrap_printable(samples[i]),
		    text_safe(samples[i]));

	aipolicy_diags_init(&d, "x.yaml");
	aipolicy_diags_add(&d, AIPOLICY_SEVERITY_ERROR, 1, 1,
	    "x:\t\xe2\x80\xae" "y\x1b", 8, "m");
	assert_string_equal(d.items[0].source, "x:\t?y?");
	aipolicy_diags_release(&d);
}

static const char *
suggest(const char *word, const char *const *cands)
{
	struct text_suggest sg;

	text_suggest_init(&sg, word);
	for (; *cands != NULL; cands++)
		text_suggest_add(&sg, *cands);
	return sg.best;
}

static void
test_suggest(void **state)
{
	static const char *const keys[] = { "review_by", "reviewer",
	    "effective", "id", NULL };
	static const char *const ids[] = { "data", "audience", "date", NULL };

	assert_string_equal(suggest("reviw_by", keys), "review_by");
	assert_string_equal(suggest("reveiwer", keys), "reviewer");
	assert_string_equal(suggest("Data", ids), "data");
	/* The first of two at the same distance. */
	assert_string_equal(suggest("dat", ids), "data");
	/* Too far, or too short to be a typo. */
	assert_null(suggest("owner", keys));
	assert_null(suggest("x", keys));
	assert_null(suggest("ab", ids));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_safe_characters),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_front_ends_agree),
		cmocka_unit_test(test_suggest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
