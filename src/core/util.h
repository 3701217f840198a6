/*
 * util.h: small building blocks of the engine, private to the program's own
 * layers (src/core, and src/serve for its responses) and the unit tests:
 * an arena, a growable byte buffer, growing arrays, a string hash index,
 * UTF-8 helpers. Not part of the engine's public headers.
 */
#ifndef AIPOLICY_UTIL_H
#define AIPOLICY_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * An arena: many allocations, one free. Blocks are chained; a request
 * larger than a block gets a block of its own. Memory is 16-byte aligned.
 * An allocation that fits the current block is a few instructions, inline
 * (arena_bump); a new block is arena_take's.
 */
struct arena {
	struct arena_block *head;
	size_t block_size;
	unsigned char *free, *end;  /* the current block's room, or NULL */
};

void arena_init(struct arena *a);
/* arena_release: frees every allocation of A. */
void arena_release(struct arena *a);
/* arena_take: N bytes of A at a multiple of ALIGN (a power of two, at most
 * 16), from a new block; NULL when out of memory. Not zeroed. */
void *arena_take(struct arena *a, size_t n, size_t align);

/* arena_bump: arena_take, from the current block when it has room. */
static inline void *
arena_bump(struct arena *a, size_t n, size_t align)
{
	uintptr_t at = ((uintptr_t)a->free + align - 1) &
	    ~(uintptr_t)(align - 1);

	if (a->free != NULL && at <= (uintptr_t)a->end &&
	    n <= (uintptr_t)a->end - at) {
		a->free = (unsigned char *)at + n;
		return (void *)at;
	}
	return arena_take(a, n, align);
}

/* arena_alloc: N zeroed bytes owned by A; NULL when out of memory. */
static inline void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = 16;
	void *p;

	if (n > SIZE_MAX / 2)
		return NULL;
	p = arena_bump(a, n ? n : align, align);
	if (p != NULL)
		memset(p, 0, n);
	return p;
}

/* arena_strndup: a NUL-terminated copy of N bytes at S; NULL on OOM.
 * Texts are packed: no alignment, and no zeroing before the copy. */
static inline char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = n < SIZE_MAX ? arena_bump(a, n + 1, 1) : NULL;

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* A growable byte buffer; data is always NUL-terminated once non-empty. */
struct buf {
	char *data;
	size_t len, cap;
	bool failed;   /* an allocation failed: the content is incomplete */
};

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* buf_reserve: room for N more bytes and a NUL; false when out of memory
 * (B is then failed). */
bool buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* buf_detach: the content as a malloc'd string the caller owns (never
 * NULL unless out of memory); B is empty afterwards. */
char *buf_detach(struct buf *b);
/* buf_take: the content, its length in *LEN (when LEN is not NULL), as
 * malloc'd data the caller owns; NULL when nothing was added, or when an
 * allocation failed (the content is then freed). B is empty afterwards. */
char *buf_take(struct buf *b, size_t *len);

/*
 * vec_grow: grow the malloc'd array at *VP (a pointer to the pointer) of
 * *CAP elements of SIZE bytes to room for at least NEED, doubling. 0, or -1
 * when out of memory: then *VP and *CAP are unchanged (and still owned by
 * the caller), so nothing leaks.
 */
int vec_grow_past(void *vp, size_t *cap, size_t need, size_t size);
static inline int
vec_grow(void *vp, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? 0 : vec_grow_past(vp, cap, need, size);
}

/*
 * An open-addressing index from strings to uint32 values. Keys are not
 * copied: they must outlive the index.
 */
struct strindex {
	struct strindex_slot *slots;
	size_t cap, count;     /* cap is a power of two */
};

void strindex_init(struct strindex *x);
void strindex_release(struct strindex *x);
/* strindex_reserve: make room for N keys at once, so that adding them
 * never grows the table. 0, or -1 when out of memory. */
int strindex_reserve(struct strindex *x, size_t n);
/* strindex_put: add KEY (LEN bytes) -> VALUE unless present. Returns 1 when
 * added, 0 when KEY was there already (*old set to its value when OLD is
 * not NULL), -1 when out of memory. */
int strindex_put(struct strindex *x, const char *key, size_t len,
    uint32_t value, uint32_t *old);
/* strindex_get: true and *value set when KEY is present. */
bool strindex_get(const struct strindex *x, const char *key, size_t len,
    uint32_t *value);
/* strindex_hash: the hash a string index keeps for KEY (LEN bytes). The
 * _hashed forms take it computed already (while KEY was at hand), so that
 * building or asking a big index touches no key but on a hash match. */
uint32_t strindex_hash(const char *key, size_t len);
int strindex_put_hashed(struct strindex *x, const char *key, size_t len,
    uint32_t hash, uint32_t value, uint32_t *old);
bool strindex_get_hashed(const struct strindex *x, const char *key,
    size_t len, uint32_t hash, uint32_t *value);
/* strindex_prefetch: start bringing the slot where a key of hash HASH is
 * looked for first into the cache, so that asking for it a little later
 * (while other work is done) does not wait for memory. A hint: X is not
 * changed, and a table that grows in between just loses the hint. */
void strindex_prefetch(const struct strindex *x, uint32_t hash);

uint64_t hash_bytes(const void *p, size_t n);

/* utf8_count: code points in N bytes of valid UTF-8. */
size_t utf8_count(const char *s, size_t n);
/* utf8_decode: decode one code point at S (at most N bytes); returns its
 * length in bytes (1 for an invalid byte, with *cp set to 0xFFFD). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* is_bidi_override: U+202A-U+202E, U+2066-U+2069. */
bool is_bidi_override(uint32_t cp);

/* ascii_casecmp_n: compare A and B (same length N) ignoring ASCII case. */
bool ascii_caseeq(const char *a, size_t alen, const char *b, size_t blen);

/* trim: strip ASCII white space around S; updates *s and *n. */
void trim(const char **s, size_t *n);

/* edit_distance: Damerau-Levenshtein (optimal string alignment) distance,
 * capped: returns CAP+1 as soon as it is known to exceed CAP. Strings up to
 * 64 bytes; longer ones give CAP+1. */
unsigned edit_distance(const char *a, const char *b, unsigned cap);

#endif
