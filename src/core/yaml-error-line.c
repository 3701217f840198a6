/*
 * yaml-error-line.c: one line of a YAML file read as text, for the
 * explanation of a syntax error (yaml-error-private.h): where a quoted
 * text or a bracket closes, where a key's ':' is, a list item's dash, a
 * comment; and source text quoted in a message.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "yaml-error-private.h"

/* Add 'S' (N bytes of source) to B: trimmed, made safe to show, cut after
 * QUOTE_MAX code points. */
void
yline_quote(struct buf *b, const char *s, size_t n)
{
	char *safe;
	size_t i, cp = 0;

	trim(&s, &n);
	safe = text_sanitize(s, n, 0);
	if (safe == NULL) {
		b->failed = true;
		return;
	}
	for (i = 0; safe[i] != '\0' && cp < QUOTE_MAX; i++)
		cp += ((unsigned char)safe[i] & 0xC0) != 0x80;
	while (((unsigned char)safe[i] & 0xC0) == 0x80)
		i++;
	buf_addc(b, '\'');
	buf_add(b, safe, i);
	if (safe[i] != '\0')
		buf_adds(b, "...");
	buf_addc(b, '\'');
	free(safe);
}

void
yline_spaces(struct buf *b, long n)
{
	buf_addf(b, "%ld space%s", n, n == 1 ? "" : "s");
}

/* Where the text that starts at S[I] ends: before a comment (" #") and
 * trailing white space. */
size_t
yline_text_end(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i; j < n; j++) {
		if (s[j] == '#' && j > i && (s[j - 1] == ' ' ||
		    s[j - 1] == '\t'))
			break;
	}
	while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	return j;
}

/* A list item's dash at S[I]: '-' then a space, a tab or the end. */
bool
yline_is_dash(const char *s, size_t n, size_t i)
{
	return i < n && s[i] == '-' && (i + 1 == n || s[i + 1] == ' ' ||
	    s[i + 1] == '\t');
}

/* Nothing but white space or a comment from S[I] on. */
bool
yline_is_blank(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n || s[i] == '#';
}

/*
 * Follow quoted text and brackets from S[I] (ST says what is open; all zero
 * at the start of a value). Returns the offset just after the character
 * that closes everything, or NONE when the line ends (or a comment starts)
 * with something still open; ST is updated either way.
 */
size_t
yline_walk_open(struct open_state *st, const char *s, size_t n, size_t i)
{
	while (i < n) {
		char c = s[i];
		if (st->quote == '"' && c == '\\') {
			i += 2;
			continue;
		}
		if (st->quote == '\'' && c == '\'' && i + 1 < n &&
		    s[i + 1] == '\'') {
			i += 2;
			continue;
		}
		if (st->quote != 0) {
			if (c == st->quote)
				st->quote = 0;
		} else if (c == '#' && i > 0 && (s[i - 1] == ' ' ||
		    s[i - 1] == '\t')) {
			return NONE;
		} else if ((c == '"' || c == '\'') && (st->prev == 0 ||
		    strchr("[{,:", st->prev) != NULL)) {
			st->quote = c;
			st->quote_off = i;
			st->quote_new = true;
		} else if (c == '[' || c == '{') {
			st->flow++;
		} else if ((c == ']' || c == '}') && st->flow > 0) {
			st->flow--;
		}
		if (c != ' ' && c != '\t')
			st->prev = c;
		i++;
		if (st->quote == 0 && st->flow == 0)
			return i;
	}
	return NONE;
}

/* The first ':' of a plain text from S[I] that ends a key (followed by
 * white space or the end), before any comment; NONE when there is none. */
size_t
yline_plain_colon(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i; j < n; j++) {
		if (s[j] == '#' && j > i && (s[j - 1] == ' ' ||
		    s[j - 1] == '\t'))
			return NONE;
		if (s[j] == ':' && (j + 1 == n || s[j + 1] == ' ' ||
		    s[j + 1] == '\t'))
			return j;
	}
	return NONE;
}

/* The ':' of "KEY: ..." starting at S[I] (a plain or quoted key), or
 * NONE when the entry there is no key. */
size_t
yline_entry_colon(const char *s, size_t n, size_t i)
{
	struct open_state st;
	size_t j;

	memset(&st, 0, sizeof st);
	if (i >= n)
		return NONE;
	if (s[i] == '[' || s[i] == '{')
		return NONE;
	if (s[i] != '"' && s[i] != '\'')
		return yline_plain_colon(s, n, i);
	j = yline_walk_open(&st, s, n, i);
	if (j == NONE)
		return NONE;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	return j < n && s[j] == ':' && (j + 1 == n || s[j + 1] == ' ' ||
	    s[j + 1] == '\t') ? j : NONE;
}

/* Bytes of the key from S[I] to its COLON, without trailing spaces. */
size_t
yline_key_len(const char *s, size_t i, size_t colon)
{
	while (colon > i && (s[colon - 1] == ' ' || s[colon - 1] == '\t'))
		colon--;
	return colon - i;
}

/* Name the entry at S[I] for a message: 'its key', "the list item", or
 * 'its text'. */
void
yline_name(struct buf *b, const char *s, size_t n, size_t i)
{
	size_t c;

	if (yline_is_dash(s, n, i)) {
		buf_adds(b, "the list item");
		return;
	}
	c = yline_entry_colon(s, n, i);
	if (c != NONE)
		yline_quote(b, s + i, yline_key_len(s, i, c));
	else
		yline_quote(b, s + i, yline_text_end(s, n, i) - i);
}
