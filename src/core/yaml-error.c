/*
 * yaml-error.c: what a YAML syntax error means, in plain words.
 *
 * When libyaml gives up it names a problem and a place, often not the
 * place to edit ("mapping values are not allowed in this context" on the
 * line after a key that lacks its ':'). This module reads the file's lines
 * up to libyaml's place the way a person would: the indentation levels
 * opened so far (a stack of block mappings and lists), what the previous
 * entry leaves open (a key ending in ':', a text that deeper lines continue,
 * a block scalar, a quote or bracket running over lines), and stops at the
 * first line that breaks the layout. That finding is said in plain words at
 * its line. When the layout holds, libyaml's problem is translated where
 * it is known, and otherwise kept. libyaml's own words go into the note.
 *
 * Positions are 1-based; columns count code points (libyaml's marks count
 * the same way, and the caller converts a reader error's byte offset).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/text.h"
#include "policy-private.h"
#include "util.h"
#include "yaml-error.h"

/* Indentation levels followed; a deeper file is left to libyaml's words. */
#define LEVELS_MAX 64
/* Indentation steps counted to learn the file's usual one. */
#define STEP_MAX 8
/* Code points of source text quoted in a message. */
#define QUOTE_MAX 60
/* The indentation "above" the file's first entry. */
#define TOP_INDENT (-1L)
/* The longest escape sequence: \U and 8 hex digits. */
#define ESCAPE_MAX 10
/* "Not found" for byte offsets. */
#define NONE SIZE_MAX

enum level_kind { LEVEL_MAP, LEVEL_SEQ };

/* An indentation level: the keys of a block mapping or the dashes of a
 * block list. */
struct level {
	long indent;
	enum level_kind kind;
	uint32_t line;      /* the line that opened it */
	uint32_t entries;   /* lines that start an entry at this indentation */
	long step;          /* indent minus its parent's when opened below a line
	                       ending in ':' or '-'; 0 otherwise */
	bool indentless;    /* a list at the indentation of its key */
};

/* What the previous entry leaves open for the lines below it. */
enum after {
	AFTER_NOTHING,  /* the start of the file */
	AFTER_OPENER,   /* "key:" or "-": a block may start below */
	AFTER_TEXT,     /* a plain text: deeper lines continue it */
	AFTER_DONE      /* a complete value: nothing may be deeper */
};

/* A quoted text or a bracket, followed over one or more lines. */
struct open_state {
	char quote;      /* '"' or '\'' while inside a quoted text */
	size_t flow;     /* depth of '[' and '{' */
	char prev;       /* last character that is not a space; 0 at a start */
	size_t quote_off;  /* where the quote opened on its line */
	bool quote_new;    /* it opened on the line just walked */
};

struct scan {
	const struct yaml_error_input *in;
	uint32_t stop;            /* the last line to read: libyaml's problem */
	struct level lv[LEVELS_MAX];
	size_t depth;
	bool lost;                /* something the scan does not follow */
	unsigned steps[STEP_MAX + 1];
	/* the previous entry */
	enum after after;
	uint32_t entry_line;
	long entry_indent;        /* the indentation of its level */
	const char *key;          /* its key (key_len bytes), or NULL */
	size_t key_len;
	bool bare;                /* a text on a line of its own, no key */
	long bare_indent;         /* that line's indentation */
	uint32_t cont;            /* lines that continued its text */
	bool text_value;          /* its value is a text (plain or block) */
	long block_text;          /* indentation of its block scalar's text */
	uint32_t block_first;     /* the first line of that text */
	uint32_t block_lines;     /* lines of that text so far */
	uint32_t cont_dash;       /* the first line going on with its text that
	                             starts with '- ', or 0 */
	size_t cont_dash_indent;
	uint32_t prev_line;       /* the last line with content */
	/* a block scalar: lines deeper than block_indent are its text */
	bool in_block;
	long block_indent;
	/* a quoted text or bracket left open at the end of a line */
	struct open_state open;
	char open_char;
	uint32_t open_line;
	size_t open_off;
	long open_indent;
	uint32_t swallow;         /* the first line inside it that looks like
	                             an entry of its own, or 0 */
	uint32_t quote_line;      /* the line of the innermost quote open in
	                             it (quote_off on that line), or 0 */
	size_t quote_off;
	uint32_t culprit_line;    /* what was open (a quote inside a bracket
	                             first) when a line was swallowed */
	size_t culprit_off;
	/* the finding */
	bool found;
	uint32_t line, column;
	struct buf msg;
};

static const char *line_at(const struct scan *sc, uint32_t no, size_t *n);
static struct buf *found_at(struct scan *sc, uint32_t no, const char *s,
    size_t off);
static void add_quoted(struct buf *b, const char *s, size_t n);
static void add_spaces(struct buf *b, long n);
static size_t text_end(const char *s, size_t n, size_t i);
static bool is_dash(const char *s, size_t n, size_t i);
static bool is_blank_from(const char *s, size_t n, size_t i);
static size_t walk_open(struct open_state *st, const char *s, size_t n,
    size_t i);
static size_t plain_colon(const char *s, size_t n, size_t i);
static size_t entry_colon(const char *s, size_t n, size_t i);
static size_t key_len(const char *s, size_t i, size_t colon);
static void add_line_name(struct buf *b, const char *s, size_t n, size_t i);
static bool is_paragraph_key(const struct scan *sc);
static long usual_step(const struct scan *sc, long exclude);
static bool odd_level(const struct scan *sc, const struct level *l,
    long parent, long ind, bool lenient);
static void report_pair(struct scan *sc, uint32_t at, long at_indent,
    const char *what, uint32_t no, const char *s, size_t n, size_t ind);
static void report_open(struct scan *sc, uint32_t runs_to);
static void open_place(const struct scan *sc, uint32_t *line, size_t *off);
static bool push(struct scan *sc, uint32_t no, long indent,
    enum level_kind kind, long step);
static void set_entry(struct scan *sc, uint32_t no, long indent,
    const char *key, size_t klen);
static void missing_colon(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t at, bool hint);
static void report_dedent(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t ind, const struct level *lower,
    const struct level *upper);
static void report_deeper(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t ind);
static void report_block_dedent(struct scan *sc, uint32_t no,
    const char *s, size_t n, size_t ind);
