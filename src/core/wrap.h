/*
 * wrap.h: UTF-8 text measured and wrapped by display width, for every
 * front end that lays text out in columns (the screens of ask, the verdict
 * words of present.h, render).
 *
 * Policy text is shown, never interpreted: wrap_char() hands out one
 * character at a time with every control character (C0, DEL, C1), every
 * bidirectional override and every invalid byte already replaced, so that a
 * caller that draws what it gets can never send a control sequence to the
 * terminal. Widths come from wcwidth(), so they follow LC_CTYPE: the caller
 * sets the locale first. No curses here: this is unit-tested on its own.
 */
#ifndef AIPOLICY_WRAP_H
#define AIPOLICY_WRAP_H

#include <stddef.h>
#include <stdint.h>

/* One line of wrapped text: bytes [start, start + len) of the input. */
struct wrap_line {
	size_t start, len;
	int width;             /* display columns */
};

/*
 * wrap_char: the character of S (LEN bytes, UTF-8) at byte *I, made safe to
 * show by the core's one rule, text_safe (aipolicy/text.h); an invalid byte
 * becomes TEXT_REPLACEMENT. *I moves past it (one byte
 * for an invalid one). *WIDTH (when not NULL) is its display width: 0 for a
 * combining character, 2 for a wide one, 1 when wcwidth() does not know it.
 * Precondition: *I < LEN.
 */
uint32_t wrap_char(const char *s, size_t len, size_t *i, int *width);

/* wrap_printable: C as wrap_char would show it (text_safe). */
uint32_t wrap_printable(uint32_t c);

/* wrap_encode: C as UTF-8 in BUF; returns the number of bytes (1-4). */
size_t wrap_encode(uint32_t c, char buf[4]);

/* wrap_width: the display width of S (LEN bytes) shown on one line. */
int wrap_width(const char *s, size_t len);

/*
 * wrap_fit: the number of bytes of S (LEN bytes) that fit in WIDTH columns,
 * never cutting a character (a combining character stays with its base).
 * *USED (when not NULL) gets their width.
 */
size_t wrap_fit(const char *s, size_t len, int width, int *used);

/*
 * wrap_text: break S (LEN bytes) into lines of at most WIDTH columns (at
 * least 1). Lines break at newlines, and otherwise at spaces or around wide
 * (CJK) characters; a word wider than WIDTH is cut between characters, never
 * inside one. Spaces at a soft break are dropped. Fills at most MAX entries
 * of LINES (which may be NULL when MAX is 0) and returns how many lines the
 * whole text needs; empty text needs 0.
 */
size_t wrap_text(const char *s, size_t len, int width,
    struct wrap_line *lines, size_t max);

#endif
