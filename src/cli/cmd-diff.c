/*
 * cmd-diff.c: aipolicy diff: what changed for employees between two
 * versions of a policy, as a text change log or one JSON object; with
 * --log, also what the change does to the decisions logged under the old
 * version, each replayed on both. Exit 1 when some verdict changed (or
 * the list was cut short, so that it may have), 0 otherwise.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aipolicy/diff.h"
#include "aipolicy/exit.h"
#include "aipolicy/impact.h"
#include "aipolicy/logread.h"
#include "cmd.h"

/* The name that stands for standard input. */
#define STDIN_NAME "-"

/* What was asked for on the command line. */
struct diff_args {
	const char *old_path, *new_path;
	const char **logs;           /* --log, in order */
	size_t nlogs;
	bool json;
	struct diff_options opts;
};

/* One log being replayed. */
struct replaying {
	struct impact *im;
	const char *name;
};

static bool parse_limit(const char *arg, size_t *out);
static int load_both(const char *old_path, const char *new_path,
    struct policy **old, struct policy **new);
static int on_record(void *ctx, const struct logrec *rec, size_t lineno);
static void on_skipped(void *ctx, size_t lineno, const char *why);
static int replay_file(const char *path, struct impact *im,
    struct logread *lr);
static int replay_logs(const struct diff_args *a, const struct policy *old,
    const struct policy *new, struct impact **out);
static char *render(const struct diff_args *a, const struct diff *d,
    const struct impact *im);
static void warn_stop(const struct diff *d, const struct diff_options *o);
static int run(const struct diff_args *a);
static int parse_args(int argc, char **argv, struct diff_args *a);

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

/* Replay a record; a record that does not match the old version is
 * named on stderr like a malformed line. */
static int
on_record(void *ctx, const struct logrec *rec, size_t lineno)
{
	struct replaying *rp = ctx;

	switch (impact_add(rp->im, rec)) {
	case IMPACT_NOMEM:
		return -1;
	case IMPACT_NOT_REPLAYED:
		fprintf(stderr, "%s:%zu: warning: line skipped: %s\n",
		    rp->name, lineno, impact_error(rp->im));
		break;
	case IMPACT_REPLAYED:
	case IMPACT_OTHER_VERSION:
		break;
	}
	return 0;
}

/* Count a line that is not a record and name it on stderr. */
static void
on_skipped(void *ctx, size_t lineno, const char *why)
{
	struct replaying *rp = ctx;

	impact_skip(rp->im);
	fprintf(stderr, "%s:%zu: warning: line skipped: %s\n", rp->name,
	    lineno, why);
}

/* Open PATH ("-": standard input) and replay it into IM. Returns EXIT_OK,
 * EXIT_NOINPUT (said on stderr) or EXIT_NOMEM (not said yet). */
static int
replay_file(const char *path, struct impact *im, struct logread *lr)
{
	struct replaying rp = { im, path };
	struct logread_sink sink = { on_record, on_skipped, &rp };
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

/*
 * Replay every log of A on OLD and NEW into *OUT (the caller owns it).
 * Every log is read even when one cannot be: EXIT_NOINPUT then, said on
 * stderr; EXIT_NOMEM is not said yet.
 */
static int
replay_logs(const struct diff_args *a, const struct policy *old,
    const struct policy *new, struct impact **out)
{
	struct logread *lr = logread_new();
	size_t i;
	int code = EXIT_OK, one;

	*out = impact_new(old, new, a->opts.limit);
	if (lr == NULL || *out == NULL)
		code = EXIT_NOMEM;
	for (i = 0; i < a->nlogs && code != EXIT_NOMEM; i++) {
		one = replay_file(a->logs[i], *out, lr);
		if (one != EXIT_OK)
			code = one;
	}
	logread_free(lr);
	if (code == EXIT_OK && (*out)->decisions == 0)
		fprintf(stderr, "aipolicy: %s: warning: no decision in the "
		    "logs was made under this version (records name it by "
		    "its sha256)\n", a->old_path);
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
	struct policy *old = NULL, *new = NULL;
	struct impact *im = NULL;
	struct diff *d = NULL;
	char *out = NULL;
	int code;

	code = load_both(a->old_path, a->new_path, &old, &new);
	if (code == EXIT_OK && a->nlogs > 0)
		code = replay_logs(a, old, new, &im);
	if (code == EXIT_OK) {
		if (diff_run(old, new, &a->opts, &d) != 0 ||
		    (out = render(a, d, im)) == NULL) {
			code = EXIT_NOMEM;
		} else {
			fputs(out, stdout);
			if (a->json)
				putchar('\n');
			warn_stop(d, &a->opts);
			code = diff_verdict_changed(d) ||
			    d->stop != DIFF_COMPLETE ? EXIT_FOUND : EXIT_OK;
		}
	}
	if (code == EXIT_NOMEM)
		code = cli_nomem();
	free(out);
	diff_free(d);
	impact_free(im);
	policy_free(old);
	policy_free(new);
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
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				a->json = true;
			else if (strcmp(optarg, "text") == 0)
				a->json = false;
			else
				return cli_error(EXIT_USAGE, "diff: unknown "
				    "format '%s' (text or json)", optarg);
			break;
		case 'l':
			if (!parse_limit(optarg, &a->opts.limit))
				return cli_error(EXIT_USAGE, "diff: --limit "
				    "'%s' is not a whole number of at least 1",
				    optarg);
			break;
		case 'L': a->logs[a->nlogs++] = optarg; break;
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
