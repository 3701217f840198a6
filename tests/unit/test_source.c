/*
 * test_source.c: a file's bytes and positions in them: reading a file once,
 * the line index built on first use, lines without their breaks, byte
 * offsets as line and column.
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

#include "source.h"

static void
test_lines_built_on_first_use(void **state)
{
	struct source s;
	const struct source_lines *x;

	(void)state;
	assert_int_equal(source_copy(&s, "a\nbc\r\nd\re", 9), 0);
	assert_null(s.lines);
	x = source_lines_get(&s);
	assert_non_null(x);
	assert_ptr_equal(source_lines_get(&s), x);
	assert_int_equal(x->n, 4);
	assert_int_equal(x->start[1], 2);
	assert_int_equal(x->start[2], 6);
	assert_int_equal(x->start[3], 8);
	source_release(&s);
}

static void
test_line_text_without_break(void **state)
{
	/* LF, CR LF, NEL, LS: every break libyaml counts. */
	const char text[] =
	    "one\ntwo\r\nthree\xC2\x85" "four\xE2\x80\xA8" "five";
	struct source s;
	const char *l;
	size_t n;

	(void)state;
	assert_int_equal(source_copy(&s, text, sizeof text - 1), 0);
	l = source_line_text(&s, 2, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(l, "two", 3);
	l = source_line_text(&s, 3, &n);
	assert_int_equal(n, 5);
	assert_memory_equal(l, "three", 5);
	l = source_line_text(&s, 5, &n);
	assert_int_equal(n, 4);
	assert_memory_equal(l, "five", 4);
	assert_null(source_line_text(&s, 6, &n));
	assert_null(source_line_text(&s, 0, &n));
	source_release(&s);
}

static void
test_position_counts_code_points_after_bom(void **state)
{
	const char text[] = "\xEF\xBB\xBF" "ab\n\xC3\xA9t\xC3\xA9: x";
	struct source s;
	uint32_t line, column;

	(void)state;
	assert_int_equal(source_copy(&s, text, sizeof text - 1), 0);
	assert_int_equal(s.bom, SOURCE_BOM_LEN);
	assert_true(source_position(&s, 0, &line, &column));
	assert_int_equal(line, 1);
	assert_int_equal(column, 1);
	/* "été" is 5 bytes, 3 code points: ':' is at column 4. */
	assert_true(source_position(&s, 3 + 3 + 5, &line, &column));
	assert_int_equal(line, 2);
	assert_int_equal(column, 4);
	source_release(&s);
}

static void
test_read_file_once_and_limit(void **state)
{
	char path[] = "/tmp/aipolicy-source-XXXXXX";
	struct source s;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	assert_int_equal(source_read(&s, path, 100), SOURCE_OK);
	assert_int_equal(s.len, 10);
	assert_string_equal(s.text, "0123456789");
	source_release(&s);
	/* At most MAX + 1 bytes: enough to know the file is too long. */
	assert_int_equal(source_read(&s, path, 4), SOURCE_OK);
	assert_int_equal(s.len, 5);
	source_release(&s);
	unlink(path);
	assert_int_equal(source_read(&s, path, 100), SOURCE_CANNOT_OPEN);
	assert_int_equal(source_read(&s, "/", 100), SOURCE_CANNOT_OPEN);
}

static void
test_read_pipe_of_unknown_size(void **state)
{
	struct source s;

	(void)state;
	/* /dev/zero has no size: the buffer grows up to the limit. */
	assert_int_equal(source_read(&s, "/dev/zero", 200000), SOURCE_OK);
	assert_int_equal(s.len, 200001);
	source_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_built_on_first_use),
		cmocka_unit_test(test_line_text_without_break),
		cmocka_unit_test(test_position_counts_code_points_after_bom),
		cmocka_unit_test(test_read_file_once_and_limit),
		cmocka_unit_test(test_read_pipe_of_unknown_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
