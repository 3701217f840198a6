/*
 * source.h: a policy file's bytes and the positions in them. The file is
 * read once into one buffer that the loaded policy keeps (for the lines
 * shown under diagnostics); the index of line starts is built only when a
 * diagnostic first needs a line or a position. Private to src/core.
 */
#ifndef AIPOLICY_SOURCE_H
#define AIPOLICY_SOURCE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/diag.h"

/* Bytes of a UTF-8 byte-order mark. */
#define SOURCE_BOM_LEN 3

struct source_lines;

struct source {
	char *text;         /* the file's bytes and a NUL; owned */
	size_t len;         /* bytes, the NUL not counted */
	size_t bom;         /* 0, or SOURCE_BOM_LEN when the file starts with
	                       a UTF-8 byte-order mark */
	/* The line index, built on first use (source_lines_get); set once,
	 * atomically, so a loaded policy can be read by several threads. */
	struct source_lines *_Atomic lines;
};

/* The index of line starts: the byte offset where each line begins. */
struct source_lines {
	uint32_t *start;
	size_t n;
};

/* Results of source_read. */
enum source_status {
	SOURCE_OK = 0,
	SOURCE_CANNOT_OPEN,  /* errno says why */
	SOURCE_NOMEM,
};

/*
 * source_read: read the file at PATH whole into S (read once, at most
 * MAX + 1 bytes: enough to know it is longer than MAX). On SOURCE_OK the
 * caller owns S (source_release); otherwise S is empty.
 */
enum source_status source_read(struct source *s, const char *path,
    size_t max);

/* source_copy: S holds a copy of LEN bytes at BUF. 0, or -1 when out of
 * memory (S empty). The caller owns S. */
int source_copy(struct source *s, const char *buf, size_t len);

/* source_release: free what S owns; S is empty afterwards. */
void source_release(struct source *s);

/* source_lines_get: the line index of S (owned by S), built on first
 * use; NULL when out of memory. Safe to call from several threads. */
const struct source_lines *source_lines_get(struct source *s);

/* source_line: line LINE (1-based) of SRC (LEN bytes, line starts in
 * LINES, NLINES of them), without its break; its length in *OUT_LEN.
 * NULL when there is no such line. */
const char *source_line(const char *src, size_t len, const uint32_t *lines,
    size_t nlines, uint32_t line, size_t *out_len);

/* source_line_text: the same for S; NULL also when out of memory. */
const char *source_line_text(struct source *s, uint32_t line,
    size_t *out_len);

/* source_position: line and column (1-based, columns in code points) of
 * byte OFFSET of S (libyaml's reader errors give bytes). false when out of
 * memory. */
bool source_position(struct source *s, size_t offset, uint32_t *line,
    uint32_t *column);

/*
 * source_vdiag: add a diagnostic at LINE:COLUMN of S to D, with the text of
 * that line. false when out of memory (the line index could not be built;
 * the diagnostic is added without its line).
 */
bool source_vdiag(struct source *s, struct aipolicy_diags *d,
    enum aipolicy_severity sev, uint32_t line, uint32_t column, const char *fmt,
    va_list ap);

#endif
