/*
 * serve-fault.c: write() and fsync() that fail on demand, for the tests of
 * the decision log's failures (test-serve-log.sh). Linked into
 * aipolicy-serve-fault, a test build of aipolicy-serve whose own calls to
 * write and fsync are routed here (-Wl,--wrap=write,--wrap=fsync); the
 * libraries' calls are not. While the file named by $AIPOLICY_FAULT holds
 * "write" or "fsync", that call fails on regular files (ENOSPC, EIO).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FAULT_WORD_MAX 16

ssize_t __real_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __wrap_fsync(int fd);

static bool failing(const char *call, int fd);

/* CALL is to fail on FD now. */
static bool
failing(const char *call, int fd)
{
	const char *path = getenv("AIPOLICY_FAULT");
	char word[FAULT_WORD_MAX];
	struct stat st;
	ssize_t n;
	int f;

	if (path == NULL || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	f = open(path, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return false;
	n = read(f, word, sizeof word - 1);
	close(f);
	word[n > 0 ? n : 0] = '\0';
	return strncmp(word, call, strlen(call)) == 0;
}

ssize_t
__wrap_write(int fd, const void *buf, size_t n)
{
	if (failing("write", fd)) {
		errno = ENOSPC;
		return -1;
	}
	return __real_write(fd, buf, n);
}

int
__wrap_fsync(int fd)
{
	if (failing("fsync", fd)) {
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}
