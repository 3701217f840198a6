/*
 * msg.c: messages on stderr, and loading a policy with its diagnostics.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/exit.h"
#include "core/text.h"
#include "msg.h"
#include "served.h"
#include "util.h"
#include "usage.h"

static void vsay(const char *file, const char *kind, const char *fmt,
    va_list ap);
static void add_caret(struct buf *b, const char *line, uint32_t column);
static void print_diag(const struct aipolicy_diags *d,
    const struct aipolicy_diag *g);
static void print_errors(struct aipolicy_diags *d, const char *path);
static int load_translation(const char *path, struct aipolicy *p,
    struct translation_set *set);

/* "aipolicy: [FILE: ][KIND: ]MESSAGE\n" as one write. */
static void
vsay(const char *file, const char *kind, const char *fmt, va_list ap)
{
	struct buf b;
	va_list copy;
	int n;

	buf_init(&b);
	buf_adds(&b, "aipolicy: ");
	if (file != NULL)
		buf_addf(&b, "%s: ", file);
	if (kind != NULL)
		buf_addf(&b, "%s: ", kind);
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n >= 0 && buf_reserve(&b, (size_t)n + 1)) {
		vsnprintf(b.data + b.len, (size_t)n + 1, fmt, ap);
		b.len += (size_t)n;
	}
	buf_addc(&b, '\n');
	if (!b.failed)
		fputs(b.data, stderr);
	else
		fputs("aipolicy: error: out of memory\n", stderr);
	buf_release(&b);
}

int
msg_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(NULL, "error", fmt, ap);
	va_end(ap);
	return code;
}

int
msg_file_error(int code, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(file, "error", fmt, ap);
	va_end(ap);
	return code;
}

void
msg_warning(const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(file, "warning", fmt, ap);
	va_end(ap);
}

void
msg_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(NULL, NULL, fmt, ap);
	va_end(ap);
}

int
msg_usage(void)
{
	fputs("usage: aipolicy serve " SERVE_USAGE "\n", stderr);
	return EXIT_USAGE;
}

/* The source line and a caret under COLUMN (code points; a tab stays a
 * tab so that the caret lines up). */
static void
add_caret(struct buf *b, const char *line, uint32_t column)
{
	const unsigned char *s = (const unsigned char *)line;
	uint32_t cp = 1;

	buf_addf(b, "  %s\n  ", line);
	for (; *s != '\0' && cp < column; s++) {
		if ((*s & 0xC0) == 0x80)
			continue;
		buf_addc(b, *s == '\t' ? '\t' : ' ');
		cp++;
	}
	buf_adds(b, "^\n");
}

static void
print_diag(const struct aipolicy_diags *d, const struct aipolicy_diag *g)
{
	const char *sev = g->severity == AIPOLICY_SEVERITY_ERROR ? "error" :
	    "warning";
	struct buf b;

	buf_init(&b);
	if (g->line == 0) {
		buf_addf(&b, "aipolicy: %s: %s: %s\n", d->file, sev,
		    g->message);
	} else {
		buf_addf(&b, "%s:%u:%u: %s: %s\n", d->file, g->line,
		    g->column, sev, g->message);
		if (g->source != NULL)
			add_caret(&b, g->source, g->column);
	}
	if (!b.failed)
		fputs(b.data, stderr);
	buf_release(&b);
}

/* The errors of D (of the file at PATH), without the warnings, at most
 * AIPOLICY_DIAG_SHOW_MAX of them: like every command but lint. */
static void
print_errors(struct aipolicy_diags *d, const char *path)
{
	size_t i, shown = 0;

	aipolicy_diags_sort(d);
	for (i = 0; i < d->count && shown < AIPOLICY_DIAG_SHOW_MAX; i++) {
		if (d->items[i].severity != AIPOLICY_SEVERITY_ERROR)
			continue;
		print_diag(d, &d->items[i]);
		shown++;
	}
	if (d->nerrors > shown)
		msg_file_error(0, path, "too many errors (%zu more not shown)",
		    d->nerrors - shown);
}

int
msg_load(const char *path, struct aipolicy **out)
{
	struct aipolicy_diags d;
	enum aipolicy_status st;

	aipolicy_diags_init(&d, path);
	st = aipolicy_load_file(path, out, &d);
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&d);
		if (errno == ENOMEM)
			return msg_error(EXIT_NOMEM, "out of memory");
		return msg_file_error(EXIT_NOINPUT, path, "cannot open: %s",
		    strerror(errno));
	}
	if (st == AIPOLICY_INVALID) {
		print_errors(&d, path);
		aipolicy_diags_release(&d);
		return EXIT_DATAERR;
	}
	aipolicy_diags_release(&d);
	return EXIT_OK;
}

/* The translation at PATH into SET, or, when it cannot be read or has
 * errors, why on stderr and a warning that it is not served. EXIT_OK, or
 * EXIT_NOMEM. */
static int
load_translation(const char *path, struct aipolicy *p,
    struct translation_set *set)
{
	struct aipolicy_diags d;
	enum aipolicy_status st;
	struct translation *t;

	aipolicy_diags_init(&d, path);
	st = translation_load_file(path, p, &t, &d);
	if (st == AIPOLICY_CANNOT_OPEN && errno == ENOMEM)
		st = AIPOLICY_NOMEM;
	if (st == AIPOLICY_CANNOT_OPEN)
		msg_file_error(0, path, "cannot open: %s", strerror(errno));
	else if (st == AIPOLICY_INVALID)
		print_errors(&d, path);
	aipolicy_diags_release(&d);
	if (st == AIPOLICY_OK &&
	    strcasecmp(translation_language(t), SERVED_OWN_TAG) == 0) {
		translation_free(t);
		msg_warning(path, "this translation is not served: the "
		    "policy's own texts are served as English ('%s')",
		    SERVED_OWN_TAG);
		return EXIT_OK;
	}
	if (st == AIPOLICY_NOMEM || (st == AIPOLICY_OK &&
	    translation_set_add(set, t) != 0))
		return msg_error(EXIT_NOMEM, "out of memory");
	if (st != AIPOLICY_OK)
		msg_warning(path, "this translation is not served until it "
		    "can be read without errors (aipolicy lint %s says why)",
		    p->file);
	return EXIT_OK;
}

int
msg_translations(const char *path, struct aipolicy *p,
    struct translation_set *set)
{
	struct translation_files f;
	size_t i;
	int code = EXIT_OK;

	translation_set_init(set, p);
	if (translation_files_find(path, &f) != 0)
		code = msg_error(EXIT_NOMEM, "out of memory");
	for (i = 0; code == EXIT_OK && i < f.n; i++)
		code = load_translation(f.paths[i], p, set);
	translation_files_release(&f);
	if (code != EXIT_OK)
		translation_set_release(set);
	return code;
}
