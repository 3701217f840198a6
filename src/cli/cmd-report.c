/*
 * cmd-report.c: aipolicy report: read decision logs as streams, line by
 * line, and print what they add up to, as text or JSON; with --policy,
 * also what the decisions made under that policy never reached. A line
 * that is not a record is skipped, counted and named on stderr.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "aipolicy/logread.h"
#include "aipolicy/report.h"
#include "cmd.h"

/* The name that stands for standard input. */
#define STDIN_NAME "-"

/* One log being read into a report. */
struct reading {
	struct report *r;
	const char *name;
};

static int on_record(void *ctx, const struct logrec *rec, size_t lineno);
static void on_skipped(void *ctx, size_t lineno, const char *why);
static int report_file(const char *path, struct report *r,
    struct logread *lr);
static int print_report(const struct report *r, bool json);
static int run(char **logs, int nlogs, const char *policy_path, bool json);

static int
on_record(void *ctx, const struct logrec *rec, size_t lineno)
{
	struct reading *rg = ctx;

	(void)lineno;
	return report_add(rg->r, rec);
}

/* Count a line that is not a record and name it on stderr. */
static void
on_skipped(void *ctx, size_t lineno, const char *why)
{
	struct reading *rg = ctx;

	report_skip(rg->r);
	fprintf(stderr, "%s:%zu: warning: line skipped: %s\n", rg->name,
	    lineno, why);
}

/* Open PATH ("-": standard input) and read it into R. Returns EXIT_OK,
 * EXIT_NOINPUT (said on stderr) or EXIT_NOMEM (not said yet). */
static int
report_file(const char *path, struct report *r, struct logread *lr)
{
	struct reading rg = { r, path };
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

/* The report of the NLOGS logs at LOGS, with what the policy at
 * POLICY_PATH (or NULL) never reached. */
static int
run(char **logs, int nlogs, const char *policy_path, bool json)
{
	struct policy *p = NULL;
	struct report *r = NULL;
	struct logread *lr = NULL;
	int i, one, code = EXIT_OK;

	if (policy_path != NULL &&
	    (code = cli_load(policy_path, &p, NULL)) != EXIT_OK)
		return code;
	r = report_new();
	lr = logread_new();
	if (r == NULL || lr == NULL ||
	    (p != NULL && report_set_policy(r, p) != 0))
		code = EXIT_NOMEM;
	for (i = 0; i < nlogs && code != EXIT_NOMEM; i++) {
		one = report_file(logs[i], r, lr);
		if (one != EXIT_OK)
			code = one;
	}
	logread_free(lr);
	if (code == EXIT_NOMEM) {
		code = cli_nomem();
	} else if (code == EXIT_OK) {
		if (p != NULL && r->policy_decisions == 0)
			fprintf(stderr, "aipolicy: %s: warning: no decision in "
			    "the logs was made under this policy (records name "
			    "it by its sha256)\n", policy_path);
		code = print_report(r, json);
	}
	report_free(r);
	policy_free(p);
	return code;
}

int
cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "policy", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *policy_path = NULL;
	bool json = false;
	int c;

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
		case 'p': policy_path = optarg; break;
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
	return cli_finish(run(argv + optind, argc - optind, policy_path,
	    json));
}
