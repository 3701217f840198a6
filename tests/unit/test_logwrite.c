/*
 * test_logwrite.c: decision log records (logwrite_record) are byte for
 * byte what jansson makes of the same object, for text that needs
 * escaping; UUIDs are version 4; appending writes whole records after a
 * newline for a torn last line, retries short writes, and reports a
 * failing write or fsync. Failures are injected by defining write and
 * fsync in this program, which takes them before the C library's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <jansson.h>

#include "core/logwrite.h"
#include "aipolicy/walk.h"
#include "testutil.h"

/* What the next calls do: fail with this errno (0: work); write at most
 * write_max bytes at a time (0: no limit); fail the write after
 * write_fail_after bytes went out (0: never). */
static int write_errno, fsync_errno;
static size_t write_max, write_fail_after, written;

ssize_t
write(int fd, const void *buf, size_t n)
{
	ssize_t r;

	if (write_errno != 0 || (write_fail_after != 0 &&
	    written >= write_fail_after)) {
		errno = write_errno != 0 ? write_errno : ENOSPC;
		return -1;
	}
	if (write_max != 0 && n > write_max)
		n = write_max;
	if (write_fail_after != 0 && n > write_fail_after - written)
		n = write_fail_after - written;
	r = syscall(SYS_write, fd, buf, n);
	if (r > 0)
		written += (size_t)r;
	return r;
}

