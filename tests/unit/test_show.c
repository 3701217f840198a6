/*
 * test_show.c: src/core/show.c, the pieces every rendering of the core
 * writes the same way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "show.h"

/* Two outcomes that differ in their summary and why only. */
static const struct aipolicy_outcome before = {
	.id = "rev\x1bwed", .verdict = AIPOLICY_VERDICT_USE_WITH_REVIEW,
	.summary = "Check it.", .why = "Risky.", .reviewer = "A colleague",
};
static const struct aipolicy_outcome after = {
	.id = "rev\x1bwed", .verdict = AIPOLICY_VERDICT_USE_WITH_REVIEW,
	.summary = "Check it twice.", .why = "Very risky.",
	.reviewer = "A colleague",
};

/* The buffer B holds WANT; B is released. */
static void
expect_buf(struct buf *b, const char *want)
{
	assert_false(b->failed);
	assert_non_null(b->data);
	assert_string_equal(b->data, want);
	buf_release(b);
}

static void
test_count(void **state)
{
	static const struct { uint64_t n; const char *s; } cases[] = {
		{ 0, "0" }, { 999, "999" }, { 1000, "1,000" },
		{ 1240, "1,240" }, { 1234567, "1,234,567" },
		{ UINT64_MAX, "18,446,744,073,709,551,615" },
	};
	struct buf b;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_init(&b);
		show_count(&b, cases[i].n);
		expect_buf(&b, cases[i].s);
	}
}

static void
test_text_and_json(void **state)
{
	struct buf b;

	buf_init(&b);
	show_text(&b, "a\x1b[31m\nb\xe2\x80\xae");
	expect_buf(&b, "a?[31m b?");
	buf_init(&b);
	show_json(&b, "say \"hi\"\n\x1b");
	expect_buf(&b, "\"say \\\"hi\\\"\\n\\u001B\"");
}

static void
test_outcome(void **state)
{
	struct buf b;

	buf_init(&b);
	show_outcome(&b, &before);
	expect_buf(&b, "Use AI with review (rev?wed)");
	buf_init(&b);
	show_json_outcome(&b, &before);
	expect_buf(&b, "{\"verdict\": \"use-with-review\", \"outcome\": "
	    "\"rev\\u001Bwed\"}");
	buf_init(&b);
	show_changed(&b, &before, &after);
	expect_buf(&b, ": summary, why changed");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_text_and_json),
		cmocka_unit_test(test_outcome),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
