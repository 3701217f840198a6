/*
 * sbuf.h: a growable byte buffer for building responses. Its three fields
 * are the (data, len, cap) triple that the core's renderers append to, so
 * that `result_json_render(..., &b.data, &b.len, &b.cap)` extends it.
 */
#ifndef AIPOLICY_SERVE_SBUF_H
#define AIPOLICY_SERVE_SBUF_H

#include <stdbool.h>
#include <stddef.h>

struct sbuf {
	char *data;    /* malloc'd; NUL-terminated once anything was added */
	size_t len, cap;
	bool failed;   /* an allocation failed: the content is incomplete */
};

/* sbuf_init: empty, nothing allocated. */
void sbuf_init(struct sbuf *b);
/* sbuf_release: frees the data; B is empty afterwards. */
void sbuf_release(struct sbuf *b);
/* sbuf_reserve: room for N more bytes and a NUL; false when out of
 * memory (and B failed). */
bool sbuf_reserve(struct sbuf *b, size_t n);
void sbuf_add(struct sbuf *b, const void *p, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* sbuf_detach: the data, which the caller owns (NULL when nothing was
 * added or B failed, when it is freed); B is empty afterwards. */
char *sbuf_detach(struct sbuf *b, size_t *len);

#endif
