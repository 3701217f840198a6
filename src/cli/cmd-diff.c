/*
 * cmd-diff.c: aipolicy diff: what changed for employees between two
 * versions of a policy, as a text change log or one JSON object. Exit 1
 * when some verdict changed (or the list was cut short, so that it may
 * have), 0 otherwise.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/diff.h"
#include "aipolicy/exit.h"
#include "cmd.h"

static bool parse_limit(const char *arg, size_t *out);
static int load_both(const char *old_path, const char *new_path,
    struct policy **old, struct policy **new);
static int run(const char *old_path, const char *new_path, bool json,
    const struct diff_options *opts);

/* A --limit: decimal digits only, at least 1; one larger than a size_t
 * holds is as good as no limit. */
static bool
parse_limit(const char *arg, size_t *out)
{
	unsigned long long v;
	char *end;

	if (arg[0] < '0' || arg[0] > '9')
		return false;
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*end != '\0' || (errno == 0 && v < 1))
		return false;
	*out = errno == ERANGE || v > SIZE_MAX ? SIZE_MAX : (size_t)v;
	return true;
}

/* Load OLD and NEW, reporting the problems of both; the more severe exit
 * code wins (a file that cannot be opened over an invalid one). */
static int
load_both(const char *old_path, const char *new_path, struct policy **old,
    struct policy **new)
{
	int a = cli_load(old_path, old, NULL);
	int b = cli_load(new_path, new, NULL);

	if (a == EXIT_NOINPUT || b == EXIT_NOINPUT)
		return EXIT_NOINPUT;
	return a != EXIT_OK ? a : b;
}

static int
run(const char *old_path, const char *new_path, bool json,
    const struct diff_options *opts)
{
	struct policy *old = NULL, *new = NULL;
	struct diff *d = NULL;
	char *out = NULL;
	int code;

	code = load_both(old_path, new_path, &old, &new);
	if (code == EXIT_OK) {
		if (diff_run(old, new, opts, &d) != 0 ||
		    (out = json ? diff_render_json(d) :
		    diff_render_text(d)) == NULL) {
			code = cli_nomem();
		} else {
			fputs(out, stdout);
			if (json)
				putchar('\n');
			if (d->stop == DIFF_STOP_LIMIT)
				fprintf(stderr, "aipolicy: warning: the list "
				    "stops at %zu change%s (--limit); there are "
				    "more\n", opts->limit, opts->limit == 1 ? "" :
				    "s");
			else if (d->stop == DIFF_STOP_STEPS)
				fprintf(stderr, "aipolicy: warning: the "
				    "comparison gave up after %llu steps (the "
				    "versions ask their questions in very "
				    "different orders); changes may be missing "
				    "from the list\n",
				    (unsigned long long)opts->max_steps);
			code = diff_verdict_changed(d) ||
			    d->stop != DIFF_COMPLETE ? EXIT_FOUND : EXIT_OK;
		}
	}
	free(out);
	diff_free(d);
	policy_free(old);
	policy_free(new);
	return code;
}

int
cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct diff_options opts;
	bool json = false;
	int c;

	diff_options_init(&opts);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") == 0)
				json = false;
			else
				return cli_error(EXIT_USAGE, "diff: unknown "
				    "format '%s' (text or json)", optarg);
			break;
		case 'l':
			if (!parse_limit(optarg, &opts.limit))
				return cli_error(EXIT_USAGE, "diff: --limit "
				    "'%s' is not a whole number of at least 1",
				    optarg);
			break;
		case 'h': return cli_finish(cli_usage("diff", stdout));
		default:
			cli_error(0, "diff: %s '%s'", c == ':' ?
			    "missing argument for" : "unknown option",
			    argv[optind - 1]);
			return cli_usage("diff", stderr);
		}
	}
	if (argc - optind != 2) {
		cli_error(0, "diff: %s", argc - optind < 2 ?
		    "give two policy files, OLD and NEW" :
		    "too many arguments: give two policy files, OLD and NEW");
		return cli_usage("diff", stderr);
	}
	return cli_finish(run(argv[optind], argv[optind + 1], json, &opts));
}
