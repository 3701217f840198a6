/*
 * util.c: the arena, the byte buffer, the string index and UTF-8 helpers
 * that the rest of the engine is built on.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK 65536
/* Blocks double in size up to this. */
#define ARENA_BLOCK_MAX (16u << 20)
#define ALIGN 16
/* The first capacity vec_grow gives an empty array. */
#define VEC_FIRST 16
/* The first capacity of a growing buffer, in bytes. */
#define BUF_FIRST 256
/* The first size of a string index; it doubles when three quarters full
 * (linear probing stays short with a hash that mixes well). */
#define STRINDEX_FIRST 16
#define STRINDEX_FULL(count, cap) ((count) * 4 > (size_t)(cap) * 3)
/* The smallest page size there is: touching every this many bytes writes
 * to every page (on bigger pages, some pages more than once). */
#define PAGE_MIN 4096

static struct strindex_slot *strindex_find(const struct strindex *x,
    const char *key, size_t len, uint32_t h);
static int strindex_resize(struct strindex *x, size_t cap);
static void touch_pages(void *p, size_t n);

struct arena_block {
	struct arena_block *next;
	size_t size;
	_Alignas(ALIGN) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->block_size = ARENA_BLOCK;
	a->free = a->end = NULL;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->free = a->end = NULL;
}

/* A new block for N bytes (arena_bump found no room in the current one):
 * the current block from then on, unless N is a big one-off. */
