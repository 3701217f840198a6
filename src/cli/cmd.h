/*
 * cmd.h: the subcommands of aipolicy and what they share.
 *
 * Adding a command:
 *  1. write src/cli/cmd-NAME.c with `int cmd_NAME(int argc, char **argv)`
 *     (argv[0] is the command's name; parse options with getopt_long,
 *     print usage with cli_usage on --help, and say usage errors with the
 *     helpers of options.c below: cli_bad_option, cli_parse_format, ...);
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
 * caret, sorted, at most AIPOLICY_DIAG_SHOW_MAX, then "too many errors". */
void cli_print_diags(FILE *out, struct aipolicy_diags *d);

/*
 * cli_load: load the policy at PATH for a command that needs a valid one,
 * computing what FLAGS ask for (enum aipolicy_load_flags: AIPOLICY_LOAD_DIGEST
 * when the command shows or logs the policy's sha256). On failure, prints why
 * (diagnostics, the open error, or "out of memory") on stderr and returns
 * EXIT_DATAERR, EXIT_NOINPUT or EXIT_NOMEM; *MSG (when MSG is not NULL) is
 * set to a one-line summary owned by the caller (for JSON errors). Warnings
 * are not printed. Returns EXIT_OK with *out set on success.
 */
int cli_load(const char *path, unsigned flags, struct aipolicy **out,
    char **msg);

/* Bytes of a message kept for a caller (e.g. serve's reload answer). */
#define CLI_MESSAGE_MAX 512

/* cli_cannot_open: say that the file at PATH cannot be opened (errno says
 * why), and put the same words in *MSG (malloc'd; NULL when out of
 * memory) when MSG is not NULL. Returns EXIT_NOINPUT. */
int cli_cannot_open(const char *path, char **msg);

/* cli_report_invalid: the errors of D (a file at PATH that did not load)
 * on stderr, warnings left out (D is changed); *MSG (when MSG is not
 * NULL) set to a one-line summary the caller owns (NULL when out of
 * memory). */
void cli_report_invalid(const char *path, struct aipolicy_diags *d, char **msg);

/*
 * A policy as a command shows it to people: in the language asked for
 * with --lang, or else the one the environment asks for, when the policy
 * has a translation into it (aipolicy/translation.h); otherwise in its
 * own (language.c).
 */
struct translation;

struct cli_shown {
	struct aipolicy *own;          /* as loaded */
	struct translation *tr;      /* the translation shown, or NULL */
	struct aipolicy *policy;       /* what to show: own, or translated */
};

/* cli_parse_lang: ARG, the --lang of command CMD, is a language tag, a
 * locale name, or C or POSIX (the policy's own texts); false after the
 * usage error. */
bool cli_parse_lang(const char *cmd, const char *arg);

/*
 * cli_load_shown: load the policy at PATH (as cli_load does, with FLAGS)
 * and the translation chosen by LANG (--lang; NULL: the environment) into
 * *S.
 * EXIT_OK, or after saying why: EXIT_USAGE (LANG names a language with no
 * translation; the languages there are are listed), EXIT_DATAERR,
 * EXIT_NOINPUT or EXIT_NOMEM, with *MSG as cli_load sets it. Release *S
 * with cli_shown_release in every case.
 */
int cli_load_shown(const char *cmd, const char *path, const char *lang,
    unsigned flags, struct cli_shown *s, char **msg);
/* cli_shown_release: free what S holds. */
void cli_shown_release(struct cli_shown *s);

/* cli_parse_today: parse a --today argument; prints a usage error and
 * returns false when it is not a real date. */
bool cli_parse_today(const char *arg, aipolicy_date_t *out);

/* cli_setlocale: CATEGORY (LC_CTYPE, or LC_ALL for curses) of the locale
 * the environment names (setlocale(CATEGORY, "")); when that cannot be set
 * (a locale not installed) but its character set is UTF-8
 * ("de_DE.UTF-8"), C.UTF-8 for the character type, so that text is still
 * shown as UTF-8. LC_MESSAGES stays "C": the C library's messages are
 * quoted in English messages. */
void cli_setlocale(int category);

/* cli_finish: flush stdout and check it; returns CODE, or EXIT_IOERR with a
 * message when a write to stdout failed. Every command ends with it. */
int cli_finish(int code);

/*
 * Usage errors, said the same way by every command (options.c): each is
 * "aipolicy: error: CMD: MESSAGE" on stderr, then the usage line of CMD,
 * and each returns (or leads to) EXIT_USAGE.
 */
/* cli_usage_error: MESSAGE from FMT; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* cli_bad_option: the option getopt_long just refused (C is what it
 * returned: ':' for a missing argument, anything else for an unknown
 * option; optind is past it); returns EXIT_USAGE. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* cli_parse_format: the index of ARG in FORMATS (NULL-terminated), or -1
 * after the usage error, with the closest name when one is close. */
int cli_parse_format(const char *cmd, const char *arg,
    const char *const *formats);
/* cli_parse_limit: true and *OUT set when ARG is a --limit: decimal
 * digits only, at least 1 (one too large to hold is SIZE_MAX, no limit);
 * false after the usage error. */
bool cli_parse_limit(const char *cmd, const char *arg, size_t *out);
/* cli_one_policy: EXIT_OK when argv[FIRST] is the only argument left (the
 * policy of a command that takes one), else EXIT_USAGE after saying so. */
int cli_one_policy(const char *cmd, int argc, char **argv, int first);

/* cli_most_severe: of two exit codes of one file each, the one a command
 * over several files exits with: 66 > 65 > 1 > 0 (any other code, such as
 * out of memory, is kept over all of them). */
int cli_most_severe(int a, int b);

/* What a command does with the lines of decision logs (logs.c). */
struct logrec;
struct cli_logs {
	/* A record of the log NAME (its strings valid during the call).
	 * Returns 0, or -1 when out of memory, which stops the reading. */
	int (*record)(void *ctx, const char *name, size_t lineno,
	    const struct logrec *rec);
	/* A line skipped (cli_read_logs has named it): count it. */
	void (*skipped)(void *ctx);
	void *ctx;
};

/*
 * cli_read_logs: read the N logs at PATHS ("-" is standard input) in
 * order, handing each line to LOGS; each line skipped is named on stderr
 * as cli_warn_skipped says. Every log is read even when one cannot be.
 * Returns EXIT_OK, EXIT_NOINPUT (each log that cannot be opened or read
 * named on stderr) or EXIT_NOMEM (said on stderr).
 */
int cli_read_logs(char *const *paths, size_t n, const struct cli_logs *logs);
/* cli_warn_skipped: "NAME:LINE: warning: line skipped: WHY" on stderr. */
void cli_warn_skipped(const char *name, size_t lineno, const char *why);
/* cli_warn_unlogged: the warning that no record in the logs names the
 * policy at PATH, WHAT being "policy" or "version". */
void cli_warn_unlogged(const char *path, const char *what);

#endif
