/*
 * test_util.c: the engine's building blocks (src/core/util.h): edit
 * distance, the string index, UTF-8 helpers, trim, ASCII case, the arena
 * and the byte buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

/* ---- edit_distance ------------------------------------------------------ */

static void
test_edit_distance_basic(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("", "", 3), 0);
	assert_int_equal(edit_distance("abc", "abc", 3), 0);
	assert_int_equal(edit_distance("reviw_by", "review_by", 3), 1);
	assert_int_equal(edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(edit_distance("", "abcd", 5), 4);
	/* Case matters: 'A' and 'a' are different bytes. */
	assert_int_equal(edit_distance("Start", "start", 3), 1);
}

static void
test_edit_distance_transposition(void **state)
{
	(void)state;
	/* Optimal string alignment: an adjacent swap costs one. */
	assert_int_equal(edit_distance("ab", "ba", 3), 1);
	assert_int_equal(edit_distance("titel", "title", 3), 1);
	assert_int_equal(edit_distance("qeustions", "questions", 3), 1);
	/* OSA (not full Damerau): "ca" -> "abc" is 3, not 2. */
	assert_int_equal(edit_distance("ca", "abc", 5), 3);
}

static void
test_edit_distance_cap(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(edit_distance("kitten", "sitting", 3), 3);
	assert_int_equal(edit_distance("abcdef", "uvwxyz", 1), 2);
	assert_int_equal(edit_distance("abc", "xyz", 0), 1);
	assert_int_equal(edit_distance("same", "same", 0), 0);
}

/* Deleting everything: the distance is the length of A, under the cap. */
static void
test_edit_distance_to_empty(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("abc", "", 5), 3);
	assert_int_equal(edit_distance("ab", "", 5), 2);
	assert_int_equal(edit_distance("a", "", 1), 1);
	assert_int_equal(edit_distance("abc", "", 1), 2);
}

static void
test_edit_distance_long(void **state)
{
	char a[80], b[80];

	(void)state;
	memset(a, 'x', 64);
	a[64] = '\0';
	memcpy(b, a, 65);
	b[63] = 'y';
	/* 64 bytes is the limit that is still computed. */
	assert_int_equal(edit_distance(a, b, 3), 1);
	memset(a, 'x', 65);
	a[65] = '\0';
	assert_int_equal(edit_distance(a, a, 3), 4);
	assert_int_equal(edit_distance(a, "x", 7), 8);
}

/* ---- strindex ----------------------------------------------------------- */

static void
test_strindex_put_get(void **state)
{
	struct strindex x;
	uint32_t v = 12345;

	(void)state;
	strindex_init(&x);
	assert_false(strindex_get(&x, "a", 1, &v));
	assert_int_equal(v, 12345);
	assert_int_equal(strindex_put(&x, "alpha", 5, 1, NULL), 1);
	assert_int_equal(strindex_put(&x, "beta", 4, 2, NULL), 1);
	/* A key is its LEN bytes: a prefix is another key. */
	assert_int_equal(strindex_put(&x, "alpha", 3, 3, NULL), 1);
	assert_int_equal(strindex_put(&x, "", 0, 4, NULL), 1);
	assert_int_equal(x.count, 4);
	assert_true(strindex_get(&x, "alpha", 5, &v));
	assert_int_equal(v, 1);
	assert_true(strindex_get(&x, "beta", 4, &v));
	assert_int_equal(v, 2);
	assert_true(strindex_get(&x, "alp", 3, &v));
	assert_int_equal(v, 3);
	assert_true(strindex_get(&x, "", 0, &v));
	assert_int_equal(v, 4);
	assert_false(strindex_get(&x, "gamma", 5, &v));
	assert_false(strindex_get(&x, "Alpha", 5, &v));
	assert_false(strindex_get(&x, "al", 2, &v));
	/* The key is compared by content, not by pointer. */
	{
		char copy[] = "beta";
		assert_true(strindex_get(&x, copy, 4, &v));
		assert_int_equal(v, 2);
	}
	strindex_release(&x);
	assert_null(x.slots);
	assert_int_equal(x.count, 0);
	strindex_release(&x);
}