void *
arena_take(struct arena *a, size_t n, size_t align)
{
	struct arena_block *b;
	size_t size;

	(void)align; /* a block's data is ALIGN-aligned */
	if (n > SIZE_MAX / 2)
		return NULL;
	size = n > a->block_size ? n : a->block_size;
	/* Grow blocks as the arena grows, to keep the chain short. */
	if (a->block_size < ARENA_BLOCK_MAX)
		a->block_size *= 2;
	b = malloc(sizeof *b + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	if (a->head != NULL && n > ARENA_BLOCK) {
		/* A big one-off: keep the current block for small ones. */
		b->next = a->head->next;
		a->head->next = b;
	} else {
		b->next = a->head;
		a->head = b;
		a->free = b->data + n;
		a->end = b->data + size;
	}
	return b->data;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void
buf_release(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

bool
buf_reserve(struct buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->failed)
		return false;
	if (b->cap - b->len > n)
		return true;
	cap = b->cap ? b->cap : BUF_FIRST;
	while (cap - b->len <= n) {
		if (cap > SIZE_MAX / 2) {
			b->failed = true;
			return false;
		}
		cap *= 2;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !buf_reserve(b, (size_t)n + 1)) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
buf_detach(struct buf *b)
{
	char *s;

	if (b->failed) {
		buf_release(b);
		return NULL;
	}
	s = b->data != NULL ? b->data : strdup("");
	buf_init(b);
	return s;
}

char *
buf_take(struct buf *b, size_t *len)
{
	char *d = b->data;

	if (b->failed) {
		buf_release(b);
		return NULL;
	}
	if (len != NULL)
		*len = b->len;
	buf_init(b);
	return d;
}

int
vec_grow_past(void *vp, size_t *cap, size_t need, size_t size)
{
	void *v, *nv;
	size_t n = *cap ? *cap : VEC_FIRST;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		return -1;
	memcpy(&v, vp, sizeof v);
	if ((nv = realloc(v, n * size)) == NULL)
		return -1;
	memcpy(vp, &nv, sizeof nv);
	*cap = n;
	return 0;
}

/* 24 bytes: keys are ids and texts of a policy file, short of 4 GiB. */
struct strindex_slot {
	const char *key;
	uint32_t len;
	uint32_t hash;
	uint32_t value;
};

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a, then a final mix */
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h;
}

void
strindex_init(struct strindex *x)
{
	x->slots = NULL;
	x->cap = x->count = 0;
}

void
strindex_release(struct strindex *x)
{
	free(x->slots);
	strindex_init(x);
}

/* KEY's slot, or the empty one where it would go. H is its hash. */
static struct strindex_slot *
strindex_find(const struct strindex *x, const char *key, size_t len,
    uint32_t h)
{
	size_t mask = x->cap - 1, i = (size_t)h & mask;
	struct strindex_slot *s;

	for (;;) {
		s = &x->slots[i];
		if (s->key == NULL)
			return s;
		if (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0)
			return s;
		i = (i + 1) & mask;
	}
}

/*
 * Write a zero to every page of P (N bytes, zeroed already). A fresh page
 * that is read first (a probe of an empty table) is mapped to the shared
 * zero page and faults a second time at its first write: the rehash of a
 * big index faulted twice per page.
 */
static void
touch_pages(void *p, size_t n)
{
	volatile char *c = p;
	size_t i;

	for (i = 0; i < n; i += PAGE_MIN)
		c[i] = 0;
}

/* Rehash X into a table of CAP slots (a power of two). 0, or -1 when out
 * of memory (X unchanged). */
static int
strindex_resize(struct strindex *x, size_t cap)
{
	struct strindex old = *x;
	size_t i;

	x->cap = cap;
	x->slots = calloc(x->cap, sizeof *x->slots);
	if (x->slots == NULL) {
		*x = old;
		return -1;
	}
	touch_pages(x->slots, cap * sizeof *x->slots);
	for (i = 0; i < old.cap; i++) {
		if (old.slots[i].key != NULL)
			*strindex_find(x, old.slots[i].key, old.slots[i].len,
			    old.slots[i].hash) = old.slots[i];
	}
	free(old.slots);
	return 0;
}

uint32_t
strindex_hash(const char *key, size_t len)
{
	return (uint32_t)hash_bytes(key, len);
}

int
strindex_put(struct strindex *x, const char *key, size_t len, uint32_t value,
    uint32_t *old)
{
	return strindex_put_hashed(x, key, len, strindex_hash(key, len), value,
	    old);
}

int
strindex_put_hashed(struct strindex *x, const char *key, size_t len,
    uint32_t h, uint32_t value, uint32_t *old)
{
	struct strindex_slot *s;

	if (STRINDEX_FULL(x->count + 1, x->cap) && strindex_resize(x,
	    x->cap ? x->cap * 2 : STRINDEX_FIRST) != 0)
		return -1;
	s = strindex_find(x, key, len, h);
	if (s->key != NULL) {
		if (old != NULL)
			*old = s->value;
		return 0;
	}
	s->key = key;
	s->len = (uint32_t)len;
	s->hash = h;
	s->value = value;
	x->count++;
	return 1;
}

int
strindex_reserve(struct strindex *x, size_t n)
{
	size_t cap = x->cap ? x->cap : STRINDEX_FIRST;

	while (STRINDEX_FULL(x->count + n, cap)) {
		if (cap > SIZE_MAX / 4)
			return -1;
		cap *= 2;
	}
	return cap == x->cap ? 0 : strindex_resize(x, cap);
}

bool
strindex_get(const struct strindex *x, const char *key, size_t len,
    uint32_t *value)
{
	return strindex_get_hashed(x, key, len, strindex_hash(key, len), value);
}

bool
strindex_get_hashed(const struct strindex *x, const char *key, size_t len,
    uint32_t h, uint32_t *value)
{
	struct strindex_slot *s;

	if (x->cap == 0)
		return false;
	s = strindex_find(x, key, len, h);
	if (s->key == NULL)
		return false;
	*value = s->value;
	return true;
}

void
strindex_prefetch(const struct strindex *x, uint32_t hash)
{
	if (x->cap > 0)
		__builtin_prefetch(&x->slots[(size_t)hash & (x->cap - 1)]);
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2;
		c = u[0] & 0x1F;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3;
		c = u[0] & 0x0F;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

bool
is_bidi_override(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static inline char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool
ascii_caseeq(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i;

	if (alen != blen)
		return false;
	for (i = 0; i < alen; i++) {
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	}
	return true;
}

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space((*s)[0])) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

unsigned
edit_distance(const char *a, const char *b, unsigned cap)
{
	unsigned d[65][65];
	size_t la = strlen(a), lb = strlen(b), i, j;
	unsigned best;

	if (la > 64 || lb > 64)
		return cap + 1;
	if (la == 0 || lb == 0)
		return (unsigned)(la + lb) > cap ? cap + 1 :
		    (unsigned)(la + lb);
	for (i = 0; i <= la; i++)
		d[i][0] = (unsigned)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		best = cap + 1;
		for (j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return d[la][lb] > cap ? cap + 1 : d[la][lb];
}
