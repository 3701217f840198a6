/*
 * msg.c: messages on stderr, and loading a policy with its diagnostics.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit.h"
#include "core/text.h"
#include "msg.h"
#include "util.h"
#include "usage.h"

static void vsay(const char *file, const char *kind, const char *fmt,
    va_list ap);
static void add_caret(struct buf *b, const char *line, uint32_t column);
static void print_diag(const struct aipolicy_diags *d, const struct aipolicy_diag *g);

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
	const char *sev = g->severity == AIPOLICY_SEVERITY_ERROR ? "error" : "warning";
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

int
msg_load(const char *path, struct aipolicy **out)
{
	struct aipolicy_diags d;
	enum aipolicy_status st;
	size_t i, shown = 0;

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
		/* Only the errors: like every command but lint. */
		aipolicy_diags_sort(&d);
		for (i = 0; i < d.count && shown < AIPOLICY_DIAG_SHOW_MAX; i++) {
			if (d.items[i].severity != AIPOLICY_SEVERITY_ERROR)
				continue;
			print_diag(&d, &d.items[i]);
			shown++;
		}
		if (d.nerrors > shown)
			msg_file_error(0, path, "too many errors (%zu more not "
			    "shown)", d.nerrors - shown);
		aipolicy_diags_release(&d);
		return EXIT_DATAERR;
	}
	aipolicy_diags_release(&d);
	return EXIT_OK;
}
