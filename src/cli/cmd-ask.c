/*
 * cmd-ask.c: `aipolicy ask [--plain] [--log FILE] [--today DATE] POLICY`,
 * the walk a person takes one question at a time (shared/spec/cli.md, `ask`).
 *
 * Picks the screens (src/tui/screen.c) or the line prompts
 * (src/tui/plain.c), and once the terminal is restored writes the last
 * verdict shown to the decision log.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aipolicy/exit.h"
#include "aipolicy/walk.h"
#include "cmd.h"
#include "decision-log.h"
#include "tui.h"

int cmd_ask(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "plain", no_argument, NULL, 'p' },
		{ "log", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *log_path = NULL;
	struct decision_log *log = NULL;
	struct policy *p = NULL;
	struct walk_state s;
	struct ask_last last = { 0 };
	date_t today = 0;
	bool plain = false, have_today = false;
	int c, code;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			plain = true;
			break;
		case 'l':
			log_path = optarg;
			break;
		case 't':
			if (!cli_parse_today(optarg, &today))
				return EXIT_USAGE;
			have_today = true;
			break;
		case 'h':
			return cli_finish(cli_usage("ask", stdout));
		case ':':
			cli_error(EXIT_USAGE, "option '%s' needs an argument",
			    argv[optind - 1]);
			return cli_usage("ask", stderr);
		default:
			cli_error(EXIT_USAGE, "unknown option '%s'",
			    argv[optind - 1]);
			return cli_usage("ask", stderr);
		}
	}
	if (argc - optind != 1) {
		cli_error(EXIT_USAGE, argc - optind < 1 ? "missing POLICY" :
		    "too many arguments");
		return cli_usage("ask", stderr);
	}
	setlocale(LC_ALL, "");
	if (!have_today)
		today = date_today();
	if ((code = cli_load(argv[optind], &p, NULL)) != EXIT_OK)
		return code;
	if (log_path != NULL && (log = decision_log_open(log_path)) == NULL) {
		code = cli_file_error(EXIT_IOERR, log_path,
		    "cannot open the log: %s", strerror(errno));
		policy_free(p);
		return code;
	}
	if (walk_state_init(&s, p) != 0) {
		decision_log_close(log);
		policy_free(p);
		return cli_nomem();
	}

	ask_signals_install();
	code = TUI_UNAVAILABLE;
	if (!plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	    tui_usable())
		code = tui_run(p, &s, today, &last);
	if (code == TUI_UNAVAILABLE)
		code = plain_run(p, &s, today, stdin, stdout, &last);

	/* the terminal is restored: now the log can complain */
	if (log != NULL) {
		bool failed = false;
		int err = 0;

		if (last.outcome != NULL &&
		    decision_log_add(log, "ask", p, last.path, last.npath,
		    last.unsure, last.nunsure, last.outcome) != 0) {
			failed = true;
			err = errno;
		}
		if (decision_log_close(log) != 0 && !failed) {
			failed = true;
			err = errno;
		}
		if (failed)
			code = cli_file_error(EXIT_IOERR, log_path,
			    "cannot write the log: %s",
			    err != 0 ? strerror(err) : "write failed");
	}
	ask_last_release(&last);
	walk_state_release(&s);
	policy_free(p);
	return cli_finish(code);
}
