/*
 * test_atomic.c: atomic_write (src/cli/atomic-write.c, compiled in here):
 * a file replaced whole, its mode kept, and on every failure (a write, the
 * fsync, the rename; a path that is not a regular file) the old file intact
 * and no temporary file left. Failures are injected by defining write,
 * fsync and rename in this program, which takes them before the C
 * library's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* atomic-write.c's allocations, which fail while malloc_fails is set. */
static void *failing_malloc(size_t n);
static bool malloc_fails;
static void *
failing_malloc(size_t n)
{
	return malloc_fails ? NULL : malloc(n);
}
#define malloc failing_malloc
#include "../../src/cli/atomic-write.c"
#undef malloc

/* What the next calls do: fail with this errno (0: work); write at most
 * write_max bytes at a time (0: no limit). */
static int write_errno, fsync_errno, rename_errno;
static size_t write_max;

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (write_errno != 0) {
		errno = write_errno;
		return -1;
	}
	if (write_max != 0 && n > write_max)
		n = write_max;
	return syscall(SYS_write, fd, buf, n);
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

int
rename(const char *from, const char *to)
{
	if (rename_errno != 0) {
		errno = rename_errno;
		return -1;
	}
	return renameat(AT_FDCWD, from, AT_FDCWD, to);
}

struct fixture {
	char dir[64];
	char path[96];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	strcpy(f->dir, "/tmp/test_atomic.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/page.txt", f->dir);
	write_errno = fsync_errno = rename_errno = 0;
	write_max = 0;
	*state = f;
	return 0;
}

/* Remove every file of the folder, then the folder. */
static int
teardown(void **state)
{
	struct fixture *f = *state;
	char path[512];
	struct dirent *e;
	DIR *d = opendir(f->dir);

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (e->d_name[1] == '\0' ||
		    (e->d_name[1] == '.' && e->d_name[2] == '\0')))
			continue;
		snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
		if (unlink(path) != 0)
			rmdir(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Entries of the folder, "." and ".." left out. */
static size_t
entries(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
put(const char *path, const char *s, mode_t mode)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(s, fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void
assert_content(const char *path, const char *want)
{
	char got[256] = "";
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(got, 1, sizeof got - 1, fp);
	got[n] = '\0';
	fclose(fp);
	assert_string_equal(got, want);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static void
test_atomic_new_file(void **state)
{
	struct fixture *f = *state;
	mode_t old = umask(022);

	assert_int_equal(atomic_write(f->path, "new\n", 4), 0);
	umask(old);
	assert_content(f->path, "new\n");
	assert_int_equal(mode_of(f->path), 0644);
	assert_int_equal(entries(f->dir), 1);
}

static void
test_atomic_replace_keeps_mode(void **state)
{
	struct fixture *f = *state;

	put(f->path, "old\n", 0600);
	assert_int_equal(atomic_write(f->path, "replaced\n", 9), 0);
	assert_content(f->path, "replaced\n");
	assert_int_equal(mode_of(f->path), 0600);
	assert_int_equal(entries(f->dir), 1);
}

/* Short writes are carried on until everything is written. */
static void
test_atomic_short_writes(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "written three bytes at a time\n";

	write_max = 3;
	assert_int_equal(atomic_write(f->path, text, sizeof text - 1), 0);
	write_max = 0;
	assert_content(f->path, text);
}

/* Each failing step: -1, its errno, the old file as it was, no
 * temporary file. */
static void
test_atomic_failures_keep_old_file(void **state)
{
	struct fixture *f = *state;
	int *const knobs[] = { &write_errno, &fsync_errno, &rename_errno };
	const int codes[] = { ENOSPC, EIO, EXDEV };
	size_t i;

	put(f->path, "old\n", 0644);
	for (i = 0; i < sizeof codes / sizeof *codes; i++) {
		*knobs[i] = codes[i];
		errno = 0;
		assert_int_equal(atomic_write(f->path, "new\n", 4), -1);
		*knobs[i] = 0;
		assert_int_equal(errno, codes[i]);
		assert_content(f->path, "old\n");
		assert_int_equal(entries(f->dir), 1);
	}
}

/* Out of memory: ATOMIC_NOMEM, the old file as it was, nothing left. */
static void
test_atomic_nomem(void **state)
{
	struct fixture *f = *state;

	put(f->path, "old\n", 0644);
	malloc_fails = true;
	assert_int_equal(atomic_write(f->path, "new\n", 4), ATOMIC_NOMEM);
	malloc_fails = false;
	assert_content(f->path, "old\n");
	assert_int_equal(entries(f->dir), 1);
}

static void
test_atomic_not_regular(void **state)
{
	struct fixture *f = *state;
	char link[128];

	assert_int_equal(mkdir(f->path, 0755), 0);
	assert_int_equal(atomic_write(f->path, "x", 1), ATOMIC_NOT_REGULAR);
	assert_int_equal(entries(f->path), 0);
	snprintf(link, sizeof link, "%s/link", f->dir);
	assert_int_equal(symlink("page.txt", link), 0);
	assert_int_equal(atomic_write(link, "x", 1), ATOMIC_NOT_REGULAR);
	assert_int_equal(atomic_write("/dev/null", "x", 1), ATOMIC_NOT_REGULAR);
	assert_int_equal(entries(f->dir), 2);
}

static void
test_atomic_missing_folder(void **state)
{
	struct fixture *f = *state;
	char path[128];

	snprintf(path, sizeof path, "%s/nosuch/page.txt", f->dir);
	errno = 0;
	assert_int_equal(atomic_write(path, "x", 1), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(entries(f->dir), 0);
}

/* A name without a folder: the temporary file goes in the current one. */
static void
test_atomic_relative_name(void **state)
{
	struct fixture *f = *state;
	char cwd[512];

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(f->dir), 0);
	assert_int_equal(atomic_write("plain.txt", "plain\n", 6), 0);
	assert_int_equal(chdir(cwd), 0);
	snprintf(f->path, sizeof f->path, "%s/plain.txt", f->dir);
	assert_content(f->path, "plain\n");
	assert_int_equal(entries(f->dir), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_atomic_new_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_atomic_replace_keeps_mode,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_atomic_short_writes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_atomic_failures_keep_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_atomic_nomem, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_atomic_not_regular, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_atomic_missing_folder,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_atomic_relative_name,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
