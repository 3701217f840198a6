/*
 * cmd-paths.c: aipolicy paths: the decision table of a policy, every path
 * of answers with its verdict and outcome, as TSV or JSON, streamed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/exit.h"
#include "core/paths.h"
#include "cmd.h"

/* Rows shown when --limit is not given. */
#define PATHS_DEFAULT_LIMIT 100000
/* Output is written whenever this much has been rendered. */
#define PATHS_CHUNK 65536

/* The formats of --format, in the order of enum paths_format. */
static const char *const formats[] = { "tsv", "json", NULL };

static int write_table(const struct aipolicy *p, enum paths_format format,
    size_t limit);

/* Render and write P's table, at most LIMIT rows; returns the exit code
 * (a failed write is left for cli_finish to report). */
static int
write_table(const struct aipolicy *p, enum paths_format format, size_t limit)
{
	struct paths *it = paths_new(p);
	struct paths_render *pr = paths_render_new(p, format);
	struct paths_row row;
	char *out = NULL;
	size_t len = 0, cap = 0, rows = 0;
	bool more = false, failed = false;
	int rc = -1;

	if (it != NULL && pr != NULL)
		rc = paths_render_begin(pr, &out, &len, &cap);
	while (rc == 0 && !failed && (more = paths_next(it, &row))) {
		if (rows == limit)
			break;
		rc = paths_render_row(pr, &row, &out, &len, &cap);
		rows++;
		if (rc == 0 && len >= PATHS_CHUNK) {
			failed = fwrite(out, 1, len, stdout) != len;
			len = 0;
		}
	}
	if (rc == 0 && !failed)
		rc = paths_render_end(pr, &out, &len, &cap);
	if (rc == 0 && !failed && len > 0)
		fwrite(out, 1, len, stdout);
	free(out);
	paths_render_free(pr);
	paths_free(it);
	if (rc != 0)
		return cli_nomem();
	if (more && !failed)
		fprintf(stderr, "aipolicy: %s: warning: stopped after %zu "
		    "paths (--limit %zu); the policy has more\n", p->file, rows,
		    limit);
	return EXIT_OK;
}

int
cmd_paths(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum paths_format format = PATHS_TSV;
	size_t limit = PATHS_DEFAULT_LIMIT;
	struct aipolicy *p = NULL;
	int c, f, code;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			f = cli_parse_format("paths", optarg, formats);
			if (f < 0)
				return EXIT_USAGE;
			format = (enum paths_format)f;
			break;
		case 'l':
			if (!cli_parse_limit("paths", optarg, &limit))
				return EXIT_USAGE;
			break;
		case 'h': return cli_finish(cli_usage("paths", stdout));
		default: return cli_bad_option("paths", c, argv);
		}
	}
	if ((code = cli_one_policy("paths", argc, argv, optind)) != EXIT_OK)
		return code;
	code = cli_load(argv[optind], 0, &p, NULL);
	if (code == EXIT_OK)
		code = write_table(p, format, limit);
	aipolicy_free(p);
	return cli_finish(code);
}
