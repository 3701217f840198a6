/*
 * test_wrap.c: src/core/wrap.c, UTF-8 text wrapped by display width.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/wrap.h"

#define MAXL 64

struct wrapped {
	struct wrap_line l[MAXL];
	size_t n;
	char text[MAXL][256];
};

static int setup_locale(void **state);
static void wrap(struct wrapped *w, const char *s, int width);

static int setup_locale(void **state)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "en_US.UTF-8") == NULL) {
		fprintf(stderr, "no UTF-8 locale (C.UTF-8 or en_US.UTF-8)\n");
		return -1;
	}
	return 0;
}

/* wrap: S wrapped to WIDTH, each line copied out as a string. */
static void wrap(struct wrapped *w, const char *s, int width)
{
	w->n = wrap_text(s, strlen(s), width, w->l, MAXL);
	assert_true(w->n <= MAXL);
	for (size_t i = 0; i < w->n; i++) {
		assert_true(w->l[i].len < sizeof w->text[i]);
		memcpy(w->text[i], s + w->l[i].start, w->l[i].len);
		w->text[i][w->l[i].len] = '\0';
	}
}

static void test_ascii_at_spaces(void **state)
{
	struct wrapped w;

	wrap(&w, "the quick brown fox jumps", 10);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.text[0], "the quick");
	assert_string_equal(w.text[1], "brown fox");
	assert_string_equal(w.text[2], "jumps");
	assert_int_equal(w.l[0].width, 9);
}

static void test_spaces_at_break_dropped(void **state)
{
	struct wrapped w;

	wrap(&w, "hello     world", 5);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.text[0], "hello");
	assert_string_equal(w.text[1], "world");
}

static void test_long_word_cut(void **state)
{
	struct wrapped w;

	wrap(&w, "abcdefghij", 4);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.text[0], "abcd");
	assert_string_equal(w.text[1], "efgh");
	assert_string_equal(w.text[2], "ij");
}

static void test_newlines(void **state)
{
	struct wrapped w;

	wrap(&w, "one\n\ntwo three", 40);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.text[0], "one");
	assert_string_equal(w.text[1], "");
	assert_string_equal(w.text[2], "two three");
	assert_int_equal(wrap_text("", 0, 10, NULL, 0), 0);
}

static void test_accents_count_columns(void **state)
{
	struct wrapped w;

	/* 10 columns but 12 bytes: fits in 10 */
	wrap(&w, "café crème brûlée", 10);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.text[0], "café crème");
	assert_int_equal(w.l[0].width, 10);
	assert_string_equal(w.text[1], "brûlée");
	/* a combining accent takes no column */
	assert_int_equal(wrap_width("e\xcc\x81", 3), 1);
	wrap(&w, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.text[0], "e\xcc\x81" "e\xcc\x81");
}

static void test_cjk_two_columns(void **state)
{
	struct wrapped w;

	assert_int_equal(wrap_width("日本語", strlen("日本語")), 6);
	wrap(&w, "日本語のテキスト", 5);
	assert_int_equal(w.n, 4);
	assert_string_equal(w.text[0], "日本");
	assert_string_equal(w.text[1], "語の");
	assert_string_equal(w.text[3], "スト");
	for (size_t i = 0; i < w.n; i++)
		assert_true(w.l[i].width <= 5);
	/* Latin words next to CJK break before the CJK */
	wrap(&w, "AI 利用規程", 6);
	assert_string_equal(w.text[0], "AI 利");
}

static void test_emoji(void **state)
{
	struct wrapped w;

	assert_int_equal(wrap_width("👍", strlen("👍")), 2);
	wrap(&w, "ok 👍👍👍", 4);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.text[0], "ok");
	assert_string_equal(w.text[1], "👍👍");
	assert_string_equal(w.text[2], "👍");
}

static void test_never_mid_character(void **state)
{
	static const char *texts[] = {
		"Données clients confidentielles : oui ou non ?",
		"これは長い質問です。データを含みますか？",
		"Mixed 中文 and emoji 🎉🎉 with accents éàü "
		    "and more words",
		"a\tb\tc ddddddddddddddddddddddddddd",
	};

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);

		for (int width = 1; width <= 24; width++) {
			struct wrap_line l[MAXL];
			size_t n = wrap_text(s, len, width, l, MAXL);
			size_t covered = 0;

			assert_true(n > 0 && n <= MAXL);
			for (size_t i = 0; i < n; i++) {
				unsigned char first =
				    (unsigned char)s[l[i].start];
				unsigned char after = (unsigned char)
				    s[l[i].start + l[i].len];

				/* starts and ends on character boundaries */
				assert_true((first & 0xC0) != 0x80);
				assert_true(l[i].start + l[i].len == len ||
				    (after & 0xC0) != 0x80);
				/* fits, except one wide character in 1
				 * column */
				assert_true(l[i].width <=
				    (width < 2 ? 2 : width));
				assert_true(l[i].start >= covered);
				covered = l[i].start + l[i].len;
			}
			assert_int_equal(covered, len);
		}
	}
}

static void test_fit(void **state)
{
	int used;
	const char *s = "日本語";

	assert_int_equal(wrap_fit(s, strlen(s), 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(wrap_fit(s, strlen(s), 1, &used), 0);
	assert_int_equal(wrap_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
}

static void test_controls_replaced(void **state)
{
	const char *s = "\x1b[31m\t\x7f\xc2\x9b\xe2\x80\xae\xff!";
	size_t len = strlen(s), i = 0;
	uint32_t want[] = { '?', '[', '3', '1', 'm', ' ', '?', '?', '?', '?',
		'!' };
	int w;

	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		assert_true(i < len);
		assert_int_equal(wrap_char(s, len, &i, &w), want[k]);
		assert_int_equal(w, 1);
	}
	assert_int_equal(i, len);
	/* a truncated sequence is one '?' per byte, never read past LEN */
	i = 0;
	assert_int_equal(wrap_char("\xe6\x97", 2, &i, NULL), '?');
	assert_int_equal(i, 1);
}

static void test_encode(void **state)
{
	char buf[4];

	assert_int_equal(wrap_encode('a', buf), 1);
	assert_int_equal(wrap_encode(0xE9, buf), 2);
	assert_memory_equal(buf, "\xc3\xa9", 2);
	assert_int_equal(wrap_encode(0x65E5, buf), 3);
	assert_memory_equal(buf, "日", 3);
	assert_int_equal(wrap_encode(0x1F44D, buf), 4);
	assert_memory_equal(buf, "👍", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_at_spaces),
		cmocka_unit_test(test_spaces_at_break_dropped),
		cmocka_unit_test(test_long_word_cut),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_accents_count_columns),
		cmocka_unit_test(test_cjk_two_columns),
		cmocka_unit_test(test_emoji),
		cmocka_unit_test(test_never_mid_character),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_controls_replaced),
		cmocka_unit_test(test_encode),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
