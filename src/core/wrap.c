/*
 * wrap.c: UTF-8 text measured and wrapped by display width (see wrap.h).
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <stdbool.h>
#include <wchar.h>

#include "aipolicy/text.h"
#include "aipolicy/wrap.h"

#define INVALID 0xFFFFFFFFu

static uint32_t decode(const char *s, size_t len, size_t *i);
static bool is_space(uint32_t c);

/* decode: the code point at s[*i], or INVALID for a byte that does not start
 * a well-formed sequence (then *i moves by one). */
static uint32_t decode(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t left = len - *i, n;
	uint32_t c, min;

	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	} else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2; c = u[0] & 0x1F; min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3; c = u[0] & 0x0F; min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		*i += 1;
		return INVALID;
	}
	if (left < n) {
		*i += 1;
		return INVALID;
	}
	for (size_t k = 1; k < n; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			*i += 1;
			return INVALID;
		}
		c = (c << 6) | (u[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*i += 1;
		return INVALID;
	}
	*i += n;
	return c;
}

uint32_t wrap_printable(uint32_t c)
{
	return c == INVALID ? TEXT_REPLACEMENT : text_safe(c);
}

uint32_t wrap_char(const char *s, size_t len, size_t *i, int *width)
{
	uint32_t c = wrap_printable(decode(s, len, i));

	if (width != NULL) {
		int w = c < 0x80 ? 1 : wcwidth((wchar_t)c);
		*width = w < 0 ? 1 : w;
	}
	return c;
}

size_t wrap_encode(uint32_t c, char buf[4])
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	} else if (c < 0x800) {
		buf[0] = (char)(0xC0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	} else if (c < 0x10000) {
		buf[0] = (char)(0xE0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

int wrap_width(const char *s, size_t len)
{
	size_t i = 0;
	int total = 0, w;

	while (i < len) {
		wrap_char(s, len, &i, &w);
		total += w;
	}
	return total;
}

size_t wrap_fit(const char *s, size_t len, int width, int *used)
{
	size_t i = 0, end = 0;
	int total = 0, w;

	while (i < len) {
		wrap_char(s, len, &i, &w);
		if (total + w > width)
			break;
		total += w;
		end = i;
	}
	if (used != NULL)
		*used = total;
	return end;
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

size_t wrap_text(const char *s, size_t len, int width,
    struct wrap_line *lines, size_t max)
{
	size_t count = 0, pos = 0;

	if (width < 1)
		width = 1;
	while (pos < len) {
		size_t start = pos, end = len, next = len;
		size_t brk_end = 0, brk_next = 0;
		bool have_brk = false, prev_wide = false;
		int w = 0;

		while (pos < len) {
			size_t here = pos, probe = pos;
			uint32_t raw = decode(s, len, &probe);
			int cw;

			if (raw == '\n') {
				end = here;
				next = here + 1;
				break;
			}
			wrap_char(s, len, &pos, &cw);
			if (w > 0 && cw > 0 && w + cw > width) {
				if (is_space(raw) || cw == 2 || prev_wide) {
					/* a break is allowed right here */
					end = here;
					next = here;
				} else if (have_brk) {
					end = brk_end;
					next = brk_next;
				} else {
					end = here;
					next = here;
				}
				/* a soft break drops the spaces that follow */
				while (next < len) {
					size_t k = next;
					if (!is_space(decode(s, len, &k)))
						break;
					next = k;
				}
				break;
			}
			if (is_space(raw)) {
				have_brk = true;
				brk_end = here;
				brk_next = pos;
			} else if (cw == 2 || prev_wide) {
				if (here > start) {
					have_brk = true;
					brk_end = here;
					brk_next = here;
				}
			}
			prev_wide = cw == 2;
			w += cw;
			end = pos;
			next = pos;
		}
		/* drop spaces at the end of the line */
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
		    s[end - 1] == '\r'))
			end--;
		if (count < max) {
			lines[count].start = start;
			lines[count].len = end - start;
			lines[count].width = wrap_width(s + start, end - start);
		}
		count++;
		pos = next;
	}
	return count;
}
