/*
 * main.c: aipolicy's entry point: global options, then the subcommand from
 * cmd_table[] (one file per command, see cmd.h).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "aipolicy/exit.h"
#include "cmd.h"

static const struct cmd_entry cmd_table[] = {
	{ "ask", "[--plain] [--log FILE] [--today DATE] POLICY", cmd_ask },
	{ "check", "[--json] [--worst-case] [--log FILE] [--today DATE] "
	    "POLICY [QUESTION=ANSWER ...]\n"
	    "       aipolicy check --batch [--worst-case] [--log FILE] "
	    "[--today DATE] POLICY < queries.jsonl", cmd_check },
	{ "lint", "[--strict] [--today DATE] [--format text|json] POLICY ...",
	    cmd_lint },
	{ "test", "[--format text|junit] POLICY ...", cmd_test },
	{ "render", "[--format text|markdown|mermaid|dot|html|json] [-o FILE] "
	    "POLICY", cmd_render },
	{ "paths", "[--format tsv|json] [--limit N] POLICY", cmd_paths },
	{ "diff", "[--format text|json] [--limit N] OLD NEW", cmd_diff },
	{ "report", "[--format text|json] LOG ...", cmd_report },
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
