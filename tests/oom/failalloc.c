/*
 * failalloc.c: fault injection for the allocation-failure tests
 * (tests/cli/test-oom.sh), curl- and SQLite-style. It is linked into a
 * second build of the program, aipolicy-oom, with -Wl,--wrap= for malloc,
 * calloc, realloc, strdup and strndup, so every allocation that the
 * program and the libraries linked into it make passes here, and the real
 * one (or AddressSanitizer's) does the work.
 *
 *   AIPOLICY_FAIL_ALLOC=K    the K-th allocation (1-based) fails: NULL with
 *                            errno ENOMEM; every other one succeeds
 *   AIPOLICY_COUNT_ALLOC=F   at exit, the number of allocations made is
 *                            written to the file F
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static unsigned long made;       /* allocations so far */
static unsigned long fail_at;    /* the one to fail; 0 for none */
static const char *count_file;

static void failalloc_report(void);
static int failalloc_fails(void);

__attribute__((constructor)) static void
failalloc_init(void)
{
	const char *k = getenv("AIPOLICY_FAIL_ALLOC");

	fail_at = k != NULL ? strtoul(k, NULL, 10) : 0;
	count_file = getenv("AIPOLICY_COUNT_ALLOC");
	if (count_file != NULL)
		atexit(failalloc_report);
}

/* At exit: the number of allocations, into AIPOLICY_COUNT_ALLOC. */
static void
failalloc_report(void)
{
	FILE *f = fopen(count_file, "w");

	if (f != NULL) {
		fprintf(f, "%lu\n", made);
		fclose(f);
	}
}

/* Count one allocation; true when it is the one to fail. */
static int
failalloc_fails(void)
{
	if (++made != fail_at)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
__wrap_malloc(size_t n)
{
	return failalloc_fails() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return failalloc_fails() ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return failalloc_fails() ? NULL : __real_realloc(p, n);
}

char *
__wrap_strdup(const char *s)
{
	return failalloc_fails() ? NULL : __real_strdup(s);
}

char *
__wrap_strndup(const char *s, size_t n)
{
	return failalloc_fails() ? NULL : __real_strndup(s, n);
}
