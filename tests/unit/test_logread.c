/*
 * test_logread.c: a decision log read as a stream (logread.h): records and
 * skipped lines handed over in order with their line numbers; blank
 * lines, CR LF, a torn last line, a line longer than the limit, lines
 * that span the chunks the stream is read in; a read error; running out
 * of memory in the caller.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/logread.h"

/* Room for what a test remembers. */
#define SEEN_SIZE 4096
#define BIG_PAD (200 * 1024)

static const char record[] = "{\"time\": \"2026-11-28T14:03:05Z\", \"via\": "
    "\"check\", \"decision_id\": \"0f8e9a52-8c1b-4f0e-9d55-2f6c1f7a9b31\", "
    "\"policy\": {\"id\": \"t\", \"version\": \"v1\", \"sha256\": "
    "\"5e8d92d7455c4fe89891582b1d9a86bb1e068efbfbd5cf7e2f1f00a85f05add3\"}, "
    "\"path\": [{\"question\": \"data\", \"answer\": \"no\"}], \"unsure\": [],"
    " \"verdict\": \"use-freely\", \"outcome\": \"free\", \"review_minutes\": "
    "null%s}";

/* What the sink saw: "R3 " for a record at line 3, "S4:why " for a line
 * skipped. */
struct seen {
	char text[SEEN_SIZE];
	int fail_at;             /* fail the record of this line (-1) */
};

static int
on_record(void *ctx, const struct logrec *rec, size_t lineno)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	assert_string_equal(rec->outcome, "free");
	if ((int)lineno == s->fail_at)
		return -1;
	snprintf(s->text + n, sizeof s->text - n, "R%zu ", lineno);
	return 0;
}

static void
on_skipped(void *ctx, size_t lineno, const char *why)
{
	struct seen *s = ctx;
	size_t n = strlen(s->text);

	snprintf(s->text + n, sizeof s->text - n, "S%zu:%s ", lineno, why);
}

/* Read the LEN bytes at BUF with a line limit MAX (0: the default). */
static enum logread_status
read_buf(const char *buf, size_t len, size_t max, struct seen *s)
{
	struct logread_sink sink = { on_record, on_skipped, s };
	struct logread *lr = logread_new();
	enum logread_status st;
	FILE *f = fmemopen((void *)buf, len, "r");

	assert_non_null(lr);
	assert_non_null(f);
	if (max > 0)
		logread_set_line_max(lr, max);
	st = logread_stream(lr, f, &sink);
	fclose(f);
	logread_free(lr);
	return st;
}

/* One record line with PAD extra bytes in an extra key (none when 0). */
static char *
line(size_t pad)
{
	char *extra = malloc(pad + 32), *out;
	size_t n;

	assert_non_null(extra);
	extra[0] = '\0';
	if (pad > 0) {
		strcpy(extra, ", \"x\": \"");
		n = strlen(extra);
		memset(extra + n, 'a', pad);
		strcpy(extra + n + pad, "\"");
	}
	n = sizeof record + strlen(extra) + 2;
	out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, record, extra);
	free(extra);
	return out;
}

static void
test_lines(void **state)
{
	struct seen s = { "", -1 };
	char *r = line(0), buf[SEEN_SIZE];

	(void)state;
	snprintf(buf, sizeof buf, "%s\n\n  \t\n%s\r\nnot json\n%s", r, r, r);
	assert_int_equal(read_buf(buf, strlen(buf), 0, &s), LOGREAD_OK);
	assert_string_equal(s.text, "R1 R4 S5:not valid JSON: unexpected 'n' "
	    "(column 1) S6:the last line is cut short (no newline at its "
	    "end) ");
	free(r);
}

/* A torn last line of blanks is just a blank line; an empty stream has
 * nothing. */
static void
test_empty(void **state)
{
	struct seen s = { "", -1 };

	(void)state;
	assert_int_equal(read_buf("\n  ", 3, 0, &s), LOGREAD_OK);
	assert_string_equal(s.text, "");
	assert_int_equal(read_buf("", 0, 0, &s), LOGREAD_OK);
	assert_string_equal(s.text, "");
}

/* Lines much longer than a chunk are put together whole; a line longer
 * than the limit is skipped and the next one read. */
static void
test_long_lines(void **state)
{
	struct seen s = { "", -1 };
	char *big = line(BIG_PAD), *r = line(0), *buf;
	size_t n = strlen(big) * 2 + strlen(r) + 4;

	(void)state;
	buf = malloc(n);
	assert_non_null(buf);
	snprintf(buf, n, "%s\n%s\n%s\n", big, r, big);
	assert_int_equal(read_buf(buf, strlen(buf), 0, &s), LOGREAD_OK);
	assert_string_equal(s.text, "R1 R2 R3 ");
	s.text[0] = '\0';
	assert_int_equal(read_buf(buf, strlen(buf), strlen(big) - 1, &s),
	    LOGREAD_OK);
	snprintf(buf, n, "S1:the line is longer than %zu bytes R2 S3:the line "
	    "is longer than %zu bytes ", strlen(big) - 1, strlen(big) - 1);
	assert_string_equal(s.text, buf);
	free(buf);
	free(big);
	free(r);
}

/* A line of exactly the limit is read. */
static void
test_limit_exact(void **state)
{
	struct seen s = { "", -1 };
	char *r = line(0), buf[SEEN_SIZE];

	(void)state;
	snprintf(buf, sizeof buf, "%s\n%s\n", r, r);
	assert_int_equal(read_buf(buf, strlen(buf), strlen(r), &s),
	    LOGREAD_OK);
	assert_string_equal(s.text, "R1 R2 ");
	free(r);
}

/* The sink running out of memory stops the reading. */
static void
test_sink_nomem(void **state)
{
	struct seen s = { "", 2 };
	char *r = line(0), buf[SEEN_SIZE];

	(void)state;
	snprintf(buf, sizeof buf, "%s\n%s\n%s\n", r, r, r);
	assert_int_equal(read_buf(buf, strlen(buf), 0, &s), LOGREAD_NOMEM);
	assert_string_equal(s.text, "R1 ");
	free(r);
}

/* A stream that cannot be read: a folder. */
static void
test_read_error(void **state)
{
	struct seen s = { "", -1 };
	struct logread_sink sink = { on_record, on_skipped, &s };
	struct logread *lr = logread_new();
	FILE *f = fopen(SOURCE_DIR, "r");

	(void)state;
	assert_non_null(lr);
	assert_non_null(f);
	assert_int_equal(logread_stream(lr, f, &sink), LOGREAD_ERROR);
	fclose(f);
	logread_free(lr);
	logread_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_limit_exact),
		cmocka_unit_test(test_sink_nomem),
		cmocka_unit_test(test_read_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
