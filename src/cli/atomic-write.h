/*
 * atomic-write.h: replacing a file whole, so that readers see the old
 * content or the new, never a part (render -o FILE).
 */
#ifndef AIPOLICY_ATOMIC_WRITE_H
#define AIPOLICY_ATOMIC_WRITE_H

#include <stddef.h>

/* atomic_write's answer when PATH is there but is not a regular file. */
#define ATOMIC_NOT_REGULAR (-2)
/* atomic_write's answer when out of memory (nothing is written). */
#define ATOMIC_NOMEM (-3)

/*
 * atomic_write: replace PATH with the LEN bytes at DATA: write them to a
 * new temporary file in the same folder, fsync it, rename it over PATH,
 * then fsync the folder (best effort). A new file gets mode 0666 less the
 * umask; a replaced one keeps its mode. Returns 0; ATOMIC_NOT_REGULAR when
 * PATH is a folder, a device, a symbolic link or anything but a regular
 * file (nothing is written: a link is not replaced by a file, nor a device
 * by a file beside it); ATOMIC_NOMEM when out of memory; or -1 with errno
 * set by the call that failed. On
 * failure PATH is as it was and no temporary file is left.
 */
int atomic_write(const char *path, const void *data, size_t len);

#endif
