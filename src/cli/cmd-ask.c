/*
 * cmd-ask.c: `aipolicy ask [--plain] [--log FILE] [--today DATE]
 * [--lang LANG] POLICY`, the walk a person takes one question at a time,
 * in the language of a translation (--lang, or the environment's).
 *
 * Picks the screens (src/tui/screen.c) or the line prompts
 * (src/tui/plain.c), and writes a record to the decision log for each
 * verdict screen they reach, as it is shown; a log failure is reported
 * once the terminal is restored. Both speak the program's words in the
 * language the environment asks for (words.h).
 */
#include <errno.h>
#include <locale.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/exit.h"
#include "aipolicy/walk.h"
#include "core/words.h"
#include "cmd.h"
#include "decision-log.h"
#include "tui.h"

/* The decision log of one walk, and how writing it went. */
struct ask_log {
	struct decision_log *log;      /* NULL without --log */
	const char *path;
	int err;                       /* errno of the first failed write */
	bool nomem;                    /* a record could not be made */
};

static void log_verdict(void *arg, const struct aipolicy_walk_state *s);
static int log_finish(struct ask_log *al, int code);
static int walk(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w, bool plain,
    struct ask_log *al);
static int parse_options(int argc, char **argv, struct ask_log *al,
    aipolicy_date_t *today, bool *plain, const char **lang,
    const char **policy);

/* log_verdict: the ask_hooks verdict hook: one record for the verdict
 * screen S reached, written and synced now. */
static void log_verdict(void *arg, const struct aipolicy_walk_state *s)
{
	struct ask_log *al = arg;

	if (al->log == NULL)
		return;
	if (decision_log_add(al->log, "ask", s->policy, s->result.path,
	    s->result.npath, s->result.unsure, s->result.nunsure,
	    s->outcome) != 0) {
		al->nomem = true;
		return;
	}
	if (decision_log_flush(al->log) != 0 && al->err == 0)
		al->err = errno != 0 ? errno : EIO;
}

/* log_finish: close the log; the exit code: CODE, or what went wrong with
 * the log (out of memory, or a write that failed). */
static int log_finish(struct ask_log *al, int code)
{
	if (al->log == NULL)
		return code;
	if (decision_log_close(al->log) != 0 && al->err == 0)
		al->err = errno != 0 ? errno : EIO;
	if (al->nomem)
		return cli_nomem();
	if (al->err != 0)
		return cli_file_error(EXIT_IOERR, al->path, "cannot write the "
		    "decision log: %s", strerror(al->err));
	return code;
}

/* walk: the screens when they can run, else the line prompts, in the
 * words of W; the exit code, with the terminal restored. */
static int walk(const struct aipolicy *p, struct aipolicy_walk_state *s,
    aipolicy_date_t today, const struct words *w, bool plain,
    struct ask_log *al)
{
	struct ask_hooks hooks = { log_verdict, al };
	int code = TUI_UNAVAILABLE;

	ask_signals_install();
	if (!plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	    tui_usable())
		code = tui_run(p, s, today, w, &hooks);
	if (code == TUI_UNAVAILABLE)
		code = plain_run(p, s, today, w, stdin, stdout, &hooks);
	if (code == ASK_INPUT_ENDED)
		code = cli_error(EXIT_QUIT, "%s", words_text(w,
		    WORD_INPUT_ENDED));
	else if (code == EXIT_NOMEM)
		code = cli_nomem();
	return code;
}

/* parse_options: the options into AL, *TODAY, *PLAIN and *LANG, up to
 * the policy (argv[optind]). EXIT_OK with *POLICY set; EXIT_OK after
 * --help (with *POLICY NULL); or EXIT_USAGE after saying why. */
static int parse_options(int argc, char **argv, struct ask_log *al,
    aipolicy_date_t *today, bool *plain, const char **lang, const char **policy)
{
	static const struct option longopts[] = {
		{ "plain", no_argument, NULL, 'p' },
		{ "log", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *day = NULL;
	int c, code;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': *plain = true; break;
		case 'l': al->path = optarg; break;
		case 't': day = optarg; break;
		case 'L':
			if (!cli_parse_lang("ask", optarg))
				return EXIT_USAGE;
			*lang = optarg;
			break;
		case 'h': return cli_finish(cli_usage("ask", stdout));
		default: return cli_bad_option("ask", c, argv);
		}
	}
	if ((code = cli_one_policy("ask", argc, argv, optind)) != EXIT_OK)
		return code;
	if (day != NULL && !cli_parse_today(day, today))
		return cli_usage("ask", stderr);
	if (day == NULL)
		*today = aipolicy_date_today();
	*policy = argv[optind];
	return EXIT_OK;
}

int cmd_ask(int argc, char **argv)
{
	struct ask_log al = { NULL, NULL, 0, false };
	struct cli_shown shown;
	const struct aipolicy *p;
	struct aipolicy_walk_state s;
	struct words words;
	const char *policy = NULL, *lang = NULL;
	aipolicy_date_t today = 0;
	bool plain = false;
	int code;

	code = parse_options(argc, argv, &al, &today, &plain, &lang, &policy);
	if (code != EXIT_OK || policy == NULL)
		return code;
	cli_setlocale(LC_ALL);
	if (words_load(&words, lang) != 0)
		return cli_finish(cli_nomem());
	if ((code = cli_load_shown("ask", policy, lang,
	    al.path != NULL ? AIPOLICY_LOAD_DIGEST : 0, &shown, NULL)) !=
	    EXIT_OK) {
		cli_shown_release(&shown);
		return cli_finish(code);
	}
	p = shown.policy;
	/* before the walk: nobody answers for a decision not recorded */
	if (al.path != NULL && (al.log = decision_log_open(al.path)) == NULL)
		code = errno == ENOMEM ? cli_nomem() :
		    cli_file_error(EXIT_IOERR, al.path, "cannot open the "
		    "decision log: %s", strerror(errno));
	else if (aipolicy_walk_state_init(&s, p) != 0) {
		decision_log_close(al.log);  /* the walk never began */
		code = cli_nomem();
	} else {
		code = log_finish(&al, walk(p, &s, today, &words, plain,
		    &al));
		aipolicy_walk_state_release(&s);
	}
	cli_shown_release(&shown);
	return cli_finish(code);
}