static const char *lined_up(enum level_kind kind);
static bool report_item(struct scan *sc, const struct level *grand,
    const struct level *seq, const struct level *map, uint32_t no,
    const char *s, size_t n, size_t ind);
static void report_unclosed(struct scan *sc, uint32_t line, size_t off,
    char c, uint32_t runs_to);
static void note_quote(struct scan *sc, uint32_t no);
static void after_close(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t r, char opener);
static void open_value(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t v, long indent);
static void handle_value(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t v, long indent, bool in_item);
static void scan_open_line(struct scan *sc, uint32_t no, const char *s,
    size_t n);
static bool block_goes_on(struct scan *sc, uint32_t no, const char *s,
    size_t n);
static void scan_continuation(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t ind);
static bool place_same(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind);
static bool place_line(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind);
static void scan_entry(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind);
static void scan_line(struct scan *sc, uint32_t no);
static void scan_run(struct scan *sc);
static const char *mark_text(const struct scan *sc, uint32_t line,
    uint32_t column, size_t *n, size_t *off);
static void explain_escape(struct scan *sc, uint32_t line, const char *s,
    size_t n, size_t off);
static bool explain_flow(struct scan *sc, const yaml_parser_t *yp);
static bool explain_char(struct scan *sc, const yaml_parser_t *yp);
static void explain_parser(struct scan *sc, const yaml_parser_t *yp);
static void explain_other(struct scan *sc, const char *p, const char *cx,
    uint32_t pl);
static void explain_reader(struct scan *sc);
static char *parser_note(const struct yaml_error_input *in);
static bool at_end(const struct scan *sc, const yaml_parser_t *yp);

/* ---- lines, positions, words ------------------------------------------- */

/* Line NO of the file (N bytes, no line break); "" past the end. */
static const char *
line_at(const struct scan *sc, uint32_t no, size_t *n)
{
	const char *s = source_line(sc->in->src, sc->in->len, sc->in->lines,
	    sc->in->nlines, no, n);

	if (s == NULL) {
		*n = 0;
		return "";
	}
	return s;
}

/* Record the finding at line NO, byte OFF of its text S; returns the
 * buffer its message is written into. */
static struct buf *
found_at(struct scan *sc, uint32_t no, const char *s, size_t off)
{
	sc->found = true;
	sc->line = no;
	sc->column = (uint32_t)utf8_count(s, off) + 1;
	return &sc->msg;
}

/* Add 'S' (N bytes of source) to B: trimmed, made safe to show, cut after
 * QUOTE_MAX code points. */
static void
add_quoted(struct buf *b, const char *s, size_t n)
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

static void
add_spaces(struct buf *b, long n)
{
	buf_addf(b, "%ld space%s", n, n == 1 ? "" : "s");
}

/* Where the text that starts at S[I] ends: before a comment (" #") and
 * trailing white space. */
static size_t
text_end(const char *s, size_t n, size_t i)
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
static bool
is_dash(const char *s, size_t n, size_t i)
{
	return i < n && s[i] == '-' && (i + 1 == n || s[i + 1] == ' ' ||
	    s[i + 1] == '\t');
}

/* Nothing but white space or a comment from S[I] on. */
static bool
is_blank_from(const char *s, size_t n, size_t i)
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
static size_t
walk_open(struct open_state *st, const char *s, size_t n, size_t i)
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
static size_t
plain_colon(const char *s, size_t n, size_t i)
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
static size_t
entry_colon(const char *s, size_t n, size_t i)
{
	struct open_state st;
	size_t j;

	memset(&st, 0, sizeof st);
	if (i >= n)
		return NONE;
	if (s[i] == '[' || s[i] == '{')
		return NONE;
	if (s[i] != '"' && s[i] != '\'')
		return plain_colon(s, n, i);
	j = walk_open(&st, s, n, i);
	if (j == NONE)
		return NONE;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	return j < n && s[j] == ':' && (j + 1 == n || s[j + 1] == ' ' ||
	    s[j + 1] == '\t') ? j : NONE;
}

/* Bytes of the key from S[I] to its COLON, without trailing spaces. */
static size_t
key_len(const char *s, size_t i, size_t colon)
{
	while (colon > i && (s[colon - 1] == ' ' || s[colon - 1] == '\t'))
		colon--;
	return colon - i;
}

/* Name the entry at S[I] for a message: 'its key', "the list item", or
 * 'its text'. */
static void
add_line_name(struct buf *b, const char *s, size_t n, size_t i)
{
	size_t c;

	if (is_dash(s, n, i)) {
		buf_adds(b, "the list item");
		return;
	}
	c = entry_colon(s, n, i);
	if (c != NONE)
		add_quoted(b, s + i, key_len(s, i, c));
	else
		add_quoted(b, s + i, text_end(s, n, i) - i);
}

/* Whether the previous entry's key is one whose text may span lines in a
 * policy (a question's ask and help, an outcome's why). */
static bool
is_paragraph_key(const struct scan *sc)
{
	static const char *const keys[] = { "ask", "help", "why" };
	size_t i;

	for (i = 0; sc->key != NULL && i < sizeof keys / sizeof keys[0]; i++) {
		if (sc->key_len == strlen(keys[i]) &&
		    memcmp(sc->key, keys[i], sc->key_len) == 0)
			return true;
	}
	return false;
}

/* ---- the indentation levels ------------------------------------------- */

/* The indentation step the file uses most (the smaller on a tie), not
 * counting one level's own step EXCLUDE (0: none), or 0 when none is
 * known. */
static long
usual_step(const struct scan *sc, long exclude)
{
	long best = 0;
	unsigned i, most = 0, count;

	for (i = 1; i <= STEP_MAX; i++) {
		count = sc->steps[i];
		if ((long)i == exclude && count > 0)
			count--;
		if (count > most) {
			most = count;
			best = (long)i;
		}
	}
	return best;
}

/*
 * Whether level L, alone at its indentation, is the odd one against a line
 * at indentation IND meant to line up with it: L's step from PARENT is not
 * the file's usual step while IND's is. LENIENT: also when the steps do
 * not tell either way.
 */
