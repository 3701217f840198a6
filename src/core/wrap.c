/*
 * wrap.c: UTF-8 text measured and wrapped by display width (see wrap.h).
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <stdbool.h>
#include <wchar.h>

#include "core/text.h"
#include "core/wrap.h"
#include "util.h"

static uint32_t decode(const char *s, size_t len, size_t *i);
static bool is_space(uint32_t c);
static size_t line_end(const char *s, size_t len, size_t start, int width,
    size_t *next);

/* decode: the code point at s[*I] (U+FFFD for a byte that does not start
 * a well-formed sequence, util.h's utf8_decode); *I moves past it. */
static uint32_t decode(const char *s, size_t len, size_t *i)
{
	uint32_t c;

	*i += utf8_decode(s + *i, len - *i, &c);
	return c;
}

uint32_t wrap_printable(uint32_t c)
{
	return text_safe(c);
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

/*
 * line_end: where the line that starts at byte START of S (LEN bytes) ends
 * within WIDTH columns: the end of its text (trailing spaces dropped) is
 * returned, the start of the next line is put in *NEXT. A line breaks at
 * a newline, else at the last space or around a wide character that fits,
 * else between two characters; the spaces after a soft break are skipped.
 */
static size_t line_end(const char *s, size_t len, size_t start, int width,
    size_t *next)
{
	size_t pos = start, end = len, brk_end = 0, brk_next = 0;
	bool have_brk = false, prev_wide = false;
	int w = 0;

	*next = len;
	while (pos < len) {
		size_t here = pos, probe = pos;
		uint32_t raw = decode(s, len, &probe);
		int cw;

		if (raw == '\n') {
			end = here;
			*next = here + 1;
			break;
		}
		wrap_char(s, len, &pos, &cw);
		if (w > 0 && cw > 0 && w + cw > width) {
			if (is_space(raw) || cw == 2 || prev_wide ||
			    !have_brk) {
				/* a break is allowed right here */
				end = here;
				*next = here;
			} else {
				end = brk_end;
				*next = brk_next;
			}
			/* a soft break drops the spaces that follow */
			while (*next < len) {
				size_t k = *next;
				if (!is_space(decode(s, len, &k)))
					break;
				*next = k;
			}
			break;
		}
		if (is_space(raw) || ((cw == 2 || prev_wide) && here > start)) {
			have_brk = true;
			brk_end = here;
			brk_next = is_space(raw) ? pos : here;
		}
		prev_wide = cw == 2;
		w += cw;
		end = pos;
		*next = pos;
	}
	/* drop spaces at the end of the line */
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
	    s[end - 1] == '\r'))
		end--;
	return end;
}

size_t wrap_text(const char *s, size_t len, int width,
    struct wrap_line *lines, size_t max)
{
	size_t count = 0, pos = 0, end, next;

	if (width < 1)
		width = 1;
	while (pos < len) {
		end = line_end(s, len, pos, width, &next);
		if (count < max) {
			lines[count].start = pos;
			lines[count].len = end - pos;
			lines[count].width = wrap_width(s + pos, end - pos);
		}
		count++;
		pos = next;
	}
	return count;
}
