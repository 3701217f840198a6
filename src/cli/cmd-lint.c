/*
 * cmd-lint.c: aipolicy lint: every error and warning of one or more
 * policy files, and of the translations beside each (or of a translation
 * named alone, against its policy), as text on stderr or as a JSON array
 * on stdout.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli/exit.h"
#include "core/jsonmem.h"
#include "aipolicy/lint.h"
#include "core/translation.h"
#include "cmd.h"

/* The formats of --format, in the order of enum format. */
enum format { FORMAT_TEXT, FORMAT_JSON };
static const char *const formats[] = { "text", "json", NULL };

/* What one run of lint keeps from file to file. */
struct lint_run {
	bool strict;
	aipolicy_date_t today;
	json_t *arr;            /* --format json: the diagnostics; else NULL */
	struct stat *seen;      /* the translations linted so far */
	size_t nseen, seen_cap;
};

static int append(json_t *arr, json_t *item);
static int add_json(json_t *arr, struct aipolicy_diags *d);
static int cannot_open(const char *path, json_t *arr);
static int show(struct lint_run *l, struct aipolicy_diags *d);
static int vec_grow_seen(struct lint_run *l);
static bool first_time(struct lint_run *l, const char *path);
static int lint_translation(struct lint_run *l, const char *path,
    const struct aipolicy *p);
static int lint_translations(struct lint_run *l, const char *path,
    const struct aipolicy *p);
static int lint_policy(struct lint_run *l, const char *path);
static int lint_translation_file(struct lint_run *l, const char *path,
    const char *policy_path);
static int lint_file(struct lint_run *l, const char *path);
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

/* Promote D's warnings under --strict, then show D on stderr, or add it
 * to L's JSON array. EXIT_OK, or EXIT_NOMEM after saying so. */
static int
show(struct lint_run *l, struct aipolicy_diags *d)
{
	if (l->strict)
		aipolicy_diags_promote_warnings(d);
	if (l->arr == NULL)
		cli_print_diags(stderr, d);
	else if (add_json(l->arr, d) != 0)
		return cli_nomem();
	return EXIT_OK;
}

/* Room for one more file in l->seen: 0, or -1 when out of memory (the
 * file is then not remembered, and may be linted twice). */
static int
vec_grow_seen(struct lint_run *l)
{
	struct stat *seen;
	size_t cap;

	if (l->nseen < l->seen_cap)
		return 0;
	cap = l->seen_cap ? l->seen_cap * 2 : 8;
	if ((seen = realloc(l->seen, cap * sizeof *seen)) == NULL)
		return -1;
	l->seen = seen;
	l->seen_cap = cap;
	return 0;
}

/* The file at PATH is linted now: false when it was already (as a
 * translation beside a policy linted before), true after noting it. */
static bool
first_time(struct lint_run *l, const char *path)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) != 0)
		return true;
	for (i = 0; i < l->nseen; i++) {
		if (l->seen[i].st_dev == st.st_dev &&
		    l->seen[i].st_ino == st.st_ino)
			return false;
	}
	if (vec_grow_seen(l) == 0)
		l->seen[l->nseen++] = st;
	return true;
}

/*
 * Lint the translation at PATH against P: its diagnostics, then the
 * texts of P it lacks, at their places in P. Its exit code (0, 1 or 66),
 * or EXIT_NOMEM after saying so.
 */
static int
lint_translation(struct lint_run *l, const char *path, const struct aipolicy *p)
{
	struct aipolicy_diags td, pd;
	struct translation *t = NULL;
	enum aipolicy_status st;
	int code = EXIT_OK;

	aipolicy_diags_init(&td, path);
	aipolicy_diags_init(&pd, p->file);
	st = translation_load_file(path, p, &t, &td);
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&td);
		aipolicy_diags_release(&pd);
		return cannot_open(path, l->arr);
	}
	if (st == AIPOLICY_NOMEM || (t != NULL && translation_lint(t, p, &td,
	    &pd) != 0))
		code = cli_nomem();
	if (code == EXIT_OK)
		code = show(l, &td);
	if (code == EXIT_OK)
		code = show(l, &pd);
	if (code == EXIT_OK && td.nerrors + pd.nerrors > 0)
		code = EXIT_FOUND;
	translation_free(t);
	aipolicy_diags_release(&td);
	aipolicy_diags_release(&pd);
	return code;
}

/* Lint every translation beside the policy P at PATH, in the order of
 * their tags. The most severe exit code. */