static bool
odd_level(const struct scan *sc, const struct level *l, long parent,
    long ind, bool lenient)
{
	long usual;

	if (l->step == 0 || l->entries != 1)
		return false;
	usual = usual_step(sc, l->step);
	if (usual != 0 && l->indent - parent != usual && ind - parent == usual)
		return true;
	return lenient && !(usual != 0 && l->indent - parent == usual &&
	    ind - parent != usual);
}

/* Open a level at INDENT, first entry on line NO. Returns false (and gives
 * up) past LEVELS_MAX. */
static bool
push(struct scan *sc, uint32_t no, long indent, enum level_kind kind,
    long step)
{
	struct level *l;

	if (sc->depth == LEVELS_MAX) {
		sc->lost = true;
		return false;
	}
	l = &sc->lv[sc->depth++];
	memset(l, 0, sizeof *l);
	l->indent = indent;
	l->kind = kind;
	l->line = no;
	l->entries = 1;
	l->step = step;
	if (step > 0 && step <= STEP_MAX)
		sc->steps[step]++;
	return true;
}

/* A new entry on line NO at level INDENT, with KEY (KLEN bytes) or none. */
static void
set_entry(struct scan *sc, uint32_t no, long indent, const char *key,
    size_t klen)
{
	sc->entry_line = no;
	sc->entry_indent = indent;
	sc->key = key;
	sc->key_len = klen;
	sc->bare = false;
	sc->cont = 0;
	sc->text_value = false;
	sc->block_text = 0;
	sc->block_first = 0;
	sc->block_lines = 0;
	sc->cont_dash = 0;
	sc->after = AFTER_DONE;
}

/* ---- findings ----------------------------------------------------------- */

/* Line NO (S, N bytes) holds a text at S[AT] where a key was expected.
 * HINT: the entry above at the same level has a text over several lines,
 * which this line may be meant to continue. */
static void
missing_colon(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t at, bool hint)
{
	size_t end = text_end(s, n, at), c;
	struct buf *b = found_at(sc, no, s, at);

	for (c = at; c < end && s[c] != ':' && s[c] != ' '; c++)
		continue;
	if (c > at && c + 1 < end && s[c] == ':') {
		buf_adds(b, "missing space after ':' in ");
		add_quoted(b, s + at, end - at);
		return;
	}
	buf_adds(b, "missing ':' after ");
	add_quoted(b, s + at, end - at);
	buf_addc(b, '?');
	/* A single word is a key, not a sentence going on. */
	if (hint && sc->key != NULL && memchr(s + at, ' ', end - at) != NULL) {
		buf_adds(b, " (if it continues the text of ");
		add_quoted(b, sc->key, sc->key_len);
		buf_adds(b, " above, indent it more than ");
		add_quoted(b, sc->key, sc->key_len);
		buf_addc(b, ')');
	}
}

/* Report line AT (indentation AT_INDENT), alone at its level, naming line
 * NO (S, N bytes) below it, at indentation IND, which WHAT (the keys of a
 * mapping, the items of a list) says should line up with it. */
static void
report_pair(struct scan *sc, uint32_t at, long at_indent, const char *what,
    uint32_t no, const char *s, size_t n, size_t ind)
{
	size_t an;
	const char *as = line_at(sc, at, &an);
	struct buf *b = found_at(sc, at, as, (size_t)at_indent);

	buf_adds(b, "indented by ");
	add_spaces(b, at_indent);
	buf_adds(b, ", but ");
	add_line_name(b, s, n, ind);
	buf_addf(b, " below it (line %u) is at %zu: %s must line up", no, ind,
	    what);
}

static const char *
lined_up(enum level_kind kind)
{
	return kind == LEVEL_MAP ? "keys of one mapping" : "items of one list";
}

/*
 * Line NO (S, N bytes), a key at indentation IND, should line up with the
 * keys of the mapping MAP that starts on the line of a list item (SEQ, the
 * level of its '- ', below GRAND). When the item is alone in its list and
 * its step is odd while it would be the usual one with its keys at IND,
 * the item's line is reported, naming this line. Returns whether it was.
 */
static bool
report_item(struct scan *sc, const struct level *grand,
    const struct level *seq, const struct level *map, uint32_t no,
    const char *s, size_t n, size_t ind)
{
	long gap = map->indent - seq->indent;
	size_t sn;
	const char *ss;
	struct buf *b;

	if (grand == NULL || seq->kind != LEVEL_SEQ || map->step != 0 ||
	    map->line != seq->line || is_dash(s, n, ind) ||
	    !odd_level(sc, seq, grand->indent, (long)ind - gap, false))
		return false;
	ss = line_at(sc, seq->line, &sn);
	b = found_at(sc, seq->line, ss, (size_t)seq->indent);
	buf_adds(b, "indented by ");
	add_spaces(b, seq->indent);
	buf_adds(b, ", so its ");
	add_line_name(b, ss, sn, (size_t)map->indent);
	buf_addf(b, " is at %ld, but ", map->indent);
	add_line_name(b, s, n, ind);
	buf_addf(b, " below it (line %u) is at %zu: keys of one mapping must "
	    "line up", no, ind);
	return true;
}

/*
 * Line NO sits at indentation IND, between the levels LOWER (the top of
 * the stack, or NULL) and UPPER (closed by this line). When one of them
 * holds one entry only and is the odd one (see odd_level), that entry is
 * reported, naming this line; otherwise this line is.
 */
static void
report_dedent(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind, const struct level *lower, const struct level *upper)
{
	bool dash = is_dash(s, n, ind);
	struct buf *b;

	if (((lower == NULL && upper->entries == 1) || (lower != NULL &&
	    odd_level(sc, upper, lower->indent, (long)ind, true))) &&
	    (upper->kind == LEVEL_SEQ) == dash) {
		report_pair(sc, upper->line, upper->indent,
		    lined_up(upper->kind), no, s, n, ind);
		return;
	}
	if (lower != NULL && sc->depth > 1 && (lower->kind == LEVEL_SEQ) ==
	    dash && odd_level(sc, lower, sc->lv[sc->depth - 2].indent,
	    (long)ind, false)) {
		report_pair(sc, lower->line, lower->indent,
		    lined_up(lower->kind), no, s, n, ind);
		return;
	}
	if (lower != NULL && sc->depth > 1 && report_item(sc,
	    &sc->lv[sc->depth - 2], lower, upper, no, s, n, ind))
		return;
	b = found_at(sc, no, s, ind);
	buf_adds(b, "indented by ");
	add_spaces(b, (long)ind);
	buf_addf(b, ", but the %s around it are at ", lower != NULL &&
	    lower->kind == LEVEL_MAP && upper->kind == LEVEL_MAP ? "keys" :
	    "lines");
	if (lower != NULL)
		buf_addf(b, "%ld and ", lower->indent);
	buf_addf(b, "%ld", upper->indent);
}