static void
test_strindex_duplicates(void **state)
{
	struct strindex x;
	uint32_t old = 0, v = 0;

	(void)state;
	strindex_init(&x);
	assert_int_equal(strindex_put(&x, "key", 3, 7, NULL), 1);
	assert_int_equal(strindex_put(&x, "key", 3, 8, &old), 0);
	assert_int_equal(old, 7);
	assert_int_equal(strindex_put(&x, "key", 3, 9, NULL), 0);
	/* The first value stays. */
	assert_true(strindex_get(&x, "key", 3, &v));
	assert_int_equal(v, 7);
	assert_int_equal(x.count, 1);
	strindex_release(&x);
}

static void
test_strindex_growth(void **state)
{
	enum { N = 100000, W = 16 };
	struct strindex x;
	char *keys = malloc((size_t)N * W);
	uint32_t v, old;
	size_t i;

	(void)state;
	assert_non_null(keys);
	strindex_init(&x);
	for (i = 0; i < N; i++) {
		snprintf(keys + i * W, W, "k%zu", i);
		assert_int_equal(strindex_put(&x, keys + i * W,
		    strlen(keys + i * W), (uint32_t)(i * 3), NULL), 1);
	}
	assert_int_equal(x.count, N);
	/* cap is a power of two with room to spare. */
	assert_true(x.cap >= N);
	assert_int_equal(x.cap & (x.cap - 1), 0);
	for (i = 0; i < N; i++) {
		v = UINT32_MAX;
		assert_true(strindex_get(&x, keys + i * W,
		    strlen(keys + i * W), &v));
		assert_int_equal(v, (uint32_t)(i * 3));
	}
	/* Every key is still a duplicate after growing. */
	for (i = 0; i < N; i += 997) {
		assert_int_equal(strindex_put(&x, keys + i * W,
		    strlen(keys + i * W), 1, &old), 0);
		assert_int_equal(old, (uint32_t)(i * 3));
	}
	assert_false(strindex_get(&x, "k100000", 7, &v));
	assert_false(strindex_get(&x, "k-1", 3, &v));
	assert_int_equal(x.count, N);
	strindex_release(&x);
	free(keys);
}

static void
test_strindex_reserve(void **state)
{
	static char keys[1000][8];
	struct strindex x;
	size_t i, cap;
	uint32_t v;

	(void)state;
	strindex_init(&x);
	assert_int_equal(strindex_reserve(&x, 1000), 0);
	cap = x.cap;
	assert_true(cap >= 2000);
	/* Reserved: adding them never grows (nor moves) the table. */
	for (i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%zu", i);
		assert_int_equal(strindex_put(&x, keys[i], strlen(keys[i]),
		    (uint32_t)i, NULL), 1);
	}
	assert_int_equal(x.cap, cap);
	assert_true(strindex_get(&x, "k999", 4, &v));
	assert_int_equal(v, 999);
	assert_int_equal(strindex_reserve(&x, 0), 0);
	assert_int_equal(x.cap, cap);
	strindex_release(&x);
}

static void
test_vec_grow(void **state)
{
	int *v = NULL;
	size_t cap = 0, i;

	(void)state;
	assert_int_equal(vec_grow(&v, &cap, 1, sizeof *v), 0);
	assert_non_null(v);
	assert_true(cap >= 1);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(vec_grow(&v, &cap, i + 1, sizeof *v), 0);
		v[i] = (int)i;
	}
	assert_true(cap >= 1000);
	assert_int_equal(v[999], 999);
	/* Enough room already: nothing changes. */
	i = cap;
	assert_int_equal(vec_grow(&v, &cap, 10, sizeof *v), 0);
	assert_int_equal(cap, i);
	/* A size that cannot be: refused, the array kept. */
	assert_int_equal(vec_grow(&v, &cap, SIZE_MAX / 2, sizeof *v), -1);
	assert_int_equal(cap, i);
	assert_int_equal(v[999], 999);
	free(v);
}

static void
test_hash_bytes(void **state)
{
	(void)state;
	assert_int_equal(hash_bytes("abc", 3), hash_bytes("abc", 3));
	assert_int_not_equal(hash_bytes("abc", 3), hash_bytes("abd", 3));
	assert_int_not_equal(hash_bytes("abc", 3), hash_bytes("abc", 2));
}

/* ---- UTF-8 -------------------------------------------------------------- */

static void
test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("caf\xC3\xA9", 5), 4);          /* café */
	assert_int_equal(utf8_count("\xE2\x82\xAC", 3), 1);         /* € */
	assert_int_equal(utf8_count("\xF0\x9F\x98\x80x", 5), 2);    /* 😀x */
	assert_int_equal(utf8_count("a\tb", 3), 3);
	/* Only N bytes are looked at. */
	assert_int_equal(utf8_count("abcdef", 2), 2);
}

