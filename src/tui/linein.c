/*
 * linein.c: the lines plain mode reads, with no signal lost.
 *
 * A signal handler only sets a flag; a loop that looks at the flag and
 * then blocks in read() never sees a signal that came between the two, and
 * waits for a line that may never come. So while plain mode reads, the
 * signals of ask_signals_install stay blocked, and are let through only
 * inside pselect(), which returns EINTR for them: a signal that came
 * earlier is pending, and is delivered there.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "tui.h"

static int fill(struct line_in *li);
static bool append(struct line_in *li, char **line, size_t *cap, size_t n,
    const char *s, size_t len);

void
line_in_open(struct line_in *li, int fd)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	sigset_t block;
	size_t i;

	memset(li, 0, sizeof *li);
	li->fd = fd;
	sigemptyset(&block);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&block, sigs[i]);
	sigprocmask(SIG_BLOCK, &block, &li->saved);
	li->waiting = li->saved;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigdelset(&li->waiting, sigs[i]);
}

void
line_in_close(struct line_in *li)
{
	sigprocmask(SIG_SETMASK, &li->saved, NULL);
}

/* fill: wait for more input, a signal or the end. 0 when the buffer has
 * more bytes or the input ended (eof); -1 when a signal came. */
static int
fill(struct line_in *li)
{
	fd_set in;
	ssize_t got;

	li->start = li->end = 0;
	for (;;) {
		if (ask_signal_code() != 0)
			return -1;
		FD_ZERO(&in);
		FD_SET(li->fd, &in);
		if (pselect(li->fd + 1, &in, NULL, NULL, NULL,
		    &li->waiting) < 0) {
			if (errno == EINTR)
				continue;
			li->eof = true;
			return 0;
		}
		got = read(li->fd, li->buf, sizeof li->buf);
		if (got > 0) {
			li->end = (size_t)got;
			return 0;
		}
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		li->eof = true; /* the end, or an error reading: no more */
		return 0;
	}
}

/* append: LEN bytes at S after the N of *LINE (*CAP allocated), and a NUL;
 * false when out of memory (LI->nomem). */
static bool
append(struct line_in *li, char **line, size_t *cap, size_t n, const char *s,
    size_t len)
{
	if (n + len + 1 > *cap) {
		size_t want = *cap ? *cap : LINE_IN_SIZE;
		char *p;

		while (want < n + len + 1)
			want *= 2;
		if ((p = realloc(*line, want)) == NULL) {
			li->nomem = true;
			return false;
		}
		*line = p;
		*cap = want;
	}
	memcpy(*line + n, s, len);
	(*line)[n + len] = '\0';
	return true;
}

ssize_t
line_in_read(struct line_in *li, char **line, size_t *cap)
{
	size_t n = 0;

	for (;;) {
		const char *s = li->buf + li->start;
		const char *nl = memchr(s, '\n', li->end - li->start);
		size_t take = nl != NULL ? (size_t)(nl - s) + 1 :
		    li->end - li->start;

		if (take > 0) {
			if (!append(li, line, cap, n, s, take))
				return -1;
			n += take;
			li->start += take;
			if (nl != NULL)
				return (ssize_t)n;
		}
		if (li->eof)
			return n > 0 ? (ssize_t)n : -1;
		if (fill(li) != 0)
			return -1;
	}
}