/* Line NO, at indentation IND, is less indented than the block scalar's
 * text above it, but more than its key. When that text has one line so
 * far, indented by an odd step while this line's step is the usual one,
 * the text's line is reported instead. */
static void
report_block_dedent(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind)
{
	long usual = usual_step(sc, 0);
	struct buf *b;

	if (sc->block_lines == 1 && usual != 0 &&
	    sc->block_text - sc->block_indent != usual &&
	    (long)ind - sc->block_indent == usual) {
		report_pair(sc, sc->block_first, sc->block_text,
		    "the lines of a text", no, s, n, ind);
		return;
	}
	b = found_at(sc, no, s, ind);
	buf_adds(b, "indented by ");
	add_spaces(b, (long)ind);
	buf_adds(b, ", less than the text of ");
	add_quoted(b, sc->key, sc->key_len);
	buf_addf(b, " above it (%ld)", sc->block_text);
}

/*
 * Line NO, at indentation IND, is deeper than the entry above it, which
 * opens no block (a key with a value, or a list item). Usually this line
 * is the one to edit; but when the entry above is alone at its level and
 * that level is the odd one (see odd_level), the entry above is reported,
 * naming this line.
 */
static void
report_deeper(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind)
{
	const struct level *lk = sc->depth > 0 ? &sc->lv[sc->depth - 1] : NULL;
	const struct level *parent = sc->depth > 1 ? &sc->lv[sc->depth - 2] :
	    NULL;
	struct buf *b;

	if (sc->block_text > 0 && (long)ind < sc->block_text &&
	    sc->key != NULL) {
		report_block_dedent(sc, no, s, n, ind);
		return;
	}
	if (lk != NULL && parent != NULL && lk->indent == sc->entry_indent &&
	    (lk->kind == LEVEL_SEQ) == is_dash(s, n, ind) &&
	    odd_level(sc, lk, parent->indent, (long)ind, false)) {
		report_pair(sc, sc->entry_line, sc->entry_indent,
		    lined_up(lk->kind), no, s, n, ind);
		return;
	}
	if (sc->depth > 2 && report_item(sc, &sc->lv[sc->depth - 3], parent,
	    lk, no, s, n, ind))
		return;
	b = found_at(sc, no, s, ind);
	buf_adds(b, "indented by ");
	add_spaces(b, (long)ind);
	buf_adds(b, ", but ");
	if (sc->key != NULL)
		add_quoted(b, sc->key, sc->key_len);
	else
		buf_adds(b, "the list item");
	buf_addf(b, " above it (line %u) is at %ld", sc->entry_line,
	    sc->entry_indent);
}

/* The quote or bracket C at byte OFF of LINE never closes where it
 * should: report it there. RUNS_TO: a line it ran into, or 0 when it is
 * never closed. */
static void
report_unclosed(struct scan *sc, uint32_t line, size_t off, char c,
    uint32_t runs_to)
{
	size_t n;
	const char *s = line_at(sc, line, &n);
	struct buf *b = found_at(sc, line, s, off);

	if (c == '"' || c == '\'')
		buf_addf(b, "unclosed quote: the text that starts here with "
		    "%c%c%c ", c == '"' ? '\'' : '"', c, c == '"' ? '\'' : '"');
	else
		buf_addf(b, "unclosed '%c': the %s that starts here ", c,
		    c == '[' ? "list" : "mapping");
	if (runs_to != 0)
		buf_addf(b, "runs on into line %u", runs_to);
	else
		buf_adds(b, "is never closed");
	if (c == '[' || c == '{')
		buf_addf(b, " (close it with '%c')", c == '[' ? ']' : '}');
}

/* What is open now: a quote inside a bracket first. */
static void
open_place(const struct scan *sc, uint32_t *line, size_t *off)
{
	if (sc->open.quote != 0 && sc->quote_line != 0) {
		*line = sc->quote_line;
		*off = sc->quote_off;
	} else {
		*line = sc->open_line;
		*off = sc->open_off;
	}
}

/* Report as unclosed what was open when line RUNS_TO was swallowed, or,
 * when none was (RUNS_TO is 0), what is open now. */
static void
report_open(struct scan *sc, uint32_t runs_to)
{
	uint32_t line;
	size_t n, off;
	const char *s;

	if (runs_to != 0) {
		line = sc->culprit_line;
		off = sc->culprit_off;
	} else {
		open_place(sc, &line, &off);
	}
	s = line_at(sc, line, &n);
	report_unclosed(sc, line, off, off < n ? s[off] : sc->open_char,
	    runs_to);
}

/* A value that OPENER ('"', '\'', '[' or '{') started closed at S[R] of
 * line NO: nothing but a comment may follow. */
static void
after_close(struct scan *sc, uint32_t no, const char *s, size_t n, size_t r,
    char opener)
{
	size_t j = r;
	struct buf *b;

	sc->after = AFTER_DONE;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j == n || (s[j] == '#' && j > r) || s[j] == ':')
		return;
	b = found_at(sc, no, s, j);
	if (opener == '"')
		buf_adds(b, "text after the closing '\"': quote the whole "
		    "value, and write a '\"' inside it as \\\"");
	else if (opener == '\'')
		buf_adds(b, "text after the closing \"'\": quote the whole "
		    "value, and write an apostrophe inside it as ''");
	else if (s[j] == ']' || s[j] == '}')
		buf_addf(b, "unmatched '%c': nothing before it opens it", s[j]);
	else
		buf_addf(b, "text after the closing '%c': a value that starts "
		    "with '%c' is %s; put the whole value in quotes",
		    opener == '[' ? ']' : '}', opener, opener == '[' ?
		    "a list" : "a mapping");
}

/* ---- values ------------------------------------------------------------- */