static void
test_utf8_decode_valid(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\x7F", 1, &cp), 1);
	assert_int_equal(cp, 0x7F);
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("\xC2\x80", 2, &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(utf8_decode("\xE2\x80\xAE", 3, &cp), 3);
	assert_int_equal(cp, 0x202E);
	assert_int_equal(utf8_decode("\xEF\xBB\xBF", 3, &cp), 3);
	assert_int_equal(cp, 0xFEFF);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	/* Trailing bytes after the code point are not consumed. */
	assert_int_equal(utf8_decode("\xC3\xA9z", 3, &cp), 2);
	assert_int_equal(cp, 0xE9);
}

static void
test_utf8_decode_invalid(void **state)
{
	uint32_t cp = 0;

	(void)state;
	/* A lone continuation byte. */
	assert_int_equal(utf8_decode("\x80", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xBFxx", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	/* Bytes that never occur in UTF-8. */
	assert_int_equal(utf8_decode("\xFF", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xFE\x80", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xF8\x88\x80\x80\x80", 5, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	/* A sequence cut short by N. */
	assert_int_equal(utf8_decode("\xC3\xA9", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xE2\x82\xAC", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	/* A sequence broken by a byte that is not a continuation. */
	assert_int_equal(utf8_decode("\xC3" "A", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xE2\x82" "A", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xF0\x9F\x98" "A", 4, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

/*
 * Overlong forms, surrogates and code points past U+10FFFF are not UTF-8
 * (RFC 3629): C0, C1 and F5-FF are invalid bytes wherever they appear.
 */
static void
test_utf8_decode_not_utf8(void **state)
{
	uint32_t cp = 0;

	(void)state;
	/* Overlong NUL and overlong ESC (a terminal escape in disguise). */
	assert_int_equal(utf8_decode("\xC0\x80", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xC0\x9B", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xE0\x80\xAF", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	/* A UTF-16 surrogate. */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	/* Past U+10FFFF. */
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xF5\x80\x80\x80", 4, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

static void
test_is_bidi_override(void **state)
{
	uint32_t cp;

	(void)state;
	for (cp = 0x202A; cp <= 0x202E; cp++)
		assert_true(is_bidi_override(cp));
	for (cp = 0x2066; cp <= 0x2069; cp++)
		assert_true(is_bidi_override(cp));
	assert_false(is_bidi_override(0x2029));
	assert_false(is_bidi_override(0x202F));
	assert_false(is_bidi_override(0x2065));
	assert_false(is_bidi_override(0x206A));
	assert_false(is_bidi_override('a'));
	assert_false(is_bidi_override(0x200E)); /* LRM is not an override */
	assert_false(is_bidi_override(0));
}

/* ---- trim and case ------------------------------------------------------ */

static void
check_trim(const char *in, const char *want)
{
	const char *s = in;
	size_t n = strlen(in);

	trim(&s, &n);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(s, want, n);
	/* The result points into the input. */
	assert_true(s >= in && s + n <= in + strlen(in));
}

static void
test_trim(void **state)
{
	(void)state;
	check_trim("abc", "abc");
	check_trim("  abc  ", "abc");
	check_trim("\t\n\r\v\f abc \f\v\r\n\t", "abc");
	check_trim("a b", "a b");
	check_trim("  a  b  ", "a  b");
	check_trim("", "");
	check_trim("   ", "");
	check_trim("\t", "");
	/* A no-break space (U+00A0) is not ASCII white space. */
	check_trim("\xC2\xA0x\xC2\xA0", "\xC2\xA0x\xC2\xA0");
	{
		/* Only N bytes are looked at: trailing text past N stays
		 * out. */
		const char *s = " ab  cd";
		size_t n = 4;
		trim(&s, &n);
		assert_int_equal(n, 2);
		assert_memory_equal(s, "ab", 2);
	}
}

static void
test_ascii_caseeq(void **state)
{
	(void)state;
	assert_true(ascii_caseeq("Yes", 3, "yes", 3));
	assert_true(ascii_caseeq("YES", 3, "yEs", 3));
	assert_true(ascii_caseeq("", 0, "", 0));
	assert_true(ascii_caseeq("a-Z_0", 5, "A-z_0", 5));
	assert_false(ascii_caseeq("yes", 3, "yes ", 4));
	assert_false(ascii_caseeq("yes", 3, "ye", 2));
	assert_false(ascii_caseeq("yes", 3, "yet", 3));
	/* '@' and '`' are next to 'A' and 'a' but are not letters. */
	assert_false(ascii_caseeq("@", 1, "`", 1));
	assert_false(ascii_caseeq("[", 1, "{", 1));
	/* Non-ASCII letters are not folded. */
	assert_false(ascii_caseeq("\xC3\xA9", 2, "\xC3\x89", 2)); /* é É */
	assert_true(ascii_caseeq("caf\xC3\xA9", 5, "CAF\xC3\xA9", 5));
	/* Lengths are honoured, not NUL bytes. */
	assert_true(ascii_caseeq("ab\0c", 4, "AB\0C", 4));
	assert_false(ascii_caseeq("ab\0c", 4, "AB\0D", 4));
}

/* ---- arena -------------------------------------------------------------- */

static void
test_arena_many(void **state)
{
	enum { N = 20000 };
	struct arena a;
	unsigned char **p = calloc(N, sizeof *p);
	size_t i, j, sz;

	(void)state;
	assert_non_null(p);
	arena_init(&a);
	for (i = 0; i < N; i++) {
		sz = i % 97 + 1;
		p[i] = arena_alloc(&a, sz);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		for (j = 0; j < sz; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i & 0xFF), sz);
	}
	/* No allocation overlapped another. */
	for (i = 0; i < N; i++) {
		sz = i % 97 + 1;
		for (j = 0; j < sz; j++)
			assert_int_equal(p[i][j], i & 0xFF);
	}
	arena_release(&a);
	assert_null(a.head);
	/* A released arena can be used again. */
	p[0] = arena_alloc(&a, 10);
	assert_non_null(p[0]);
	arena_release(&a);
	free(p);
}

static void
test_arena_large(void **state)
{
	struct arena a;
	unsigned char *small1, *big, *small2, *huge;
	size_t i, bigsz = 300000, hugesz = 40u << 20;

	(void)state;
	arena_init(&a);
	small1 = arena_alloc(&a, 8);
	assert_non_null(small1);
	memset(small1, 0xAA, 8);
	big = arena_alloc(&a, bigsz);
	assert_non_null(big);
	assert_int_equal((uintptr_t)big % 16, 0);
	for (i = 0; i < bigsz; i++)
		assert_int_equal(big[i], 0);
	memset(big, 0xBB, bigsz);
	small2 = arena_alloc(&a, 8);
	assert_non_null(small2);
	memset(small2, 0xCC, 8);
	huge = arena_alloc(&a, hugesz);
	assert_non_null(huge);
	assert_int_equal((uintptr_t)huge % 16, 0);
	assert_int_equal(huge[0], 0);
	assert_int_equal(huge[hugesz - 1], 0);
	memset(huge, 0xDD, hugesz);
	for (i = 0; i < 8; i++) {
		assert_int_equal(small1[i], 0xAA);
		assert_int_equal(small2[i], 0xCC);
	}
	for (i = 0; i < bigsz; i += 4099)
		assert_int_equal(big[i], 0xBB);
	assert_int_equal(big[bigsz - 1], 0xBB);
	arena_release(&a);
}

static void
test_arena_alignment(void **state)
{
	struct arena a;
	size_t n;

	(void)state;
	arena_init(&a);
	for (n = 0; n < 200; n++) {
		void *p = arena_alloc(&a, n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
	{
		/* Two zero-byte allocations are still distinct. */
		void *p = arena_alloc(&a, 0), *q = arena_alloc(&a, 0);
		assert_non_null(p);
		assert_non_null(q);
		assert_ptr_not_equal(p, q);
	}
	arena_release(&a);
}

static void
test_arena_strndup(void **state)
{
	struct arena a;
	char *s;

	(void)state;
	arena_init(&a);
	s = arena_strndup(&a, "hello world", 5);
	assert_non_null(s);
	assert_string_equal(s, "hello");
	s = arena_strndup(&a, "", 0);
	assert_non_null(s);
	assert_string_equal(s, "");
	s = arena_strndup(&a, "a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	arena_release(&a);
}

/* A request too large to be met fails instead of wrapping around. */
static void
test_arena_overflow(void **state)
{
	struct arena a;
	void *p1, *p2;

	(void)state;
	arena_init(&a);
	p1 = arena_alloc(&a, SIZE_MAX);
	p2 = arena_alloc(&a, SIZE_MAX - 7);
	arena_release(&a); /* before asserting: no leak when this fails */
	assert_null(p1);
	assert_null(p2);
}

/* ---- buf ---------------------------------------------------------------- */

static void
test_buf_add(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_adds(&b, "abc");
	assert_int_equal(b.len, 3);
	assert_string_equal(b.data, "abc");
	buf_addc(&b, '-');
	buf_add(&b, "xyz", 2);
	assert_string_equal(b.data, "abc-xy");
	buf_addf(&b, "%d/%s/%05.1f", 42, "q", 2.5);
	assert_string_equal(b.data, "abc-xy42/q/002.5");
	assert_int_equal(b.len, strlen("abc-xy42/q/002.5"));
	assert_false(b.failed);
	assert_true(b.cap > b.len);
	s = buf_detach(&b);
	assert_string_equal(s, "abc-xy42/q/002.5");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
}

static void
test_buf_empty_detach(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	s = buf_detach(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	buf_release(&b);
	buf_release(&b);
	assert_null(b.data);
}

/* buf_take, as serve's responses use it: the bytes and their length, or
 * NULL for nothing added and for a buffer whose allocation failed. */
static void
test_buf_take(void **state)
{
	struct buf b;
	size_t len = 99;
	char *s;

	(void)state;
	buf_init(&b);
	assert_null(buf_take(&b, &len));
	buf_add(&b, "a\0b", 3);
	s = buf_take(&b, &len);
	assert_non_null(s);
	assert_int_equal(len, 3);
	assert_memory_equal(s, "a\0b", 3);
	assert_null(b.data);
	free(s);

	buf_adds(&b, "lost");
	assert_false(buf_reserve(&b, SIZE_MAX - 1));
	assert_true(b.failed);
	buf_adds(&b, "more");
	assert_null(buf_take(&b, &len));
	assert_null(b.data);
	assert_false(b.failed);
}

static void
test_buf_growth(void **state)
{
	struct buf b;
	size_t i;
	char big[1000];

	(void)state;
	buf_init(&b);
	memset(big, 'z', sizeof big);
	for (i = 0; i < 1000; i++) {
		buf_addf(&b, "%04zu", i);
		assert_int_equal(b.data[b.len], '\0');
	}
	assert_int_equal(b.len, 4000);
	for (i = 0; i < 1000; i += 111) {
		char want[5];
		snprintf(want, sizeof want, "%04zu", i);
		assert_memory_equal(b.data + 4 * i, want, 4);
	}
	buf_add(&b, big, sizeof big);
	assert_int_equal(b.len, 5000);
	assert_int_equal(b.data[4999], 'z');
	assert_int_equal(b.data[5000], '\0');
	/* A long formatted string, longer than any initial capacity. */
	buf_addf(&b, "%s", "");
	buf_addf(&b, "%2000s", "!");
	assert_int_equal(b.len, 7000);
	assert_int_equal(b.data[6999], '!');
	assert_int_equal(b.data[5000], ' ');
	assert_int_equal(b.data[7000], '\0');
	assert_false(b.failed);
	buf_release(&b);
	assert_null(b.data);
}

static void
test_buf_embedded_nul(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b\0", 4);
	buf_addc(&b, '\0');
	assert_int_equal(b.len, 4);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_distance_basic),
		cmocka_unit_test(test_edit_distance_transposition),
		cmocka_unit_test(test_edit_distance_cap),
		cmocka_unit_test(test_edit_distance_to_empty),
		cmocka_unit_test(test_edit_distance_long),
		cmocka_unit_test(test_strindex_put_get),
		cmocka_unit_test(test_strindex_duplicates),
		cmocka_unit_test(test_strindex_growth),
		cmocka_unit_test(test_strindex_reserve),
		cmocka_unit_test(test_vec_grow),
		cmocka_unit_test(test_hash_bytes),
		cmocka_unit_test(test_utf8_count),
		cmocka_unit_test(test_utf8_decode_valid),
		cmocka_unit_test(test_utf8_decode_invalid),
		cmocka_unit_test(test_utf8_decode_not_utf8),
		cmocka_unit_test(test_is_bidi_override),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_ascii_caseeq),
		cmocka_unit_test(test_arena_many),
		cmocka_unit_test(test_arena_large),
		cmocka_unit_test(test_arena_alignment),
		cmocka_unit_test(test_arena_strndup),
		cmocka_unit_test(test_arena_overflow),
		cmocka_unit_test(test_buf_add),
		cmocka_unit_test(test_buf_empty_detach),
		cmocka_unit_test(test_buf_take),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_embedded_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
