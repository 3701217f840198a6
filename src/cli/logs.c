/*
 * logs.c: decision logs read for the commands that add them up (report)
 * or replay them (diff --log). Each log is opened ("-" is standard input)
 * and streamed through the core's reader (logread.h); every line skipped
 * is named on stderr.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/exit.h"
#include "core/logread.h"
#include "cmd.h"

/* The name that stands for standard input. */
#define STDIN_NAME "-"

/* One log being read: the command's handlers and the log's name. */
struct reading {
	const struct cli_logs *logs;
	const char *name;
};

static int on_record(void *ctx, const struct logrec *rec, size_t lineno);
static void on_skipped(void *ctx, size_t lineno, const char *why);
static int read_log(const char *path, struct logread *lr,
    const struct cli_logs *logs);

static int
on_record(void *ctx, const struct logrec *rec, size_t lineno)
{
	struct reading *rg = ctx;

	return rg->logs->record(rg->logs->ctx, rg->name, lineno, rec);
}

static void
on_skipped(void *ctx, size_t lineno, const char *why)
{
	struct reading *rg = ctx;

	rg->logs->skipped(rg->logs->ctx);
	cli_warn_skipped(rg->name, lineno, why);
}

/* Open PATH and hand its lines to LOGS. Returns EXIT_OK, EXIT_NOINPUT
 * (said on stderr) or EXIT_NOMEM (not said yet). */
static int
read_log(const char *path, struct logread *lr, const struct cli_logs *logs)
{
	struct reading rg = { logs, path };
	struct logread_sink sink = { on_record, on_skipped, &rg };
	enum logread_status st;
	bool is_stdin = strcmp(path, STDIN_NAME) == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "r");

	if (f == NULL)
		return cli_file_error(EXIT_NOINPUT, path, "cannot open: %s",
		    strerror(errno));
	st = logread_stream(lr, f, &sink);
	if (st == LOGREAD_ERROR)
		cli_file_error(EXIT_NOINPUT, path, "cannot read: %s",
		    strerror(errno));
	if (!is_stdin)
		fclose(f);
	return st == LOGREAD_OK ? EXIT_OK : st == LOGREAD_NOMEM ? EXIT_NOMEM :
	    EXIT_NOINPUT;
}

int
cli_read_logs(char *const *paths, size_t n, const struct cli_logs *logs)
{
	struct logread *lr = logread_new();
	size_t i;
	int code = EXIT_OK, one;

	if (lr == NULL)
		return cli_nomem();
	for (i = 0; i < n && code != EXIT_NOMEM; i++) {
		one = read_log(paths[i], lr, logs);
		if (one != EXIT_OK)
			code = one;
	}
	logread_free(lr);
	return code == EXIT_NOMEM ? cli_nomem() : code;
}

void
cli_warn_skipped(const char *name, size_t lineno, const char *why)
{
	fprintf(stderr, "%s:%zu: warning: line skipped: %s\n", name, lineno,
	    why);
}

void
cli_warn_unlogged(const char *path, const char *what)
{
	fprintf(stderr, "aipolicy: %s: warning: no decision in the logs was "
	    "made under this %s (records name it by its sha256)\n", path,
	    what);
}
