/*
 * cmd-report.c: aipolicy report: read decision logs as streams, line by
 * line, and print what they add up to, as text or JSON; with --policy,
 * also what the decisions made under that policy never reached. A line
 * that is not a record is skipped, counted and named on stderr.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/exit.h"
#include "core/report.h"
#include "cmd.h"

/* The formats of --format, in the order of enum format. */
enum format { FORMAT_TEXT, FORMAT_JSON };
static const char *const formats[] = { "text", "json", NULL };

static int on_record(void *ctx, const char *name, size_t lineno,
    const struct logrec *rec);
static void on_skipped(void *ctx);
static int print_report(const struct report *r, bool json);
static int run(char **logs, size_t nlogs, const char *policy_path,
    bool json);

/* Add a record to the report CTX. */
static int
on_record(void *ctx, const char *name, size_t lineno,
    const struct logrec *rec)
{
	(void)name;
	(void)lineno;
	return report_add(ctx, rec);
}

/* Count a line that is not a record. */
static void
on_skipped(void *ctx)
{
	report_skip(ctx);
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
run(char **logs, size_t nlogs, const char *policy_path, bool json)
{
	struct cli_logs sink = { on_record, on_skipped, NULL };
	struct aipolicy *p = NULL;
	struct report *r = NULL;
	int code = EXIT_OK;

	if (policy_path != NULL &&
	    (code = cli_load(policy_path, AIPOLICY_LOAD_DIGEST, &p, NULL)) !=
	    EXIT_OK)
		return code;
	r = report_new();
	if (r == NULL || (p != NULL && report_set_policy(r, p) != 0))
		code = cli_nomem();
	sink.ctx = r;
	if (code == EXIT_OK)
		code = cli_read_logs(logs, nlogs, &sink);
	if (code == EXIT_OK) {
		if (p != NULL && r->policy_decisions == 0)
			cli_warn_unlogged(policy_path, "policy");
		code = print_report(r, json);
	}
	report_free(r);
	aipolicy_free(p);
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
	int c, f;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			f = cli_parse_format("report", optarg, formats);
			if (f < 0)
				return EXIT_USAGE;
			json = f == FORMAT_JSON;
			break;
		case 'p': policy_path = optarg; break;
		case 'h': return cli_finish(cli_usage("report", stdout));
		default: return cli_bad_option("report", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("report", "no decision log given");
	return cli_finish(run(argv + optind, (size_t)(argc - optind),
	    policy_path, json));
}
