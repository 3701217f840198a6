/*
 * yaml-error-private.h: what the three parts of the explanation of a YAML
 * syntax error share (yaml-error.h): yaml-error-line.c reads one line as
 * text (quotes, brackets, colons, dashes, comments) and quotes it in a
 * message; yaml-error-layout.c follows the indentation levels from the
 * top of the file to the first line that breaks the layout; yaml-error.c
 * translates libyaml's problem when the layout holds. Private to
 * src/core.
 *
 * Positions are 1-based; columns count code points. A line is S, N bytes
 * without its line break; I and offsets are byte offsets into it.
 */
#ifndef AIPOLICY_YAML_ERROR_PRIVATE_H
#define AIPOLICY_YAML_ERROR_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"
#include "yaml-error.h"

/* Indentation levels followed; a deeper file is left to libyaml's words. */
#define LEVELS_MAX 64
/* Indentation steps counted to learn the file's usual one. */
#define STEP_MAX 8
/* Code points of source text quoted in a message. */
#define QUOTE_MAX 60
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
	long step;          /* indent minus its parent's when opened below a
	                       line ending in ':' or '-'; 0 otherwise */
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

/* ---- one line (yaml-error-line.c) ------------------------------------- */

/* yline_quote: 'S' (N bytes of source) onto B: trimmed, made safe to
 * show, cut after QUOTE_MAX code points. */
void yline_quote(struct buf *b, const char *s, size_t n);
/* yline_spaces: "N spaces" onto B. */
void yline_spaces(struct buf *b, long n);
/* yline_text_end: where the text that starts at S[I] ends: before a
 * comment (" #") and trailing white space. */
size_t yline_text_end(const char *s, size_t n, size_t i);
/* yline_is_dash: a list item's dash at S[I]: '-' then a space, a tab or
 * the end. */
bool yline_is_dash(const char *s, size_t n, size_t i);
/* yline_is_blank: nothing but white space or a comment from S[I] on. */
bool yline_is_blank(const char *s, size_t n, size_t i);
/* yline_walk_open: follow quoted text and brackets from S[I] (ST says
 * what is open; all zero at the start of a value). Returns the offset just
 * after the character that closes everything, or NONE when the line ends
 * (or a comment starts) with something still open; ST is updated either
 * way. */
size_t yline_walk_open(struct open_state *st, const char *s, size_t n,
    size_t i);
/* yline_plain_colon: the first ':' of a plain text from S[I] that ends a
 * key (followed by white space or the end), before any comment; NONE when
 * there is none. */
size_t yline_plain_colon(const char *s, size_t n, size_t i);
/* yline_entry_colon: the ':' of "KEY: ..." starting at S[I] (a plain or
 * quoted key), or NONE when the entry there is no key. */
size_t yline_entry_colon(const char *s, size_t n, size_t i);
/* yline_key_len: bytes of the key from S[I] to its COLON, without
 * trailing spaces. */
size_t yline_key_len(const char *s, size_t i, size_t colon);
/* yline_name: the entry at S[I] named onto B for a message: 'its key',
 * "the list item", or 'its text'. */
void yline_name(struct buf *b, const char *s, size_t n, size_t i);

/* ---- the layout (yaml-error-layout.c) --------------------------------- */

/* yscan_line: line NO of the file (*N bytes, no line break); "" past the
 * end. */
const char *yscan_line(const struct scan *sc, uint32_t no, size_t *n);
/* yscan_found: record the finding at line NO, byte OFF of its text S;
 * returns the buffer its message is written into. */
struct buf *yscan_found(struct scan *sc, uint32_t no, const char *s,
    size_t off);
/* yscan_missing_colon: line NO (S, N bytes) holds a text at S[AT] where a
 * key was expected. HINT: the entry above at the same level has a text
 * over several lines, which this line may be meant to continue. */
void yscan_missing_colon(struct scan *sc, uint32_t no, const char *s,
    size_t n, size_t at, bool hint);
/* yscan_unclosed: the quote or bracket C at byte OFF of LINE never closes
 * where it should: report it there. RUNS_TO: a line it ran into, or 0
 * when it is never closed. */
void yscan_unclosed(struct scan *sc, uint32_t line, size_t off, char c,
    uint32_t runs_to);
/* yscan_report_open: report as unclosed what was open when line RUNS_TO
 * was swallowed, or, when none was (RUNS_TO is 0), what is open now. */
void yscan_report_open(struct scan *sc, uint32_t runs_to);
/* yscan_run: read the lines up to sc->stop, or to the first finding. A
 * quote or bracket still open that swallowed a line is the finding. */
void yscan_run(struct scan *sc);

#endif
