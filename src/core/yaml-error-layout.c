/*
 * yaml-error-layout.c: the file's lines read the way a person would, up
 * to libyaml's place: the indentation levels opened so far (a stack of
 * block mappings and lists), what the previous entry leaves open (a key
 * ending in ':', a text that deeper lines continue, a block scalar, a
 * quote or bracket running over lines), stopping at the first line that
 * breaks the layout, which is said in plain words at its line
 * (yaml-error-private.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "policy-private.h"
#include "yaml-error-private.h"

/* The indentation "above" the file's first entry. */
#define TOP_INDENT (-1L)

static bool is_paragraph_key(const struct scan *sc);
static long usual_step(const struct scan *sc, long exclude);
static bool odd_level(const struct scan *sc, const struct level *l,
    long parent, long ind, bool lenient);
static bool push(struct scan *sc, uint32_t no, long indent,
    enum level_kind kind, long step);
static void set_entry(struct scan *sc, uint32_t no, long indent,
    const char *key, size_t klen);
static void report_pair(struct scan *sc, uint32_t at, long at_indent,
    const char *what, uint32_t no, const char *s, size_t n, size_t ind);
static const char *lined_up(enum level_kind kind);
static bool report_item(struct scan *sc, const struct level *grand,
    const struct level *seq, const struct level *map, uint32_t no,
    const char *s, size_t n, size_t ind);
static void report_dedent(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t ind, const struct level *lower,
    const struct level *upper);
static void report_block_dedent(struct scan *sc, uint32_t no,
    const char *s, size_t n, size_t ind);
static void report_deeper(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t ind);
static void open_place(const struct scan *sc, uint32_t *line, size_t *off);
static void after_close(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t r, char opener);
static void note_quote(struct scan *sc, uint32_t no);
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

/* Line NO of the file (N bytes, no line break); "" past the end. */
const char *
yscan_line(const struct scan *sc, uint32_t no, size_t *n)
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
struct buf *
yscan_found(struct scan *sc, uint32_t no, const char *s, size_t off)
{
	sc->found = true;
	sc->line = no;
	sc->column = (uint32_t)utf8_count(s, off) + 1;
	return &sc->msg;
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
void
yscan_missing_colon(struct scan *sc, uint32_t no, const char *s, size_t n,
    size_t at, bool hint)
{
	size_t end = yline_text_end(s, n, at), c;
	struct buf *b = yscan_found(sc, no, s, at);

	for (c = at; c < end && s[c] != ':' && s[c] != ' '; c++)
		continue;
	if (c > at && c + 1 < end && s[c] == ':') {
		buf_adds(b, "missing space after ':' in ");
		yline_quote(b, s + at, end - at);
		return;
	}
	buf_adds(b, "missing ':' after ");
	yline_quote(b, s + at, end - at);
	buf_addc(b, '?');
	/* A single word is a key, not a sentence going on. */
	if (hint && sc->key != NULL && memchr(s + at, ' ', end - at) != NULL) {
		buf_adds(b, " (if it continues the text of ");
		yline_quote(b, sc->key, sc->key_len);
		buf_adds(b, " above, indent it more than ");
		yline_quote(b, sc->key, sc->key_len);
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
	const char *as = yscan_line(sc, at, &an);
	struct buf *b = yscan_found(sc, at, as, (size_t)at_indent);

	buf_adds(b, "indented by ");
	yline_spaces(b, at_indent);
	buf_adds(b, ", but ");
	yline_name(b, s, n, ind);
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
	    map->line != seq->line || yline_is_dash(s, n, ind) ||
	    !odd_level(sc, seq, grand->indent, (long)ind - gap, false))
		return false;
	ss = yscan_line(sc, seq->line, &sn);
	b = yscan_found(sc, seq->line, ss, (size_t)seq->indent);
	buf_adds(b, "indented by ");
	yline_spaces(b, seq->indent);
	buf_adds(b, ", so its ");
	yline_name(b, ss, sn, (size_t)map->indent);
	buf_addf(b, " is at %ld, but ", map->indent);
	yline_name(b, s, n, ind);
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
	bool dash = yline_is_dash(s, n, ind);
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
	b = yscan_found(sc, no, s, ind);
	buf_adds(b, "indented by ");
	yline_spaces(b, (long)ind);
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
	b = yscan_found(sc, no, s, ind);
	buf_adds(b, "indented by ");
	yline_spaces(b, (long)ind);
	buf_adds(b, ", less than the text of ");
	yline_quote(b, sc->key, sc->key_len);
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
	    (lk->kind == LEVEL_SEQ) == yline_is_dash(s, n, ind) &&
	    odd_level(sc, lk, parent->indent, (long)ind, false)) {
		report_pair(sc, sc->entry_line, sc->entry_indent,
		    lined_up(lk->kind), no, s, n, ind);
		return;
	}
	if (sc->depth > 2 && report_item(sc, &sc->lv[sc->depth - 3], parent,
	    lk, no, s, n, ind))
		return;
	b = yscan_found(sc, no, s, ind);
	buf_adds(b, "indented by ");
	yline_spaces(b, (long)ind);
	buf_adds(b, ", but ");
	if (sc->key != NULL)
		yline_quote(b, sc->key, sc->key_len);
	else
		buf_adds(b, "the list item");
	buf_addf(b, " above it (line %u) is at %ld", sc->entry_line,
	    sc->entry_indent);
}

