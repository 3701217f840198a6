/*
 * main.c: aipolicy's entry point: global options, then the subcommand from
 * cmd_table[] (one file per command, see cmd.h).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "cmd.h"
#include "usage.h"

static const struct cmd_entry cmd_table[] = {
	{ "ask", "[--plain] [--log FILE] [--today DATE] POLICY",
	    "Walk the policy one question at a time and show the verdict.\n"
	    "  --plain       numbered line prompts instead of the screen\n"
	    "  --log FILE    append a record of each verdict reached to FILE\n"
	    "  --today DATE  judge staleness as of DATE (YYYY-MM-DD)\n"
	    "  -h, --help    show this help\n", cmd_ask },
	{ "check", "[--json] [--worst-case] [--log FILE] [--today DATE] "
	    "POLICY [QUESTION=ANSWER ...]\n"
	    "       aipolicy check --batch [--worst-case] [--log FILE] "
	    "[--today DATE] POLICY < queries.jsonl",
	    "The verdict for a set of answers, as an exit code (0 use freely,\n"
	    "10 with review, 20 do not use, 30 not decided yet) and text.\n"
	    "An answer '?' means not sure.\n"
	    "  --json        one JSON object instead of text\n"
	    "  --batch       one JSON object of answers per input line, one\n"
	    "                JSON result per output line\n"
	    "  --worst-case  treat every unanswered question as not sure\n"
	    "  --log FILE    append a record of each verdict to FILE\n"
	    "  --today DATE  judge staleness as of DATE (YYYY-MM-DD)\n"
	    "  -h, --help    show this help\n", cmd_check },
	{ "lint", "[--strict] [--today DATE] [--format text|json] POLICY ...",
	    "Check policy files; errors and warnings as FILE:LINE:COLUMN.\n"
	    "  --strict         treat warnings as errors\n"
	    "  --today DATE     judge staleness as of DATE (YYYY-MM-DD)\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  -h, --help       show this help\n", cmd_lint },
	{ "test", "[--format text|junit] POLICY ...",
	    "Run the policies' test cases; exit 1 when any fails.\n"
	    "  --format FORMAT  text (default) or junit (JUnit XML)\n"
	    "  -h, --help       show this help\n", cmd_test },
	{ "render", "[--format text|markdown|mermaid|dot|html|json] [-o FILE] "
	    "POLICY",
	    "The policy on one page, as a flowchart, or as JSON.\n"
	    "  --format FORMAT  text (default), markdown, mermaid, dot, html\n"
	    "                   or json\n"
	    "  -o, --output FILE  write to FILE (replaced whole) instead of\n"
	    "                   standard output\n"
	    "  -h, --help       show this help\n", cmd_render },
	{ "paths", "[--format tsv|json] [--limit N] POLICY",
	    "The decision table: every path of answers and its verdict.\n"
	    "  --format FORMAT  tsv (default) or json\n"
	    "  --limit N        stop after N paths (default 100000)\n"
	    "  -h, --help       show this help\n", cmd_paths },
	{ "diff", "[--format text|json] [--limit N] OLD NEW",
	    "What changed for employees between two versions of a policy;\n"
	    "exit 1 when some verdict changed.\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  --limit N        stop after N changes (default 10000)\n"
	    "  -h, --help       show this help\n", cmd_diff },
	{ "report", "[--format text|json] LOG ...",
	    "Decisions per verdict, outcome, policy version and week, and the\n"
	    "review load, from decision logs.\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  -h, --help       show this help\n", cmd_report },
	{ "serve", SERVE_USAGE, SERVE_HELP, cmd_serve },
};

const struct cmd_entry *
cli_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++) {
		if (strcmp(cmd_table[i].name, name) == 0)
			return &cmd_table[i];
	}
	return NULL;
}

static void
usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: aipolicy COMMAND [OPTIONS] ...\n\n");
	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		fprintf(out, "  aipolicy %s %s\n", cmd_table[i].name,
		    cmd_table[i].usage);
	fprintf(out, "\n  aipolicy --version\n  aipolicy --help\n");
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *cmd;

	setlocale(LC_ALL, "");
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("aipolicy %s\n", AIPOLICY_VERSION);
		return cli_finish(EXIT_OK);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return cli_finish(EXIT_OK);
	}
	cmd = cli_find(argv[1]);
	if (cmd == NULL) {
		cli_error(EXIT_USAGE, "unknown command '%s'", argv[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	return cmd->fn(argc - 1, argv + 1);
}
