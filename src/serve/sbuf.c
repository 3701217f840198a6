/*
 * sbuf.c: the growable buffer responses are built in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

#define SBUF_FIRST 256

void
sbuf_init(struct sbuf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void
sbuf_release(struct sbuf *b)
{
	free(b->data);
	sbuf_init(b);
}

bool
sbuf_reserve(struct sbuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : SBUF_FIRST;
	char *nd;

	if (b->failed)
		return false;
	if (n < b->cap && b->cap - n > b->len)
		return true;
	while (cap - b->len <= n) {
		if (cap > (size_t)-1 / 2) {
			b->failed = true;
			return false;
		}
		cap *= 2;
	}
	nd = realloc(b->data, cap);
	if (nd == NULL) {
		b->failed = true;
		return false;
	}
	b->data = nd;
	b->cap = cap;
	return true;
}

void
sbuf_add(struct sbuf *b, const void *p, size_t n)
{
	if (!sbuf_reserve(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_addc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !sbuf_reserve(b, (size_t)n)) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
sbuf_detach(struct sbuf *b, size_t *len)
{
	char *d = b->data;

	if (b->failed) {
		sbuf_release(b);
		return NULL;
	}
	if (len != NULL)
		*len = b->len;
	sbuf_init(b);
	return d;
}
