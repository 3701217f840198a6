/*
 * cmd.h: the subcommands of aipolicy and what they share.
 *
 * Adding a command:
 *  1. write src/cli/cmd-NAME.c with `int cmd_NAME(int argc, char **argv)`
 *     (argv[0] is the command's name; parse options with getopt_long and
 *     print usage with cli_usage on --help);
 *  2. declare it below and add one line to cmd_table[] in main.c.
 * A command returns its exit code (aipolicy/exit.h) and never calls exit().
 */
#ifndef AIPOLICY_CMD_H
#define AIPOLICY_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "aipolicy/diag.h"
#include "aipolicy/policy.h"

struct cmd_entry {
	const char *name;
	const char *usage;   /* the synopsis line after "aipolicy NAME " */
	const char *help;    /* what it does, then one line per option */
	int (*fn)(int argc, char **argv);
};

int cmd_ask(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_paths(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_test(int argc, char **argv);

/* cli_find: the entry for NAME, or NULL. */
const struct cmd_entry *cli_find(const char *name);

/* cli_error: "aipolicy: error: MESSAGE" on stderr; returns CODE. */
int cli_error(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* cli_file_error: "aipolicy: FILE: error: MESSAGE" on stderr; returns CODE. */
int cli_file_error(int code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* cli_nomem: "aipolicy: error: out of memory" on stderr; returns
 * EXIT_NOMEM. The one way every command reports running out of memory. */
int cli_nomem(void);
/* cli_usage: the synopsis of command NAME on OUT: on stdout (--help) with
 * its help text and EXIT_OK returned, on stderr (after a usage error) alone
 * and EXIT_USAGE returned. */
int cli_usage(const char *name, FILE *out);

/* cli_print_diags: D as "FILE:LINE:COLUMN: error: ..." with the line and a
 * caret, sorted, at most DIAG_SHOW_MAX, then "too many errors". */
void cli_print_diags(FILE *out, struct diags *d);

/*
 * cli_load: load the policy at PATH for a command that needs a valid one.
 * On failure, prints why (diagnostics, or the open error) on stderr and
 * returns EXIT_DATAERR or EXIT_NOINPUT; *MSG (when MSG is not NULL) is set
 * to a one-line summary owned by the caller (for JSON errors). Warnings are
 * not printed. Returns EXIT_OK with *out set on success.
 */
int cli_load(const char *path, struct policy **out, char **msg);

/* cli_parse_today: parse a --today argument; prints a usage error and
 * returns false when it is not a real date. */
bool cli_parse_today(const char *arg, date_t *out);

/* cli_finish: flush stdout and check it; returns CODE, or EXIT_IOERR with a
 * message when a write to stdout failed. Every command ends with it. */
int cli_finish(int code);

#endif