/* The quote or bracket C at byte OFF of LINE never closes where it
 * should: report it there. RUNS_TO: a line it ran into, or 0 when it is
 * never closed. */
void
yscan_unclosed(struct scan *sc, uint32_t line, size_t off, char c,
    uint32_t runs_to)
{
	size_t n;
	const char *s = yscan_line(sc, line, &n);
	struct buf *b = yscan_found(sc, line, s, off);

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
void
yscan_report_open(struct scan *sc, uint32_t runs_to)
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
	s = yscan_line(sc, line, &n);
	yscan_unclosed(sc, line, off, off < n ? s[off] : sc->open_char,
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
	b = yscan_found(sc, no, s, j);
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
	r = yline_walk_open(&sc->open, s, n, v);
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
	if (yline_is_blank(s, n, v)) {
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
	c = yline_plain_colon(s, n, v);
	if (c == NONE) {
		sc->after = AFTER_TEXT;
		sc->text_value = true;
		return;
	}
	b = yscan_found(sc, no, s, c);
	end = yline_text_end(s, n, v);
	if (in_item || sc->key == NULL) {
		buf_adds(b, "': ' inside the text of a list item: put the "
		    "item's text in quotes");
		return;
	}
	buf_adds(b, "': ' inside the value of ");
	yline_quote(b, sc->key, sc->key_len);
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
	r = yline_walk_open(&sc->open, s, n, 0);
	note_quote(sc, no);
	if (r == NONE)
		return;
	/* Closed after swallowing lines: wrong when libyaml stopped here or
	 * text follows. */
	if (sc->swallow != 0 && ((!yline_is_blank(s, n, r) && s[r] != ':') ||
	    no == sc->stop)) {
		yscan_report_open(sc, sc->swallow);
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
	if (yline_is_blank(s, n, j) && (j == n || s[j] != '#'))
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
	if (sc->cont_dash == 0 && yline_is_dash(s, n, ind)) {
		/* Text for YAML, but most likely a list item out of line. */
		sc->cont_dash = no;
		sc->cont_dash_indent = ind;
	}
	c = yline_plain_colon(s, n, ind);
	if (c == NONE)
		return;
	if (sc->bare && (sc->cont == 1 || (long)ind == sc->bare_indent)) {
		/* "data" then "  ask: ...", or "yes approved_tool" then
		 * "no: audience": the text above is a key missing its ':'. */
		ps = yscan_line(sc, sc->prev_line, &pn);
		yscan_missing_colon(sc, sc->prev_line, ps, pn,
		    (size_t)sc->bare_indent, false);
		return;
	}
	if (sc->cont_dash != 0 && !sc->bare) {
		ps = yscan_line(sc, sc->cont_dash, &pn);
		report_deeper(sc, sc->cont_dash, ps, pn, sc->cont_dash_indent);
		return;
	}
	if (sc->cont == 1 && !sc->bare && sc->key != NULL) {
		report_deeper(sc, no, s, n, ind);
		return;
	}
	b = yscan_found(sc, no, s, c);
	buf_adds(b, "': ' inside ");
	if (sc->key != NULL && !sc->bare) {
		buf_adds(b, "the text of ");
		yline_quote(b, sc->key, sc->key_len);
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
	bool dash = yline_is_dash(s, n, ind);
	bool key = yline_entry_colon(s, n, ind) != NONE;
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
		b = yscan_found(sc, no, s, ind);
		buf_adds(b, "a list item where a key was expected: indent it "
		    "under the key it belongs to");
		return false;
	}
	if (top->kind == LEVEL_SEQ) {
		b = yscan_found(sc, no, s, ind);
		buf_adds(b, key ? "a key among list items: start it with '- ', "
		    "or indent it under the item it belongs to" : "a line "
		    "without '- ' among list items: start it with '- ', or "
		    "indent it to go on with the item above");
		return false;
	}
	if (!key && !(s[ind] == '"' || s[ind] == '\'' || s[ind] == '[' ||
	    s[ind] == '{')) {
		yscan_missing_colon(sc, no, s, n, ind, sc->text_value &&
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
	bool popped = false, dash = yline_is_dash(s, n, ind);
	bool key = !dash && yline_entry_colon(s, n, ind) != NONE;

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

	while (yline_is_dash(s, n, i)) {
		if (i != ind && !push(sc, no, (long)i, LEVEL_SEQ, 0))
			return;
		level = (long)i;
		for (i++; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
			continue;
		if (yline_is_blank(s, n, i)) {
			set_entry(sc, no, level, NULL, 0);
			sc->after = AFTER_OPENER;
			return;
		}
	}
	c = yline_entry_colon(s, n, i);
	if (c != NONE) {
		if (i != ind && !push(sc, no, (long)i, LEVEL_MAP, 0))
			return;
		set_entry(sc, no, (long)i, s + i, yline_key_len(s, i, c));
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
	const char *s = yscan_line(sc, no, &n);

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
		buf_adds(yscan_found(sc, no, s, tab),
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
	    memcmp(s, "...", 3) == 0) && yline_is_blank(s, n, 3)) {
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
void
yscan_run(struct scan *sc)
{
	uint32_t no;

	for (no = 1; no <= sc->stop && !sc->found && !sc->lost; no++)
		scan_line(sc, no);
	if (!sc->found && !sc->lost && sc->open_char != 0 && sc->swallow != 0)
		yscan_report_open(sc, sc->swallow);
}
