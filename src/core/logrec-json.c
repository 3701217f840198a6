/*
 * logrec-json.c: the strict JSON reader of logrec-json.h: recursive
 * descent, at most JDOC_MAX_DEPTH levels deep, into a flat array of nodes
 * and one buffer of decoded text that are reused from line to line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/wrap.h"
#include "logrec-json.h"
#include "util.h"

/* No node: node 0 is the root and never anyone's child or sibling. */
#define NONE 0
/* Returned by the parse functions on failure. */
#define FAILED SIZE_MAX
/* Objects with more members than this are checked for duplicates by
 * sorting their keys; smaller ones pairwise. */
#define PAIRWISE_MAX 16
#define SURROGATE_HIGH 0xD800u
#define SURROGATE_LOW 0xDC00u
#define SURROGATE_END 0xE000u
/* Hex digits after "\u". */
#define U_ESCAPE_DIGITS 4
/* Room for " (column N)" at the end of an error. */
#define JDOC_WHERE_SIZE 32

struct jparser {
	struct jdoc *d;
	const char *s;
	size_t len, pos;
	enum jdoc_status status;
};

static void fail(struct jparser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void unexpected(struct jparser *p);
static size_t new_node(struct jparser *p, enum jtype type);
static void skip_space(struct jparser *p);
static bool literal(struct jparser *p, const char *word);
static int hex4(struct jparser *p, uint32_t *out);
static void put_utf8(struct jdoc *d, uint32_t cp);
static bool escape(struct jparser *p);
static bool parse_string(struct jparser *p, size_t *off, size_t *len);
static bool digits(struct jparser *p, size_t *i);
static bool parse_number(struct jparser *p, size_t at);
static void add_child(struct jparser *p, size_t at, size_t *last,
    size_t child);
static int list_goes_on(struct jparser *p, char close);
static bool parse_array(struct jparser *p, size_t at, int depth);
static bool parse_object(struct jparser *p, size_t at, int depth);
static int compare_keys(const void *a, const void *b);
static bool no_duplicates(struct jparser *p, size_t at);
static size_t parse_value(struct jparser *p, int depth);

void
jdoc_init(struct jdoc *d)
{
	memset(d, 0, sizeof *d);
}

void
jdoc_release(struct jdoc *d)
{
	free(d->nodes);
	free(d->text);
	free(d->scratch);
	jdoc_init(d);
}

/* Say why the line is not JSON, at the current column; the first reason
 * found is kept. */
static void
fail(struct jparser *p, const char *fmt, ...)
{
	char why[JDOC_ERROR_SIZE - JDOC_WHERE_SIZE];
	va_list ap;

	if (p->status != JDOC_OK)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(p->d->error, sizeof p->d->error, "%s (column %zu)", why,
	    utf8_count(p->s, p->pos) + 1);
	p->status = JDOC_INVALID;
}

/* The character at the current position has no place here. */
static void
unexpected(struct jparser *p)
{
	unsigned char c;

	if (p->pos >= p->len) {
		fail(p, "the line ends too early");
		return;
	}
	c = (unsigned char)p->s[p->pos];
	if (c > ' ' && c < 0x7F && c != '\'')
		fail(p, "unexpected '%c'", c);
	else
		fail(p, "unexpected byte 0x%02X", c);
}

/* A new node of TYPE; its index, or FAILED when out of memory. */
static size_t
new_node(struct jparser *p, enum jtype type)
{
	struct jdoc *d = p->d;
	struct jnode *nn;
	size_t cap;

	if (d->nnodes == d->nodes_cap) {
		cap = d->nodes_cap ? d->nodes_cap * 2 : 64;
		nn = realloc(d->nodes, cap * sizeof *nn);
		if (nn == NULL) {
			p->status = JDOC_NOMEM;
			return FAILED;
		}
		d->nodes = nn;
		d->nodes_cap = cap;
	}
	memset(&d->nodes[d->nnodes], 0, sizeof d->nodes[0]);
	d->nodes[d->nnodes].type = type;
	return d->nnodes++;
}

static void
skip_space(struct jparser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' ||
	    p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
	    p->s[p->pos] == '\r'))
		p->pos++;
}

/* WORD at the current position: consume it. */
static bool
literal(struct jparser *p, const char *word)
{
	size_t n = strlen(word);

	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return false;
	p->pos += n;
	return true;
}