/* After a walk of line NO: remember where a quote opened on it. */
static void
note_quote(struct scan *sc, uint32_t no)
{
	if (!sc->open.quote_new)
		return;
	sc->open.quote_new = false;
	sc->quote_line = no;
	sc->quote_off = sc->open.quote_off;
}

/* A quoted or bracketed value starts at S[V] of line NO, in an entry of
 * level INDENT: follow it, maybe over the next lines. */
static void
open_value(struct scan *sc, uint32_t no, const char *s, size_t n, size_t v,
    long indent)
{
	size_t r;

	memset(&sc->open, 0, sizeof sc->open);
	r = walk_open(&sc->open, s, n, v);
	note_quote(sc, no);
	sc->after = AFTER_DONE;
	if (r != NONE) {
		after_close(sc, no, s, n, r, s[v]);
		return;
	}
	sc->open_char = s[v];
	sc->open_line = no;
	sc->open_off = v;
	sc->open_indent = indent;
	sc->swallow = 0;
}

/* The value at S[V] of the entry on line NO at level INDENT. IN_ITEM: the
 * entry is a key right after a list item's '- '. */
static void
handle_value(struct scan *sc, uint32_t no, const char *s, size_t n, size_t v,
    long indent, bool in_item)
{
	size_t c, end;
	struct buf *b;

	/* Anchors and tags are the loader's to refuse: look past them. */
	while (v < n && (s[v] == '&' || s[v] == '!')) {
		while (v < n && s[v] != ' ' && s[v] != '\t')
			v++;
		while (v < n && (s[v] == ' ' || s[v] == '\t'))
			v++;
	}
	if (is_blank_from(s, n, v)) {
		sc->after = AFTER_OPENER;
		return;
	}
	switch (s[v]) {
	case '|':
	case '>':
		sc->in_block = true;
		sc->block_indent = indent;
		sc->text_value = true;
		return;
	case '"': case '\'': case '[': case '{':
		open_value(sc, no, s, n, v, indent);
		return;
	case '*':
		return;
	default:
		break;
	}
	c = plain_colon(s, n, v);
	if (c == NONE) {
		sc->after = AFTER_TEXT;
		sc->text_value = true;
		return;
	}
	b = found_at(sc, no, s, c);
	end = text_end(s, n, v);
	if (in_item || sc->key == NULL) {
		buf_adds(b, "': ' inside the text of a list item: put the "
		    "item's text in quotes");
		return;
	}
	buf_adds(b, "': ' inside the value of ");
	add_quoted(b, sc->key, sc->key_len);
	buf_adds(b, ": put the value in quotes");
	/* Show how, when it is short and needs no escape. */
	if (utf8_count(s + v, end - v) <= QUOTE_MAX &&
	    memchr(s + v, '"', end - v) == NULL &&
	    memchr(s + v, '\\', end - v) == NULL) {
		char *safe = text_sanitize(s + v, end - v, 0);
		if (safe == NULL)
			b->failed = true;
		else
			buf_addf(b, ": \"%s\"", safe);
		free(safe);
	}
}

/* ---- lines -------------------------------------------------------------- */

/* Line NO goes on with a quote or bracket left open above. */
static void
scan_open_line(struct scan *sc, uint32_t no, const char *s, size_t n)
{
	size_t i = 0, r;
	char opener = sc->open_char;

	while (i < n && s[i] == ' ')
		i++;
	if (sc->swallow == 0 && i < n && (long)i <= sc->open_indent &&
	    !(sc->open.quote == 0 && (s[i] == ']' || s[i] == '}'))) {
		sc->swallow = no;
		open_place(sc, &sc->culprit_line, &sc->culprit_off);
	}
	r = walk_open(&sc->open, s, n, 0);
	note_quote(sc, no);
	if (r == NONE)
		return;
	/* Closed after swallowing lines: wrong when libyaml stopped here or
	 * text follows. */
	if (sc->swallow != 0 && ((!is_blank_from(s, n, r) && s[r] != ':') ||
	    no == sc->stop)) {
		report_open(sc, sc->swallow);
		return;
	}
	sc->open_char = 0;
	after_close(sc, no, s, n, r, opener);
}

/* Inside a block scalar: is line NO (S) more of its text? Ends the block
 * when not. The first line of text sets the indentation of the rest. */
static bool
block_goes_on(struct scan *sc, uint32_t no, const char *s, size_t n)
{
	size_t j = 0;

	while (j < n && s[j] == ' ')
		j++;
	if (is_blank_from(s, n, j) && (j == n || s[j] != '#'))
		return true;
	if (sc->block_text == 0 && (long)j > sc->block_indent) {
		sc->block_text = (long)j;
		sc->block_first = no;
		sc->block_lines = 1;
		return true;
	}
	if (sc->block_text > 0 && (long)j >= sc->block_text) {
		sc->block_lines++;
		return true;
	}
	sc->in_block = false;
	return false;
}

/* Line NO, deeper than the entry above and after a plain text: it goes on
 * with that text, so a ': ' in it is a mistake. */
static void
scan_continuation(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t ind)
{
	size_t c, pn;
	const char *ps;
	struct buf *b;

	sc->cont++;
	if (sc->cont_dash == 0 && is_dash(s, n, ind)) {
		/* Text for YAML, but most likely a list item out of line. */
		sc->cont_dash = no;
		sc->cont_dash_indent = ind;
	}
	c = plain_colon(s, n, ind);
	if (c == NONE)
		return;
	if (sc->bare && (sc->cont == 1 || (long)ind == sc->bare_indent)) {
		/* "data" then "  ask: ...", or "yes approved_tool" then
		 * "no: audience": the text above is a key missing its ':'. */
		ps = line_at(sc, sc->prev_line, &pn);
		missing_colon(sc, sc->prev_line, ps, pn,
		    (size_t)sc->bare_indent, false);
		return;
	}
	if (sc->cont_dash != 0 && !sc->bare) {
		ps = line_at(sc, sc->cont_dash, &pn);
		report_deeper(sc, sc->cont_dash, ps, pn, sc->cont_dash_indent);
		return;
	}
	if (sc->cont == 1 && !sc->bare && sc->key != NULL) {
		report_deeper(sc, no, s, n, ind);
		return;
	}
	b = found_at(sc, no, s, c);
	buf_adds(b, "': ' inside ");
	if (sc->key != NULL && !sc->bare) {
		buf_adds(b, "the text of ");
		add_quoted(b, sc->key, sc->key_len);
	} else {
		buf_adds(b, "text");
	}
	buf_adds(b, " that goes on from the line above: put the text in "
	    "quotes");
}

