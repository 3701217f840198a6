/*
 * diag.h: diagnostics (errors and warnings) about places in a policy file.
 *
 * The engine never prints: the loader and the linter add diagnostics to a
 * `struct aipolicy_diags`, and the command-line or the terminal UI decides
 * where they go. A diagnostic carries a 1-based line and column (the column
 * counts code points, as the format spec says) and a copy of the offending
 * source line so that it can be shown with a caret under the column.
 *
 * A note adds to the error or warning added just before it, at the same
 * place (a YAML syntax error is followed by the YAML parser's own words): it
 * is not counted as an error or a warning, never changes an exit code, is
 * not turned into an error by --strict, and is shown (or not) with the
 * diagnostic it belongs to.
 *
 * Threads: a list of diagnostics is used by one thread at a time; the
 * functions keep no global state.
 */
#ifndef AIPOLICY_DIAG_H
#define AIPOLICY_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "aipolicy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How many diagnostics of a file are shown (errors and warnings; their notes
 * come with them); after them, "too many errors". */
#define AIPOLICY_DIAG_SHOW_MAX 50
/* How many are kept in memory; past this they are only counted. */
#define AIPOLICY_DIAG_KEEP_MAX 4096

enum aipolicy_severity { AIPOLICY_SEVERITY_ERROR, AIPOLICY_SEVERITY_WARNING,
    AIPOLICY_SEVERITY_NOTE };

struct aipolicy_diag {
	enum aipolicy_severity severity;
	uint32_t line;     /* 1-based; 0 when the diagnostic has no place */
	uint32_t column;   /* 1-based, in code points */
	char *message;     /* owned */
	char *source;      /* owned copy of the line, sanitised; may be NULL */
	size_t seq;        /* order of arrival, keeps sorting stable */
};

struct aipolicy_diags {
	const char *file;  /* not owned: the name given by the caller */
	struct aipolicy_diag *items;
	size_t count, cap;
	size_t nerrors,
	    nwarnings; /* including those past AIPOLICY_DIAG_KEEP_MAX */
	size_t dropped;            /* errors and warnings not kept (the cap, or
	                              no memory); notes are not counted */
	bool last_dropped;         /* the last error or warning was not kept:
	                              its notes are not kept either */
	bool nomem;                /* memory ran out: a diagnostic, or the
	                              line shown under one, was lost (the list
	                              is not what the file deserves) */
};

/* aipolicy_diags_init: an empty list for FILE (not copied; must outlive the
 * list). */
AIPOLICY_API void aipolicy_diags_init(struct aipolicy_diags *d,
    const char *file);
/* aipolicy_diags_release: frees every diagnostic; the list is empty
 * afterwards. */
AIPOLICY_API void aipolicy_diags_release(struct aipolicy_diags *d);

/*
 * aipolicy_diags_add: add a diagnostic at LINE:COLUMN (0:0 for none). SOURCE,
 * when not NULL, is the text of that line (SOURCE_LEN bytes, no line break); it
 * is copied with control and bidirectional characters replaced by '?' (a tab
 * stays a tab: the display decides how to show it). A AIPOLICY_SEVERITY_NOTE
 * belongs to the error or warning added just before it and must be at its
 * place.
 */
AIPOLICY_API void aipolicy_diags_add(struct aipolicy_diags *d,
    enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *source, size_t source_len,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
AIPOLICY_API void aipolicy_diags_vadd(struct aipolicy_diags *d,
    enum aipolicy_severity sev, uint32_t line,
    uint32_t column, const char *source, size_t source_len,
    const char *fmt, va_list ap);

/* aipolicy_diags_take: move every diagnostic of FROM (in the order they came)
 * to the end of TO, with their counts; past AIPOLICY_DIAG_KEEP_MAX, or when out
 * of memory, they are only counted. FROM is empty afterwards. */
AIPOLICY_API void aipolicy_diags_take(struct aipolicy_diags *to,
    struct aipolicy_diags *from);

/* aipolicy_diags_sort: sort by position (diagnostics without one first),
 * stably: a note stays right after the diagnostic it belongs to. */
AIPOLICY_API void aipolicy_diags_sort(struct aipolicy_diags *d);

/* aipolicy_diags_shown: sort D and return how many of its first items are
 * shown: at most AIPOLICY_DIAG_SHOW_MAX errors and warnings, each with its
 * notes; the rest are summed up as "too many errors" (see
 * aipolicy_diags_hidden). */
AIPOLICY_API size_t aipolicy_diags_shown(struct aipolicy_diags *d);

/* aipolicy_diags_hidden: how many errors and warnings of D are not among its
 * first SHOWN items (aipolicy_diags_shown), counting those that were not
 * kept. */
AIPOLICY_API size_t aipolicy_diags_hidden(const struct aipolicy_diags *d,
    size_t shown);

/* aipolicy_severity_name: "error", "warning" or "note". */
AIPOLICY_API const char *aipolicy_severity_name(enum aipolicy_severity sev);

/* aipolicy_diags_promote_warnings: turn every warning into an error (lint
 * --strict). */
AIPOLICY_API void aipolicy_diags_promote_warnings(struct aipolicy_diags *d);

#ifdef __cplusplus
}
#endif

#endif
