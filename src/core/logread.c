/*
 * logread.c: a decision log read as a stream (logread.h): chunks of the
 * file cut into lines, without copying a line that lies within one chunk,
 * each line parsed by the record reader of logrec.h.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/logread.h"

/* Bytes read from the stream at a time. */
#define CHUNK_SIZE (64 * 1024)
/* Room for the reason a line is too long. */
#define WHY_SIZE 80

struct logread {
	struct logrec_reader *rd;
	size_t line_max;
	char *chunk;           /* CHUNK_SIZE bytes; [pos, end) not yet cut */
	size_t pos, end;
	char *line;            /* a line that spans chunks */
	size_t len, cap;
};

/* What next_line found. */
enum next {
	NEXT_LINE,
	NEXT_END,
	NEXT_ERROR,            /* errno is set */
	NEXT_NOMEM,
};

/* One line as next_line hands it over. */
struct line {
	const char *s;         /* not NUL-terminated, without its newline */
	size_t n;
	bool complete;         /* it ended in a newline */
	bool too_long;         /* longer than line_max: s and n are unset */
};

static bool is_blank(const char *s, size_t n);
static int line_append(struct logread *lr, const char *s, size_t n);
static enum next next_line(struct logread *lr, FILE *f, struct line *l);
static enum next fill(struct logread *lr, FILE *f);

struct logread *
logread_new(void)
{
	struct logread *lr = calloc(1, sizeof *lr);

	if (lr == NULL)
		return NULL;
	lr->line_max = LOGREAD_LINE_MAX;
	lr->rd = logrec_reader_new();
	lr->chunk = malloc(CHUNK_SIZE);
	if (lr->rd == NULL || lr->chunk == NULL) {
		logread_free(lr);
		return NULL;
	}
	return lr;
}

void
logread_free(struct logread *lr)
{
	if (lr == NULL)
		return;
	logrec_reader_free(lr->rd);
	free(lr->chunk);
	free(lr->line);
	free(lr);
}

void
logread_set_line_max(struct logread *lr, size_t max)
{
	lr->line_max = max;
}

/* Only spaces and tabs (or nothing). */
static bool
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return true;
}

/* Add N bytes at S to the line being put together. 0, or -1 when out of
 * memory. The caller keeps the line within line_max. */
static int
line_append(struct logread *lr, const char *s, size_t n)
{
	size_t cap;
	char *grown;

	if (lr->len + n > lr->cap) {
		cap = lr->cap ? lr->cap : CHUNK_SIZE;
		while (cap < lr->len + n)
			cap = cap > SIZE_MAX / 2 ? lr->len + n : cap * 2;
		grown = realloc(lr->line, cap);
		if (grown == NULL)
			return -1;
		lr->line = grown;
		lr->cap = cap;
	}
	memcpy(lr->line + lr->len, s, n);
	lr->len += n;
	return 0;
}

/* Read the next chunk when the last one is used up: NEXT_LINE when there
 * are bytes to cut, NEXT_END at the end of the stream, NEXT_ERROR. */
static enum next
fill(struct logread *lr, FILE *f)
{
	size_t got;

	if (lr->pos < lr->end)
		return NEXT_LINE;
	got = fread(lr->chunk, 1, CHUNK_SIZE, f);
	if (got == 0)
		return ferror(f) ? NEXT_ERROR : NEXT_END;
	lr->pos = 0;
	lr->end = got;
	return NEXT_LINE;
}

/*
 * The next line of F into *L: straight from the chunk when it lies within
 * it, otherwise put together in lr->line (up to line_max bytes: the rest
 * of a longer line is read and dropped). *L is valid until the next call.
 */
static enum next
next_line(struct logread *lr, FILE *f, struct line *l)
{
	const char *at, *nl;
	size_t take;
	bool started = false;
	enum next st;

	lr->len = 0;
	l->too_long = false;
	for (;;) {
		st = fill(lr, f);
		if (st == NEXT_ERROR || (st == NEXT_END && !started))
			return st;
		if (st == NEXT_END) {
			l->s = lr->line;
			l->n = lr->len;
			l->complete = false;
			return NEXT_LINE;
		}
		started = true;
		at = lr->chunk + lr->pos;
		nl = memchr(at, '\n', lr->end - lr->pos);
		take = nl != NULL ? (size_t)(nl - at) : lr->end - lr->pos;
		lr->pos += take + (nl != NULL);
		if (!l->too_long && take > lr->line_max - lr->len) {
			l->too_long = true;
		} else if (nl != NULL && lr->len == 0 && !l->too_long) {
			l->s = at;
			l->n = take;
			l->complete = true;
			return NEXT_LINE;
		} else if (!l->too_long && line_append(lr, at, take) != 0) {
			return NEXT_NOMEM;
		}
		if (nl != NULL) {
			l->s = lr->line;
			l->n = lr->len;
			l->complete = true;
			return NEXT_LINE;
		}
	}
}

enum logread_status
logread_stream(struct logread *lr, FILE *f, const struct logread_sink *sink)
{
	struct logrec rec;
	struct line l;
	enum logrec_status st;
	enum next got;
	size_t lineno = 0;
	char why[WHY_SIZE];

	lr->pos = lr->end = 0;
	while ((got = next_line(lr, f, &l)) == NEXT_LINE) {
		lineno++;
		if (l.too_long) {
			snprintf(why, sizeof why, "the line is longer than %zu "
			    "bytes", lr->line_max);
			sink->skipped(sink->ctx, lineno, why);
			continue;
		}
		if (l.n > 0 && l.s[l.n - 1] == '\r')
			l.n--;
		if (is_blank(l.s, l.n))
			continue;
		if (!l.complete) {
			sink->skipped(sink->ctx, lineno, "the last line is cut "
			    "short (no newline at its end)");
			continue;
		}
		st = logrec_parse(lr->rd, l.s, l.n, &rec);
		if (st == LOGREC_INVALID)
			sink->skipped(sink->ctx, lineno, logrec_error(lr->rd));
		else if (st == LOGREC_NOMEM ||
		    sink->record(sink->ctx, &rec, lineno) != 0)
			return LOGREAD_NOMEM;
	}
	if (got == NEXT_ERROR)
		return LOGREAD_ERROR;
	return got == NEXT_NOMEM ? LOGREAD_NOMEM : LOGREAD_OK;
}