/* Line NO starts an entry at the indentation of level TOP: a sibling.
 * Returns false when that is a mistake (reported). */
static bool
place_same(struct scan *sc, uint32_t no, const char *s, size_t n, size_t ind)
{
	struct level *top = &sc->lv[sc->depth - 1];
	bool dash = is_dash(s, n, ind), key = entry_colon(s, n, ind) != NONE;
	struct buf *b;

	if (dash && top->kind == LEVEL_SEQ) {
		top->entries++;
		return true;
	}
	if (dash && sc->after == AFTER_OPENER &&
	    sc->entry_indent == top->indent) {
		/* A list at the indentation of its key ("conditions:"). */
		if (!push(sc, no, (long)ind, LEVEL_SEQ, 0))
			return false;
		sc->lv[sc->depth - 1].indentless = true;
		return true;
	}
	if (dash) {
		b = found_at(sc, no, s, ind);
		buf_adds(b, "a list item where a key was expected: indent it "
		    "under the key it belongs to");
		return false;
	}
	if (top->kind == LEVEL_SEQ) {
		b = found_at(sc, no, s, ind);
		buf_adds(b, key ? "a key among list items: start it with '- ', "
		    "or indent it under the item it belongs to" : "a line "
		    "without '- ' among list items: start it with '- ', or "
		    "indent it to go on with the item above");
		return false;
	}
	if (!key && !(s[ind] == '"' || s[ind] == '\'' || s[ind] == '[' ||
	    s[ind] == '{')) {
		missing_colon(sc, no, s, n, ind, sc->text_value &&
		    sc->entry_indent == (long)ind && (sc->cont > 0 ||
		    sc->block_text > 0 || is_paragraph_key(sc)));
		return false;
	}
	top->entries++;
	return true;
}

/*
 * Fit line NO (indentation IND, no tab) into the levels: close the deeper
 * ones, then it is a sibling, the first entry of a new level below a line
 * that opens one, or a mistake (reported). Returns false after a finding.
 */
static bool
place_line(struct scan *sc, uint32_t no, const char *s, size_t n, size_t ind)
{
	struct level upper = { 0 }, *top;
	bool popped = false, dash = is_dash(s, n, ind);
	bool key = !dash && entry_colon(s, n, ind) != NONE;

	while (sc->depth > 0 && sc->lv[sc->depth - 1].indent > (long)ind) {
		upper = sc->lv[--sc->depth];
		popped = true;
	}
	top = sc->depth > 0 ? &sc->lv[sc->depth - 1] : NULL;
	if (top != NULL && top->indent == (long)ind && top->indentless &&
	    !dash) {
		sc->depth--;
		top = sc->depth > 0 ? &sc->lv[sc->depth - 1] : NULL;
	}
	if (top != NULL && top->indent == (long)ind)
		return place_same(sc, no, s, n, ind);
	if (popped) {
		report_dedent(sc, no, s, n, ind, top, &upper);
		return false;
	}
	if (top != NULL && sc->after != AFTER_OPENER) {
		report_deeper(sc, no, s, n, ind);
		return false;
	}
	if (!dash && !key)
		return true;  /* a text: the value of the key above */
	return push(sc, no, (long)ind, dash ? LEVEL_SEQ : LEVEL_MAP,
	    top != NULL ? (long)ind - top->indent : 0);
}

