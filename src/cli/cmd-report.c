/*
 * cmd-report.c: aipolicy report: read decision logs as streams, line by
 * line, and print what they add up to, as text or JSON. A line that is not
 * a record is skipped, counted and named on stderr.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "aipolicy/logrec.h"
#include "aipolicy/report.h"
#include "cmd.h"

/* The name that stands for standard input. */
#define STDIN_NAME "-"

static bool is_blank(const char *s, size_t n);
static void skipped(struct report *r, const char *name, size_t lineno,
    const char *why);
static int read_log(const char *name, FILE *f, struct report *r,
    struct logrec_reader *rd);
static int report_file(const char *path, struct report *r,
    struct logrec_reader *rd);
static int print_report(const struct report *r, bool json);

/* Only spaces and tabs (or nothing). */
static bool
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return true;
}

/* Count a line that is not a record and name it on stderr. */
static void
skipped(struct report *r, const char *name, size_t lineno, const char *why)
{
	report_skip(r);
	fprintf(stderr, "%s:%zu: warning: line skipped: %s\n", name, lineno,
	    why);
}

/* Add every record of F (named NAME) to R. Returns EXIT_OK, EXIT_NOINPUT
 * (a read failed; said on stderr) or EXIT_NOMEM (not said yet). */
static int
read_log(const char *name, FILE *f, struct report *r,
    struct logrec_reader *rd)
{
	struct logrec rec;
	enum logrec_status st;
	char *line = NULL;
	size_t cap = 0, lineno = 0, n;
	ssize_t got;
	bool torn;
	int code = EXIT_OK;

	while ((got = getline(&line, &cap, f)) >= 0) {
		lineno++;
		n = (size_t)got;
		torn = n == 0 || line[n - 1] != '\n';
		if (!torn)
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (is_blank(line, n))
			continue;
		if (torn) {
			skipped(r, name, lineno, "the last line is cut short "
			    "(no newline at its end)");
			continue;
		}
		st = logrec_parse(rd, line, n, &rec);
		if (st == LOGREC_INVALID) {
			skipped(r, name, lineno, logrec_error(rd));
		} else if (st == LOGREC_NOMEM || report_add(r, &rec) != 0) {
			code = EXIT_NOMEM;
			break;
		}
	}
	/* getline fails on a read error, or when the line cannot grow. */
	if (code == EXIT_OK && !feof(f)) {
		if (errno == ENOMEM)
			code = EXIT_NOMEM;
		else
			code = cli_file_error(EXIT_NOINPUT, name, "cannot "
			    "read: %s", strerror(errno));
	}
	free(line);
	return code;
}

/* Open PATH ("-": standard input) and read it into R. */
static int
report_file(const char *path, struct report *r, struct logrec_reader *rd)
{
	FILE *f;
	int code;

	if (strcmp(path, STDIN_NAME) == 0)
		return read_log(path, stdin, r, rd);
	f = fopen(path, "r");
	if (f == NULL)
		return cli_file_error(EXIT_NOINPUT, path, "cannot open: %s",
		    strerror(errno));
	code = read_log(path, f, r, rd);
	fclose(f);
	return code;
}

static int
print_report(const struct report *r, bool json)
{
	char *s = json ? report_json(r) : report_text(r);

	if (s == NULL)
		return cli_nomem();
	fputs(s, stdout);
	if (json)
		putchar('\n');
	free(s);
	return EXIT_OK;
}

int
cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report *r;
	struct logrec_reader *rd;
	bool json = false;
	int c, code = EXIT_OK, one;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") == 0)
				json = false;
			else {
				cli_error(0, "report: unknown format '%s' "
				    "(text or json)", optarg);
				return cli_usage("report", stderr);
			}
			break;
		case 'h': return cli_finish(cli_usage("report", stdout));
		default:
			cli_error(0, "report: %s '%s'", c == ':' ?
			    "missing argument for" : "unknown option",
			    argv[optind - 1]);
			return cli_usage("report", stderr);
		}
	}
	if (optind >= argc) {
		cli_error(0, "report: no decision log given");
		return cli_usage("report", stderr);
	}
	r = report_new();
	rd = logrec_reader_new();
	if (r == NULL || rd == NULL) {
		report_free(r);
		logrec_reader_free(rd);
		return cli_nomem();
	}
	for (; optind < argc && code != EXIT_NOMEM; optind++) {
		one = report_file(argv[optind], r, rd);
		if (one != EXIT_OK)
			code = one;
	}
	logrec_reader_free(rd);
	if (code == EXIT_NOMEM)
		code = cli_nomem();
	else if (code == EXIT_OK)
		code = print_report(r, json);
	report_free(r);
	return cli_finish(code);
}
