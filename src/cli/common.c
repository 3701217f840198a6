/*
 * common.c: what every subcommand shares: error messages, diagnostics,
 * loading a policy, --today, the locale, and checking stdout before
 * exiting.
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/exit.h"
#include "cmd.h"

/* "aipolicy: [FILE: ]error: MESSAGE" on stderr. */
static void
verror(const char *file, const char *fmt, va_list ap)
{
	fputs("aipolicy: ", stderr);
	if (file != NULL)
		fprintf(stderr, "%s: ", file);
	fputs("error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int
cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(NULL, fmt, ap);
	va_end(ap);
	return code;
}

int
cli_file_error(int code, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(file, fmt, ap);
	va_end(ap);
	return code;
}

int
cli_nomem(void)
{
	return cli_error(EXIT_NOMEM, "out of memory");
}

int
cli_usage(const char *name, FILE *out)
{
	const struct cmd_entry *cmd = cli_find(name);

	if (cmd != NULL)
		fprintf(out, "usage: aipolicy %s %s\n", cmd->name, cmd->usage);
	if (cmd != NULL && out == stdout)
		fprintf(out, "\n%s", cmd->help);
	return out == stdout ? EXIT_OK : EXIT_USAGE;
}

/* How a tab in a quoted source line is shown: one visible column. */
#define CARET_TAB "\xe2\x86\x92" /* U+2192 RIGHTWARDS ARROW */

/* Print the source line and a caret under COLUMN (code points). A tab is
 * shown as CARET_TAB, so the caret line has one column per character. */
static void
print_caret(FILE *out, const char *line, uint32_t column)
{
	const unsigned char *s = (const unsigned char *)line;
	uint32_t cp = 1;

	fputs("  ", out);
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			fputs(CARET_TAB, out);
		else
			fputc(*s, out);
	}
	fputs("\n  ", out);
	for (s = (const unsigned char *)line; *s != '\0' && cp < column; s++) {
		if ((*s & 0xC0) == 0x80)
			continue;
		fputc(' ', out);
		cp++;
	}
	fputs("^\n", out);
}

void
cli_print_diags(FILE *out, struct aipolicy_diags *d)
{
	size_t i, shown, hidden;
	const struct aipolicy_diag *prev = NULL;

	shown = aipolicy_diags_shown(d);
	for (i = 0; i < shown; i++) {
		const struct aipolicy_diag *g = &d->items[i];
		const char *sev = aipolicy_severity_name(g->severity);
		bool same_place = prev != NULL && prev->line == g->line &&
		    prev->column == g->column;
		prev = g;
		if (g->line == 0) {
			fprintf(out, "aipolicy: %s: %s: %s\n", d->file, sev,
			    g->message);
			continue;
		}
		fprintf(out, "%s:%u:%u: %s: %s\n", d->file, g->line,
		    g->column, sev, g->message);
		/* A note at its diagnostic's place needs no second caret. */
		if (g->source != NULL &&
		    !(g->severity == AIPOLICY_SEVERITY_NOTE && same_place))
			print_caret(out, g->source, g->column);
	}
	hidden = aipolicy_diags_hidden(d, shown);
	if (hidden > 0)
		fprintf(out, "aipolicy: %s: error: too many errors (%zu more "
		    "not shown)\n", d->file, hidden);
}

void
cli_report_invalid(const char *path, struct aipolicy_diags *d, char **msg)
{
	char buf[CLI_MESSAGE_MAX];
	size_t i;

	/* Only the errors: commands other than lint print no warnings. */
	for (i = 0; i < d->count; i++) {
		if (d->items[i].severity == AIPOLICY_SEVERITY_WARNING)
			d->items[i].line = UINT32_MAX;
	}
	aipolicy_diags_sort(d);
	while (d->count > 0 && d->items[d->count - 1].line == UINT32_MAX) {
		d->count--;
		free(d->items[d->count].message);
		free(d->items[d->count].source);
	}
	cli_print_diags(stderr, d);
	if (msg == NULL)
		return;
	if (d->count > 0 && d->items[0].line > 0)
		snprintf(buf, sizeof buf, "%s:%u:%u: %s", path,
		    d->items[0].line, d->items[0].column, d->items[0].message);
	else
		snprintf(buf, sizeof buf, "%s: %s", path, d->count > 0 ?
		    d->items[0].message : "invalid policy");
	*msg = strdup(buf);
}

int
cli_cannot_open(const char *path, char **msg)
{
	int err = errno;
	char buf[CLI_MESSAGE_MAX];

	snprintf(buf, sizeof buf, "%s: cannot open: %s", path, strerror(err));
	cli_file_error(0, path, "cannot open: %s", strerror(err));
	if (msg != NULL)
		*msg = strdup(buf);
	return EXIT_NOINPUT;
}

int
cli_load(const char *path, unsigned flags, struct aipolicy **out, char **msg)
{
	struct aipolicy_diags d;
	enum aipolicy_status st;

	aipolicy_diags_init(&d, path);
	st = aipolicy_load_file_with(path, flags, out, &d);
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&d);
		return cli_cannot_open(path, msg);
	}
	if (st == AIPOLICY_NOMEM) {
		/* The machine's trouble, not the file's: nothing about it. */
		aipolicy_diags_release(&d);
		if (msg != NULL)
			*msg = strdup("out of memory");
		return cli_nomem();
	}
	if (st == AIPOLICY_INVALID) {
		cli_report_invalid(path, &d, msg);
		aipolicy_diags_release(&d);
		return EXIT_DATAERR;
	}
	aipolicy_diags_release(&d);
	return EXIT_OK;
}

bool
cli_parse_today(const char *arg, aipolicy_date_t *out)
{
	if (aipolicy_date_parse(arg, strlen(arg), out))
		return true;
	cli_error(EXIT_USAGE, "--today '%s' is not a date YYYY-MM-DD", arg);
	return false;
}

int
cli_finish(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(0, "cannot write to standard output: %s",
		    strerror(errno ? errno : EIO));
		return EXIT_IOERR;
	}
	if (fclose(stdout) != 0) {
		cli_error(0, "cannot write to standard output: %s",
		    strerror(errno));
		return EXIT_IOERR;
	}
	return code;
}

/* A locale with UTF-8 characters that every glibc system has. */
#define UTF8_LOCALE "C.UTF-8"

/* names_utf8: the locale NAME ("de_DE.UTF-8@euro") has the UTF-8
 * character set (spelt "UTF-8" or "utf8", in any case). */
static bool
names_utf8(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t n;

	if (dot == NULL)
		return false;
	n = strcspn(++dot, "@");
	return (n == strlen("UTF-8") && strncasecmp(dot, "UTF-8", n) == 0) ||
	    (n == strlen("utf8") && strncasecmp(dot, "utf8", n) == 0);
}

void
cli_setlocale(int category)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	if (setlocale(category, "") == NULL) {
		for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
			v = getenv(vars[i]);
			if (v != NULL && *v != '\0') {
				if (names_utf8(v))
					setlocale(LC_CTYPE, UTF8_LOCALE);
				break;
			}
		}
	}
	/* The program's words come from its own table (words.h); the C
	 * library's messages (strerror) stay in English, as the rest of a
	 * message that quotes one is. */
	if (category == LC_ALL)
		setlocale(LC_MESSAGES, "C");
}