/* The content of line NO from its indentation IND: dashes, a key, a value. */
static void
scan_entry(struct scan *sc, uint32_t no, const char *s, size_t n, size_t ind)
{
	size_t i = ind, c, v;
	long level = (long)ind;

	while (is_dash(s, n, i)) {
		if (i != ind && !push(sc, no, (long)i, LEVEL_SEQ, 0))
			return;
		level = (long)i;
		for (i++; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
			continue;
		if (is_blank_from(s, n, i)) {
			set_entry(sc, no, level, NULL, 0);
			sc->after = AFTER_OPENER;
			return;
		}
	}
	c = entry_colon(s, n, i);
	if (c != NONE) {
		if (i != ind && !push(sc, no, (long)i, LEVEL_MAP, 0))
			return;
		set_entry(sc, no, (long)i, s + i, key_len(s, i, c));
		for (v = c + 1; v < n && (s[v] == ' ' || s[v] == '\t'); v++)
			continue;
		handle_value(sc, no, s, n, v, (long)i, i != ind);
		return;
	}
	if (i == ind) {
		/* A text on its own line: the value of the key above. */
		set_entry(sc, no, sc->depth > 0 ? sc->lv[sc->depth - 1].indent :
		    TOP_INDENT, NULL, 0);
		sc->bare = true;
		sc->bare_indent = (long)ind;
	} else {
		set_entry(sc, no, level, NULL, 0);
	}
	handle_value(sc, no, s, n, i, sc->entry_indent, i != ind);
}

/* Read line NO. */
static void
scan_line(struct scan *sc, uint32_t no)
{
	size_t n, i = 0, tab = NONE;
	const char *s = line_at(sc, no, &n);

	if (sc->open_char != 0) {
		scan_open_line(sc, no, s, n);
		return;
	}
	if (sc->in_block && block_goes_on(sc, no, s, n))
		return;
	for (; i < n && (s[i] == ' ' || s[i] == '\t'); i++) {
		if (s[i] == '\t' && tab == NONE)
			tab = i;
	}
	if (tab != NONE && no == sc->stop) {
		buf_adds(found_at(sc, no, s, tab),
		    "tab in indentation: use spaces");
		return;
	}
	if (i == n || s[i] == '#')
		return;
	if (tab != NONE || (i == 0 && s[0] == '%') || (i == 0 && s[0] == '?')) {
		sc->lost = true;  /* not followed: libyaml's words */
		return;
	}
	if (i == 0 && n >= 3 && (memcmp(s, "---", 3) == 0 ||
	    memcmp(s, "...", 3) == 0) && is_blank_from(s, n, 3)) {
		sc->depth = 0;
		sc->after = AFTER_NOTHING;
		return;
	}
	if (sc->after == AFTER_TEXT && (long)i > sc->entry_indent)
		scan_continuation(sc, no, s, n, i);
	else if (place_line(sc, no, s, n, i))
		scan_entry(sc, no, s, n, i);
	sc->prev_line = no;
}

/* Read the lines up to sc->stop, or to the first finding. A quote or
 * bracket still open that swallowed a line is the finding. */
static void
scan_run(struct scan *sc)
{
	uint32_t no;

	for (no = 1; no <= sc->stop && !sc->found && !sc->lost; no++)
		scan_line(sc, no);
	if (!sc->found && !sc->lost && sc->open_char != 0 && sc->swallow != 0)
		report_open(sc, sc->swallow);
}

/* ---- libyaml's problem, when the layout holds ------------------------ */

/* The text of LINE and the byte offset of COLUMN in it; NULL past the
 * end of the line. */
static const char *
mark_text(const struct scan *sc, uint32_t line, uint32_t column, size_t *n,
    size_t *off)
{
	const char *s = line_at(sc, line, n);
	size_t i = 0;
	uint32_t cp = 1;

	while (i < *n && cp < column) {
		i++;
		while (i < *n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		cp++;
	}
	*off = i;
	return i < *n ? s : NULL;
}

/* libyaml stopped inside '{ ... }' or '[ ... ]': a bracket never closed, a
 * missing ',' or a ': ' in a text. Returns false when none fits. */
static bool
explain_flow(struct scan *sc, const yaml_parser_t *yp)
{
	struct open_state st;
	size_t cn, co, pn, po, j, w;
	uint32_t cl = (uint32_t)yp->context_mark.line + 1;
	uint32_t pl = (uint32_t)yp->problem_mark.line + 1;
	const char *cs = mark_text(sc, cl, (uint32_t)yp->context_mark.column +
	    1, &cn, &co);
	const char *ps = mark_text(sc, pl, (uint32_t)yp->problem_mark.column +
	    1, &pn, &po);
	struct buf *b;

	memset(&st, 0, sizeof st);
	if (cs == NULL || (cs[co] != '[' && cs[co] != '{'))
		return false;
	if (walk_open(&st, cs, cn, co) == NONE && pl > cl) {
		report_unclosed(sc, cl, co, cs[co], 0);
		return true;
	}
	if (ps == NULL || pl != cl)
		return false;
	/* The text before the problem, back to the previous indicator. */
	for (j = po; j > 0 && strchr(",[{:", ps[j - 1]) == NULL; j--)
		continue;
	while (j < po && ps[j] == ' ')
		j++;
	for (w = po; w > j && ps[w - 1] == ' '; w--)
		continue;
	if ((ps[po] == ']' || ps[po] == '}') && ps[po] != (cs[co] == '[' ?
	    ']' : '}')) {
		b = found_at(sc, pl, ps, po);
		buf_addf(b, "'%c' does not match the '%c' that opens this "
		    "value: close it with '%c'", ps[po], cs[co], cs[co] == '[' ?
		    ']' : '}');
		return true;
	}
	if (ps[po] == ':' && memchr(ps + j, ' ', w - j) == NULL) {
		b = found_at(sc, pl, ps, po);
		buf_addf(b, "': ' inside a text in '%c ... %c': put the text in "
		    "quotes", cs[co], cs[co] == '[' ? ']' : '}');
		return true;
	}
	if (ps[po] == ':') {
		while (w > j && ps[w - 1] != ' ')
			w--;
		po = w;
	}
	for (w = po; w < pn && strchr(" ,:]}", ps[w]) == NULL; w++)
		continue;
	if (w == po)
		return false;
	b = found_at(sc, pl, ps, po);
	buf_adds(b, "missing ',' before ");
	add_quoted(b, ps + po, w - po);
	buf_addc(b, '?');
	return true;
}

/* libyaml's problem is a character that cannot be where it is. Returns
 * false when that is not the case. */
static bool
explain_char(struct scan *sc, const yaml_parser_t *yp)
{
	const char *p = yp->problem, *cx = yp->context ? yp->context : "";
	uint32_t line = (uint32_t)yp->problem_mark.line + 1;
	size_t n, off, k;
	uint32_t cp;
	const char *s = mark_text(sc, line,
	    (uint32_t)yp->problem_mark.column + 1, &n, &off);
	struct buf *b;

	if (s == NULL)
		return false;
	if (s[off] == '\t' || strstr(p, "tab character") != NULL) {
		buf_adds(found_at(sc, line, s, off),
		    "tab in indentation: use spaces");
		return true;
	}
	if (strcmp(p, "found character that cannot start any token") != 0 &&
	    strcmp(p, "did not find expected node content") != 0)
		return false;
	(void)cx;
	k = off + utf8_decode(s + off, n - off, &cp);
	b = found_at(sc, line, s, off);
	add_quoted(b, s + off, k - off);
	buf_adds(b, " cannot start a value: put the text in quotes");
	return true;
}

/* A bad escape sequence in "...": libyaml points at the backslash, or at
 * the first character that is not a hex digit after \x, \u or \U. */
static void
explain_escape(struct scan *sc, uint32_t line, const char *s, size_t n,
    size_t off)
{
	size_t k = off;
	struct buf *b;

	while (k > 0 && s[k] != '\\' && off - k < ESCAPE_MAX)
		k--;
	if (s[k] != '\\')
		k = off;
	b = found_at(sc, line, s, k);
	add_quoted(b, s + k, k + 2 <= n ? 2 : n - k);
	if (k + 1 < n && s[k] == '\\' && strchr("xuU", s[k + 1]) != NULL)
		buf_addf(b, " must be followed by %d hex digits in \"...\"",
		    s[k + 1] == 'x' ? 2 : s[k + 1] == 'u' ? 4 : 8);
	else
		buf_adds(b, " is not an escape sequence in \"...\"");
	buf_adds(b, ": write a backslash as \\\\, or quote the text with "
	    "'...' instead");
}

/* libyaml's parser or scanner gave up and the layout scan found nothing:
 * translate its problem where it is known, else keep it at its place. */
static void
explain_parser(struct scan *sc, const yaml_parser_t *yp)
{
	const char *p = yp->problem ? yp->problem : "syntax error";
	const char *cx = yp->context ? yp->context : "";
	uint32_t pl = (uint32_t)yp->problem_mark.line + 1;
	uint32_t cl = (uint32_t)yp->context_mark.line + 1;
	size_t pn, po, cn, co;
	const char *ps = mark_text(sc, pl, (uint32_t)yp->problem_mark.column +
	    1, &pn, &po);
	const char *cs = mark_text(sc, cl, (uint32_t)yp->context_mark.column +
	    1, &cn, &co);
	bool escape = strstr(p, "escape") != NULL ||
	    strstr(p, "hexdecimal") != NULL;

	if (strstr(cx, "quoted scalar") != NULL && !escape && cs != NULL) {
		report_unclosed(sc, cl, co, cs[co], 0);
	} else if (escape && ps != NULL) {
		explain_escape(sc, pl, ps, pn, po);
	} else if (strstr(cx, "flow") != NULL && explain_flow(sc, yp)) {
		return;
	} else if (explain_char(sc, yp)) {
		return;
	} else if (strcmp(p, "could not find expected ':'") == 0 &&
	    cs != NULL) {
		missing_colon(sc, cl, cs, cn, co, false);
	} else if ((strstr(cx, "alias") != NULL ||
	    strstr(cx, "anchor") != NULL) && cs != NULL) {
		buf_addf(found_at(sc, cl, cs, co), "'%c' starts an %s, which "
		    "policy files do not use: put the text in quotes", cs[co],
		    cs[co] == '*' ? "alias" : "anchor");
	} else {
		explain_other(sc, p, cx, pl);
	}
}

/* The rest of libyaml's problems, at libyaml's place (line PL). */
static void
explain_other(struct scan *sc, const char *p, const char *cx, uint32_t pl)
{
	const yaml_parser_t *yp = sc->in->parser;
	size_t n, off;
	const char *s = mark_text(sc, pl, (uint32_t)yp->problem_mark.column +
	    1, &n, &off);
	struct buf *b;

	if (s == NULL)
		s = line_at(sc, pl, &n);  /* off is its end */
	b = found_at(sc, pl, s, off);
	if (strstr(p, "block sequence entries") != NULL)
		buf_adds(b, "a list cannot start on the line of its key: put "
		    "each '- ' item on a line of its own, indented below the "
		    "key");
	else if (strstr(p, "mapping values") != NULL)
		buf_adds(b, "': ' inside a text: put the text in quotes");
	else if (strstr(cx, "block scalar") != NULL)
		buf_adds(b, "text after '|' or '>': the text of a block starts "
		    "on the next line, indented");
	else
		buf_addf(b, "invalid YAML: %s", p);
}

/* What libyaml's reader refused (bytes, not syntax). */
static void
explain_reader(struct scan *sc)
{
	const yaml_parser_t *yp = sc->in->parser;
	const char *what = yp->problem ? yp->problem : "unreadable input";

	sc->found = true;
	sc->line = sc->in->offset_line;
	sc->column = sc->in->offset_column;
	if (strcmp(what, "control characters are not allowed") == 0)
		buf_addf(&sc->msg, "control character U+%04X is not allowed",
		    (unsigned)yp->problem_value);
	else if (strstr(what, "UTF-8") != NULL ||
	    strstr(what, "Unicode") != NULL)
		buf_addf(&sc->msg, "the file is not valid UTF-8 (byte 0x%02X)",
		    (unsigned)yp->problem_value & 0xFF);
	else
		buf_adds(&sc->msg, what);
}

/* "the YAML parser said: ..." with libyaml's problem, context and places. */
static char *
parser_note(const struct yaml_error_input *in)
{
	const yaml_parser_t *yp = in->parser;
	struct buf b;

	buf_init(&b);
	buf_addf(&b, "the YAML parser said: %s", yp->problem ? yp->problem :
	    "syntax error");
	if (yp->error == YAML_READER_ERROR) {
		buf_addf(&b, " (value 0x%X) at byte %zu",
		    (unsigned)yp->problem_value, yp->problem_offset);
	} else {
		buf_addf(&b, " at line %zu, column %zu",
		    yp->problem_mark.line + 1, yp->problem_mark.column + 1);
		if (yp->context != NULL)
			buf_addf(&b, " (%s at line %zu, column %zu)",
			    yp->context, yp->context_mark.line + 1,
			    yp->context_mark.column + 1);
	}
	if (b.failed) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* Whether libyaml stopped at the end of the file (nothing but white space
 * and comments from its place on). */
static bool
at_end(const struct scan *sc, const yaml_parser_t *yp)
{
	uint32_t no = (uint32_t)yp->problem_mark.line + 1;
	size_t n, off;
	const char *s = mark_text(sc, no, (uint32_t)yp->problem_mark.column + 1,
	    &n, &off);

	if (s != NULL && !is_blank_from(s, n, off))
		return false;
	for (no++; no <= sc->in->nlines; no++) {
		s = line_at(sc, no, &n);
		if (!is_blank_from(s, n, 0))
			return false;
	}
	return true;
}

/* ---- entry point ------------------------------------------------------- */

int
yaml_error_explain(const struct yaml_error_input *in, struct yaml_error *out)
{
	struct scan *sc;
	const yaml_parser_t *yp = in->parser;

	memset(out, 0, sizeof *out);
	sc = calloc(1, sizeof *sc);
	if (sc == NULL)
		return -1;
	sc->in = in;
	buf_init(&sc->msg);
	sc->stop = (uint32_t)yp->problem_mark.line + 1;
	if (yp->error == YAML_READER_ERROR) {
		explain_reader(sc);
	} else {
		scan_run(sc);
		if (!sc->found && sc->open_char != 0 && at_end(sc, yp))
			report_open(sc, 0);
		if (!sc->found)
			explain_parser(sc, yp);
	}
	out->line = sc->line;
	out->column = sc->column;
	out->message = sc->msg.failed ? NULL : buf_detach(&sc->msg);
	out->note = parser_note(in);
	buf_release(&sc->msg);
	free(sc);
	if (out->message == NULL || out->note == NULL) {
		yaml_error_release(out);
		return -1;
	}
	return 0;
}

void
yaml_error_release(struct yaml_error *e)
{
	free(e->message);
	free(e->note);
	e->message = NULL;
	e->note = NULL;
}
