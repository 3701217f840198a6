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

#include "aipolicy/exit.h"
#include "aipolicy/lint.h"
#include "cmd.h"

/* Add D's diagnostics (sorted, capped as in text) to the JSON array. */
static void
add_json(json_t *arr, struct diags *d)
{
	size_t i, shown;

	shown = diags_shown(d);
	for (i = 0; i < shown; i++) {
		const struct diag *g = &d->items[i];
		json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:s, s:s}",
		    "file", d->file,
		    "line", g->line ? json_integer(g->line) : json_null(),
		    "column", g->line ? json_integer(g->column) : json_null(),
		    "severity", diag_severity_name(g->severity),
		    "message", g->message));
	}
	if (diags_hidden(d, shown) > 0)
		json_array_append_new(arr, json_pack("{s:s, s:n, s:n, s:s, s:s}",
		    "file", d->file, "line", "column", "severity", "error",
		    "message", "too many errors"));
}

/* Lint one file; returns its exit code (0, 1 or 66). */
static int
lint_file(const char *path, bool strict, date_t today, json_t *arr)
{
	struct diags d;
	struct policy *p = NULL;
	enum load_status st;
	int code;

	diags_init(&d, path);
	st = policy_load_file(path, &p, &d);
	if (st == LOAD_CANNOT_OPEN) {
		if (arr != NULL)
			json_array_append_new(arr, json_pack(
			    "{s:s, s:n, s:n, s:s, s:s+}", "file", path, "line",
			    "column", "severity", "error", "message",
			    "cannot open: ", strerror(errno)));
		else
			cli_file_error(0, path, "cannot open: %s",
			    strerror(errno));
		diags_release(&d);
		return EXIT_NOINPUT;
	}
	if (p != NULL && policy_lint(p, today, &d) != 0)
		diags_add(&d, SEVERITY_ERROR, 0, 0, NULL, 0, "out of memory");
	if (strict)
		diags_promote_warnings(&d);
	if (arr != NULL)
		add_json(arr, &d);
	else
		cli_print_diags(stderr, &d);
	code = d.nerrors > 0 ? EXIT_FOUND : EXIT_OK;
	diags_release(&d);
	policy_free(p);
	return code;
}

static int
severity_rank(int code)
{
	return code == EXIT_NOINPUT ? 2 : code == EXIT_FOUND ? 1 : 0;
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
	date_t today = date_today();
	json_t *arr = NULL;
	int c, code = EXIT_OK, one;
	char *s;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': strict = true; break;
		case 't':
			if (!cli_parse_today(optarg, &today))
				return EXIT_USAGE;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") == 0)
				json = false;
			else {
				cli_error(0, "lint: unknown format '%s' (text "
				    "or json)", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': return cli_finish(cli_usage("lint", stdout));
		default:
			cli_error(0, "lint: %s '%s'", c == ':' ?
			    "missing argument for" : "unknown option",
			    argv[optind - 1]);
			return cli_usage("lint", stderr);
		}
	}
	if (optind >= argc) {
		cli_error(0, "lint: no policy file given");
		return cli_usage("lint", stderr);
	}
	if (json && (arr = json_array()) == NULL)
		return cli_nomem();
	for (; optind < argc; optind++) {
		one = lint_file(argv[optind], strict, today, arr);
		if (severity_rank(one) > severity_rank(code))
			code = one;
	}
	if (arr != NULL) {
		s = json_dumps(arr, 0);
		if (s == NULL)
			code = cli_nomem();
		else
			printf("%s\n", s);
		free(s);
		json_decref(arr);
	}
	return cli_finish(code);
}