/* Four hex digits after "\u"; 0, or -1 after fail(). */
static int
hex4(struct jparser *p, uint32_t *out)
{
	uint32_t v = 0;
	int i;
	char c;

	if (p->len - p->pos < U_ESCAPE_DIGITS) {
		fail(p, "a \\u escape needs four hex digits");
		return -1;
	}
	for (i = 0; i < U_ESCAPE_DIGITS; i++) {
		c = p->s[p->pos + (size_t)i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else {
			fail(p, "a \\u escape needs four hex digits");
			return -1;
		}
	}
	p->pos += U_ESCAPE_DIGITS;
	*out = v;
	return 0;
}

/* Append code point CP as UTF-8 (the text buffer has room: see
 * jdoc_parse). */
static void
put_utf8(struct jdoc *d, uint32_t cp)
{
	d->text_len += wrap_encode(cp, d->text + d->text_len);
}

/* The escape after a backslash (at the current position), decoded. */
static bool
escape(struct jparser *p)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit;
	uint32_t cp, low;

	if (p->pos >= p->len) {
		fail(p, "the line ends inside a string");
		return false;
	}
	if (p->s[p->pos] != 'u') {
		hit = p->s[p->pos] != '\0' ? strchr(from, p->s[p->pos]) : NULL;
		if (hit == NULL) {
			fail(p, "unknown escape in a string");
			return false;
		}
		p->d->text[p->d->text_len++] = to[hit - from];
		p->pos++;
		return true;
	}
	p->pos++;
	if (hex4(p, &cp) != 0)
		return false;
	if (cp >= SURROGATE_LOW && cp < SURROGATE_END) {
		fail(p, "a \\u escape holds half of a surrogate pair");
		return false;
	}
	if (cp >= SURROGATE_HIGH && cp < SURROGATE_LOW) {
		if (!literal(p, "\\u") || hex4(p, &low) != 0 ||
		    low < SURROGATE_LOW || low >= SURROGATE_END) {
			fail(p, "a \\u escape holds half of a surrogate pair");
			return false;
		}
		cp = 0x10000 + ((cp - SURROGATE_HIGH) << 10) +
		    (low - SURROGATE_LOW);
	}
	if (cp == 0) {
		fail(p, "a NUL character (\\u0000) is not allowed");
		return false;
	}
	put_utf8(p->d, cp);
	return true;
}

/* A string at the current position (its opening quote): decoded into the
 * text buffer, NUL-terminated, at *OFF, *LEN bytes long. */
static bool
parse_string(struct jparser *p, size_t *off, size_t *len)
{
	struct jdoc *d = p->d;
	const unsigned char *u = (const unsigned char *)p->s;
	uint32_t cp;
	size_t k;

	p->pos++;
	*off = d->text_len;
	for (;;) {
		if (p->pos >= p->len) {
			fail(p, "the line ends inside a string");
			return false;
		}
		if (u[p->pos] == '"')
			break;
		if (u[p->pos] == '\\') {
			p->pos++;
			if (!escape(p))
				return false;
		} else if (u[p->pos] < 0x20) {
			fail(p, "a control character (byte 0x%02X) in a string",
			    u[p->pos]);
			return false;
		} else if (u[p->pos] < 0x80) {
			d->text[d->text_len++] = (char)u[p->pos++];
		} else {
			k = utf8_decode(p->s + p->pos, p->len - p->pos, &cp);
			if (cp == 0xFFFD && k == 1) {
				fail(p, "invalid UTF-8 in a string");
				return false;
			}
			memcpy(d->text + d->text_len, p->s + p->pos, k);
			d->text_len += k;
			p->pos += k;
		}
	}
	p->pos++;
	*len = d->text_len - *off;
	d->text[d->text_len++] = '\0';
	return true;
}

