/*
 * options.c: the command-line checks that several commands share, said
 * once in the same words: a usage error, an option that getopt refused, a
 * --format name (with "did you mean"), a --limit number and the one policy
 * file of a command that takes one. Every usage error is
 * "aipolicy: error: CMD: MESSAGE" on stderr, then the command's usage line,
 * and exit code EXIT_USAGE.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit.h"
#include "core/text.h"
#include "cmd.h"

static void list_formats(const char *const *formats);

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "aipolicy: error: %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return cli_usage(cmd, stderr);
}

int
cli_bad_option(const char *cmd, int c, char **argv)
{
	return cli_usage_error(cmd, "%s '%s'", c == ':' ?
	    "missing argument for" : "unknown option", argv[optind - 1]);
}

/* "a, b or c" on stderr: the NULL-terminated FORMATS. */
static void
list_formats(const char *const *formats)
{
	size_t i;

	for (i = 0; formats[i] != NULL; i++)
		fprintf(stderr, "%s%s", i == 0 ? "" : formats[i + 1] == NULL ?
		    " or " : ", ", formats[i]);
}

int
cli_parse_format(const char *cmd, const char *arg,
    const char *const *formats)
{
	struct text_suggest sg;
	int i;

	for (i = 0; formats[i] != NULL; i++) {
		if (strcmp(arg, formats[i]) == 0)
			return i;
	}
	text_suggest_init(&sg, arg);
	for (i = 0; formats[i] != NULL; i++)
		text_suggest_add(&sg, formats[i]);
	fprintf(stderr, "aipolicy: error: %s: unknown format '%s' (", cmd, arg);
	if (sg.best != NULL)
		fprintf(stderr, "did you mean '%s'?", sg.best);
	else
		list_formats(formats);
	fputs(")\n", stderr);
	cli_usage(cmd, stderr);
	return -1;
}

bool
cli_parse_limit(const char *cmd, const char *arg, size_t *out)
{
	unsigned long long v;
	char *end;

	if (arg[0] >= '0' && arg[0] <= '9') {
		errno = 0;
		v = strtoull(arg, &end, 10);
		if (*end == '\0' && (errno == ERANGE || v >= 1)) {
			*out = errno == ERANGE || v > SIZE_MAX ? SIZE_MAX :
			    (size_t)v;
			return true;
		}
	}
	cli_usage_error(cmd, "--limit '%s' is not a whole number of at "
	    "least 1", arg);
	return false;
}

int
cli_one_policy(const char *cmd, int argc, char **argv, int first)
{
	if (first >= argc)
		return cli_usage_error(cmd, "no policy file given");
	if (first + 1 < argc)
		return cli_usage_error(cmd, "one policy file only ('%s' is "
		    "one too many)", argv[first + 1]);
	return EXIT_OK;
}
