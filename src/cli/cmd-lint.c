/*
 * cmd-lint.c: aipolicy lint: every error and warning of one or more
 * policy files, as text on stderr or as a JSON array on stdout.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/exit.h"
#include "aipolicy/lint.h"
#include "cmd.h"

/* The formats of --format, in the order of enum format. */
enum format { FORMAT_TEXT, FORMAT_JSON };
static const char *const formats[] = { "text", "json", NULL };

static int append(json_t *arr, json_t *item);
static int add_json(json_t *arr, struct aipolicy_diags *d);
static int cannot_open(const char *path, json_t *arr);
static int lint_file(const char *path, bool strict, aipolicy_date_t today,
    json_t *arr);
static int print_json(json_t *arr);

/* Append ITEM (a new reference, or NULL when it could not be made) to
 * ARR. 0, or -1 when out of memory. */
static int
append(json_t *arr, json_t *item)
{
	return json_array_append_new(arr, item) == 0 ? 0 : -1;
}

/* Add D's diagnostics (sorted, capped as in text) to the JSON array. 0,
 * or -1 when out of memory. */
static int
add_json(json_t *arr, struct aipolicy_diags *d)
{
	size_t i, shown;
	int rc = 0;

	shown = aipolicy_diags_shown(d);
	for (i = 0; i < shown && rc == 0; i++) {
		const struct aipolicy_diag *g = &d->items[i];
		rc = append(arr, json_pack("{s:s, s:o, s:o, s:s, s:s}",
		    "file", d->file,
		    "line", g->line ? json_integer(g->line) : json_null(),
		    "column", g->line ? json_integer(g->column) : json_null(),
		    "severity", aipolicy_severity_name(g->severity),
		    "message", g->message));
	}
	if (rc == 0 && aipolicy_diags_hidden(d, shown) > 0)
		rc = append(arr, json_pack("{s:s, s:n, s:n, s:s, s:s}",
		    "file", d->file, "line", "column", "severity", "error",
		    "message", "too many errors"));
	return rc;
}

/* The file at PATH cannot be opened (errno says why): said on stderr, or
 * as an entry of ARR when it is not NULL. EXIT_NOINPUT, or EXIT_NOMEM
 * after saying so. */
static int
cannot_open(const char *path, json_t *arr)
{
	if (arr == NULL)
		return cli_file_error(EXIT_NOINPUT, path, "cannot open: %s",
		    strerror(errno));
	if (append(arr, json_pack("{s:s, s:n, s:n, s:s, s:s+}", "file", path,
	    "line", "column", "severity", "error", "message", "cannot open: ",
	    strerror(errno))) != 0)
		return cli_nomem();
	return EXIT_NOINPUT;
}

/* Lint one file: its diagnostics on stderr, or into ARR when it is not
 * NULL. Returns its exit code (0, 1 or 66), or EXIT_NOMEM after saying
 * so. */
static int
lint_file(const char *path, bool strict, aipolicy_date_t today, json_t *arr)
{
	struct aipolicy_diags d;
	struct aipolicy *p = NULL;
	enum aipolicy_status st;
	int code = EXIT_OK;

	aipolicy_diags_init(&d, path);
	st = policy_load_file_with(path, 0, &p, &d);
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&d);
		return cannot_open(path, arr);
	}
	if (st == AIPOLICY_NOMEM || (p != NULL && aipolicy_lint(p, today, &d) != 0))
		code = cli_nomem();
	if (strict)
		aipolicy_diags_promote_warnings(&d);
	if (code == EXIT_OK && arr == NULL)
		cli_print_diags(stderr, &d);
	else if (code == EXIT_OK && add_json(arr, &d) != 0)
		code = cli_nomem();
	if (code == EXIT_OK && d.nerrors > 0)
		code = EXIT_FOUND;
	aipolicy_diags_release(&d);
	aipolicy_free(p);
	return code;
}

/* ARR on one line; EXIT_OK, or EXIT_NOMEM after saying so. */
static int
print_json(json_t *arr)
{
	char *s = json_dumps(arr, 0);

	if (s == NULL)
		return cli_nomem();
	printf("%s\n", s);
	free(s);
	return EXIT_OK;
}

int
cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "today", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool strict = false, json = false;
	aipolicy_date_t today = aipolicy_date_today();
	json_t *arr = NULL;
	int c, f, code = EXIT_OK;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': strict = true; break;
		case 't':
			if (!cli_parse_today(optarg, &today))
				return cli_usage("lint", stderr);
			break;
		case 'f':
			if ((f = cli_parse_format("lint", optarg, formats)) < 0)
				return EXIT_USAGE;
			json = f == FORMAT_JSON;
			break;
		case 'h': return cli_finish(cli_usage("lint", stdout));
		default: return cli_bad_option("lint", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("lint", "no policy file given");
	if (json && (arr = json_array()) == NULL)
		return cli_finish(cli_nomem());
	for (; optind < argc && code != EXIT_NOMEM; optind++)
		code = cli_most_severe(code, lint_file(argv[optind], strict,
		    today, arr));
	if (arr != NULL && code != EXIT_NOMEM)
		code = cli_most_severe(code, print_json(arr));
	json_decref(arr);
	return cli_finish(code);
}
