/*
 * main.c: aipolicy's entry point: global options and `help COMMAND`, then
 * the subcommand from cmd_table[] (one file per command, see cmd.h).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit.h"
#include "core/jsonmem.h"
#include "core/text.h"
#include "cmd.h"
#include "usage.h"

static void usage(FILE *out);
static int unknown_command(const char *name);
static int help_command(int argc, char **argv);

static const struct cmd_entry cmd_table[] = {
	{ "ask", "[--plain] [--log FILE] [--today DATE] [--lang LANG] POLICY",
	    "Walk the policy one question at a time and show the verdict.\n"
	    "  --plain       numbered line prompts instead of the screen\n"
	    "  --log FILE    append a record of each verdict reached to FILE\n"
	    "  --today DATE  today's date for stale and in force (YYYY-MM-DD)\n"
	    "  --lang LANG   the policy's texts in LANG, from its translation\n"
	    "                NAME.LANG.yaml (default: the environment's\n"
	    "                language; C: the policy's own)\n"
	    "  -h, --help    show this help\n", cmd_ask },
	{ "check", "[--json] [--worst-case] [--log FILE] [--today DATE] "
	    "[--lang LANG] POLICY [QUESTION=ANSWER ...]\n"
	    "       aipolicy check --batch [--worst-case] [--log FILE] "
	    "[--today DATE] [--lang LANG] POLICY < queries.jsonl",
	    "The verdict for a set of answers, as an exit code (0 use freely,\n"
	    "10 with review, 20 do not use, 30 not decided yet) and text.\n"
	    "An answer '?' means not sure.\n"
	    "  --json        one JSON object instead of text\n"
	    "  --batch       one JSON object of answers per input line, one\n"
	    "                JSON result per output line\n"
	    "  --worst-case  treat every unanswered question as not sure\n"
	    "  --log FILE    append a record of each verdict to FILE\n"
	    "  --today DATE  today's date for stale and in force (YYYY-MM-DD)\n"
	    "  --lang LANG   the policy's texts in LANG, from its translation\n"
	    "                NAME.LANG.yaml (default: the environment's\n"
	    "                language; C: the policy's own); answers are\n"
	    "                still given and logged by their keys\n"
	    "  -h, --help    show this help\n", cmd_check },
	{ "lint", "[--strict] [--today DATE] [--format text|json] POLICY ...",
	    "Check policy files, and the translations beside them (or a\n"
	    "translation NAME.LANG.yaml given alone, against NAME.yaml);\n"
	    "errors and warnings as FILE:LINE:COLUMN.\n"
	    "  --strict         treat warnings as errors\n"
	    "  --today DATE     today's date for stale and in force "
	    "(YYYY-MM-DD)\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  -h, --help       show this help\n", cmd_lint },
	{ "test", "[--format text|junit] POLICY ...",
	    "Run the policies' test cases; exit 1 when any fails.\n"
	    "  --format FORMAT  text (default) or junit (JUnit XML)\n"
	    "  -h, --help       show this help\n", cmd_test },
	{ "render", "[--format text|markdown|mermaid|dot|html|json] [-o FILE] "
	    "[--lang LANG] POLICY",
	    "The policy on one page, as a flowchart, or as JSON.\n"
	    "  --format FORMAT  text (default), markdown, mermaid, dot, html\n"
	    "                   or json\n"
	    "  -o, --output FILE  write to FILE (replaced whole) instead of\n"
	    "                   standard output\n"
	    "  --lang LANG      the policy's texts in LANG, from its "
	    "translation\n"
	    "                   NAME.LANG.yaml (default: the environment's\n"
	    "                   language; C: the policy's own)\n"
	    "  -h, --help       show this help\n", cmd_render },
	{ "paths", "[--format tsv|json] [--limit N] POLICY",
	    "The decision table: every path of answers and its verdict.\n"
	    "  --format FORMAT  tsv (default) or json\n"
	    "  --limit N        stop after N paths (default 100000)\n"
	    "  -h, --help       show this help\n", cmd_paths },
	{ "diff", "[--format text|json] [--limit N] [--log LOG]... OLD NEW",
	    "What changed for employees between two versions of a policy;\n"
	    "exit 1 when some verdict changed.\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  --limit N        stop after N changes, and show at most N\n"
	    "                   examples of each kind of impact\n"
	    "                   (default 10000)\n"
	    "  --log LOG        replay the decisions of LOG made under OLD on\n"
	    "                   both versions: how many would now differ\n"
	    "                   (repeatable; - is standard input)\n"
	    "  -h, --help       show this help\n", cmd_diff },
	{ "report", "[--format text|json] [--policy POLICY] LOG ...",
	    "Decisions per verdict, outcome, policy version and week, and the\n"
	    "review load, from decision logs.\n"
	    "  --format FORMAT  text (default) or json\n"
	    "  --policy POLICY  also list the outcomes and answers of POLICY\n"
	    "                   that no decision made under it reached\n"
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
	fprintf(out, "\n  aipolicy help [COMMAND]\n  aipolicy --version\n"
	    "  aipolicy --help\n");
}

/* unknown_command: NAME is no command: say so (NAME shown safe), with the
 * closest command name (or help) when one is close, then the usage on stderr;
 * returns EXIT_USAGE, or EXIT_NOMEM. */
static int
unknown_command(const char *name)
{
	struct text_suggest sg;
	char *safe;
	size_t i;

	if ((safe = text_sanitize(name, strlen(name), 0)) == NULL)
		return cli_nomem();
	text_suggest_init(&sg, safe);
	for (i = 0; i < sizeof cmd_table / sizeof cmd_table[0]; i++)
		text_suggest_add(&sg, cmd_table[i].name);
	text_suggest_add(&sg, "help");
	if (sg.best != NULL)
		cli_error(0, "unknown command '%s' (did you mean '%s'?)", safe,
		    sg.best);
	else
		cli_error(0, "unknown command '%s'", safe);
	free(safe);
	usage(stderr);
	return EXIT_USAGE;
}

/*
 * help_command: `aipolicy help [COMMAND]` (ARGV[0] is "help"): the usage of
 * every command, or exactly what `aipolicy COMMAND --help` prints, since
 * it runs that.
 */
static int
help_command(int argc, char **argv)
{
	static char help_opt[] = "--help";
	const struct cmd_entry *cmd;
	char *args[3];

	if (argc > 2) {
		cli_error(0, "help: one command at most");
		fprintf(stderr, "usage: aipolicy help [COMMAND]\n");
		return EXIT_USAGE;
	}
	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return cli_finish(EXIT_OK);
	}
	if ((cmd = cli_find(argv[1])) == NULL)
		return unknown_command(argv[1]);
	args[0] = argv[1];
	args[1] = help_opt;
	args[2] = NULL;
	return cmd->fn(2, args);
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *cmd;

	/* Only the character type (text widths: wcwidth); the other
	 * categories cost a file each at start and change nothing a command
	 * prints. ask takes the whole locale for curses itself. */
	cli_setlocale(LC_CTYPE);
	jsonmem_watch();
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("aipolicy %s\n", aipolicy_version());
		return cli_finish(EXIT_OK);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return cli_finish(EXIT_OK);
	}
	if (strcmp(argv[1], "help") == 0)
		return help_command(argc - 1, argv + 1);
	cmd = cli_find(argv[1]);
	if (cmd == NULL)
		return unknown_command(argv[1]);
	return cmd->fn(argc - 1, argv + 1);
}
