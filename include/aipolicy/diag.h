/*
 * diag.h: diagnostics (errors and warnings) about places in a policy file.
 *
 * The engine never prints: the loader and the linter add diagnostics to a
 * `struct diags`, and the command-line or the terminal UI decides where they
 * go. A diagnostic carries a 1-based line and column (the column counts code
 * points, as the format spec says) and a copy of the offending source line so
 * that it can be shown with a caret under the column.
 */
#ifndef AIPOLICY_DIAG_H
#define AIPOLICY_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* How many diagnostics of a file are shown; after them, "too many errors". */
#define DIAG_SHOW_MAX 50
/* How many are kept in memory; past this they are only counted. */
#define DIAG_KEEP_MAX 4096

enum severity { SEVERITY_ERROR, SEVERITY_WARNING };

struct diag {
	enum severity severity;
	uint32_t line;     /* 1-based; 0 when the diagnostic has no place */
	uint32_t column;   /* 1-based, in code points */
	char *message;     /* owned */
	char *source;      /* owned copy of the line, sanitised; may be NULL */
	size_t seq;        /* order of arrival, keeps sorting stable */
};

struct diags {
	const char *file;  /* not owned: the name given by the caller */
	struct diag *items;
	size_t count, cap;
	size_t nerrors, nwarnings; /* including those past DIAG_KEEP_MAX */
	size_t dropped;            /* not kept because of DIAG_KEEP_MAX */
};

/* diags_init: an empty list for FILE (not copied; must outlive the list). */
void diags_init(struct diags *d, const char *file);
/* diags_release: frees every diagnostic; the list is empty afterwards. */
void diags_release(struct diags *d);

/*
 * diags_add: add a diagnostic at LINE:COLUMN (0:0 for none). SOURCE, when
 * not NULL, is the text of that line (SOURCE_LEN bytes, no line break); it is
 * copied with control and bidirectional characters replaced by '?'.
 */
void diags_add(struct diags *d, enum severity sev, uint32_t line,
    uint32_t column, const char *source, size_t source_len,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diags_vadd(struct diags *d, enum severity sev, uint32_t line,
    uint32_t column, const char *source, size_t source_len,
    const char *fmt, va_list ap);

/* diags_sort: sort by position (diagnostics without one first), stably. */
void diags_sort(struct diags *d);

/* diags_shown: sort D and return how many of its diagnostics are shown
 * (at most DIAG_SHOW_MAX); the rest are summed up as "too many errors". */
size_t diags_shown(struct diags *d);

/* diags_promote_warnings: turn every warning into an error (lint --strict). */
void diags_promote_warnings(struct diags *d);

#endif