/* One or more digits at S[*I] (moved past them); false after fail(). */
static bool
digits(struct jparser *p, size_t *i)
{
	size_t start = *i;

	while (*i < p->len && p->s[*i] >= '0' && p->s[*i] <= '9')
		++*i;
	if (*i > start)
		return true;
	p->pos = *i;
	fail(p, "invalid number");
	return false;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? into node AT. */
static bool
parse_number(struct jparser *p, size_t at)
{
	const char *s = p->s;
	size_t i = p->pos, start;
	bool neg = false, over = false;
	int64_t v = 0;
	int digit;

	if (i < p->len && s[i] == '-') {
		neg = true;
		i++;
	}
	start = i;
	while (i < p->len && s[i] >= '0' && s[i] <= '9') {
		digit = s[i] - '0';
		if (v > (INT64_MAX - digit) / 10)
			over = true;
		else
			v = v * 10 + digit;
		i++;
	}
	if (i == start || (s[start] == '0' && i - start > 1)) {
		p->pos = i == start ? i : start;
		fail(p, "invalid number");
		return false;
	}
	p->d->nodes[at].is_int = true;
	if (i < p->len && s[i] == '.') {
		p->d->nodes[at].is_int = false;
		i++;
		if (!digits(p, &i))
			return false;
	}
	if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
		p->d->nodes[at].is_int = false;
		i++;
		if (i < p->len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!digits(p, &i))
			return false;
	}
	p->d->nodes[at].ival = neg ? -v : v;
	p->d->nodes[at].overflow = over;
	p->pos = i;
	return true;
}

/* CHILD is the next element or member of node AT, after *LAST. */
static void
add_child(struct jparser *p, size_t at, size_t *last, size_t child)
{
	if (*last == NONE)
		p->d->nodes[at].first = child;
	else
		p->d->nodes[*last].next = child;
	*last = child;
	p->d->nodes[at].count++;
}

/* After an element or member: 1 after a ',' (another follows), 0 after
 * CLOSE (the list ends), -1 after fail(). */
static int
list_goes_on(struct jparser *p, char close)
{
	skip_space(p);
	if (p->pos < p->len && p->s[p->pos] == ',') {
		p->pos++;
		return 1;
	}
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return 0;
	}
	unexpected(p);
	return -1;
}

/* Elements after "[" into node AT. */
static bool
parse_array(struct jparser *p, size_t at, int depth)
{
	size_t last = NONE, child;
	int more;

	p->pos++;
	skip_space(p);
	if (p->pos < p->len && p->s[p->pos] == ']') {
		p->pos++;
		return true;
	}
	do {
		child = parse_value(p, depth + 1);
		if (child == FAILED)
			return false;
		add_child(p, at, &last, child);
	} while ((more = list_goes_on(p, ']')) == 1);
	return more == 0;
}

/* Members after "{" into node AT. */
static bool
parse_object(struct jparser *p, size_t at, int depth)
{
	size_t last = NONE, child, key, key_len, key_src;
	int more;

	p->pos++;
	skip_space(p);
	if (p->pos < p->len && p->s[p->pos] == '}') {
		p->pos++;
		return true;
	}
	do {
		skip_space(p);
		if (p->pos >= p->len || p->s[p->pos] != '"') {
			unexpected(p);
			return false;
		}
		key_src = p->pos;
		if (!parse_string(p, &key, &key_len))
			return false;
		skip_space(p);
		if (p->pos >= p->len || p->s[p->pos] != ':') {
			unexpected(p);
			return false;
		}
		p->pos++;
		child = parse_value(p, depth + 1);
		if (child == FAILED)
			return false;
		p->d->nodes[child].key = key;
		p->d->nodes[child].key_len = key_len;
		p->d->nodes[child].key_src = key_src;
		add_child(p, at, &last, child);
	} while ((more = list_goes_on(p, '}')) == 1);
	return more == 0 && no_duplicates(p, at);
}

/* qsort's order of keys: by text, then by place in the line. */
static int
compare_keys(const void *a, const void *b)
{
	const struct jkey *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (c != 0)
		return c;
	return x->src < y->src ? -1 : x->src > y->src;
}

/* No two members of object AT have the same key; the second of two is
 * the one reported. Keys hold no NUL, so they compare as C strings. */
