/*
 * cmd-diff.c: aipolicy diff: what changed for employees between two
 * versions of a policy, as a text change log or one JSON object; with
 * --log, also what the change does to the decisions logged under the old
 * version, each replayed on both. Exit 1 when some verdict changed (or
 * the list was cut short, so that it may have), 0 otherwise.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "cli/exit.h"
#include "core/impact.h"
#include "cmd.h"

/* The formats of --format, in the order of enum format. */
enum format { FORMAT_TEXT, FORMAT_JSON };
static const char *const formats[] = { "text", "json", NULL };

/* What was asked for on the command line. */
struct diff_args {
	const char *old_path, *new_path;
	char **logs;                 /* --log, in order */
	size_t nlogs;
	bool json;
	struct diff_options opts;
};

static int on_record(void *ctx, const char *name, size_t lineno,
    const struct logrec *rec);
static void on_skipped(void *ctx);
static int replay_logs(const struct diff_args *a, const struct aipolicy *old,
    const struct aipolicy *new, struct impact **out);
static char *render(const struct diff_args *a, const struct diff *d,
    const struct impact *im);
static void warn_stop(const struct diff *d, const struct diff_options *o);
static int run(const struct diff_args *a);
static int parse_args(int argc, char **argv, struct diff_args *a);

/* Replay a record of the log NAME into the impact CTX; a record that does
 * not match the old version is named on stderr like a malformed line. */
static int
on_record(void *ctx, const char *name, size_t lineno,
    const struct logrec *rec)
{
	struct impact *im = ctx;

	switch (impact_add(im, rec)) {
	case IMPACT_NOMEM:
		return -1;
	case IMPACT_NOT_REPLAYED:
		cli_warn_skipped(name, lineno, impact_error(im));
		break;
	case IMPACT_REPLAYED:
	case IMPACT_OTHER_VERSION:
		break;
	}
	return 0;
}

/* Count a line that is not a record. */
static void
on_skipped(void *ctx)
{
	impact_skip(ctx);
}

/*
 * Replay every log of A on OLD and NEW into *OUT (the caller owns it).
 * Returns EXIT_OK, or EXIT_NOINPUT or EXIT_NOMEM after saying why.
 */
static int
replay_logs(const struct diff_args *a, const struct aipolicy *old,
    const struct aipolicy *new, struct impact **out)
{
	struct cli_logs logs = { on_record, on_skipped, NULL };
	int code;

	if ((*out = impact_new(old, new, a->opts.limit)) == NULL)
		return cli_nomem();
	logs.ctx = *out;
	code = cli_read_logs(a->logs, a->nlogs, &logs);
	if (code == EXIT_OK && (*out)->decisions == 0)
		cli_warn_unlogged(a->old_path, "version");
	return code;
}

/* The output: the diff, with the impact (IM, or NULL) in it or before it.
 * Caller owns the result; NULL when out of memory. */
static char *
render(const struct diff_args *a, const struct diff *d,
    const struct impact *im)
{
	char *head = NULL, *tail, *both;
	size_t n;

	if (a->json) {
		head = im != NULL ? impact_render_json(im) : NULL;
		both = im == NULL || head != NULL ?
		    diff_render_json_impact(d, head) : NULL;
		free(head);
		return both;
	}
	if (im != NULL && (head = impact_render_text(im)) == NULL)
		return NULL;
	tail = diff_render_text(d);
	if (head == NULL || tail == NULL) {
		free(head);
		return tail;
	}
	/* The impact first: it is what a policy owner asks about. */
	n = strlen(head) + 1 + strlen(tail) + 1;
	both = malloc(n);
	if (both != NULL)
		snprintf(both, n, "%s\n%s", head, tail);
	free(head);
	free(tail);
	return both;
}

/* Say on stderr why the list of changes is not complete. */
static void
warn_stop(const struct diff *d, const struct diff_options *o)
{
	if (d->stop == DIFF_STOP_LIMIT)
		fprintf(stderr, "aipolicy: warning: the list stops at %zu "
		    "change%s (--limit); there are more\n", o->limit,
		    o->limit == 1 ? "" : "s");
	else if (d->stop == DIFF_STOP_STEPS)
		fprintf(stderr, "aipolicy: warning: the comparison gave up "
		    "after %llu steps (the versions ask their questions in "
		    "very different orders); changes may be missing from the "
		    "list\n", (unsigned long long)o->max_steps);
}

static int
run(const struct diff_args *a)
{
	struct aipolicy *old = NULL, *new = NULL;
	struct impact *im = NULL;
	struct diff *d = NULL;
	char *out = NULL;
	unsigned flags;
	int code;

	/* Both are loaded, so that the problems of both are said; the logs'
	 * records name their policy by its digest. */
	flags = a->nlogs > 0 ? AIPOLICY_LOAD_DIGEST : 0;
	code = cli_load(a->old_path, flags, &old, NULL);
	code = cli_most_severe(code, cli_load(a->new_path, flags, &new, NULL));
	if (code == EXIT_OK && a->nlogs > 0)
		code = replay_logs(a, old, new, &im);
	if (code == EXIT_OK && (diff_run(old, new, &a->opts, &d) != 0 ||
	    (out = render(a, d, im)) == NULL))
		code = cli_nomem();
	if (code == EXIT_OK) {
		fputs(out, stdout);
		if (a->json)
			putchar('\n');
		warn_stop(d, &a->opts);
		code = diff_verdict_changed(d) || d->stop != DIFF_COMPLETE ?
		    EXIT_FOUND : EXIT_OK;
	}
	free(out);
	diff_free(d);
	impact_free(im);
	aipolicy_free(old);
	aipolicy_free(new);
	return code;
}

/* Fill A from the command line; EXIT_OK, or the exit code of a usage
 * error (said on stderr) or of --help. */
static int
parse_args(int argc, char **argv, struct diff_args *a)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'l' },
		{ "log", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, f;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((f = cli_parse_format("diff", optarg, formats)) < 0)
				return EXIT_USAGE;
			a->json = f == FORMAT_JSON;
			break;
		case 'l':
			if (!cli_parse_limit("diff", optarg, &a->opts.limit))
				return EXIT_USAGE;
			break;
		case 'L': a->logs[a->nlogs++] = optarg; break;
		case 'h': return cli_finish(cli_usage("diff", stdout));
		default: return cli_bad_option("diff", c, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("diff", "%s", argc - optind < 2 ?
		    "give two policy files, OLD and NEW" :
		    "too many arguments: give two policy files, OLD and NEW");
	a->old_path = argv[optind];
	a->new_path = argv[optind + 1];
	return EXIT_OK;
}

int
cmd_diff(int argc, char **argv)
{
	struct diff_args a;
	int code;

	memset(&a, 0, sizeof a);
	diff_options_init(&a.opts);
	/* Each --log takes at least one argument: room for them all. */
	a.logs = malloc((size_t)argc * sizeof *a.logs);
	if (a.logs == NULL)
		return cli_finish(cli_nomem());
	code = parse_args(argc, argv, &a);
	if (code == EXIT_OK && a.old_path != NULL)
		code = cli_finish(run(&a));
	free(a.logs);
	return code;
}