int
fsync(int fd)
{
	if (fsync_errno != 0) {
		errno = fsync_errno;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

static const char policy_yaml[] =
	"aipolicy: 1\n"
	"id: acme-ai-use\n"
	"title: T\n"
	"version: 2026-Q4 \"rev\" \\ 2 \xC3\xA9\n"
	"owner: O\n"
	"effective: 2026-10-01\n"
	"review_by: 2026-12-31\n"
	"start: data\n"
	"questions:\n"
	"  data:\n"
	"    ask: Data?\n"
	"    answers:\n"
	"      yes: tool\n"
	"      'no \"quoted\" / \\ \xE6\x97\xA5': review\n"
	"  tool:\n"
	"    ask: Tool?\n"
	"    answers:\n"
	"      yes: review\n"
	"      No: { verdict: do-not-use, summary: Stop. }\n"
	"outcomes:\n"
	"  review:\n"
	"    verdict: use-with-review\n"
	"    summary: Review.\n"
	"    reviewer: R\n"
	"    review_minutes: 20\n";

struct fixture {
	struct aipolicy *p;
	struct logwrite_enc *e;
	char dir[64];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	*state = f;
	if (f == NULL)
		return -1;
	f->p = test_load(policy_yaml, sizeof policy_yaml - 1);
	if (f->p == NULL)
		return -1;
	f->e = logwrite_enc_new(f->p);
	strcpy(f->dir, "/tmp/test_logwrite.XXXXXX");
	return f->e != NULL && mkdtemp(f->dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	if (f != NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
		if (system(cmd) != 0)
			print_error("cannot remove %s\n", f->dir);
		logwrite_enc_free(f->e);
		aipolicy_free(f->p);
		free(f);
	}
	write_errno = fsync_errno = 0;
	write_max = write_fail_after = written = 0;
	return 0;
}

/* The record as decision logs have always been made: jansson's json_pack
 * and json_dumps, with the time and id of the record RECORD. */
static char *
jansson_record(const struct aipolicy *p, const char *record,
    const struct aipolicy_step *path, size_t npath, const uint32_t *unsure,
    size_t nunsure, const struct aipolicy_outcome *o)
{
	json_t *got = json_loads(record, 0, NULL), *rec, *jpath, *junsure;
	char *line;
	size_t i;

	assert_non_null(got);
	jpath = json_array();
	junsure = json_array();
	for (i = 0; i < npath; i++) {
		const struct aipolicy_question *q =
		    &p->questions[path[i].question];
		json_array_append_new(jpath, json_pack("{s:s, s:s}",
		    "question", q->id, "answer",
		    q->answers[path[i].answer].key));
	}
	for (i = 0; i < nunsure; i++)
		json_array_append_new(junsure,
		    json_string(p->questions[unsure[i]].id));
	rec = json_pack("{s:O, s:s, s:O, s:{s:s, s:s, s:s}, s:o, s:o, s:s, "
	    "s:s, s:o}", "time", json_object_get(got, "time"), "via", "serve",
	    "decision_id", json_object_get(got, "decision_id"),
	    "policy", "id", p->id, "version", p->version, "sha256", p->sha256,
	    "path", jpath, "unsure", junsure,
	    "verdict", aipolicy_verdict_id(o->verdict), "outcome", o->id,
	    "review_minutes", o->review_minutes ?
	    json_integer(o->review_minutes) : json_null());
	assert_non_null(rec);
	line = json_dumps(rec, 0);
	json_decref(rec);
	json_decref(got);
	return line;
}

static void
check_record(struct fixture *f, const struct aipolicy_step *path, size_t npath,
    const uint32_t *unsure, size_t nunsure, const struct aipolicy_outcome *o)
{
	char *out = NULL, *want;
	size_t len = 0, cap = 0;

	assert_int_equal(logwrite_record(f->e, "serve", 1795881785, path,
	    npath, unsure, nunsure, o, &out, &len, &cap), 0);
	assert_int_equal(strlen(out), len);
	assert_int_equal(out[len - 1], '\n');
	assert_non_null(strstr(out, "{\"time\": \"2026-11-28T"));
	want = jansson_record(f->p, out, path, npath, unsure, nunsure, o);
	assert_int_equal(strlen(want), len - 1);
	assert_memory_equal(out, want, len - 1);
	free(want);
	free(out);
}

static void
test_record_as_jansson(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_step both[] = { { 0, 0 }, { 1, 1 } };
	struct aipolicy_step quoted[] = { { 0, 1 } };
	uint32_t unsure[] = { 0, 1 };
	int64_t review = aipolicy_find_outcome(f->p, "review", 6);
	int64_t stop = aipolicy_find_outcome(f->p, "tool.no", 7);

	assert_true(review >= 0 && stop >= 0);
	check_record(f, quoted, 1, NULL, 0, &f->p->outcomes[review]);
	check_record(f, both, 2, unsure, 2, &f->p->outcomes[stop]);
	check_record(f, NULL, 0, NULL, 0, &f->p->outcomes[stop]);
}

static void
test_records_append(void **state)
{
	struct fixture *f = *state;
	struct aipolicy_step path[] = { { 0, 1 } };
	char *out = NULL, *nl;
	size_t len = 0, cap = 0;
	int64_t review = aipolicy_find_outcome(f->p, "review", 6);

	assert_int_equal(logwrite_record(f->e, "check", 0, path, 1, NULL, 0,
	    &f->p->outcomes[review], &out, &len, &cap), 0);
	assert_int_equal(logwrite_record(f->e, "check", 0, path, 1, NULL, 0,
	    &f->p->outcomes[review], &out, &len, &cap), 0);
	nl = strchr(out, '\n');
	assert_non_null(nl);
	assert_int_equal(nl + 1 - out, len / 2);
	/* Two records, two ids. */
	assert_memory_not_equal(out, nl + 1, len / 2);
	free(out);
}

static void
test_uuid(void **state)
{
	char a[LOGWRITE_UUID_SIZE], b[LOGWRITE_UUID_SIZE];
	size_t i;

	(void)state;
	logwrite_uuid(a);
	logwrite_uuid(b);
	assert_int_equal(strlen(a), 36);
	assert_string_not_equal(a, b);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", a[i]));
	}
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
}

/* The whole content of PATH, NUL-terminated (caller frees). */
static char *
slurp(const char *path)
{
	char *buf = calloc(1, 4096);
	int fd = open(path, O_RDONLY);
	ssize_t n;

	assert_true(fd >= 0);
	n = read(fd, buf, 4095);
	assert_true(n >= 0);
	close(fd);
	return buf;
}

static void
test_append_torn_and_short(void **state)
{
	struct fixture *f = *state;
	struct logwrite_file lf;
	char path[128], *got;
	int fd;

	snprintf(path, sizeof path, "%s/log", f->dir);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_int_equal(syscall(SYS_write, fd, "{\"torn\": ", 9), 9);
	close(fd);
	assert_int_equal(logwrite_open(path, &lf), 0);
	assert_true(lf.torn);
	write_max = 3;
	assert_int_equal(logwrite_append(&lf, "{\"a\": 1}\n", 9), 0);
	assert_int_equal(logwrite_append(&lf, "{\"b\": 2}\n", 9), 0);
	assert_int_equal(logwrite_close(&lf), 0);
	got = slurp(path);
	assert_string_equal(got, "{\"torn\": \n{\"a\": 1}\n{\"b\": 2}\n");
	free(got);
	/* Opened again: not torn, nothing added. */
	assert_int_equal(logwrite_open(path, &lf), 0);
	assert_false(lf.torn);
	assert_int_equal(logwrite_close(&lf), 0);
}

static void
test_append_failures(void **state)
{
	struct fixture *f = *state;
	struct logwrite_file lf;
	char path[128], *got;

	snprintf(path, sizeof path, "%s/log", f->dir);
	assert_int_equal(logwrite_open(path, &lf), 0);
	write_errno = ENOSPC;
	assert_int_equal(logwrite_append(&lf, "{\"a\": 1}\n", 9), -1);
	assert_int_equal(errno, ENOSPC);
	assert_false(lf.torn);
	write_errno = 0;
	fsync_errno = EIO;
	assert_int_equal(logwrite_append(&lf, "{\"b\": 2}\n", 9), -1);
	assert_int_equal(errno, EIO);
	fsync_errno = 0;
	/* Cut in the middle of a record: the next starts on a new line. */
	written = 0;
	write_fail_after = 4;
	assert_int_equal(logwrite_append(&lf, "{\"c\": 3}\n", 9), -1);
	assert_true(lf.torn);
	write_fail_after = 0;
	assert_int_equal(logwrite_append(&lf, "{\"d\": 4}\n", 9), 0);
	assert_int_equal(logwrite_close(&lf), 0);
	got = slurp(path);
	assert_string_equal(got, "{\"b\": 2}\n{\"c\"\n{\"d\": 4}\n");
	free(got);
	assert_int_equal(logwrite_open("/nonexistent/dir/log", &lf), -1);
	assert_int_equal(errno, ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_record_as_jansson, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_records_append, setup,
		    teardown),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test_setup_teardown(test_append_torn_and_short,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_failures, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