static bool
no_duplicates(struct jparser *p, size_t at)
{
	struct jdoc *d = p->d;
	const struct jkey *dup = NULL;
	struct jkey *keys;
	size_t i, j, n = d->nodes[at].count;
	char *safe;

	if (n > d->scratch_cap) {
		keys = realloc(d->scratch, n * sizeof *keys);
		if (keys == NULL) {
			p->status = JDOC_NOMEM;
			return false;
		}
		d->scratch = keys;
		d->scratch_cap = n;
	}
	for (i = d->nodes[at].first, j = 0; i != NONE; i = d->nodes[i].next) {
		d->scratch[j].text = d->text + d->nodes[i].key;
		d->scratch[j++].src = d->nodes[i].key_src;
	}
	if (n <= PAIRWISE_MAX) {
		for (j = 1; j < n && dup == NULL; j++) {
			for (i = 0; i < j; i++) {
				if (strcmp(d->scratch[i].text,
				    d->scratch[j].text) == 0) {
					dup = &d->scratch[j];
					break;
				}
			}
		}
	} else {
		qsort(d->scratch, n, sizeof *d->scratch, compare_keys);
		for (j = 1; j < n && dup == NULL; j++) {
			if (strcmp(d->scratch[j - 1].text,
			    d->scratch[j].text) == 0)
				dup = &d->scratch[j];
		}
	}
	if (dup == NULL)
		return true;
	safe = text_sanitize(dup->text, strlen(dup->text), 0);
	if (safe == NULL) {
		p->status = JDOC_NOMEM;
		return false;
	}
	p->pos = dup->src;
	fail(p, "duplicate key '%.60s' in an object", safe);
	free(safe);
	return false;
}

/* One value at the current position (after white space); its node, or
 * FAILED. */
static size_t
parse_value(struct jparser *p, int depth)
{
	size_t at, off, len;
	char c;

	skip_space(p);
	if (p->pos >= p->len) {
		unexpected(p);
		return FAILED;
	}
	c = p->s[p->pos];
	if ((c == '[' || c == '{') && depth >= JDOC_MAX_DEPTH) {
		fail(p, "nested deeper than %d levels", JDOC_MAX_DEPTH);
		return FAILED;
	}
	at = new_node(p, c == '"' ? J_STRING : c == '[' ? J_ARRAY :
	    c == '{' ? J_OBJECT : c == 't' ? J_TRUE : c == 'f' ? J_FALSE :
	    c == 'n' ? J_NULL : J_NUMBER);
	if (at == FAILED)
		return FAILED;
	switch (c) {
	case '"':
		if (!parse_string(p, &off, &len))
			return FAILED;
		p->d->nodes[at].str = off;
		p->d->nodes[at].len = len;
		return at;
	case '[':
		return parse_array(p, at, depth) ? at : FAILED;
	case '{':
		return parse_object(p, at, depth) ? at : FAILED;
	case 't':
	case 'f':
	case 'n':
		if (literal(p, c == 't' ? "true" : c == 'f' ? "false" :
		    "null"))
			return at;
		break;
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return parse_number(p, at) ? at : FAILED;
	}
	unexpected(p);
	return FAILED;
}

enum jdoc_status
jdoc_parse(struct jdoc *d, const char *s, size_t len)
{
	struct jparser p = { d, s, len, 0, JDOC_OK };
	size_t need;
	char *nt;

	d->nnodes = 0;
	d->text_len = 0;
	d->error[0] = '\0';
	/* Decoded text is never longer than its source, and there are
	 * fewer strings than bytes: each gets one NUL. */
	if (len > (SIZE_MAX - 1) / 2)
		return JDOC_NOMEM;
	need = 2 * len + 1;
	if (need > d->text_cap) {
		nt = realloc(d->text, need);
		if (nt == NULL)
			return JDOC_NOMEM;
		d->text = nt;
		d->text_cap = need;
	}
	if (parse_value(&p, 0) == FAILED)
		return p.status;
	skip_space(&p);
	if (p.pos < len) {
		fail(&p, "more text after the JSON value");
		return p.status;
	}
	return JDOC_OK;
}

const struct jnode *
jdoc_root(const struct jdoc *d)
{
	return d->nnodes > 0 ? &d->nodes[0] : NULL;
}

const struct jnode *
jdoc_get(const struct jdoc *d, const struct jnode *obj, const char *key)
{
	size_t i;

	if (obj->type != J_OBJECT)
		return NULL;
	for (i = obj->first; i != NONE; i = d->nodes[i].next) {
		if (strcmp(d->text + d->nodes[i].key, key) == 0)
			return &d->nodes[i];
	}
	return NULL;
}

const struct jnode *
jdoc_first(const struct jdoc *d, const struct jnode *n)
{
	return n->first != NONE ? &d->nodes[n->first] : NULL;
}

const struct jnode *
jdoc_next(const struct jdoc *d, const struct jnode *n)
{
	return n->next != NONE ? &d->nodes[n->next] : NULL;
}

const char *
jdoc_str(const struct jdoc *d, const struct jnode *n)
{
	return d->text + n->str;
}