static int
lint_translations(struct lint_run *l, const char *path,
    const struct aipolicy *p)
{
	struct translation_files f;
	size_t i;
	int code = EXIT_OK;

	if (translation_files_find(path, &f) != 0)
		code = cli_nomem();
	for (i = 0; code != EXIT_NOMEM && i < f.n; i++) {
		if (first_time(l, f.paths[i]))
			code = cli_most_severe(code, lint_translation(l,
			    f.paths[i], p));
	}
	translation_files_release(&f);
	return code;
}

/* Lint the policy at PATH, then its translations. Its exit code (0, 1 or
 * 66), or EXIT_NOMEM after saying so. */
static int
lint_policy(struct lint_run *l, const char *path)
{
	struct aipolicy_diags d;
	struct aipolicy *p = NULL;
	enum aipolicy_status st;
	int code = EXIT_OK;

	aipolicy_diags_init(&d, path);
	st = aipolicy_load_file_with(path, 0, &p, &d);
	if (st == AIPOLICY_CANNOT_OPEN) {
		aipolicy_diags_release(&d);
		return cannot_open(path, l->arr);
	}
	if (st == AIPOLICY_NOMEM || (p != NULL && aipolicy_lint(p, l->today,
	    &d) != 0) || d.nomem)
		code = cli_nomem();
	if (code == EXIT_OK)
		code = show(l, &d);
	if (code == EXIT_OK && d.nerrors > 0)
		code = EXIT_FOUND;
	aipolicy_diags_release(&d);
	if (code != EXIT_NOMEM && p != NULL)
		code = cli_most_severe(code, lint_translations(l, path, p));
	aipolicy_free(p);
	return code;
}

/*
 * Lint PATH, the translation NAME.LANG.yaml of the policy POLICY_PATH
 * (NAME.yaml) beside it: that policy must load for the translation to be
 * checked against it.
 */
static int
lint_translation_file(struct lint_run *l, const char *path,
    const char *policy_path)
{
	struct aipolicy_diags d;
	struct aipolicy *p = NULL;
	enum aipolicy_status st;
	int code;

	if (!first_time(l, path))
		return EXIT_OK;
	aipolicy_diags_init(&d, policy_path);
	st = aipolicy_load_file(policy_path, &p, &d);
	aipolicy_diags_release(&d);
	if (st == AIPOLICY_NOMEM)
		return cli_nomem();
	if (st == AIPOLICY_CANNOT_OPEN)
		return cannot_open(policy_path, l->arr);
	if (st == AIPOLICY_OK) {
		code = lint_translation(l, path, p);
		aipolicy_free(p);
		return code;
	}
	if (l->arr == NULL)
		return cli_file_error(EXIT_FOUND, path, "cannot check the "
		    "translation: its policy %s is not valid (aipolicy lint %s "
		    "says why)", policy_path, policy_path);
	if (append(l->arr, json_pack("{s:s, s:n, s:n, s:s, s:s+++}", "file",
	    path, "line", "column", "severity", "error", "message",
	    "cannot check the translation: its policy ", policy_path,
	    " is not valid")) != 0)
		return cli_nomem();
	return EXIT_FOUND;
}

/* Lint one file, a policy or a translation (by its name, when its policy
 * is beside it). Its exit code (0, 1 or 66), or EXIT_NOMEM. */
static int
lint_file(struct lint_run *l, const char *path)
{
	char tag[LANG_TAG_MAX], *policy_path;
	struct stat st;
	int code;

	if (!translation_path_split(path, &policy_path, tag))
		return errno == ENOMEM ? cli_nomem() : lint_policy(l, path);
	if (stat(policy_path, &st) != 0 || !S_ISREG(st.st_mode))
		code = lint_policy(l, path);
	else
		code = lint_translation_file(l, path, policy_path);
	free(policy_path);
	return code;
}

/* ARR on one line; EXIT_OK, or EXIT_NOMEM after saying so. */
static int
print_json(json_t *arr)
{
	char *s = jsonmem_dumps(arr, 0);

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
	struct lint_run l = { false, 0, NULL, NULL, 0, 0 };
	bool json = false;
	int c, f, code = EXIT_OK;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': l.strict = true; break;
		case 't':
			if (!cli_parse_today(optarg, &l.today))
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
	if (l.today == 0)
		l.today = aipolicy_date_today();
	if (json && (l.arr = json_array()) == NULL)
		return cli_finish(cli_nomem());
	for (; optind < argc && code != EXIT_NOMEM; optind++)
		code = cli_most_severe(code, lint_file(&l, argv[optind]));
	if (l.arr != NULL && code != EXIT_NOMEM)
		code = cli_most_severe(code, print_json(l.arr));
	json_decref(l.arr);
	free(l.seen);
	return cli_finish(code);
}
