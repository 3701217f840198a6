/*
 * atomic-write.c: replace a file whole: temporary file in the same folder,
 * write, fsync, rename, fsync the folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic-write.h"

/* The temporary file: ".NAME.XXXXXX" beside NAME. */
#define TMP_SUFFIX "XXXXXX"
/* Mode of a new file, before the umask. */
#define NEW_FILE_MODE 0666

static char *tmp_name(const char *path);
static int write_all(int fd, const char *data, size_t len);
static int new_mode(const char *path, mode_t *mode);
static void sync_folder(const char *tmp);

/* ".NAME.XXXXXX" in PATH's folder; malloc'd (caller owns it), or NULL. */
static char *
tmp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t len = strlen(path);
	char *s = malloc(len + sizeof "." TMP_SUFFIX + 1);

	if (s == NULL)
		return NULL;
	memcpy(s, path, dir);
	s[dir] = '.';
	memcpy(s + dir + 1, path + dir, len - dir);
	memcpy(s + len + 1, "." TMP_SUFFIX, sizeof "." TMP_SUFFIX);
	return s;
}

/* Write LEN bytes, retrying short writes and EINTR. 0 or -1 (errno). */
static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The mode the new file gets: the old file's, or NEW_FILE_MODE less the
 * umask. ATOMIC_NOT_REGULAR when PATH is there but is not a regular file;
 * -1 (errno) when it cannot be looked at. */
static int
new_mode(const char *path, mode_t *mode)
{
	struct stat st;
	mode_t mask;

	if (lstat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return ATOMIC_NOT_REGULAR;
		*mode = st.st_mode & 07777;
		return 0;
	}
	if (errno != ENOENT)
		return -1;
	mask = umask(0);
	umask(mask);
	*mode = NEW_FILE_MODE & ~mask;
	return 0;
}

/* fsync the folder holding TMP, so that the rename lasts; best effort. */
static void
sync_folder(const char *tmp)
{
	const char *slash = strrchr(tmp, '/');
	char *dir;
	int fd;

	if (slash == NULL)
		dir = strdup(".");
	else if (slash == tmp)
		dir = strdup("/");
	else
		dir = strndup(tmp, (size_t)(slash - tmp));
	if (dir == NULL)
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int
atomic_write(const char *path, const void *data, size_t len)
{
	char *tmp;
	mode_t mode;
	int fd, saved, rc;

	if ((rc = new_mode(path, &mode)) != 0)
		return rc;
	if ((tmp = tmp_name(path)) == NULL)
		return ATOMIC_NOMEM;
	fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		goto fail;
	}
	sync_folder(tmp);
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}
