/*
 * yaml-error.c: what a YAML syntax error means, in plain words
 * (yaml-error.h).
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
 * The layout is followed in yaml-error-layout.c, one line is read in
 * yaml-error-line.c; this file translates libyaml's own problem when the
 * layout holds, and is the entry point. Positions are 1-based; columns
 * count code points (libyaml's marks count the same way, and the caller
 * converts a reader error's byte offset).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml-error-private.h"

/* The longest escape sequence: \U and 8 hex digits. */
#define ESCAPE_MAX 10

static const char *mark_text(const struct scan *sc, uint32_t line,
    uint32_t column, size_t *n, size_t *off);
static bool explain_flow(struct scan *sc, const yaml_parser_t *yp);
static bool explain_char(struct scan *sc, const yaml_parser_t *yp);
static void explain_escape(struct scan *sc, uint32_t line, const char *s,
    size_t n, size_t off);
static void explain_parser(struct scan *sc, const yaml_parser_t *yp);
static void explain_other(struct scan *sc, const char *p, const char *cx,
    uint32_t pl);
static void explain_reader(struct scan *sc);
static char *parser_note(const struct yaml_error_input *in);
static bool at_end(const struct scan *sc, const yaml_parser_t *yp);

/* ---- libyaml's problem, when the layout holds ------------------------ */

/* The text of LINE and the byte offset of COLUMN in it; NULL past the
 * end of the line. */
static const char *
mark_text(const struct scan *sc, uint32_t line, uint32_t column, size_t *n,
    size_t *off)
{
	const char *s = yscan_line(sc, line, n);
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
	if (yline_walk_open(&st, cs, cn, co) == NONE && pl > cl) {
		yscan_unclosed(sc, cl, co, cs[co], 0);
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
		b = yscan_found(sc, pl, ps, po);
		buf_addf(b, "'%c' does not match the '%c' that opens this "
		    "value: close it with '%c'", ps[po], cs[co], cs[co] == '[' ?
		    ']' : '}');
		return true;
	}
	if (ps[po] == ':' && memchr(ps + j, ' ', w - j) == NULL) {
		b = yscan_found(sc, pl, ps, po);
		buf_addf(b, "': ' inside a text in '%c ... %c': put the text "
		    "in quotes", cs[co], cs[co] == '[' ? ']' : '}');
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
	b = yscan_found(sc, pl, ps, po);
	buf_adds(b, "missing ',' before ");
	yline_quote(b, ps + po, w - po);
	buf_addc(b, '?');
	return true;
}

/* libyaml's problem is a character that cannot be where it is. Returns
 * false when that is not the case. */
static bool
explain_char(struct scan *sc, const yaml_parser_t *yp)
{
	const char *p = yp->problem;
	uint32_t line = (uint32_t)yp->problem_mark.line + 1;
	size_t n, off, k;
	uint32_t cp;
	const char *s = mark_text(sc, line,
	    (uint32_t)yp->problem_mark.column + 1, &n, &off);
	struct buf *b;

	if (s == NULL)
		return false;
	if (s[off] == '\t' || strstr(p, "tab character") != NULL) {
		buf_adds(yscan_found(sc, line, s, off),
		    "tab in indentation: use spaces");
		return true;
	}
	if (strcmp(p, "found character that cannot start any token") != 0 &&
	    strcmp(p, "did not find expected node content") != 0)
		return false;
	k = off + utf8_decode(s + off, n - off, &cp);
	b = yscan_found(sc, line, s, off);
	yline_quote(b, s + off, k - off);
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
	b = yscan_found(sc, line, s, k);
	yline_quote(b, s + k, k + 2 <= n ? 2 : n - k);
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
		yscan_unclosed(sc, cl, co, cs[co], 0);
	} else if (escape && ps != NULL) {
		explain_escape(sc, pl, ps, pn, po);
	} else if (strstr(cx, "flow") != NULL && explain_flow(sc, yp)) {
		return;
	} else if (explain_char(sc, yp)) {
		return;
	} else if (strcmp(p, "could not find expected ':'") == 0 &&
	    cs != NULL) {
		yscan_missing_colon(sc, cl, cs, cn, co, false);
	} else if ((strstr(cx, "alias") != NULL ||
	    strstr(cx, "anchor") != NULL) && cs != NULL) {
		buf_addf(yscan_found(sc, cl, cs, co), "'%c' starts an %s, "
		    "which policy files do not use: put the text in quotes",
		    cs[co], cs[co] == '*' ? "alias" : "anchor");
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
		s = yscan_line(sc, pl, &n);  /* off is its end */
	b = yscan_found(sc, pl, s, off);
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

	if (s != NULL && !yline_is_blank(s, n, off))
		return false;
	for (no++; no <= sc->in->nlines; no++) {
		s = yscan_line(sc, no, &n);
		if (!yline_is_blank(s, n, 0))
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
		yscan_run(sc);
		if (!sc->found && sc->open_char != 0 && at_end(sc, yp))
			yscan_report_open(sc, 0);
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
