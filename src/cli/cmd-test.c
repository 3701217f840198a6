/*
 * cmd-test.c: aipolicy test: run the test cases of one or more policies;
 * name each failing case (text) or write JUnit XML for CI dashboards.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/exit.h"
#include "core/testrun.h"
#include "cmd.h"

/* The formats of --format, in the order of enum format. */
enum format { FORMAT_TEXT, FORMAT_JUNIT };
static const char *const formats[] = { "text", "junit", NULL };

/* What one run over every file adds up to. */
struct test_totals {
	size_t passed, failed;
	struct testrun_junit *junit;   /* NULL for text output */
};

static int test_file(const char *path, struct test_totals *t);
static int run_cases(const struct aipolicy *p, struct test_totals *t);
static int print_failure(const struct aipolicy *p,
    const struct testrun_result *r);
static int print_totals(struct test_totals *t);

/* A failing case in text: where, why, and the answers. Returns 0, or -1
 * when out of memory. */
static int
print_failure(const struct aipolicy *p, const struct testrun_result *r)
{
	char *why = testrun_failure_text(p, r);
	char *answers = testrun_answers_text(r->tc);
	int rc = -1;

	if (why != NULL && answers != NULL) {
		printf("%s:%u:%u: error: test case failed: %s\n  answers: %s\n",
		    p->file, r->tc->loc.line, r->tc->loc.column, why, answers);
		rc = 0;
	}
	free(why);
	free(answers);
	return rc;
}

/* Run every case of P. Returns EXIT_OK, EXIT_FOUND (a case failed) or
 * EXIT_NOMEM (nothing printed about it yet). */
static int
run_cases(const struct aipolicy *p, struct test_totals *t)
{
	struct testrun *tr = testrun_new(p);
	struct testrun_result r;
	size_t i, failed = 0;
	int rc = 0;

	if (tr == NULL)
		return EXIT_NOMEM;
	if (t->junit != NULL)
		rc = testrun_junit_begin(t->junit, p->file, p);
	for (i = 0; i < p->ntests && rc == 0; i++) {
		rc = testrun_case(tr, i, &r);
		if (rc != 0)
			break;
		failed += !r.passed;
		if (t->junit != NULL)
			rc = testrun_junit_case(t->junit, &r);
		else if (!r.passed)
			rc = print_failure(p, &r);
	}
	if (rc == 0 && t->junit != NULL)
		rc = testrun_junit_end(t->junit);
	testrun_free(tr);
	if (rc != 0)
		return EXIT_NOMEM;
	t->passed += p->ntests - failed;
	t->failed += failed;
	return failed > 0 ? EXIT_FOUND : EXIT_OK;
}

/* test_file's code for out of memory when cli_load has said so. */
#define EXIT_NOMEM_SAID (-EXIT_NOMEM)

/* Load and test one file; returns its exit code (EXIT_NOMEM_SAID when
 * memory ran out and that was said). */
static int
test_file(const char *path, struct test_totals *t)
{
	struct aipolicy *p = NULL;
	char *msg = NULL;
	int code;

	code = cli_load(path, 0, &p, &msg);
	if (code == EXIT_NOMEM) {
		free(msg);
		return EXIT_NOMEM_SAID;
	}
	if (code != EXIT_OK) {
		if (t->junit != NULL && testrun_junit_error(t->junit, path,
		    msg != NULL ? msg : "invalid policy") != 0)
			code = EXIT_NOMEM;
		free(msg);
		return code;
	}
	if (p->ntests == 0)
		fprintf(stderr, "aipolicy: %s: warning: the policy has no test "
		    "cases\n", path);
	code = run_cases(p, t);
	aipolicy_free(p);
	return code;
}

/* The totals (text), or the JUnit document (which frees t->junit).
 * EXIT_OK, or EXIT_NOMEM after saying so. */
static int
print_totals(struct test_totals *t)
{
	char *xml;
	size_t len;

	if (t->junit == NULL) {
		printf("%zu passed, %zu failed\n", t->passed, t->failed);
		return EXIT_OK;
	}
	xml = testrun_junit_finish(t->junit, &len);
	t->junit = NULL;
	if (xml == NULL)
		return cli_nomem();
	fwrite(xml, 1, len, stdout);
	free(xml);
	return EXIT_OK;
}

int
cmd_test(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct test_totals t = { 0, 0, NULL };
	bool junit = false;
	int c, f, one, code = EXIT_OK;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((f = cli_parse_format("test", optarg, formats)) < 0)
				return EXIT_USAGE;
			junit = f == FORMAT_JUNIT;
			break;
		case 'h': return cli_finish(cli_usage("test", stdout));
		default: return cli_bad_option("test", c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error("test", "no policy file given");
	if (junit && (t.junit = testrun_junit_new()) == NULL)
		return cli_finish(cli_nomem());
	for (; optind < argc && code != EXIT_NOMEM; optind++) {
		one = test_file(argv[optind], &t);
		if (one == EXIT_NOMEM_SAID) {
			testrun_junit_free(t.junit);
			return cli_finish(EXIT_NOMEM);
		}
		code = cli_most_severe(code, one);
	}
	if (code == EXIT_NOMEM)
		code = cli_nomem();
	else
		code = cli_most_severe(code, print_totals(&t));
	testrun_junit_free(t.junit);
	return cli_finish(code);
}
