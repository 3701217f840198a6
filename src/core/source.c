/*
 * source.c: a policy file's bytes, read once, and positions in them: the
 * index of line starts (built on first use), a line's text, and a byte
 * offset as a line and a column.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"
#include "util.h"

/* The first read of a file whose size is not known (a pipe). */
#define SOURCE_FIRST_READ 65536
/* Room for this many line starts before the index first grows. */
#define SOURCE_LINES_FIRST 1024

static size_t line_break_len(const char *s, size_t i, size_t n);
static struct source_lines *index_lines(const char *src, size_t len,
    size_t bom);
static int read_all(int fd, size_t hint, size_t max, char **out,
    size_t *out_len);
static void source_set(struct source *s, char *text, size_t len);

/* Line breaks as libyaml counts them: LF, CR LF, CR, NEL, LS, PS. Returns
 * the length of the break at byte I of S (N bytes), 0 when there is none. */
static size_t
line_break_len(const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[i] == '\n')
		return 1;
	if (u[i] == '\r')
		return i + 1 < n && u[i + 1] == '\n' ? 2 : 1;
	if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0x85)
		return 2;
	if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
	    (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
		return 3;
	return 0;
}

/* The start of every line of SRC (LEN bytes, the first line after BOM
 * bytes); the caller owns the result; NULL when out of memory. */
static struct source_lines *
index_lines(const char *src, size_t len, size_t bom)
{
	struct source_lines *x = malloc(sizeof *x);
	size_t cap = SOURCE_LINES_FIRST, i, k;

	if (x == NULL || (x->start = malloc(cap * sizeof *x->start)) == NULL) {
		free(x);
		return NULL;
	}
	x->n = 0;
	x->start[x->n++] = (uint32_t)bom;
	for (i = bom; i < len; i++) {
		const unsigned char c = (unsigned char)src[i];
		if (c != '\n' && c != '\r' && c != 0xC2 && c != 0xE2)
			continue;
		if ((k = line_break_len(src, i, len)) == 0)
			continue;
		i += k - 1;
		if (x->n == cap && vec_grow(&x->start, &cap, x->n + 1,
		    sizeof *x->start) != 0) {
			free(x->start);
			free(x);
			return NULL;
		}
		x->start[x->n++] = (uint32_t)(i + 1);
	}
	return x;
}

const struct source_lines *
source_lines_get(struct source *s)
{
	struct source_lines *x = atomic_load(&s->lines), *expected = NULL;

	if (x != NULL)
		return x;
	x = index_lines(s->text, s->len, s->bom);
	if (x == NULL)
		return NULL;
	/* Another thread may have built it first: keep theirs. */
	if (!atomic_compare_exchange_strong(&s->lines, &expected, x)) {
		free(x->start);
		free(x);
		return expected;
	}
	return x;
}

const char *
source_line(const char *src, size_t len, const uint32_t *lines, size_t nlines,
    uint32_t line, size_t *out_len)
{
	size_t start, end;

	if (line == 0 || line > nlines)
		return NULL;
	start = lines[line - 1];
	end = line < nlines ? lines[line] : len;
	while (end > start && line_break_len(src, end - 1, len) != 0)
		end--;
	/* CR LF and multi-byte breaks: strip what remains of the break. */
	while (end > start && (src[end - 1] == '\r' || src[end - 1] == '\n'))
		end--;
	if (end > start + 1 && (unsigned char)src[end - 2] == 0xC2 &&
	    (unsigned char)src[end - 1] == 0x85)
		end -= 2;
	*out_len = end - start;
	return src + start;
}

const char *
source_line_text(struct source *s, uint32_t line, size_t *out_len)
{
	const struct source_lines *x = source_lines_get(s);

	if (x == NULL)
		return NULL;
	return source_line(s->text, s->len, x->start, x->n, line, out_len);
}

bool
source_position(struct source *s, size_t offset, uint32_t *line,
    uint32_t *column)
{
	const struct source_lines *x = source_lines_get(s);
	size_t lo = 0, hi, mid, start;

	if (x == NULL)
		return false;
	if (offset > s->len)
		offset = s->len;
	if (offset < s->bom)
		offset = s->bom;
	hi = x->n;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (x->start[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	start = x->start[lo];
	*line = (uint32_t)lo + 1;
	*column = (uint32_t)utf8_count(s->text + start, offset - start) + 1;
	return true;
}

/* S takes TEXT (LEN bytes and a NUL, malloc'd). */
static void
source_set(struct source *s, char *text, size_t len)
{
	s->text = text;
	s->len = len;
	s->bom = len >= SOURCE_BOM_LEN &&
	    memcmp(text, "\xEF\xBB\xBF", SOURCE_BOM_LEN) == 0 ?
	    SOURCE_BOM_LEN : 0;
	atomic_init(&s->lines, NULL);
}

/*
 * Read FD to its end, at most MAX + 1 bytes, into one buffer of HINT + 1
 * bytes when HINT (the size fstat gave) is right. The caller owns *OUT
 * (NUL-terminated). 0, or -1 with errno set (ENOMEM when out of memory).
 */
static int
read_all(int fd, size_t hint, size_t max, char **out, size_t *out_len)
{
	/* Room for the bytes, one more (to see the end without growing) and
	 * the NUL. */
	size_t cap = (hint > 0 ? hint : SOURCE_FIRST_READ) + 2, len = 0;
	char *buf;
	ssize_t r;

	if (cap > max + 2)
		cap = max + 2;
	if ((buf = malloc(cap)) == NULL)
		return errno = ENOMEM, -1;
	for (;;) {
		if (len + 1 == cap) {
			if (len > max)
				break;
			if (vec_grow(&buf, &cap, cap + 1, 1) != 0) {
				free(buf);
				return errno = ENOMEM, -1;
			}
			if (cap > max + 2)
				cap = max + 2;
		}
		r = read(fd, buf + len, cap - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int saved = errno;
			free(buf);
			return errno = saved, -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	return 0;
}

enum source_status
source_read(struct source *s, const char *path, size_t max)
{
	struct stat st;
	char *text;
	size_t len, hint = 0;
	int fd, saved;

	memset(s, 0, sizeof *s);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return SOURCE_CANNOT_OPEN;
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			errno = EISDIR;
			return SOURCE_CANNOT_OPEN;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			hint = (size_t)st.st_size;
	}
	if (read_all(fd, hint, max, &text, &len) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return saved == ENOMEM ? SOURCE_NOMEM : SOURCE_CANNOT_OPEN;
	}
	close(fd);
	source_set(s, text, len);
	return SOURCE_OK;
}

int
source_copy(struct source *s, const char *buf, size_t len)
{
	char *text = malloc(len + 1);

	memset(s, 0, sizeof *s);
	if (text == NULL)
		return -1;
	memcpy(text, buf, len);
	text[len] = '\0';
	source_set(s, text, len);
	return 0;
}

void
source_release(struct source *s)
{
	struct source_lines *x = atomic_load(&s->lines);

	if (x != NULL) {
		free(x->start);
		free(x);
	}
	free(s->text);
	memset(s, 0, sizeof *s);
}

bool
source_vdiag(struct source *s, struct aipolicy_diags *d,
    enum aipolicy_severity sev, uint32_t line, uint32_t column, const char *fmt,
    va_list ap)
{
	const char *text = NULL;
	size_t n = 0;
	bool ok = true;

	if (line > 0) {
		ok = source_lines_get(s) != NULL;
		if (ok)
			text = source_line_text(s, line, &n);
	}
	aipolicy_diags_vadd(d, sev, line, column, text, n, fmt, ap);
	return ok;
}
